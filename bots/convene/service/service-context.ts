/**
 * What every convene operation shares: the deps, the people's zones and feed tokens kept in
 * Matrix, and the small steps each change repeats (load or refuse, propagate, tell).
 */
import type { UserId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import { type Reply, reply } from "../../runtime/commands/reply.ts";
import { type Locale, resolveLocale, t } from "../i18n/index.ts";
import type { Convening } from "../model/convening.ts";
import type { StoredConvening } from "../store/convening-store.ts";
import { type DisplayOptions, formatForPerson } from "../time/format-time.ts";
import { refreshCards } from "./cards.ts";
import type { ConveneDeps } from "./convene-deps.ts";
import { type FeedTokens, createFeedTokens } from "./feed-tokens.ts";
import { zoneOf } from "./people.ts";
import type { Reminders } from "./reminders.ts";
import { type SavedZones, savedZones } from "./saved-zones.ts";

/** A command's answer: the reply, or the refusal. */
export type Outcome = Result<Reply, Reply>;

export interface ServiceContext {
  readonly deps: ConveneDeps;
  readonly reminders: Reminders;
  readonly zones: SavedZones;
  readonly feeds: { readonly tokens: FeedTokens; readonly urlOf: (token: string) => string } | undefined;
  /** Cards are shared by everyone in a room, so they speak the network's language. */
  readonly networkLocale: Locale;
  readonly display: (locale: Locale) => DisplayOptions;
  /** A convening's time as `user` reads it: in their own zone, in their language. */
  readonly whenFor: (user: UserId, convening: Convening, locale: Locale) => string;
  readonly loadOrRefuse: (id: string, locale: Locale) => Promise<Result<StoredConvening, Reply>>;
  /** After a change: cards edited in place, reminders moved, the hub's index updated. */
  readonly propagate: (stored: StoredConvening) => Promise<void>;
  /** A direct notice; a failure is logged, not fatal (the change itself is done). */
  readonly tell: (user: UserId, text: string, txnId: string) => Promise<void>;
  readonly mayChange: (sender: UserId, steering: boolean, convening: Convening) => boolean;
}

export function createServiceContext(deps: ConveneDeps, reminders: Reminders): ServiceContext {
  const { config, matrix, store } = deps;
  const zones = savedZones(matrix);
  const networkLocale = resolveLocale(config.network.defaultLanguage);
  const display = (locale: Locale): DisplayOptions => ({
    locale,
    hourCycle: config.convening.locale.hourCycle,
  });
  return {
    deps,
    reminders,
    zones,
    feeds:
      deps.feeds === undefined
        ? undefined
        : { tokens: createFeedTokens(matrix, deps.feeds.index), urlOf: deps.feeds.urlOf },
    networkLocale,
    display,
    whenFor: (user, convening, locale) =>
      formatForPerson(convening.time, zoneOf(config, user, zones.get(user)), display(locale)),
    loadOrRefuse: async (id, locale) => {
      const loaded = await store.load(id.toLowerCase());
      if (!loaded.ok) return err(reply`${t(locale, "error.internal")}`);
      if (loaded.value === undefined) return err(reply`${t(locale, "error.unknownConvening", { id })}`);
      return ok(loaded.value);
    },
    propagate: async (stored) => {
      await refreshCards(deps, stored, networkLocale);
      await reminders.sync(stored);
      await deps.afterChange(stored);
    },
    tell: async (user, text, txnId) => {
      const sent = await matrix.sendDirect(user, { msgtype: "m.notice", body: text }, txnId);
      if (!sent.ok) deps.logger.warn({ user, errcode: sent.error.errcode }, "could not send a direct notice");
    },
    mayChange: (sender, steering, convening) => steering || convening.organiser === sender,
  };
}
