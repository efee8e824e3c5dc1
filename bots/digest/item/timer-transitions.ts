/**
 * Timers firing: the consent deadline settles consent (no answer means no), and the embargo
 * passing publishes an approved item. Every firing is checked against what the timer
 * expected first, so a job that fires after the item moved on changes nothing, and against
 * the clock, so one that fires early only sets itself again.
 */
import { type Result, ok, err } from "../../../lib/result.ts";
import { advance } from "./advance-approved.ts";
import { settleConsent } from "./consent-transitions.ts";
import {
  type DigestContext,
  type Transition,
  dropFired,
  finish,
  schedule,
  startDraft,
} from "./item-draft.ts";
import type { DigestEvent, DigestRefusal } from "./item-events.ts";
import type { DigestItem, TimerKind } from "./item-model.ts";
import { type TimerExpectation, isCurrentTimer } from "./timer-ids.ts";

type TimerEvent = Extract<DigestEvent, { kind: "consentDeadline" | "embargoReached" }>;

const EVENT_OF: Readonly<Record<TimerKind, TimerEvent["kind"]>> = {
  "consent-deadline": "consentDeadline",
  embargo: "embargoReached",
};

/** A timer that is not (or no longer) the one the item waits for is refused as stale. */
export function applyTimer(
  record: DigestItem,
  event: TimerEvent,
  context: DigestContext,
): Result<Transition, DigestRefusal> {
  const { timer } = event;
  if (EVENT_OF[timer.kind] !== event.kind || !isCurrentTimer(record, timer))
    return err({ kind: "stale-timer", timer });
  const draft = startDraft(record, context, timer);
  switch (event.kind) {
    case "consentDeadline":
      // Authors were promised until the deadline: a job that ran early is set again.
      if (context.now < record.consentDeadline) {
        dropFired(draft);
        schedule(draft, "consent-deadline", record.consentDeadline);
      } else {
        settleConsent(draft, true);
      }
      break;
    case "embargoReached":
      // A job that ran early (a clock apart) finds the embargo still running: set again.
      dropFired(draft);
      advance(draft, { kind: "bot" });
      break;
  }
  return ok(finish(draft, event.kind, "timer"));
}

/** The event a fired timer job stands for, from its payload. */
export function timerEvent(timer: TimerExpectation): TimerEvent {
  return { kind: EVENT_OF[timer.kind], timer };
}
