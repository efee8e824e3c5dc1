/**
 * Convenings in Matrix, found through a Redis index (id → room, card event → convening)
 * that is rebuilt from the rooms' state at every start, so losing Redis loses nothing.
 */
import type { Redis } from "ioredis";
import type { EventId, RoomId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import type { BotMatrix, MatrixFailure } from "../../runtime/matrix/bot-matrix.ts";
import type { Convening, Rsvp } from "../model/convening.ts";
import {
  CARDS_STATE,
  CONVENING_STATE,
  RSVP_STATE,
  type CardRef,
  conveningContent,
  readCards,
  readConvening,
  readRsvp,
  rsvpStateKey,
} from "./convening-state.ts";

/** A convening with everything kept beside it. */
export interface StoredConvening {
  readonly roomId: RoomId;
  readonly convening: Convening;
  readonly rsvps: readonly Rsvp[];
  readonly cards: readonly CardRef[];
}

export interface ConveningStore {
  /** Claims a fresh id (false when taken). */
  claimId(id: string, roomId: RoomId): Promise<boolean>;
  load(id: string): Promise<Result<StoredConvening | undefined, MatrixFailure>>;
  /** The convening a card event belongs to. */
  conveningOfCard(eventId: EventId): Promise<string | undefined>;
  saveConvening(roomId: RoomId, convening: Convening): Promise<Result<void, MatrixFailure>>;
  saveRsvp(roomId: RoomId, rsvp: Rsvp): Promise<Result<void, MatrixFailure>>;
  saveCards(roomId: RoomId, id: string, cards: readonly CardRef[]): Promise<Result<void, MatrixFailure>>;
  /** Every convening the bot knows (from the index), loaded from Matrix. */
  all(): Promise<StoredConvening[]>;
  /** Rebuilds the index from the rooms the bot is in; returns how many convenings it found. */
  rebuildIndex(): Promise<number>;
}

export function createConveningStore(matrix: BotMatrix, redis: Redis, prefix: string): ConveningStore {
  const roomKey = (id: string): string => `${prefix}:room:${id}`;
  const cardKey = (eventId: string): string => `${prefix}:card:${eventId}`;
  const allKey = `${prefix}:all`;

  const load = async (id: string): Promise<Result<StoredConvening | undefined, MatrixFailure>> => {
    const roomId = (await redis.get(roomKey(id))) as RoomId | null;
    if (roomId === null) return ok(undefined);
    const state = await matrix.readState(roomId, CONVENING_STATE, "");
    if (!state.ok) return state;
    const convening = state.value === undefined ? undefined : readConvening(state.value.content);
    if (convening === undefined || convening.id !== id) return ok(undefined);
    const rsvpEvents = await matrix.readStateOfType(roomId, RSVP_STATE);
    if (!rsvpEvents.ok) return rsvpEvents;
    const cards = await matrix.readState(roomId, CARDS_STATE, "");
    if (!cards.ok) return cards;
    return ok({
      roomId,
      convening,
      rsvps: rsvpEvents.value.flatMap((event) => readRsvp(event.stateKey, event.content) ?? []),
      cards: cards.value === undefined ? [] : readCards(cards.value.content),
    });
  };

  const asVoid = (result: Result<unknown, MatrixFailure>): Result<void, MatrixFailure> =>
    result.ok ? ok(undefined) : err(result.error);

  return {
    async claimId(id, roomId) {
      const claimed = await redis.set(roomKey(id), roomId, "NX");
      if (claimed === "OK") await redis.sadd(allKey, id);
      return claimed === "OK";
    },
    load,
    async conveningOfCard(eventId) {
      return (await redis.get(cardKey(eventId))) ?? undefined;
    },
    async saveConvening(roomId, convening) {
      return asVoid(await matrix.sendState(roomId, CONVENING_STATE, "", conveningContent(convening)));
    },
    async saveRsvp(roomId, rsvp) {
      return asVoid(
        await matrix.sendState(roomId, RSVP_STATE, rsvpStateKey(rsvp.user), {
          answer: rsvp.answer,
          at: rsvp.at,
        }),
      );
    },
    async saveCards(roomId, id, cards) {
      const saved = await matrix.sendState(roomId, CARDS_STATE, "", { cards });
      if (saved.ok && cards.length > 0)
        await redis.mset(Object.fromEntries(cards.map((card) => [cardKey(card.eventId), id])));
      return asVoid(saved);
    },
    async all() {
      const ids = await redis.smembers(allKey);
      const loaded = await Promise.all(ids.sort().map((id) => load(id)));
      return loaded.flatMap((result) => (result.ok && result.value !== undefined ? [result.value] : []));
    },
    async rebuildIndex() {
      let found = 0;
      for (const roomId of matrix.roomsWithState(CONVENING_STATE)) {
        const state = await matrix.readState(roomId, CONVENING_STATE, "");
        const convening =
          state.ok && state.value !== undefined ? readConvening(state.value.content) : undefined;
        if (convening === undefined) continue;
        await redis.set(roomKey(convening.id), roomId);
        await redis.sadd(allKey, convening.id);
        const cards = await matrix.readState(roomId, CARDS_STATE, "");
        if (cards.ok && cards.value !== undefined)
          for (const card of readCards(cards.value.content))
            await redis.set(cardKey(card.eventId), convening.id);
        found += 1;
      }
      return found;
    },
  };
}
