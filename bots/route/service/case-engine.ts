/**
 * Runs the pure case lifecycle (case/) against Matrix: one event at a time per case, the
 * effects carried out in order, then the record written to the case room. Effects come
 * before the write so that a crash in between repeats them on the retry rather than losing
 * them: sends carry transaction ids derived from the triggering event (the homeserver drops
 * repeats), invites and timers are idempotent.
 */
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import { serialByKey } from "../../../lib/serial-by-key.ts";
import { personById, personByUserId } from "../../../config/queries.ts";
import { transactionIdFor } from "../../runtime/ledger/index.ts";
import type { IncomingRoomMessage } from "../../runtime/intake/incoming-room-message.ts";
import type { JobHandle } from "../../runtime/jobs/index.ts";
import {
  type CaseEffect,
  type CaseEvent,
  type CaseId,
  type CaseRecord,
  type CaseRefusal,
  type TimerExpectation,
  applyCaseEvent,
  restoreTimers,
} from "../case/index.ts";
import type { CaseLink, CaseLinks } from "./case-links.ts";
import type { CaseRecords } from "./case-records.ts";
import { summariseCase } from "./case-summary.ts";
import { createNotices } from "./case-notices.ts";
import type { Relay } from "./case-relay.ts";
import type { RouteDeps } from "./route-deps.ts";
import { type Router, createRouter } from "./route-case.ts";

/** What made the event happen: its Matrix event (for transaction ids) and, for relays, the message. */
export interface Trigger {
  readonly eventId: string;
  readonly message?: IncomingRoomMessage;
}

export type EngineFailure =
  | { readonly kind: "unknown-case"; readonly caseId: CaseId }
  | { readonly kind: "matrix"; readonly errcode: string; readonly message: string };

export type EngineOutcome = Result<CaseRecord, CaseRefusal | EngineFailure>;

export interface CaseEngine {
  apply(caseId: CaseId, event: CaseEvent, trigger: Trigger): Promise<EngineOutcome>;
  /** Routes a case waiting in `new` (just filed): the first routing of every case. */
  routeNew(caseId: CaseId, trigger: Trigger): Promise<EngineOutcome>;
  /** Schedules a case's pending timers again (after a start: a lost Redis lost them). */
  restoreTimers(record: CaseRecord): Promise<void>;
}

export function createCaseEngine(
  deps: RouteDeps,
  links: CaseLinks,
  records: CaseRecords,
  relay: Relay,
  timerJob: JobHandle<TimerExpectation>,
): CaseEngine {
  const notices = createNotices(deps);
  const router: Router = createRouter(deps, records);

  /** One event at a time per case, in arrival order. */
  const serially = serialByKey<CaseId>();

  const userOf = (person: string): UserId | undefined => personById(deps.config, person)?.userId;

  const carryOut = async (
    link: CaseLink,
    record: CaseRecord,
    effect: CaseEffect,
    trigger: Trigger,
    index: number,
  ): Promise<CaseRecord> => {
    const txn = (purpose: string): string =>
      transactionIdFor(trigger.eventId as EventId, `${purpose}-${index}`);
    switch (effect.kind) {
      case "invite-expert": {
        const user = userOf(effect.expert);
        if (user !== undefined) {
          const invited = await deps.matrix.invite(link.caseRoom, user);
          if (!invited.ok && invited.error.errcode !== "M_FORBIDDEN")
            deps.logger.warn(
              { caseId: link.caseId, user, errcode: invited.error.errcode },
              "could not invite an expert",
            );
        }
        return record;
      }
      case "kick-expert": {
        const user = userOf(effect.expert);
        if (user !== undefined) await deps.matrix.kick(link.caseRoom, user, effect.why);
        return record;
      }
      case "invite-requester":
        await deps.matrix.invite(link.caseRoom, effect.user);
        return record;
      case "notify-requester":
        await notices.toRequester(link, record, effect.notice, effect.summary, txn("notify-requester"));
        return record;
      case "notify-experts":
        await notices.toExperts(link, record, effect.notice, effect.experts, txn("notify-experts"));
        return record;
      case "relay":
        if (trigger.message !== undefined) await relay.pass(link, record, trigger.message, effect.to);
        return record;
      case "post-to-triage":
        await notices.toTriage(record, effect.room, effect.why, effect.passed, txn("triage"));
        return record;
      case "route": {
        const route = await router.route(record, effect.target, effect.exclude, requesterPerson(link));
        return applyInline(link, record, { kind: "routed", route }, trigger, index * 100);
      }
      case "store-cursor":
        await router.storeCursor(effect.cursor);
        return record;
      case "schedule-timer":
        await deps.jobs.schedule(timerJob, effect.payload, { jobId: effect.jobId, at: effect.due });
        return record;
      case "cancel-timer":
        await deps.jobs.cancel(timerJob, effect.jobId);
        return record;
      case "log-reveal":
        deps.logger.info(
          { caseId: link.caseId, user: effect.user, at: effect.at },
          "the requester revealed themselves",
        );
        return record;
    }
  };

  const requesterPerson = (link: CaseLink): string | undefined =>
    personByUserId(deps.config, link.requester)?.id;

  /** Applies an event and its effects, depth first: a routing result is applied where it arises. */
  const applyInline = async (
    link: CaseLink,
    record: CaseRecord,
    event: CaseEvent,
    trigger: Trigger,
    base: number,
  ): Promise<CaseRecord> => {
    const outcome = applyCaseEvent(record, event, { now: deps.now(), routing: deps.config.routing });
    if (!outcome.ok) {
      // A routing result refused here is a bug in the router, not a person's mistake: log it.
      deps.logger.error({ caseId: link.caseId, refusal: outcome.error.kind }, "a routing result was refused");
      return record;
    }
    return runEffects(link, outcome.value, trigger, base);
  };

  /** Carries out a transition's effects in order; `base` keeps their transaction ids distinct. */
  const runEffects = async (
    link: CaseLink,
    transition: { readonly record: CaseRecord; readonly effects: readonly CaseEffect[] },
    trigger: Trigger,
    base: number,
  ): Promise<CaseRecord> => {
    let current = transition.record;
    let index = base;
    for (const effect of transition.effects)
      current = await carryOut(link, current, effect, trigger, ++index);
    return current;
  };

  const apply = (caseId: CaseId, event: CaseEvent, trigger: Trigger): Promise<EngineOutcome> =>
    serially(caseId, async () => {
      const link = links.get(caseId);
      const record = records.get(caseId);
      if (link === undefined || record === undefined) return err({ kind: "unknown-case", caseId });
      const outcome = applyCaseEvent(record, event, { now: deps.now(), routing: deps.config.routing });
      if (!outcome.ok) return outcome;
      return write(link.caseRoom, await runEffects(link, outcome.value, trigger, 0));
    });

  const write = async (roomId: RoomId, record: CaseRecord): Promise<EngineOutcome> => {
    const saved = await records.save(roomId, record);
    if (!saved.ok) return err({ kind: "matrix", ...saved.error });
    await deps.publishSummary(record.id, summariseCase(record)).catch((error: unknown) => {
      deps.logger.warn(
        { caseId: record.id, err: error instanceof Error ? error.message : String(error) },
        "could not publish a case summary",
      );
    });
    return ok(record);
  };

  return {
    apply,
    routeNew: (caseId, trigger) =>
      serially(caseId, async () => {
        const link = links.get(caseId);
        const record = records.get(caseId);
        if (link === undefined || record === undefined) return err({ kind: "unknown-case", caseId });
        if (record.state !== "new" || record.pendingRoute === undefined) return ok(record);
        const route = await router.route(record, record.pendingRoute, [], requesterPerson(link));
        const routed = await applyInline(link, record, { kind: "routed", route }, trigger, 0);
        return write(link.caseRoom, routed);
      }),
    async restoreTimers(record) {
      for (const effect of restoreTimers(record))
        if (effect.kind === "schedule-timer")
          await deps.jobs.schedule(timerJob, effect.payload, { jobId: effect.jobId, at: effect.due });
    },
  };
}
