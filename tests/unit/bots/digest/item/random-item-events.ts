/**
 * Random plans of digest events for property tests. Each step names a kind of event and is
 * turned into a concrete one against the items as they stand then: mostly what the item
 * waits for (the current preview, an author it quotes, a timer it set), sometimes anything
 * (a stale preview, a stranger, a timer long gone), so refusals are exercised too.
 */
import fc from "fast-check";
import type { EventId, RoomId } from "../../../../../lib/matrix-ids.ts";
import {
  type Actor,
  type AuthorKey,
  type DigestEvent,
  type DigestItem,
  type DigestItemId,
  type Nomination,
  type Nominator,
  type QuotedMessage,
  type TimerExpectation,
  expectationOf,
  newItemId,
  timerEvent,
} from "../../../../../bots/digest/item/index.ts";
import { ALI, BEA, CAS, HOUR, STEERING, author, eventId, member, roomId, source } from "./item-fixtures.ts";

const DEV = author("dev");
const OTHER_ROOM = roomId("!network-youth:west.example");

interface Thread {
  readonly source: RoomId;
  readonly root: EventId;
  readonly messages: readonly QuotedMessage[];
}

/** Two threads: four messages by three authors, and two by one of them and a fourth. */
export const THREADS: readonly Thread[] = [
  {
    source,
    root: eventId("a-root"),
    messages: [
      { event: eventId("a-root"), author: ALI },
      { event: eventId("a-2"), author: BEA },
      { event: eventId("a-3"), author: CAS },
      { event: eventId("a-4"), author: ALI },
    ],
  },
  {
    source: OTHER_ROOM,
    root: eventId("b-root"),
    messages: [
      { event: eventId("b-root"), author: BEA },
      { event: eventId("b-2"), author: DEV },
    ],
  },
];
const AUTHORS = [ALI, BEA, CAS, DEV];

const KINDS = [
  ...["progress", "nominate", "consent", "refuse", "withdraw", "approve", "veto", "edit", "remove"],
  ...["redacted", "embargo", "timer", "unpublish", "edition"],
] as const;
export type StepKind = (typeof KINDS)[number];

// Weighted so that plans reach review and publication often, with the rarer events between.
const WEIGHT: Partial<Record<StepKind, number>> = {
  progress: 14,
  nominate: 3,
  consent: 3,
  approve: 3,
  redacted: 2,
  embargo: 2,
  timer: 3,
  edition: 2,
};

export interface Step {
  readonly kind: StepKind;
  /** Which item (of those nominated so far). */
  readonly item: number;
  readonly who: number;
  readonly pick: number;
  readonly dt: number;
}

export const steps: fc.Arbitrary<Step[]> = fc.array(
  fc.record({
    kind: fc.oneof(...KINDS.map((kind) => ({ arbitrary: fc.constant(kind), weight: WEIGHT[kind] ?? 1 }))),
    item: fc.nat(5),
    who: fc.nat(11),
    pick: fc.nat(60),
    dt: fc.integer({ min: 0, max: 20 * HOUR }),
  }),
  { minLength: 10, maxLength: 60 },
);

/** Distinct ids for the n-th nomination of a run. */
export function nthItemId(n: number): DigestItemId {
  let rest = n;
  return newItemId((size) => {
    const digit = rest % size;
    rest = Math.floor(rest / size);
    return digit;
  });
}

/** Mostly steering members (all three), sometimes someone else. */
function actorFor(step: Step): Actor {
  return step.who % 6 === 5 ? member : { kind: "steering", person: STEERING[step.who % STEERING.length]! };
}

function nominatorFor(step: Step): Nominator {
  const role = step.who % 5;
  if (role < 2) return { person: STEERING[role]!, steering: true, moderatesSource: false };
  if (role < 4) return { person: "rania-khoury", steering: false, moderatesSource: true };
  return { person: "jonas-weber", steering: false, moderatesSource: false };
}

export function nominationFor(step: Step, id: DigestItemId): Nomination {
  const thread = THREADS[step.pick % THREADS.length]!;
  const languages = AUTHORS.map((key) => ({ author: key, language: "en" }));
  return { id, nominator: nominatorFor(step), ...thread, languages };
}

/** Mostly an author the item quotes, sometimes any author of either thread. */
function authorFor(record: DigestItem, step: Step): AuthorKey {
  const quoted = record.authors.map((entry) => entry.author);
  const pool = step.who < 10 && quoted.length > 0 ? quoted : AUTHORS;
  return pool[step.pick % pool.length]!;
}

/** Mostly the current preview; sometimes the one before (a late reaction). */
function previewFor(record: DigestItem, step: Step): number {
  return step.pick % 7 === 0 ? Math.max(1, record.preview - 1) : record.preview;
}

/** What the item waits for: an answer, a redaction, an approval, the embargo passing. */
function progressFor(record: DigestItem, step: Step): DigestEvent | undefined {
  switch (record.state) {
    case "awaiting-consent": {
      const pending = record.authors.find((entry) => entry.consent === "pending");
      if (pending === undefined) return undefined;
      const choice = step.who < 5 ? "named" : step.who < 10 ? "pseudonym" : "refused";
      return { kind: "consent", author: pending.author, choice };
    }
    case "awaiting-redaction":
      return eventFor(record, { ...step, kind: "redacted" }, 0, []);
    case "awaiting-approval":
      return {
        kind: "approve",
        actor: { kind: "steering", person: STEERING[step.who % 3]! },
        preview: record.preview,
      };
    case "embargoed": {
      const timer = record.timers[0];
      return timer === undefined ? undefined : timerEvent(expectationOf(record.id, timer));
    }
    case "published":
      return step.pick % 4 === 0 ? { kind: "withdraw", author: authorFor(record, step) } : undefined;
    case "vetoed":
    case "dropped":
    case "withdrawn":
    case "unpublished":
      return undefined;
  }
}

/**
 * The event a step stands for, against `record` at `now`; undefined when there is nothing
 * sensible to send. Editions and nominations are handled by the runner (they concern every
 * item, or none yet).
 */
export function eventFor(
  record: DigestItem,
  step: Step,
  now: number,
  seen: readonly TimerExpectation[],
): DigestEvent | undefined {
  switch (step.kind) {
    case "progress":
      return progressFor(record, step);
    case "consent":
      return {
        kind: "consent",
        author: authorFor(record, step),
        choice: step.who % 2 === 0 ? "named" : "pseudonym",
      };
    case "refuse":
      return { kind: "consent", author: authorFor(record, step), choice: "refused" };
    case "withdraw":
      return { kind: "withdraw", author: authorFor(record, step) };
    case "approve":
      return { kind: "approve", actor: actorFor(step), preview: previewFor(record, step) };
    case "veto":
      return { kind: "veto", actor: actorFor(step), preview: previewFor(record, step) };
    case "edit":
    case "remove": {
      const all = THREADS.flatMap((thread) => thread.messages);
      const pool = step.who < 10 && record.messages.length > 0 ? record.messages : all;
      const { event } = pool[step.pick % pool.length]!;
      return { kind: step.kind === "edit" ? "messageEdited" : "messageRemoved", event };
    }
    case "redacted": {
      // Now and then the redaction leaves something behind.
      const digest =
        step.pick % 9 === 0 ? `dirty-${step.pick}` : `sha-${record.id}-${record.preview}-${step.who}`;
      return { kind: "redacted", preview: previewFor(record, step), digest };
    }
    case "embargo":
      return step.who % 3 === 0
        ? { kind: "setEmbargo", actor: actorFor(step) }
        : { kind: "setEmbargo", actor: actorFor(step), until: now + (step.pick - 3) * 6 * HOUR };
    case "timer": {
      // Mostly the timer the item waits for; else any ever set, or one under the wrong event.
      const pending = record.timers[step.pick % Math.max(1, record.timers.length)];
      const timer =
        step.who < 8 && pending !== undefined
          ? expectationOf(record.id, pending)
          : seen[step.pick % Math.max(1, seen.length)];
      if (timer === undefined) return undefined;
      if (step.pick % 11 === 0)
        return { kind: timer.kind === "embargo" ? "consentDeadline" : "embargoReached", timer };
      return timerEvent(timer);
    }
    case "unpublish":
      return { kind: "unpublish", actor: actorFor(step) };
    case "nominate":
    case "edition":
      return undefined;
  }
}
