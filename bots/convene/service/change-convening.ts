/**
 * Changes an organiser (or the steering group) makes to a convening: moving it and
 * cancelling it. Each writes the new state first, with SEQUENCE increased for the calendar
 * feeds, then propagates (cards, reminders, index) and tells everyone who answered.
 */
import type { UserId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import { type Reply, reply } from "../../runtime/commands/reply.ts";
import { type Locale, t } from "../i18n/index.ts";
import type { StoredConvening } from "../store/convening-store.ts";
import type { Convening } from "../model/convening.ts";
import { parseWhenWords } from "../time/parse-when.ts";
import { renderWhenError } from "../time/render-when-error.ts";
import { localeOf } from "./people.ts";
import type { Outcome, ServiceContext } from "./service-context.ts";

/** The convening, if it exists and `sender` may change it (its organiser, or steering). */
async function loadForChange(
  ctx: ServiceContext,
  sender: UserId,
  steering: boolean,
  id: string,
  locale: Locale,
): Promise<Result<StoredConvening, Reply>> {
  const found = await ctx.loadOrRefuse(id, locale);
  if (!found.ok) return found;
  if (!ctx.mayChange(sender, steering, found.value.convening))
    return err(reply`${t(locale, "refusal.onlyOrganiserChanges", { id: found.value.convening.id })}`);
  return found;
}

export async function rescheduleConvening(
  ctx: ServiceContext,
  sender: UserId,
  steering: boolean,
  id: string,
  when: string,
): Promise<Outcome> {
  const { deps, propagate, tell, whenFor } = ctx;
  const { config, store } = deps;
  const locale = localeOf(config, sender);
  const found = await loadForChange(ctx, sender, steering, id, locale);
  if (!found.ok) return found;
  const stored = found.value;
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
}

export async function cancelConvening(
  ctx: ServiceContext,
  sender: UserId,
  steering: boolean,
  id: string,
  reason: string | undefined,
): Promise<Outcome> {
  const { deps, propagate, tell } = ctx;
  const { config, store } = deps;
  const locale = localeOf(config, sender);
  const found = await loadForChange(ctx, sender, steering, id, locale);
  if (!found.ok) return found;
  const stored = found.value;
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
}
