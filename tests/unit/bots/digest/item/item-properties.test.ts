/**
 * The property: over random sequences of nominate, consent, refuse, approve, veto,
 * edit, withdraw, unpublish, deadlines and embargoes, every public output at every step holds
 * only items that had a quorum for their current preview, consent from every quoted author
 * and a clean redaction of that preview; nothing withdrawn or unpublished remains. The public
 * outputs are kept from the effects alone (see `simulate-items.ts`); the rules they are held
 * against are written out here again, not taken from the module under test.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ok } from "../../../../../lib/result.ts";
import {
  type DigestItem,
  type PublicEntry,
  type PublishableItem,
  MAX_AUDIT,
  MAX_HISTORY,
  applyDigestEvent,
  publicOutputs,
  timerJobId,
} from "../../../../../bots/digest/item/index.ts";
import { STEERING, isRedactionClean } from "./item-fixtures.ts";
import { steps } from "./random-item-events.ts";
import {
  type DigestSettings,
  type Lifecycle,
  type World,
  honest,
  newWorld,
  runStep,
} from "./simulate-items.ts";

const settings: fc.Arbitrary<DigestSettings> = fc.record({
  approvalQuorum: fc.integer({ min: 1, max: 3 }),
  allowVeto: fc.boolean(),
  consentDeadlineHours: fc.integer({ min: 1, max: 96 }),
});

/** What is wrong with one public entry, by the rules, checked against the records. */
function entryViolations(world: World, where: string, entry: PublishableItem): string[] {
  const record = world.items.get(entry.item);
  const at = `public: ${entry.item} in ${where}`;
  if (record === undefined) return [`${at} was never nominated`];
  const problems: string[] = [];
  if (record.state !== "published") problems.push(`${at} is ${record.state}`);
  if (entry.preview !== record.preview)
    problems.push(`${at} shows preview ${entry.preview} of ${record.preview}`);
  const approvers = new Set(
    record.reviews.find((review) => review.preview === entry.preview)?.approvals ?? [],
  );
  if (approvers.size < world.settings.approvalQuorum) problems.push(`${at} has ${approvers.size} approvals`);
  for (const person of approvers)
    if (!STEERING.includes(person)) problems.push(`${at} approved by ${person}`);
  if (world.settings.allowVeto && record.reviews.some((review) => review.vetoes.length > 0))
    problems.push(`${at} was vetoed`);
  if (entry.messages.length === 0) problems.push(`${at} quotes nothing`);
  for (const message of entry.messages) {
    const quoted = record.messages.some(
      (each) => each.event === message.event && each.author === message.author,
    );
    const consent = record.authors.find((each) => each.author === message.author)?.consent;
    if (!quoted) problems.push(`${at} quotes ${message.event}, not (or no longer) in the item`);
    if (consent !== message.as)
      problems.push(`${at} shows ${message.author} as ${message.as}, consent ${consent}`);
    if (world.refused.has(`${entry.item}/${message.author}`))
      problems.push(`${at} quotes ${message.author}, who said no`);
  }
  const redaction = record.redaction;
  if (redaction?.preview !== entry.preview || redaction.digest !== entry.digest)
    problems.push(`${at} is not the recorded redaction of its preview`);
  if (!isRedactionClean(entry)) problems.push(`${at} has an unclean redaction`);
  if (record.embargo !== undefined && record.embargo > (record.publishedAt ?? 0))
    problems.push(`${at} was published before its embargo`);
  return problems;
}

function publicViolations(world: World): string[] {
  const { room, editions } = world.outputs;
  return [
    ...[...room.values()].flatMap((entry) => entryViolations(world, "the digest room", entry)),
    ...[...editions].flatMap(([edition, entries]) =>
      [...entries.values()].flatMap((entry) => entryViolations(world, `edition ${edition}`, entry)),
    ),
  ];
}

/** The outputs as the records say they should be, and as the effects made them, comparable. */
function normalised(entries: Iterable<PublicEntry | PublishableItem>): PublicEntry[] {
  return [...entries]
    .map(({ item, preview, digest, messages }) => ({ item, preview, digest, messages: [...messages] }))
    .sort((a, b) => a.item.localeCompare(b.item));
}

function checkRecord(record: DigestItem): void {
  const kinds = record.timers.map((timer) => timer.kind);
  for (const timer of record.timers)
    expect([timer.state, timer.preview]).toEqual([record.state, record.preview]);
  const expected: Partial<Record<DigestItem["state"], string[]>> = {
    "awaiting-consent": ["consent-deadline"],
    embargoed: ["embargo"],
  };
  expect(kinds).toEqual(expected[record.state] ?? []);
  // Settled consent has no one pending (an item dropped while asking may have).
  if (["awaiting-redaction", "awaiting-approval", "embargoed", "published"].includes(record.state))
    expect(record.authors.every((entry) => entry.consent !== "pending")).toBe(true);
  if (["awaiting-approval", "embargoed", "published"].includes(record.state))
    expect(record.redaction?.preview).toBe(record.preview);
  expect(record.state === "published").toBe(record.publishedAt !== undefined);
  if (record.edition !== undefined) expect(record.state).toBe("published");
  for (const review of record.reviews) {
    expect(new Set(review.approvals).size).toBe(review.approvals.length);
    for (const person of [...review.approvals, ...review.vetoes]) expect(STEERING).toContain(person);
  }
  expect(record.history.length).toBeLessThanOrEqual(MAX_HISTORY);
  expect(record.audit.length).toBeLessThanOrEqual(MAX_AUDIT);
  expect(JSON.parse(JSON.stringify(record))).toEqual(record);
}

/** Every check after every step; the public outputs first, since they are what matters. */
function checkWorld(world: World): void {
  const violations = publicViolations(world);
  if (violations.length > 0) throw new Error(violations.join("\n"));
  const records = [...world.items.values()];
  const expected = publicOutputs(records);
  expect(normalised(world.outputs.room.values())).toEqual(normalised(expected.room));
  const editions = [...world.outputs.editions].filter(([, entries]) => entries.size > 0);
  expect(new Map(editions.map(([edition, entries]) => [edition, normalised(entries.values())]))).toEqual(
    new Map([...expected.editions].map(([edition, entries]) => [edition, normalised(entries)])),
  );
  const jobs = records.flatMap((record) =>
    record.timers.map((timer) => timerJobId(record.id, timer.kind, timer.generation)),
  );
  expect(new Set(jobs)).toEqual(world.live);
  for (const record of records) checkRecord(record);
}

function property(lifecycle: Lifecycle, tally?: Map<string, number>) {
  return fc.property(settings, steps, (digest, plan) => {
    const world = newWorld(digest);
    for (const step of plan) {
      runStep(world, step, lifecycle);
      checkWorld(world);
    }
    if (tally !== undefined) for (const [what, n] of world.tally) tally.set(what, (tally.get(what) ?? 0) + n);
  });
}

/**
 * A gate that takes any approval for a quorum and every quoted author for consenting: the
 * kind of shortcut the proof type exists to prevent. It has to forge the proof with a cast,
 * which only a test may do (see publication-proof.test.ts).
 */
const leakyGate: Lifecycle = {
  nominate: honest.nominate,
  apply(record, event, context) {
    const result = applyDigestEvent(record, event, context);
    if (!result.ok || event.kind !== "approve" || result.value.record.state !== "awaiting-approval")
      return result;
    const { id, source, root, preview, redaction, messages } = result.value.record;
    const forged = {
      item: id,
      source,
      root,
      preview,
      digest: redaction?.digest ?? "",
      messages: messages.map((message) => ({ ...message, as: "named" as const })),
      checkedAt: context.now,
    } as unknown as PublishableItem;
    return ok({ ...result.value, effects: [...result.value.effects, { kind: "publish", item: forged }] });
  },
};

describe("digest item properties", () => {
  it("keeps every public output to approved, consented, cleanly redacted items, at every step", () => {
    const tally = new Map<string, number>();
    fc.assert(property(honest, tally), { numRuns: 400 });
    // The plans get where it matters: publications, editions, and every way back down.
    for (const what of [
      "publish",
      "publish after embargo",
      "add to edition",
      "unpublish",
      "withdraw after publication",
      "take down, awaiting-redaction",
      "refused stale-preview",
      "refused stale-timer",
      "refused already-approved",
    ])
      expect(tally.get(what) ?? 0, `${what}: ${JSON.stringify([...tally])}`).toBeGreaterThan(0);
  });

  it("catches a gate that lets approvals and consent slide", () => {
    const run = fc.check(property(leakyGate), { numRuns: 200, seed: 7 });
    expect(run.failed).toBe(true);
    expect(String(run.errorInstance)).toMatch(/public: d\w+ in the digest room/);
  });
});
