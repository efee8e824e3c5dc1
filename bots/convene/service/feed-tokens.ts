/**
 * Feed tokens that outlive Redis. A token is a capability URL someone pasted into their
 * calendar app; if it died with Redis, their calendar would silently stop updating. So the
 * bot keeps each subject's token in its account data (private to its account, on its own
 * homeserver), and Redis holds the copy the hub looks up, put back on every start.
 *
 * Order matters for revocation: a new token is written to the account data before Redis. A
 * crash in between leaves Redis on the old token until the next start puts the new one, never
 * the reverse, which would bring a rotated-away URL back to life.
 */
import { type FeedSubject, isFeedTokenShaped, newFeedToken } from "../../../lib/convening-index/index.ts";
import { type Result, ok } from "../../../lib/result.ts";
import type { BotMatrix, MatrixFailure } from "../../runtime/matrix/bot-matrix.ts";

const FEED_TYPE_PREFIX = "org.meridian.convene.feed.";

/** The hub's lookup side of feed tokens, in Redis. */
export interface FeedIndex {
  current(subject: FeedSubject): Promise<string | undefined>;
  put(subject: FeedSubject, token: string): Promise<void>;
}

export interface FeedTokens {
  /** The subject's token (with `rotate`, a new one replacing the old), recorded durably first. */
  tokenFor(subject: FeedSubject, rotate: boolean): Promise<Result<string, MatrixFailure>>;
  /** Puts every recorded token back into the index; returns how many. */
  restoreAll(): Promise<number>;
}

function typeOf(subject: FeedSubject): string {
  switch (subject.kind) {
    case "person":
      return `${FEED_TYPE_PREFIX}person:${subject.user}`;
    case "region":
      return `${FEED_TYPE_PREFIX}region:${subject.region}`;
    case "convening":
      return `${FEED_TYPE_PREFIX}convening:${subject.id}`;
  }
}

function subjectOf(type: string): FeedSubject | undefined {
  const rest = type.slice(FEED_TYPE_PREFIX.length);
  const colon = rest.indexOf(":");
  const kind = rest.slice(0, colon);
  const value = rest.slice(colon + 1);
  if (colon < 1 || value === "") return undefined;
  if (kind === "person" && value.startsWith("@")) return { kind, user: value as never };
  if (kind === "region") return { kind, region: value };
  if (kind === "convening") return { kind, id: value };
  return undefined;
}

export function createFeedTokens(
  matrix: Pick<BotMatrix, "accountData" | "accountDataTypes" | "setAccountData">,
  index: FeedIndex,
): FeedTokens {
  const recorded = (type: string): string | undefined => {
    const token = matrix.accountData(type)?.["token"];
    return typeof token === "string" && isFeedTokenShaped(token) ? token : undefined;
  };

  return {
    async tokenFor(subject, rotate) {
      const type = typeOf(subject);
      const kept = rotate ? undefined : recorded(type);
      if (kept !== undefined) {
        await index.put(subject, kept);
        return ok(kept);
      }
      // A token issued before tokens were recorded is adopted rather than replaced.
      const token = (rotate ? undefined : await index.current(subject)) ?? newFeedToken();
      const written = await matrix.setAccountData(type, { token });
      if (!written.ok) return written;
      await index.put(subject, token);
      return ok(token);
    },

    async restoreAll() {
      let restored = 0;
      for (const type of matrix.accountDataTypes(FEED_TYPE_PREFIX)) {
        const subject = subjectOf(type);
        const token = recorded(type);
        if (subject === undefined || token === undefined) continue;
        await index.put(subject, token);
        restored += 1;
      }
      return restored;
    },
  };
}
