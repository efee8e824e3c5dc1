/**
 * Runs the pure item lifecycle (item/) against Matrix: one event at a time per item, the
 * effects carried out in order, then the record written to the steering room. Effects come
 * before the write, so a crash in between repeats them on the retry rather than losing them:
 * sends carry transaction ids derived from the triggering event, timers have stable job ids,
 * and taking an item down is safe to repeat.
 *
 * Before each event the item is reconciled with its live thread: a quoted message deleted, or
 * content that no longer matches the approved digest (an edit the bot missed while it was
 * down), renews the preview first, so a stale approval can never publish changed content.
 */
import type { EventId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import { serialByKey } from "../../../lib/serial-by-key.ts";
import { transactionIdFor } from "../../runtime/ledger/index.ts";
import type { JobHandle } from "../../runtime/jobs/index.ts";
import {
  type DigestContext,
  type DigestEffect,
  type DigestEvent,
  type DigestItem,
  type DigestItemId,
  type DigestRefusal,
  type TimerExpectation,
  applyDigestEvent,
  checkPublishable,
  consentedMessages,
  restoreTimers,
} from "../item/index.ts";
import type { DigestDeps } from "./digest-deps.ts";
import type { DigestNotices } from "./digest-notices.ts";
import type { DigestPublisher, PublishFailure } from "./digest-publisher.ts";
import { type ItemContent, readItemContent } from "./item-content.ts";
import type { ItemLink, ItemLinks } from "./item-links.ts";
import type { ItemRecords } from "./item-records.ts";
import type { DigestRooms } from "./digest-rooms.ts";
import { recordAudit } from "./audit-log.ts";

/** What made the event happen: a Matrix event or a job, for transaction ids. */
export interface Trigger {
  readonly eventId: string;
}

export type EngineFailure =
  | { readonly kind: "unknown-item"; readonly item: DigestItemId }
  /** Publication failed (e.g. the bot is not in the public room yet): the event is not recorded. */
  | { readonly kind: "publish-failed"; readonly reason: PublishFailure }
  | { readonly kind: "no-steering-room" }
  | { readonly kind: "matrix"; readonly errcode: string; readonly message: string };

export type EngineOutcome = Result<DigestItem, DigestRefusal | EngineFailure>;

export interface DigestEngine {
  apply(item: DigestItemId, event: DigestEvent, trigger: Trigger): Promise<EngineOutcome>;
  /** Carries out a new item's first transition (its nomination) and writes it. */
  begin(
    transition: { readonly record: DigestItem; readonly effects: readonly DigestEffect[] },
    trigger: Trigger,
  ): Promise<EngineOutcome>;
  /** Redacts an item waiting in `awaiting-redaction` again (after a crash, or once rules were fixed). */
  retryRedaction(item: DigestItemId, trigger: Trigger): Promise<EngineOutcome>;
  /**
   * Publishes a published item's index entry again (its topics changed), through the same
   * proof as a first publication, without a new post in the public room.
   */
  refreshPublished(item: DigestItemId, trigger: Trigger): Promise<EngineOutcome>;
  /** Schedules an item's pending timers again (after a start: a lost Redis lost them). */
  restoreTimers(record: DigestItem): Promise<void>;
  /** The context transitions run in, with a redaction check over `content` when known. */
  context(content?: ItemContent): DigestContext;
}

export interface EngineParts {
  readonly records: ItemRecords;
  readonly links: ItemLinks;
  readonly rooms: DigestRooms;
  readonly notices: DigestNotices;
  readonly publisher: DigestPublisher;
  readonly timerJob: JobHandle<TimerExpectation>;
}

const CONTENT_EVENTS = new Set<DigestEvent["kind"]>(["messageEdited", "messageRemoved"]);

class PublishStopped extends Error {
  readonly reason: PublishFailure;
  constructor(reason: PublishFailure) {
    super(`publication failed: ${reason}`);
    this.reason = reason;
  }
}

/** Runs `work`, turning a stopped publication into a failure value (nothing was written). */
async function unlessPublishStopped(
  item: DigestItemId,
  deps: DigestDeps,
  work: () => Promise<EngineOutcome>,
): Promise<EngineOutcome> {
  try {
    return await work();
  } catch (error: unknown) {
    if (!(error instanceof PublishStopped)) throw error;
    deps.logger.error(
      { item, reason: error.reason },
      "an approved item could not be published; nothing recorded",
    );
    return err({ kind: "publish-failed", reason: error.reason });
  }
}

/** States whose record names a redaction that content must still match. */
const CHECKED_STATES = new Set(["awaiting-approval", "embargoed", "published"]);

export function createDigestEngine(deps: DigestDeps, parts: EngineParts): DigestEngine {
  const { records, links, rooms, notices, publisher, timerJob } = parts;

  /** One event at a time per item, in arrival order. */
  const serially = serialByKey<DigestItemId>();

  const context = (content?: ItemContent): DigestContext => ({
    now: deps.now(),
    digest: deps.config.digest,
    // Without content read for this very step, nothing counts as clean: the gate fails closed.
    isRedactionClean: (ref) => content !== undefined && content.clean && ref.digest === content.digest,
  });

  const carryOut = async (
    link: ItemLink,
    record: DigestItem,
    effect: DigestEffect,
    trigger: Trigger,
    index: number,
    latest: Map<number, ItemContent>,
  ): Promise<DigestItem> => {
    const txn = (purpose: string): string =>
      transactionIdFor(trigger.eventId as EventId, `${purpose}-${index}`);
    switch (effect.kind) {
      case "ask-consent":
        await notices.askConsent(link, record, effect, txn("consent"));
        return record;
      case "request-redaction": {
        const content = await readItemContent(deps.config, deps.matrix, record, link, effect.messages);
        if (!content.ok) {
          deps.logger.warn(
            { item: record.id, errcode: content.error.errcode },
            "could not read a nominated thread",
          );
          return record;
        }
        latest.set(effect.preview, content.value);
        const event = { kind: "redacted", preview: effect.preview, digest: content.value.digest } as const;
        const outcome = applyDigestEvent(record, event, context(content.value));
        if (!outcome.ok) return record;
        return runEffects(link, outcome.value, trigger, index * 100, latest);
      }
      case "post-preview": {
        const content = latest.get(effect.preview);
        if (content === undefined) return record;
        const posted = await notices.postPreview(link, record, effect.preview, content, txn("preview"));
        if (posted !== undefined) {
          const updated = { ...(links.get(record.id) ?? link) };
          await links.save({ ...updated, previews: { ...updated.previews, [effect.preview]: posted } });
        }
        return record;
      }
      case "publish": {
        const published = await publisher.publish(effect.item, record, links.get(record.id) ?? link);
        // The record must not say "published" when nothing is public: stop before it is written.
        if (!published.ok) throw new PublishStopped(published.error);
        return record;
      }
      case "add-to-edition":
        publisher.collect(effect.edition, effect.item);
        return record;
      case "unpublish-everywhere":
        await publisher.unpublishEverywhere(effect.item, effect.editions);
        return record;
      case "schedule-timer":
        await deps.jobs.schedule(timerJob, effect.payload, { jobId: effect.jobId, at: effect.due });
        return record;
      case "cancel-timer":
        await deps.jobs.cancel(timerJob, effect.jobId);
        return record;
      case "audit":
        await recordAudit(deps, record.id, effect.entry);
        return record;
      case "notify-steering":
        await notices.toSteering(record, effect.notice, txn("steering"));
        return record;
      case "notify-authors":
        await notices.toAuthors(link, record, effect.authors, effect.notice, txn("authors"));
        return record;
      case "notify-nominator":
        await notices.toNominator(link, record, effect.notice, txn("nominator"));
        return record;
    }
  };

  const runEffects = async (
    link: ItemLink,
    transition: { readonly record: DigestItem; readonly effects: readonly DigestEffect[] },
    trigger: Trigger,
    base: number,
    latest: Map<number, ItemContent>,
  ): Promise<DigestItem> => {
    let current = transition.record;
    let index = base;
    for (const effect of transition.effects)
      current = await carryOut(link, current, effect, trigger, ++index, latest);
    return current;
  };

  const write = async (record: DigestItem): Promise<EngineOutcome> => {
    const steering = await rooms.steering();
    if (steering === undefined) return err({ kind: "no-steering-room" });
    const saved = await records.save(steering, record);
    return saved.ok ? ok(record) : err({ kind: "matrix", ...saved.error });
  };

  /**
   * Brings the record in line with its thread before an event is applied: deletions and
   * changed content renew the preview. Returns the record and the content read, if any.
   */
  const reconcile = async (
    link: ItemLink,
    record: DigestItem,
    trigger: Trigger,
    latest: Map<number, ItemContent>,
  ): Promise<{ record: DigestItem; content?: ItemContent }> => {
    if (!CHECKED_STATES.has(record.state) && record.state !== "awaiting-consent") return { record };
    const read = await readItemContent(deps.config, deps.matrix, record, link, consentedMessages(record));
    if (!read.ok) return { record };
    let current = record;
    let step = 1000;
    for (const event of read.value.missing) {
      const outcome = applyDigestEvent(current, { kind: "messageRemoved", event }, context());
      if (outcome.ok) current = await runEffects(link, outcome.value, trigger, (step += 100), latest);
    }
    if (current !== record || !CHECKED_STATES.has(current.state)) return { record: current };
    const edited = current.redaction?.digest !== read.value.digest ? current.messages[0]?.event : undefined;
    if (edited !== undefined) {
      const outcome = applyDigestEvent(current, { kind: "messageEdited", event: edited }, context());
      if (outcome.ok) return { record: await runEffects(link, outcome.value, trigger, step + 100, latest) };
    }
    return { record: current, content: read.value };
  };

  return {
    context,
    apply: (item, event, trigger) =>
      serially(item, () =>
        unlessPublishStopped(item, deps, async () => {
          const link = links.get(item);
          const record = records.get(item);
          if (link === undefined || record === undefined) return err({ kind: "unknown-item", item });
          const latest = new Map<number, ItemContent>();
          // An edit or a removal is itself the news reconciling would find: applying both
          // would renew the preview twice.
          const reconciled = CONTENT_EVENTS.has(event.kind)
            ? { record }
            : await reconcile(link, record, trigger, latest);
          const outcome = applyDigestEvent(reconciled.record, event, context(reconciled.content));
          if (!outcome.ok) {
            if (reconciled.record !== record) await write(reconciled.record);
            return outcome;
          }
          return write(await runEffects(link, outcome.value, trigger, 0, latest));
        }),
      ),
    begin: (transition, trigger) =>
      serially(transition.record.id, async () => {
        const link = links.get(transition.record.id);
        if (link === undefined) return err({ kind: "unknown-item", item: transition.record.id });
        return write(await runEffects(link, transition, trigger, 0, new Map()));
      }),
    retryRedaction: (item, trigger) =>
      serially(item, async () => {
        const link = links.get(item);
        const record = records.get(item);
        if (link === undefined || record === undefined) return err({ kind: "unknown-item", item });
        if (record.state !== "awaiting-redaction") return ok(record);
        const latest = new Map<number, ItemContent>();
        const effect = {
          kind: "request-redaction",
          preview: record.preview,
          messages: consentedMessages(record),
        } as const;
        return write(await carryOut(link, record, effect, trigger, 1, latest));
      }),
    refreshPublished: (item, trigger) =>
      serially(item, async () => {
        const link = links.get(item);
        const record = records.get(item);
        if (link === undefined || record === undefined) return err({ kind: "unknown-item", item });
        const reconciled = await reconcile(link, record, trigger, new Map());
        if (reconciled.record !== record) return write(reconciled.record);
        const proof = checkPublishable(record, context(reconciled.content));
        if (record.state === "published" && proof.ok)
          await publisher.publish(proof.value, record, link, { post: false });
        return ok(record);
      }),
    async restoreTimers(record) {
      for (const effect of restoreTimers(record))
        if (effect.kind === "schedule-timer")
          await deps.jobs.schedule(timerJob, effect.payload, { jobId: effect.jobId, at: effect.due });
    },
  };
}
