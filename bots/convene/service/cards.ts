/**
 * The convening card, as posted in the convening room and in every room it was announced
 * in, and kept current: each change edits every copy, so counts update in place.
 */
import type { RoomId } from "../../../lib/matrix-ids.ts";
import { type CardContent, type CardInput, cardReply, renderConveningCard } from "../card/render-card.ts";
import type { Reply } from "../../runtime/commands/reply.ts";
import { localTimeLines } from "../card/local-time-lines.ts";
import type { Locale } from "../i18n/index.ts";
import { tallyRsvps } from "../rsvp/tally-rsvps.ts";
import type { CardRef } from "../store/convening-state.ts";
import type { StoredConvening } from "../store/convening-store.ts";
import type { ConveneDeps } from "./convene-deps.ts";
import { regionsReached } from "./people.ts";

export const ANSWER_COMMAND = "!convene rsvp";

/** The card for a convening, in `locale` (cards are shared, so the network's language). */
export function cardFor(
  deps: Pick<ConveneDeps, "config">,
  stored: Pick<StoredConvening, "convening" | "rsvps">,
  locale: Locale,
): CardContent {
  return renderConveningCard(cardInput(deps, stored, locale));
}

/** The card as a reply fragment, to include in a command's answer. */
export function cardAsReply(
  deps: Pick<ConveneDeps, "config">,
  stored: Pick<StoredConvening, "convening" | "rsvps">,
  locale: Locale,
): Reply {
  return cardReply(cardInput(deps, stored, locale));
}

function cardInput(
  deps: Pick<ConveneDeps, "config">,
  stored: Pick<StoredConvening, "convening" | "rsvps">,
  locale: Locale,
): CardInput {
  const { config } = deps;
  const places = regionsReached(config, stored.convening).flatMap((id) => {
    const region = config.regions.find((candidate) => candidate.id === id);
    return region === undefined
      ? []
      : region.timeZones.slice(0, 1).map((zone) => ({ label: region.name, zone }));
  });
  return {
    convening: stored.convening,
    locale,
    localTimes: localTimeLines(
      stored.convening.time.start,
      places,
      locale,
      config.convening.locale.hourCycle,
    ),
    tally: tallyRsvps(stored.rsvps, stored.convening.capacity),
    answerCommand: ANSWER_COMMAND,
  };
}

/** Posts the card in each room; returns the cards that were posted (failures are logged). */
export async function postCards(
  deps: ConveneDeps,
  stored: Pick<StoredConvening, "convening" | "rsvps">,
  rooms: readonly RoomId[],
  locale: Locale,
): Promise<CardRef[]> {
  const content = cardFor(deps, stored, locale);
  const posted: CardRef[] = [];
  for (const roomId of rooms) {
    // The txn id ties the post to the convening and room: a retry after a crash is a no-op.
    const sent = await deps.matrix.sendMessage(
      roomId,
      { ...content },
      `card-${stored.convening.id}-${roomId}`,
    );
    if (sent.ok) posted.push({ roomId, eventId: sent.value });
    else
      deps.logger.warn(
        { roomId, convening: stored.convening.id, errcode: sent.error.errcode },
        "card not posted",
      );
  }
  return posted;
}

/** Edits every posted copy of the card to the convening's current state. */
export async function refreshCards(
  deps: ConveneDeps,
  stored: StoredConvening,
  locale: Locale,
): Promise<void> {
  const content = cardFor(deps, stored, locale);
  for (const card of stored.cards) {
    const edited = await deps.matrix.editMessage(card.roomId, card.eventId, { ...content });
    if (!edited.ok)
      deps.logger.warn(
        { roomId: card.roomId, convening: stored.convening.id, errcode: edited.error.errcode },
        "card not updated",
      );
  }
}
