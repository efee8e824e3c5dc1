/**
 * The digest bot's service: what its commands, reactions and jobs call. It builds the parts
 * (records in the steering room, links in account data, the engine, the publisher) and
 * turns people's requests into lifecycle events; the rules themselves live in item/.
 */
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import type { IncomingReaction } from "../../runtime/intake/incoming-reaction.ts";
import type { IncomingRoomMessage } from "../../runtime/intake/incoming-room-message.ts";
import { PermanentJobError } from "../../runtime/jobs/index.ts";
import {
  type Actor,
  type DigestEvent,
  type DigestItem,
  type DigestItemId,
  type TimerExpectation,
  approvalsOf,
  isLive,
  parseItemId,
  quorumOf,
} from "../item/index.ts";
import { authorKeyOf } from "./author-keys.ts";
import { type EditionOutcome, closeEdition } from "./close-edition.ts";
import type { DigestDeps } from "./digest-deps.ts";
import { type DigestEngine, type EngineOutcome, createDigestEngine } from "./digest-engine.ts";
import { createDigestNotices, itemUrl } from "./digest-notices.ts";
import { createDigestPublisher } from "./digest-publisher.ts";
import { createDigestRooms } from "./digest-rooms.ts";
import { localeOfUser, textsFor } from "./digest-texts.ts";
import { createItemLinks } from "./item-links.ts";
import { createItemRecords } from "./item-records.ts";
import { nominateThread } from "./nominate-thread.ts";
import { answerPlainConsent } from "./plain-consent.ts";
import { readChoice } from "./read-choice.ts";
import { refusalText } from "./refusal-text.ts";

/** Who asks, as the runtime established it (roles from config, power from room state). */
export interface Asking {
  readonly sender: UserId;
  readonly roomId: RoomId;
  readonly eventId: EventId;
  readonly threadRootId?: EventId;
  readonly steering: boolean;
  readonly powerLevel: number;
}

export type ReviewAction = "approve" | "veto";

const APPROVE_KEYS = new Set(["✅", "👍", "✔️", "☑️"]);
const VETO_KEYS = new Set(["❌", "👎", "🚫", "⛔"]);

export interface DigestService {
  nominate(asking: Asking, topics: readonly string[]): Promise<Result<string, string>>;
  consent(asking: Asking, item: string, choice: string): Promise<Result<string, string>>;
  withdraw(asking: Asking, item: string): Promise<Result<string, string>>;
  review(
    asking: Asking,
    action: ReviewAction,
    item: string,
    preview: number,
  ): Promise<Result<string, string>>;
  unpublish(asking: Asking, item: string): Promise<Result<string, string>>;
  embargo(asking: Asking, item: string, until: number | undefined): Promise<Result<string, string>>;
  tag(asking: Asking, item: string, topics: readonly string[]): Promise<Result<string, string>>;
  status(asking: Asking, item: string): Result<string, string>;
  closeEdition(trigger: string): Promise<EditionOutcome>;
  onReaction(reaction: IncomingReaction): Promise<void>;
  onMessage(message: IncomingRoomMessage): Promise<void>;
  /** Reads items back, schedules their timers and the weekly edition, finishes interrupted redactions. */
  start(): Promise<void>;
}

function actorOf(asking: Asking, person: string): Actor {
  return asking.steering ? { kind: "steering", person } : { kind: "member", person };
}

export function createDigestService(deps: DigestDeps): DigestService {
  const { config, matrix, logger } = deps;
  const rooms = createDigestRooms(config, matrix);
  const records = createItemRecords(matrix, deps.botUserId);
  const links = createItemLinks(matrix);
  const notices = createDigestNotices(deps, rooms);
  const publisher = createDigestPublisher(deps, rooms, links);
  const timerJob = deps.jobs.defineJob<TimerExpectation>("item-timer", {
    handler: async (payload, ctx) => {
      const event: DigestEvent =
        payload.kind === "consent-deadline"
          ? { kind: "consentDeadline", timer: payload }
          : { kind: "embargoReached", timer: payload };
      const outcome = await engine.apply(payload.item, event, { eventId: `job-${ctx.jobId}` });
      // Retried with backoff: the homeserver may be back, the bot may have joined the public room.
      if (!outcome.ok && outcome.error.kind === "matrix") throw new Error(outcome.error.errcode);
      if (!outcome.ok && outcome.error.kind === "publish-failed") throw new Error(outcome.error.reason);
      if (!outcome.ok && outcome.error.kind === "unknown-item")
        throw new PermanentJobError(`no digest item ${payload.item}`);
    },
  });
  const engine: DigestEngine = createDigestEngine(deps, {
    records,
    links,
    rooms,
    notices,
    publisher,
    timerJob,
  });
  const editionJob = deps.jobs.defineJob<{ readonly network: string }>("edition", {
    handler: async (_payload, ctx) => {
      await closeEdition(deps, { records, engine, publisher }, `edition-${ctx.jobId}`);
    },
  });

  const personOf = (user: UserId): string => config.people.find((p) => p.userId === user)?.id ?? user;
  const isSteering = (user: UserId): boolean => config.roles.steering.includes(personOf(user));

  const itemOf = (input: string, locale = "en"): Result<DigestItem, string> => {
    const id = parseItemId(input);
    if (!id.ok) return err(id.error);
    const record = records.get(id.value);
    return record === undefined
      ? err(refusalText({ kind: "unknown-item", item: id.value }, locale))
      : ok(record);
  };

  const answer = (
    outcome: EngineOutcome,
    words: (record: DigestItem) => string,
    locale = "en",
  ): Result<string, string> =>
    outcome.ok ? ok(words(outcome.value)) : err(refusalText(outcome.error, locale));

  const review = async (
    asking: Asking,
    action: ReviewAction,
    item: DigestItemId,
    preview: number,
    trigger: EventId,
  ): Promise<Result<string, string>> => {
    const actor = actorOf(asking, personOf(asking.sender));
    const outcome = await engine.apply(item, { kind: action, actor, preview }, { eventId: trigger });
    const texts = textsFor(config.network.defaultLanguage);
    return answer(outcome, (record) =>
      action === "veto"
        ? texts.vetoed(item, preview)
        : texts.approved(
            item,
            preview,
            record.state === "awaiting-approval" ? approvalsOf(record) : quorumOf(engine.context()),
            quorumOf(engine.context()),
          ),
    );
  };

  const answeredPlainly = (message: IncomingRoomMessage): Promise<boolean> =>
    answerPlainConsent(deps, { rooms, records, engine }, message);

  const nominate = (asking: Asking, topics: readonly string[]) =>
    nominateThread(
      deps,
      { records, links, rooms, engine, notices },
      {
        sender: asking.sender,
        room: asking.roomId,
        root: asking.threadRootId,
        trigger: asking.eventId,
        steering: asking.steering,
        powerLevel: asking.powerLevel,
        topics,
      },
    );

  return {
    nominate,

    async consent(asking, item, choiceText) {
      const locale = localeOfUser(config, asking.sender);
      const record = itemOf(item, locale);
      if (!record.ok) return record;
      const choice = readChoice(choiceText);
      if (!choice.ok) return choice;
      const author = authorKeyOf(deps.authorSecret, record.value.id, asking.sender);
      const outcome = await engine.apply(
        record.value.id,
        { kind: "consent", author, choice: choice.value },
        { eventId: asking.eventId },
      );
      return answer(outcome, () => textsFor(locale).consentRecorded(record.value.id, choice.value), locale);
    },

    async withdraw(asking, item) {
      const locale = localeOfUser(config, asking.sender);
      const record = itemOf(item, locale);
      if (!record.ok) return record;
      const author = authorKeyOf(deps.authorSecret, record.value.id, asking.sender);
      const outcome = await engine.apply(
        record.value.id,
        { kind: "withdraw", author },
        { eventId: asking.eventId },
      );
      return answer(outcome, () => textsFor(locale).withdrawn(record.value.id), locale);
    },

    async review(asking, action, item, preview) {
      const record = itemOf(item);
      if (!record.ok) return record;
      return review(asking, action, record.value.id, preview, asking.eventId);
    },

    async unpublish(asking, item) {
      const record = itemOf(item);
      if (!record.ok) return record;
      const actor = actorOf(asking, personOf(asking.sender));
      const outcome = await engine.apply(
        record.value.id,
        { kind: "unpublish", actor },
        { eventId: asking.eventId },
      );
      return answer(outcome, (next) => `Item ${next.id} is now ${next.state}.`);
    },

    async embargo(asking, item, until) {
      const record = itemOf(item);
      if (!record.ok) return record;
      const actor = actorOf(asking, personOf(asking.sender));
      const event = { kind: "setEmbargo", actor, ...(until === undefined ? {} : { until }) } as const;
      const outcome = await engine.apply(record.value.id, event, { eventId: asking.eventId });
      return answer(outcome, (next) =>
        next.embargo === undefined
          ? `Item ${next.id} has no embargo; it is ${next.state}.`
          : `Item ${next.id} is held until ${notices.when(asking.sender, next.embargo)}; it is ${next.state}.`,
      );
    },

    async tag(asking, item, topics) {
      if (!asking.steering)
        return err(refusalText({ kind: "wrong-actor", event: "approve", actor: "member" }));
      const record = itemOf(item);
      if (!record.ok) return record;
      const unknown = topics.filter((topic) => !config.routing.topics.some((t) => t.id === topic));
      if (unknown.length > 0)
        return err(
          `Unknown topic(s): ${unknown.join(", ")}. Topics: ${config.routing.topics.map((t) => t.id).join(", ")}.`,
        );
      const link = links.get(record.value.id);
      if (link === undefined) return err(refusalText({ kind: "unknown-item", item: record.value.id }));
      const saved = await links.save({ ...link, topics: [...new Set(topics)] });
      if (!saved.ok) return err(refusalText({ kind: "matrix", ...saved.error }));
      // A published item's topics change on the site too: through the gate, with no new post.
      if (record.value.state === "published")
        await engine.refreshPublished(record.value.id, { eventId: asking.eventId });
      return ok(`Item ${record.value.id} topics: ${topics.length > 0 ? topics.join(", ") : "none"}.`);
    },

    status(asking, item) {
      const record = itemOf(item);
      if (!record.ok) return record;
      const r = record.value;
      const answered = r.authors.filter((a) => a.consent !== "pending").length;
      const lines = [
        `Item ${r.id}: ${r.state}, preview ${r.preview}.`,
        `Consent: ${answered} of ${r.authors.length} author(s) answered.`,
        `Approvals of this preview: ${approvalsOf(r)} of ${quorumOf(engine.context())}.`,
      ];
      if (r.state === "published") lines.push(itemUrl(deps.siteUrl, r.id));
      if (!asking.steering) return ok(lines[0] ?? "");
      return ok(lines.join("\n"));
    },

    closeEdition: (trigger) => closeEdition(deps, { records, engine, publisher }, trigger),

    async onReaction(reaction) {
      if (reaction.key === config.digest.nominateReaction) {
        const room = await rooms.configOf(reaction.roomId);
        if (!rooms.isSource(room)) return;
        const outcome = await nominate(
          {
            sender: reaction.sender,
            roomId: reaction.roomId,
            eventId: reaction.eventId,
            threadRootId: reaction.targetEventId,
            steering: isSteering(reaction.sender),
            powerLevel: matrix.powerLevel(reaction.roomId, reaction.sender),
          },
          [],
        );
        const body = outcome.ok ? outcome.value : outcome.error;
        await matrix.sendDirect(
          reaction.sender,
          { msgtype: "m.notice", body },
          `${reaction.eventId}-nominate`,
        );
        return;
      }
      const approve = APPROVE_KEYS.has(reaction.key);
      if (!approve && !VETO_KEYS.has(reaction.key)) return;
      const shown = links.previewOf(reaction.targetEventId);
      if (shown === undefined) return;
      const asking = {
        sender: reaction.sender,
        roomId: reaction.roomId,
        eventId: reaction.eventId,
        steering: isSteering(reaction.sender),
        powerLevel: matrix.powerLevel(reaction.roomId, reaction.sender),
      };
      const outcome = await review(
        asking,
        approve ? "approve" : "veto",
        shown.item,
        shown.preview,
        reaction.eventId,
      );
      const body = outcome.ok ? outcome.value : outcome.error;
      const sent = await matrix.sendMessage(
        reaction.roomId,
        {
          msgtype: "m.notice",
          body,
          "m.relates_to": { "m.in_reply_to": { event_id: reaction.targetEventId } },
        },
        `${reaction.eventId}-review`,
      );
      if (!sent.ok)
        logger.warn(
          { roomId: reaction.roomId, errcode: sent.error.errcode },
          "could not answer a review reaction",
        );
    },

    async onMessage(message) {
      if (await answeredPlainly(message)) return;
      const relation = message.content["m.relates_to"];
      if (typeof relation !== "object" || relation === null) return;
      const { rel_type: relType, event_id: target } = relation as Record<string, unknown>;
      if (relType !== "m.replace" || typeof target !== "string") return;
      const quoting = records
        .all()
        .filter(
          (record) =>
            isLive(record) &&
            record.source === message.roomId &&
            record.messages.some((m) => m.event === target),
        );
      for (const record of quoting)
        await engine.apply(
          record.id,
          { kind: "messageEdited", event: target as EventId },
          { eventId: message.eventId },
        );
    },

    async start() {
      const loadedLinks = links.loadAll();
      const steering = await rooms.steering();
      if (steering === undefined) {
        logger.error("the digest bot is in no steering room: run the provisioner");
      } else {
        const loaded = await records.loadAll(steering);
        if (!loaded.ok) logger.warn({ errcode: loaded.error.errcode }, "could not read digest items");
        else if (loaded.value > 0)
          logger.warn({ skipped: loaded.value }, "digest item records skipped (not the bot's, or malformed)");
      }
      for (const record of records.all()) {
        if (!isLive(record)) continue;
        await engine.restoreTimers(record);
        if (record.state === "awaiting-redaction")
          await engine.retryRedaction(record.id, { eventId: `start-${record.id}` });
      }
      const { day, time, timeZone } = config.digest.edition;
      const [hour = "0", minute = "0"] = time.split(":");
      await deps.jobs.recurring(
        editionJob,
        `edition-${config.network.id}`,
        { pattern: `${Number(minute)} ${Number(hour)} * * ${day}`, tz: timeZone },
        { network: config.network.id },
      );
      logger.info({ items: records.all().length, links: loadedLinks }, "digest items loaded");
    },
  };
}
