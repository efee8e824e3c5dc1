/**
 * The publication proof: what it checks, and that nothing else can make one. The type-level
 * lines are checked by `tsc` (this file is part of the project), the rest run in vitest.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type DigestEffect,
  type DigestItem,
  type PublishableItem,
  checkPublishable,
  reviewOf,
} from "../../../../../bots/digest/item/index.ts";
import {
  ALI,
  BEA,
  CAS,
  CLEAN,
  DAY,
  HOUR,
  T0,
  apply,
  approve,
  consent,
  consented,
  context,
  eventId,
  inReview,
  itemId,
  nominated,
  published,
  root,
  source,
  steering,
} from "./item-fixtures.ts";

const REPO = fileURLToPath(new URL("../../../../../", import.meta.url));
const PROOF_FILE = "bots/digest/item/publication-proof.ts";

function blocksOf(record: DigestItem, now = T0 + DAY): readonly unknown[] {
  const result = checkPublishable(record, context(now));
  return result.ok ? [] : result.error;
}

/** Every TypeScript source outside the tests, by path from the repository root. */
function sources(dir: string): string[] {
  return readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sources(path);
    return /\.(ts|mts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** Comments may name the cast (to warn against it); only code counts. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

describe("the publication proof", () => {
  it("cannot be written as a plain object (checked by tsc)", () => {
    const plain = { item: itemId, source, root, preview: 1, digest: CLEAN, messages: [], checkedAt: T0 };
    // @ts-expect-error: the brand is a unique symbol only publication-proof.ts can give.
    const forged: PublishableItem = plain;
    // @ts-expect-error: so the publish effect cannot carry anything else either.
    const effect: DigestEffect = { kind: "publish", item: plain };
    expectTypeOf(plain).not.toExtend<PublishableItem>();
    const proof = checkPublishable(published(), context(T0 + DAY));
    if (proof.ok) expectTypeOf(proof.value).toEqualTypeOf<PublishableItem>();
    expect([forged, effect]).toHaveLength(2);
  });

  it("is cast into being nowhere but in its own file", () => {
    const casts = /\bas\s+(?:unknown\s+as\s+)?PublishableItem\b|(?<![\w.])<PublishableItem>/g;
    const dirs = ["bin", "bots", "client", "config", "devnet", "lib", "scripts", "server"].filter((dir) =>
      existsSync(join(REPO, dir)),
    );
    const found = dirs.flatMap(sources).flatMap((path) => {
      const code = withoutComments(readFileSync(join(REPO, path), "utf8"));
      const count = code.match(casts)?.length ?? 0;
      return count > 0 ? [[relative(".", path), count] as const] : [];
    });
    expect(found).toEqual([[PROOF_FILE, 1]]);
  });

  it("holds only the messages of authors who agreed, frozen", () => {
    const withoutCas = apply(consented(), { kind: "withdraw", author: CAS }, T0 + 4 * HOUR).record;
    const reviewed = apply(withoutCas, { kind: "redacted", preview: 2, digest: CLEAN }, T0 + 5 * HOUR).record;
    const live = apply(apply(reviewed, approve(0, 2)).record, approve(1, 2), T0 + 6 * HOUR).record;
    const proof = checkPublishable(live, context(T0 + DAY));
    if (!proof.ok) throw new Error(JSON.stringify(proof.error));
    expect(proof.value.messages).toEqual([
      { event: root, author: ALI, as: "named" },
      { event: eventId("m2"), author: BEA, as: "pseudonym" },
      { event: eventId("m4"), author: ALI, as: "named" },
    ]);
    expect(Object.isFrozen(proof.value)).toBe(true);
    expect(Object.isFrozen(proof.value.messages)).toBe(true);
  });

  it("names every rule a record breaks", () => {
    const asked = nominated().record;
    expect(blocksOf(asked)).toEqual([
      { kind: "not-approved", state: "awaiting-consent" },
      { kind: "no-quorum", approvals: 0, quorum: 2 },
      { kind: "nothing-consented" },
      { kind: "no-redaction", preview: 1 },
    ]);
    const reviewed = inReview();
    expect(blocksOf(reviewed)).toEqual([{ kind: "no-quorum", approvals: 0, quorum: 2 }]);

    // Records as a hand-edited state event could hold them: the check trusts no transition.
    const approved = { ...reviewed, reviews: [{ preview: 1, approvals: ["a", "b"], vetoes: [] }] };
    expect(blocksOf(approved)).toEqual([]);
    expect(blocksOf({ ...approved, reviews: [{ preview: 1, approvals: ["a", "a"], vetoes: [] }] })).toEqual([
      { kind: "no-quorum", approvals: 1, quorum: 2 },
    ]);
    expect(
      blocksOf({ ...approved, reviews: [{ preview: 1, approvals: ["a", "b"], vetoes: ["c"] }] }),
    ).toEqual([{ kind: "vetoed" }]);
    expect(blocksOf({ ...approved, embargo: T0 + 2 * DAY })).toEqual([
      { kind: "embargoed", until: T0 + 2 * DAY },
    ]);
    const refusedAll = approved.authors.map((entry) => ({
      author: entry.author,
      consent: "refused" as const,
      at: T0,
      by: "author" as const,
    }));
    expect(blocksOf({ ...approved, authors: refusedAll })).toEqual([{ kind: "nothing-consented" }]);
    const pending = approved.authors.map((entry) => ({ author: entry.author, consent: "pending" as const }));
    expect(blocksOf({ ...approved, authors: pending })).toEqual([{ kind: "nothing-consented" }]);
    expect(blocksOf({ ...approved, preview: 2 })).toEqual([
      { kind: "no-quorum", approvals: 0, quorum: 2 },
      { kind: "no-redaction", preview: 2 },
    ]);
    expect(blocksOf({ ...approved, redaction: { preview: 1, digest: "dirty" } })).toEqual([
      { kind: "redaction-unclean", preview: 1 },
    ]);
    expect(blocksOf({ ...approved, state: "withdrawn" })).toEqual([
      { kind: "not-approved", state: "withdrawn" },
    ]);
  });

  it("does not count a veto where the network allows none", () => {
    const reviewed = inReview();
    const vetoedOnce = { ...reviewed, reviews: [{ preview: 1, approvals: ["a", "b"], vetoes: ["c"] }] };
    expect(checkPublishable(vetoedOnce, context(T0, { allowVeto: false })).ok).toBe(true);
  });

  it("asks for at least one approval even with a quorum of zero in config", () => {
    const reviewed = inReview();
    const result = checkPublishable(reviewed, context(T0, { approvalQuorum: 0 }));
    expect(result.ok ? [] : result.error).toEqual([{ kind: "no-quorum", approvals: 0, quorum: 1 }]);
    expect(reviewOf(reviewed).approvals).toEqual([]);
  });

  it("passes for a published item, which is what editions rely on", () => {
    expect(blocksOf(published())).toEqual([]);
    const withPseudonym = apply(published(), consent(ALI, "pseudonym"), T0 + DAY).record;
    expect(blocksOf(withPseudonym)).toContainEqual({ kind: "not-approved", state: "awaiting-redaction" });
    expect(apply(inReview(), { kind: "unpublish", actor: steering() }).record.state).toBe("dropped");
  });
});
