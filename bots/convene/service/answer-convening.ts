/**
 * An answer to a convening (`!convene rsvp`, or a reaction on its card): the person's RSVP
 * state written first, then whoever the answer moved (a promotion off the waitlist) told,
 * the convening room offered to those coming, and the cards updated.
 */
import type { UserId } from "../../../lib/matrix-ids.ts";
import { err, ok } from "../../../lib/result.ts";
import { reply } from "../../runtime/commands/reply.ts";
import { t } from "../i18n/index.ts";
import type { RsvpAnswer } from "../model/convening.ts";
import { applyRsvp, standingOf } from "../rsvp/index.ts";
import type { StoredConvening } from "../store/convening-store.ts";
import { isInvited, localeOf } from "./people.ts";
import { rsvpNoticeText } from "./rsvp-notice-text.ts";
import type { Outcome, ServiceContext } from "./service-context.ts";

export async function answerConvening(
  ctx: ServiceContext,
  sender: UserId,
  id: string,
  given: RsvpAnswer,
): Promise<Outcome> {
  const { deps, loadOrRefuse, tell, propagate } = ctx;
  const { config, matrix, store } = deps;
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
}
