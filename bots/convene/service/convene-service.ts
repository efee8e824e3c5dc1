/**
 * The convene bot's operations, each from a command (or a reaction) to Matrix state, cards,
 * notices and reminder jobs. Matrix is written first and everything else follows from it,
 * so a crash part-way leaves a convening that the next change or start completes.
 */
import { randomInt } from "node:crypto";
import type { RoomId, UserId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import { personByUserId } from "../../../config/queries.ts";
import { type Reply, lines, reply } from "../../runtime/commands/reply.ts";
import type { IncomingReaction } from "../../runtime/matrix/bot-matrix.ts";
import type { FeedSubject } from "../../../lib/convening-index/index.ts";
import { parseScheduleDetails } from "../commands/parse-schedule-details.ts";
import { type Locale, resolveLocale, t } from "../i18n/index.ts";
import type { Convening, RsvpAnswer } from "../model/convening.ts";
import { applyRsvp, answerForReaction, standingOf } from "../rsvp/index.ts";
import type { StoredConvening } from "../store/convening-store.ts";
import { formatForPerson } from "../time/format-time.ts";
import { parseWhenWords } from "../time/parse-when.ts";
import { readZone } from "../time/read-zone.ts";
import { renderWhenError } from "../time/render-when-error.ts";
import { cardAsReply, postCards, refreshCards } from "./cards.ts";
import { renderScheduleError } from "./render-schedule-error.ts";
import { suggestConvening } from "./suggest-convening.ts";
import { conveningRoomState } from "./convening-room-state.ts";
import { rsvpNoticeText } from "./rsvp-notice-text.ts";
import type { ConveneDeps } from "./convene-deps.ts";
import { invitedRooms } from "./managed-rooms.ts";
import { isInvited, localeOf, regionsReached, zoneOf } from "./people.ts";
import { createFeedTokens } from "./feed-tokens.ts";
import { savedZones } from "./saved-zones.ts";
import type { Reminders } from "./reminders.ts";

export type Outcome = Result<Reply, Reply>;

const ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function newId(): string {
  return `c${Array.from({ length: 4 }, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join("")}`;
}

export interface ConveneService {
  schedule(sender: UserId, title: string, details: string): Promise<Outcome>;
  reschedule(sender: UserId, steering: boolean, id: string, when: string): Promise<Outcome>;
  cancel(sender: UserId, steering: boolean, id: string, reason: string | undefined): Promise<Outcome>;
  rsvp(sender: UserId, id: string, answer: RsvpAnswer): Promise<Outcome>;
  list(sender: UserId): Promise<Outcome>;
  show(sender: UserId, id: string): Promise<Outcome>;
  setZone(sender: UserId, zone: string): Promise<Outcome>;
  /** The best slots for a convening with these regions or networks. */
  suggest(sender: UserId, text: string): Promise<Outcome>;
  /** A private calendar URL: the person's own, a convening's or a region's. */
  feed(sender: UserId, target: string | undefined, rotate: boolean): Promise<Outcome>;
  onReaction(reaction: IncomingReaction): Promise<void>;
  /** Rebuilds the index from Matrix and re-syncs every convening's reminders. */
  start(): Promise<void>;
  /** Re-plans every convening's reminders (a series' next occurrences enter the horizon). */
  replanAll(): Promise<void>;
}

export function createConveneService(deps: ConveneDeps, reminders: Reminders): ConveneService {
  const { config, matrix, store } = deps;
  const zones = savedZones(matrix);
  const feeds =
    deps.feeds === undefined
      ? undefined
      : { tokens: createFeedTokens(matrix, deps.feeds.index), urlOf: deps.feeds.urlOf };
  // Cards are shared by everyone in a room, so they speak the network's language.
  const networkLocale = resolveLocale(config.network.defaultLanguage);
  const display = (locale: Locale) => ({ locale, hourCycle: config.convening.locale.hourCycle });

  const whenFor = (user: UserId, convening: Convening, locale: Locale): string =>
    formatForPerson(convening.time, zoneOf(config, user, zones.get(user)), display(locale));

  const loadOrRefuse = async (id: string, locale: Locale): Promise<Result<StoredConvening, Reply>> => {
    const loaded = await store.load(id.toLowerCase());
    if (!loaded.ok) return err(reply`${t(locale, "error.internal")}`);
    if (loaded.value === undefined) return err(reply`${t(locale, "error.unknownConvening", { id })}`);
    return ok(loaded.value);
  };

  /** After a change: cards edited in place, reminders moved, the hub's index updated. */
  const propagate = async (stored: StoredConvening): Promise<void> => {
    await refreshCards(deps, stored, networkLocale);
    await reminders.sync(stored);
    await deps.afterChange(stored);
  };

  const tell = async (user: UserId, text: string, txnId: string): Promise<void> => {
    const sent = await matrix.sendDirect(user, { msgtype: "m.notice", body: text }, txnId);
    if (!sent.ok) deps.logger.warn({ user, errcode: sent.error.errcode }, "could not send a direct notice");
  };

  const mayChange = (sender: UserId, steering: boolean, convening: Convening): boolean =>
    steering || convening.organiser === sender;

  const answer = async (sender: UserId, id: string, given: RsvpAnswer): Promise<Outcome> => {
    const locale = localeOf(config, sender);
    const found = await loadOrRefuse(id, locale);
    if (!found.ok) return found;
    const stored = found.value;
    const { convening } = stored;
    if (convening.status === "cancelled")
      return err(reply`${t(locale, "error.cancelledNoAnswers", { title: convening.title })}`);
    if (!isInvited(config, convening, sender))
      return err(reply`${t(locale, "error.notInvited", { title: convening.title })}`);
    const outcome = applyRsvp(
      stored.rsvps,
      sender,
      given,
      new Date(deps.now()).toISOString(),
      convening.capacity,
    );
    if (!outcome.changed)
      return ok(
        reply`${t(locale, "rsvp.unchanged", { title: convening.title, standing: standingOf(outcome, sender) })}`,
      );
    const mine = outcome.rsvps.find((rsvp) => rsvp.user === sender);
    if (mine === undefined) return err(reply`${t(locale, "error.internal")}`);
    const saved = await store.saveRsvp(stored.roomId, mine);
    if (!saved.ok) return err(reply`${t(locale, "error.internal")}`);
    const updated: StoredConvening = { ...stored, rsvps: outcome.rsvps };
    // Someone coming (or maybe) gets the convening room in their client.
    if (given !== "no" && !matrix.members(stored.roomId).includes(sender))
      await matrix.invite(stored.roomId, sender);
    let own: string = t(locale, given === "maybe" ? "rsvp.notedMaybe" : "rsvp.notedNo", {
      title: convening.title,
    });
    for (const notice of outcome.notices) {
      const text = rsvpNoticeText(localeOf(config, notice.user), notice, convening.title);
      if (notice.user === sender) own = text;
      // Others (a promotion) are told directly, once per answer that moved them.
      else await tell(notice.user, text, `rsvp-${convening.id}-${mine.at}-${notice.user}`);
    }
    await propagate(updated);
    return ok(reply`${own}`);
  };

  return {
    async schedule(sender, title, text) {
      const locale = localeOf(config, sender);
      const parsed = parseScheduleDetails(config, text.split(/\s+/u).filter(Boolean), {
        now: new Date(deps.now()),
        defaultZone: zoneOf(config, sender, zones.get(sender)),
        weekStartsOn: config.convening.locale.weekStartsOn,
      });
      if (!parsed.ok)
        return err(reply`${t(locale, "error.badSchedule", { problem: renderScheduleError(parsed.error) })}`);
      const chosen = parsed.value;
      const nowIso = new Date(deps.now()).toISOString();
      let id = newId();
      const target = { regions: chosen.regions, networks: chosen.networks };
      const rooms = await invitedRooms(config, matrix, target);
      const reached = regionsReached(config, target);
      const hostRegion = personByUserId(config, sender)?.region ?? reached[0] ?? config.regions[0]?.id ?? "";
      const draft = (conveningId: string): Convening => ({
        id: conveningId,
        title,
        organiser: sender,
        time: {
          start: chosen.when.start,
          zone: chosen.when.zone,
          durationMinutes: chosen.durationMinutes,
          ...(chosen.rrule !== undefined && { rrule: chosen.rrule }),
        },
        regions: chosen.regions,
        networks: chosen.networks,
        ...(chosen.capacity !== undefined && { capacity: chosen.capacity }),
        languages: chosen.languages,
        status: "scheduled",
        sequence: 0,
        createdAt: nowIso,
        updatedAt: nowIso,
      });
      const created = await matrix.createRoom({
        name: title,
        topic: `Convening ${id}`,
        initialState: conveningRoomState(config, rooms.spaces, hostRegion, reached),
        powerLevelUsers: { [sender]: 50 },
        invite: [sender],
      });
      if (!created.ok) {
        deps.logger.warn({ errcode: created.error.errcode }, "could not create a convening room");
        return err(reply`${t(locale, "error.internal")}`);
      }
      const roomId: RoomId = created.value;
      // Five characters from 31 give 28 million ids; a clash is retried with a new one.
      for (let attempt = 0; !(await store.claimId(id, roomId)); attempt += 1) {
        if (attempt > 5) return err(reply`${t(locale, "error.internal")}`);
        id = newId();
      }
      const convening: Convening = { ...draft(id), roomId };
      const saved = await store.saveConvening(roomId, convening);
      if (!saved.ok) return err(reply`${t(locale, "error.internal")}`);
      const cards = await postCards(
        deps,
        { convening, rsvps: [] },
        [roomId, ...rooms.announce],
        networkLocale,
      );
      await store.saveCards(roomId, id, cards);
      const stored: StoredConvening = { roomId, convening, rsvps: [], cards };
      await reminders.sync(stored);
      await deps.afterChange(stored);
      deps.logger.info({ convening: id, roomId, announced: rooms.announce.length }, "scheduled a convening");
      return ok(
        lines(reply`${t(locale, "schedule.done", { id, title })}`, cardAsReply(deps, stored, locale)),
      );
    },

    async reschedule(sender, steering, id, when) {
      const locale = localeOf(config, sender);
      const found = await loadOrRefuse(id, locale);
      if (!found.ok) return found;
      const stored = found.value;
      if (!mayChange(sender, steering, stored.convening))
        return err(reply`${t(locale, "refusal.onlyOrganiserChanges", { id: stored.convening.id })}`);
      const parsed = parseWhenWords(when.split(/\s+/u).filter(Boolean), {
        now: new Date(deps.now()),
        defaultZone: stored.convening.time.zone,
        weekStartsOn: config.convening.locale.weekStartsOn,
      });
      if (!parsed.result.ok)
        return err(reply`${t(locale, "error.badWhen", { problem: renderWhenError(parsed.result.error) })}`);
      const convening: Convening = {
        ...stored.convening,
        time: { ...stored.convening.time, start: parsed.result.value.start, zone: parsed.result.value.zone },
        sequence: stored.convening.sequence + 1,
        updatedAt: new Date(deps.now()).toISOString(),
      };
      const saved = await store.saveConvening(stored.roomId, convening);
      if (!saved.ok) return err(reply`${t(locale, "error.internal")}`);
      const updated = { ...stored, convening };
      await propagate(updated);
      for (const rsvp of stored.rsvps) {
        const theirs = localeOf(config, rsvp.user);
        await tell(
          rsvp.user,
          t(theirs, "reschedule.notice", {
            title: convening.title,
            when: whenFor(rsvp.user, convening, theirs),
          }),
          `moved-${convening.id}-${convening.sequence}-${rsvp.user}`,
        );
      }
      return ok(reply`${t(locale, "reschedule.done", { id: convening.id, title: convening.title })}`);
    },

    async cancel(sender, steering, id, reason) {
      const locale = localeOf(config, sender);
      const found = await loadOrRefuse(id, locale);
      if (!found.ok) return found;
      const stored = found.value;
      if (!mayChange(sender, steering, stored.convening))
        return err(reply`${t(locale, "refusal.onlyOrganiserChanges", { id: stored.convening.id })}`);
      if (stored.convening.status === "cancelled")
        return ok(reply`${t(locale, "cancel.already", { title: stored.convening.title })}`);
      const convening: Convening = {
        ...stored.convening,
        status: "cancelled",
        ...(reason !== undefined && reason.trim() !== "" && { cancelReason: reason.trim().slice(0, 500) }),
        sequence: stored.convening.sequence + 1,
        updatedAt: new Date(deps.now()).toISOString(),
      };
      const saved = await store.saveConvening(stored.roomId, convening);
      if (!saved.ok) return err(reply`${t(locale, "error.internal")}`);
      await propagate({ ...stored, convening });
      for (const rsvp of stored.rsvps)
        await tell(
          rsvp.user,
          t(localeOf(config, rsvp.user), "cancel.notice", {
            title: convening.title,
            reason: convening.cancelReason,
          }),
          `cancelled-${convening.id}-${rsvp.user}`,
        );
      return ok(reply`${t(locale, "cancel.done", { id: convening.id, title: convening.title })}`);
    },

    rsvp: answer,

    async list(sender) {
      const locale = localeOf(config, sender);
      const mine = (await store.all()).filter(
        (stored) => isInvited(config, stored.convening, sender) || stored.convening.organiser === sender,
      );
      if (mine.length === 0) return ok(reply`${t(locale, "list.empty")}`);
      const items: Reply[] = [];
      for (const stored of mine)
        items.push(
          reply`${t(locale, "list.item", {
            id: stored.convening.id,
            title: stored.convening.title,
            when: whenFor(sender, stored.convening, locale),
            status: stored.convening.status,
          })}`,
        );
      return ok(lines(reply`${t(locale, "list.heading")}`, ...items));
    },

    async show(sender, id) {
      const locale = localeOf(config, sender);
      const found = await loadOrRefuse(id, locale);
      if (!found.ok) return found;
      const when = whenFor(sender, found.value.convening, locale);
      return ok(lines(reply`${when}`, cardAsReply(deps, found.value, locale)));
    },

    async setZone(sender, zoneText) {
      const locale = localeOf(config, sender);
      const zone = readZone(zoneText);
      if (!zone.ok) return err(reply`${t(locale, "error.badZone", { zone: zoneText })}`);
      const saved = await zones.set(sender, zone.value);
      if (!saved.ok) {
        deps.logger.warn({ user: sender, errcode: saved.error.errcode }, "could not save a time zone");
        return err(reply`${t(locale, "error.internal")}`);
      }
      const now = formatForPerson(
        { start: new Date(deps.now()).toISOString(), zone: zone.value, durationMinutes: 1 },
        zone.value,
        display(locale),
      );
      return ok(reply`${t(locale, "tz.set", { zone: zone.value, now })}`);
    },

    async suggest(sender, text) {
      const locale = localeOf(config, sender);
      const earlier = (await store.all()).map((stored) => stored.convening);
      const found = suggestConvening({
        config,
        words: text.split(/\s+/u).filter(Boolean),
        now: deps.now(),
        locale,
        earlier,
      });
      return found.ok
        ? ok(found.value)
        : err(reply`${t(locale, "error.badSuggest", { problem: found.error })}`);
    },

    async feed(sender, target, rotate) {
      const locale = localeOf(config, sender);
      if (feeds === undefined) return err(reply`${t(locale, "feed.unavailable")}`);
      let subject: FeedSubject;
      if (target === undefined) subject = { kind: "person", user: sender };
      else if (config.regions.some((region) => region.id === target.toLowerCase()))
        subject = { kind: "region", region: target.toLowerCase() };
      else {
        const found = await loadOrRefuse(target, locale);
        if (!found.ok) return found;
        subject = { kind: "convening", id: found.value.convening.id };
      }
      const token = await feeds.tokens.tokenFor(subject, rotate);
      if (!token.ok) {
        deps.logger.warn(
          { kind: subject.kind, errcode: token.error.errcode },
          "could not record a feed token",
        );
        return err(reply`${t(locale, "error.internal")}`);
      }
      const url = feeds.urlOf(token.value);
      return ok(reply`${t(locale, subject.kind === "person" ? "feed.personalUrl" : "feed.url", { url })}`);
    },

    async onReaction(reaction) {
      const given = answerForReaction(reaction.key);
      if (given === undefined) return;
      const id = await store.conveningOfCard(reaction.targetEventId);
      if (id === undefined) return;
      const outcome = await answer(reaction.sender, id, given);
      // A reaction has no thread to answer in: the person is told directly.
      await tell(
        reaction.sender,
        (outcome.ok ? outcome.value : outcome.error).text,
        `reaction-${reaction.eventId}`,
      );
    },

    async start() {
      const found = await store.rebuildIndex();
      for (const stored of await store.all()) {
        await reminders.sync(stored);
        await deps.afterChange(stored);
      }
      const tokens = (await feeds?.tokens.restoreAll()) ?? 0;
      deps.logger.info({ convenings: found, feedTokens: tokens }, "convening index rebuilt from Matrix");
    },

    async replanAll() {
      for (const stored of await store.all()) await reminders.sync(stored);
    },
  };
}
