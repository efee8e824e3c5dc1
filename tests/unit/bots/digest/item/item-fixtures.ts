/**
 * Inputs for digest item tests: the example network's digest settings (quorum 2, vetoes
 * allowed, 72 hours to answer), a thread of four messages by three authors, a redaction
 * checker that finds any digest clean unless it starts with "dirty", and helpers that apply
 * events and fail the test on an unexpected outcome.
 */
import { expect } from "vitest";
import type { DigestConfig } from "../../../../../config/network-config.ts";
import { type EventId, type RoomId, parseEventId, parseRoomId } from "../../../../../lib/matrix-ids.ts";
import {
  type Actor,
  type AuthorKey,
  type ConsentChoice,
  type DigestContext,
  type DigestEffect,
  type DigestEvent,
  type DigestItem,
  type DigestItemId,
  type DigestRefusal,
  type Nomination,
  type Nominator,
  type QuotedMessage,
  type TimerExpectation,
  type TimerKind,
  type Transition,
  applyDigestEvent,
  expectationOf,
  nominateItem,
  parseAuthorKey,
  parseItemId,
} from "../../../../../bots/digest/item/index.ts";
import { loadExample } from "../../../config/example-config.ts";

export const example = loadExample();
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const T0 = Date.UTC(2026, 2, 2, 9, 0);

function parsed<T>(result: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

export const itemId: DigestItemId = parsed(parseItemId("dk7m2pq"));
export const otherItemId: DigestItemId = parsed(parseItemId("dzzzzzz"));
export const roomId = (text: string): RoomId => parsed(parseRoomId(text));
export const source: RoomId = roomId("!regional-horn:east.example");
export const eventId = (name: string): EventId => parsed(parseEventId(`$${name}`));
export const author = (name: string): AuthorKey => parsed(parseAuthorKey(`author-${name}`));

export const [ALI, BEA, CAS] = [author("ali"), author("bea"), author("cas")] as const;
export const root = eventId("root");
/** Ali opens the thread and writes twice; Bea and Cas answer once. */
export const thread: readonly QuotedMessage[] = [
  { event: root, author: ALI },
  { event: eventId("m2"), author: BEA },
  { event: eventId("m3"), author: CAS },
  { event: eventId("m4"), author: ALI },
];
export const languages = [
  { author: ALI, language: "so" },
  { author: BEA, language: "fr" },
  { author: CAS, language: "en" },
] as const;

export const STEERING = example.roles.steering;
export const steering = (index = 0): Actor => ({ kind: "steering", person: STEERING[index]! });
export const member: Actor = { kind: "member", person: "jonas-weber" };
export const moderator: Nominator = { person: "rania-khoury", steering: false, moderatesSource: true };
export const steeringNominator: Nominator = { person: STEERING[0]!, steering: true, moderatesSource: false };

/** A digest is clean unless it says otherwise: tests choose their redaction outcome. */
export const CLEAN = "sha256-clean";
export const isRedactionClean = ({ digest }: { readonly digest: string }): boolean =>
  !digest.startsWith("dirty");

export function context(now: number, digest: Partial<DigestConfig> = {}): DigestContext {
  return { now, digest: { ...example.digest, ...digest }, isRedactionClean };
}

export function nomination(overrides: Partial<Nomination> = {}): Nomination {
  return { id: itemId, nominator: moderator, source, root, messages: thread, languages, ...overrides };
}

/** A fresh item nominated at T0 by a moderator of the thread's room. */
export function nominated(overrides: Partial<Nomination> = {}): Transition {
  const result = nominateItem(nomination(overrides), [], context(T0));
  if (!result.ok) throw new Error(`refused nomination: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The transition; fails the test on a refusal. */
export function apply(
  record: DigestItem,
  event: DigestEvent,
  now = T0,
  digest?: Partial<DigestConfig>,
): Transition {
  const result = applyDigestEvent(record, event, context(now, digest));
  if (!result.ok) throw new Error(`refused ${event.kind}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The refusal; fails the test when the event is applied. */
export function refusal(
  record: DigestItem,
  event: DigestEvent,
  now = T0,
  digest?: Partial<DigestConfig>,
): DigestRefusal {
  const result = applyDigestEvent(record, event, context(now, digest));
  expect(result.ok, `expected ${event.kind} to be refused in ${record.state}`).toBe(false);
  return result.ok ? { kind: "empty-thread" } : result.error;
}

/** Applies events in order, each an hour after the last, from `start`. */
export function applyAll(record: DigestItem, events: readonly DigestEvent[], start = T0 + HOUR): DigestItem {
  return events.reduce((current, event, index) => apply(current, event, start + index * HOUR).record, record);
}

export const consent = (who: AuthorKey, choice: ConsentChoice): DigestEvent => ({
  kind: "consent",
  author: who,
  choice,
});
export const approve = (index: number, preview = 1): DigestEvent => ({
  kind: "approve",
  actor: steering(index),
  preview,
});

/** Everyone agreed (Ali by name, Bea and Cas under pseudonyms): waiting for redaction. */
export function consented(): DigestItem {
  return applyAll(nominated().record, [
    consent(ALI, "named"),
    consent(BEA, "pseudonym"),
    consent(CAS, "pseudonym"),
  ]);
}

/** The clean preview 1 in front of steering. */
export function inReview(record = consented()): DigestItem {
  return apply(record, { kind: "redacted", preview: record.preview, digest: CLEAN }, T0 + 5 * HOUR).record;
}

/** Approved by the first two steering members and published at T0 + 7h. */
export function published(): DigestItem {
  const reviewed = inReview();
  return applyAll(reviewed, [approve(0, reviewed.preview), approve(1, reviewed.preview)], T0 + 6 * HOUR);
}

/** The expectation of the item's pending timer of `kind`; fails the test when there is none. */
export function timerOf(record: DigestItem, kind: TimerKind): TimerExpectation {
  const timer = record.timers.find((pending) => pending.kind === kind);
  expect(timer, `no pending ${kind} in ${JSON.stringify(record.timers)}`).toBeDefined();
  return expectationOf(record.id, timer!);
}

export function effectsOf<K extends DigestEffect["kind"]>(
  transition: Transition,
  kind: K,
): Extract<DigestEffect, { kind: K }>[] {
  return transition.effects.filter(
    (effect): effect is Extract<DigestEffect, { kind: K }> => effect.kind === kind,
  );
}
