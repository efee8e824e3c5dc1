import { describe, expect, it } from "vitest";
import type { FeedSubject } from "../../../../../lib/convening-index/index.ts";
import { createFeedTokens } from "../../../../../bots/convene/service/feed-tokens.ts";
import type { UserId } from "../../../../../lib/matrix-ids.ts";
import { err, ok } from "../../../../../lib/result.ts";

const amina: FeedSubject = { kind: "person", user: "@amina:east.example" as UserId };
const region: FeedSubject = { kind: "region", region: "mena" };

/** The bot's account data and the hub's index, in memory, with every write in order. */
function fakes(options: { failWrites?: boolean } = {}) {
  const accountData = new Map<string, Record<string, unknown>>();
  const index = new Map<string, string>();
  const writes: string[] = [];
  const key = (subject: FeedSubject): string => JSON.stringify(subject);
  const matrix = {
    accountData: (type: string) => accountData.get(type),
    accountDataTypes: (prefix: string) => [...accountData.keys()].filter((type) => type.startsWith(prefix)),
    setAccountData: (type: string, content: Record<string, unknown>) => {
      if (options.failWrites === true)
        return Promise.resolve(err({ errcode: "M_UNKNOWN", message: "down", status: 500 }));
      accountData.set(type, content);
      writes.push(`account:${String(content["token"])}`);
      return Promise.resolve(ok(undefined));
    },
  };
  const feedIndex = {
    current: (subject: FeedSubject) => Promise.resolve(index.get(key(subject))),
    put: (subject: FeedSubject, token: string) => {
      index.set(key(subject), token);
      writes.push(`index:${token}`);
      return Promise.resolve();
    },
  };
  return { matrix, feedIndex, accountData, index, writes, key };
}

describe("feed tokens", () => {
  it("records a token durably before the index, and shows the same one again", async () => {
    const f = fakes();
    const tokens = createFeedTokens(f.matrix, f.feedIndex);
    const first = await tokens.tokenFor(amina, false);
    expect(first.ok).toBe(true);
    const token = first.ok ? first.value : "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(f.writes).toEqual([`account:${token}`, `index:${token}`]);
    expect(await tokens.tokenFor(amina, false)).toEqual(ok(token));
  });

  it("rotates: the new token replaces the old in both places, account data first", async () => {
    const f = fakes();
    const tokens = createFeedTokens(f.matrix, f.feedIndex);
    const old = await tokens.tokenFor(region, false);
    const rotated = await tokens.tokenFor(region, true);
    expect(rotated.ok && old.ok && rotated.value !== old.value).toBe(true);
    const fresh = rotated.ok ? rotated.value : "";
    expect(f.writes.slice(-2)).toEqual([`account:${fresh}`, `index:${fresh}`]);
    expect(f.index.get(f.key(region))).toBe(fresh);
  });

  it("puts every recorded token back into an emptied index, skipping damaged entries", async () => {
    const f = fakes();
    const tokens = createFeedTokens(f.matrix, f.feedIndex);
    const a = await tokens.tokenFor(amina, false);
    const r = await tokens.tokenFor(region, false);
    f.accountData.set("org.meridian.convene.feed.region:broken", { token: "not a token" });
    f.accountData.set("org.meridian.convene.feed.nonsense", { token: a.ok ? a.value : "" });
    f.index.clear();
    expect(await tokens.restoreAll()).toBe(2);
    expect(f.index.get(f.key(amina))).toBe(a.ok ? a.value : "");
    expect(f.index.get(f.key(region))).toBe(r.ok ? r.value : "");
  });

  it("adopts a token the index already holds, and issues nothing when it cannot record", async () => {
    const f = fakes();
    f.index.set(f.key(amina), "A".repeat(43));
    const tokens = createFeedTokens(f.matrix, f.feedIndex);
    expect(await tokens.tokenFor(amina, false)).toEqual(ok("A".repeat(43)));

    const down = fakes({ failWrites: true });
    const failing = createFeedTokens(down.matrix, down.feedIndex);
    expect((await failing.tokenFor(region, false)).ok).toBe(false);
    expect(down.index.size).toBe(0);
  });
});
