/**
 * A network's digest items driven by a random plan, as the Matrix-facing layer would drive
 * them: nominations, events, timer jobs and editions in, effects carried out. The public
 * outputs are kept only from the effects (`publish`, `add-to-edition`,
 * `unpublish-everywhere`), the way a real publisher would, so a test can hold them against
 * what the records say should be public.
 */
import { expect } from "vitest";
import type { DigestConfig } from "../../../../../config/network-config.ts";
import type { Result } from "../../../../../lib/result.ts";
import {
  type DigestContext,
  type DigestEvent,
  type DigestItem,
  type DigestItemId,
  type DigestRefusal,
  type Nomination,
  type PublishableItem,
  type TimerExpectation,
  type Transition,
  applyDigestEvent,
  nominateItem,
  timerJobId,
} from "../../../../../bots/digest/item/index.ts";
import { T0, isRedactionClean } from "./item-fixtures.ts";
import { type Step, eventFor, nominationFor, nthItemId } from "./random-item-events.ts";

/** The lifecycle under test; a test may swap in a broken one to see the checks catch it. */
export interface Lifecycle {
  readonly nominate: (
    nomination: Nomination,
    existing: readonly DigestItem[],
    context: DigestContext,
  ) => Result<Transition, DigestRefusal>;
  readonly apply: (
    record: DigestItem,
    event: DigestEvent,
    context: DigestContext,
  ) => Result<Transition, DigestRefusal>;
}

export const honest: Lifecycle = { nominate: nominateItem, apply: applyDigestEvent };

export type DigestSettings = Pick<DigestConfig, "approvalQuorum" | "allowVeto" | "consentDeadlineHours">;

/** What the public can see, as the publisher was told. */
export interface SimulatedOutputs {
  readonly room: Map<DigestItemId, PublishableItem>;
  readonly editions: Map<string, Map<DigestItemId, PublishableItem>>;
}

export interface World {
  readonly settings: DigestSettings;
  readonly items: Map<DigestItemId, DigestItem>;
  readonly outputs: SimulatedOutputs;
  /** Timer jobs scheduled and neither cancelled nor fired. */
  readonly live: Set<string>;
  /** Every timer ever scheduled, to fire stale ones too. */
  readonly seen: TimerExpectation[];
  /** `item/author` for every author who ever said no (or let the deadline pass) on an item. */
  readonly refused: Set<string>;
  /** What happened, to show the plans reach the interesting parts. */
  readonly tally: Map<string, number>;
  now: number;
  nominations: number;
  editions: number;
}

export function newWorld(settings: DigestSettings): World {
  return {
    settings,
    items: new Map(),
    outputs: { room: new Map(), editions: new Map() },
    live: new Set(),
    seen: [],
    refused: new Set(),
    tally: new Map(),
    now: T0,
    nominations: 0,
    editions: 0,
  };
}

export function contextOf(world: World): DigestContext {
  return { now: world.now, digest: world.settings, isRedactionClean };
}

function count(world: World, what: string): void {
  world.tally.set(what, (world.tally.get(what) ?? 0) + 1);
}

/** Carries out a transition's effects on the simulated outputs and timer jobs. */
function carryOut(
  world: World,
  before: DigestItem | undefined,
  transition: Transition,
  fired?: string,
): void {
  const { record, effects } = transition;
  if (fired !== undefined) expect(world.live.delete(fired), "a fired timer was live, once").toBe(true);
  effects.forEach((effect, index) => {
    switch (effect.kind) {
      case "schedule-timer":
        expect(world.live.has(effect.jobId)).toBe(false);
        world.live.add(effect.jobId);
        world.seen.push(effect.payload);
        break;
      case "cancel-timer":
        expect(world.live.delete(effect.jobId), "only live timers are cancelled").toBe(true);
        break;
      case "publish":
        expect(effect.item.item).toBe(record.id);
        world.outputs.room.set(effect.item.item, effect.item);
        count(world, before?.state === "embargoed" ? "publish after embargo" : "publish");
        break;
      case "add-to-edition": {
        const edition =
          world.outputs.editions.get(effect.edition) ?? new Map<DigestItemId, PublishableItem>();
        edition.set(effect.item.item, effect.item);
        world.outputs.editions.set(effect.edition, edition);
        count(world, "add to edition");
        break;
      }
      case "unpublish-everywhere":
        // Coming down is the first thing done, before anything that could fail.
        expect(index).toBe(0);
        world.outputs.room.delete(effect.item);
        for (const edition of effect.editions) world.outputs.editions.get(edition)?.delete(effect.item);
        count(world, record.state === "unpublished" ? "unpublish" : `take down, ${record.state}`);
        break;
      case "audit":
      case "ask-consent":
      case "request-redaction":
      case "post-preview":
      case "notify-steering":
      case "notify-authors":
      case "notify-nominator":
        break;
    }
  });
  for (const entry of record.authors)
    if (entry.consent === "refused") world.refused.add(`${record.id}/${entry.author}`);
  world.items.set(record.id, record);
}

/** Applies one step of a plan; refusals change nothing, as in the bot. */
export function runStep(world: World, step: Step, lifecycle: Lifecycle): void {
  world.now += step.dt;
  if (step.kind === "nominate") {
    const nomination = nominationFor(step, nthItemId(world.nominations));
    const result = lifecycle.nominate(nomination, [...world.items.values()], contextOf(world));
    if (result.ok) {
      world.nominations += 1;
      carryOut(world, undefined, result.value);
    }
    return;
  }
  if (step.kind === "edition") {
    // The weekly job: every published item not yet in an edition joins this one.
    const edition = `w${++world.editions}`;
    for (const record of world.items.values()) {
      if (record.state !== "published" || record.edition !== undefined) continue;
      const result = lifecycle.apply(record, { kind: "editionClosed", edition }, contextOf(world));
      if (result.ok) carryOut(world, record, result.value);
    }
    return;
  }
  const ids = [...world.items.keys()];
  const id = ids[step.item % Math.max(1, ids.length)];
  const record = id === undefined ? undefined : world.items.get(id);
  if (record === undefined) return;
  const event = eventFor(record, step, world.now, world.seen);
  if (event === undefined) return;
  const fired = "timer" in event ? event.timer : undefined;
  // A job runs when due; now and then early (clocks apart), which must change nothing unsafe.
  if (fired !== undefined && step.pick % 5 !== 0) {
    const pending = record.timers.find(
      (timer) => timer.kind === fired.kind && timer.generation === fired.generation,
    );
    if (pending !== undefined) world.now = Math.max(world.now, pending.due);
  }
  const result = lifecycle.apply(record, event, contextOf(world));
  if (!result.ok) {
    count(world, `refused ${result.error.kind}`);
    return;
  }
  if (event.kind === "withdraw" && record.state === "published") count(world, "withdraw after publication");
  const job = fired === undefined ? undefined : timerJobId(fired.item, fired.kind, fired.generation);
  carryOut(world, record, result.value, job);
}
