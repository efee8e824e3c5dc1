/**
 * The convene bot's operations, each from a command (or a reaction) to Matrix state, cards,
 * notices and reminder jobs. Matrix is written first and everything else follows from it,
 * so a crash part-way leaves a convening that the next change or start completes.
 */
import type { UserId } from "../../../lib/matrix-ids.ts";
import { err, ok } from "../../../lib/result.ts";
import { type Reply, lines, reply } from "../../runtime/commands/reply.ts";
import type { IncomingReaction } from "../../runtime/matrix/bot-matrix.ts";
import type { FeedSubject } from "../../../lib/convening-index/index.ts";
import { t } from "../i18n/index.ts";
import type { RsvpAnswer } from "../model/convening.ts";
import { answerForReaction } from "../rsvp/index.ts";
import { formatForPerson } from "../time/format-time.ts";
import { readZone } from "../time/read-zone.ts";
import { answerConvening } from "./answer-convening.ts";
import { cardAsReply } from "./cards.ts";
import { cancelConvening, rescheduleConvening } from "./change-convening.ts";
import type { ConveneDeps } from "./convene-deps.ts";
import { isInvited, localeOf } from "./people.ts";
import type { Reminders } from "./reminders.ts";
import { scheduleConvening } from "./schedule-convening.ts";
import { type Outcome, createServiceContext } from "./service-context.ts";
import { suggestConvening } from "./suggest-convening.ts";

export type { Outcome } from "./service-context.ts";

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
  const { config, store } = deps;
  const ctx = createServiceContext(deps, reminders);
  const { zones, feeds, display, whenFor, loadOrRefuse, tell } = ctx;
  const answer = (sender: UserId, id: string, given: RsvpAnswer): Promise<Outcome> =>
    answerConvening(ctx, sender, id, given);

  return {
    schedule: (sender, title, text) => scheduleConvening(ctx, sender, title, text),
    reschedule: (sender, steering, id, when) => rescheduleConvening(ctx, sender, steering, id, when),
    cancel: (sender, steering, id, reason) => cancelConvening(ctx, sender, steering, id, reason),

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
