/**
 * An item as the public sees it, built from its redacted content: the one shape the public
 * room's post, the site and the feeds are made from. Author labels are names only where the
 * author agreed to be named; everything else is a pseudonym.
 */
import type { NetworkConfig, RoomConfig } from "../../../config/network-config.ts";
import type { PublishedDigestItem } from "../../../lib/digest-index/index.ts";
import type { RedactedItem } from "../redact/index.ts";

const TITLE_LENGTH = 90;

export function titleOf(redacted: RedactedItem): string {
  const first = redacted.messages.find((message) => message.text.trim() !== "")?.text.trim() ?? "";
  const line = first.split("\n")[0]?.trim() ?? "";
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : line;
}

export function regionsOf(room: RoomConfig | undefined): string[] {
  if (room === undefined) return [];
  return room.kind === "regional" ? [room.region] : [...room.regions];
}

export function publicItemOf(
  config: NetworkConfig,
  room: RoomConfig | undefined,
  item: { readonly id: string; readonly publishedAt: number; readonly edition?: string },
  redacted: RedactedItem,
  topics: readonly string[],
  now: number,
): PublishedDigestItem {
  const region = config.regions.find((entry) => entry.id === room?.homeRegion);
  return {
    version: 1,
    id: item.id,
    title: titleOf(redacted),
    language: region?.languages[0] ?? config.network.defaultLanguage,
    publishedAt: item.publishedAt,
    updatedAt: now,
    regions: regionsOf(room),
    topics: [...topics],
    messages: redacted.messages.map((message) => ({
      author: message.authorLabel,
      pseudonymous: message.authorPseudonymous,
      text: message.text,
    })),
    ...(item.edition === undefined ? {} : { edition: item.edition }),
  };
}

/** The public room's post: plain text, the item's id in a field of its own for tools. */
export function publicPostOf(item: PublishedDigestItem, url: string): Record<string, unknown> {
  const body = [
    item.title,
    "",
    ...item.messages.map((message) => `${message.author}: ${message.text}`),
    "",
    url,
  ].join("\n");
  return { msgtype: "m.text", body, "org.meridian.digest.item": { id: item.id } };
}
