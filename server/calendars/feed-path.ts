/**
 * Feed URLs are `/calendars/<token>.ics`: the token is the whole secret, so the path is
 * parsed strictly and never written to a log as it is.
 */
import { feedTokenTag, isFeedTokenShaped } from "../../lib/convening-index/index.ts";

/** The token in a feed file name (`<token>.ics`), or undefined when it cannot be one. */
export function tokenOfFeedFile(file: string): string | undefined {
  if (!file.endsWith(".ics")) return undefined;
  const token = file.slice(0, -".ics".length);
  return isFeedTokenShaped(token) ? token : undefined;
}

/**
 * What the request log shows for a path under `/calendars/`: each segment replaced by a
 * short hash, so a line can still be matched to a token its owner reports, and no log reader
 * can open the feed.
 */
export function redactFeedPath(pathUnderCalendars: string): string {
  const segments = pathUnderCalendars.split("/").filter((segment) => segment !== "");
  const redacted = segments.map((segment) =>
    segment.endsWith(".ics")
      ? `~${feedTokenTag(segment.slice(0, -".ics".length))}.ics`
      : `~${feedTokenTag(segment)}`,
  );
  return `/calendars/${redacted.join("/")}`;
}
