/**
 * The convening's state events in its Matrix room, which are the source of truth (Redis only
 * indexes them): the convening itself, one RSVP per person (state key = user id, so two
 * answers at once never overwrite each other), and where its cards were posted. Reading
 * validates every field: state is written by the bot, but a room admin could edit it.
 */
import { z } from "zod";
import {
  type EventId,
  type RoomId,
  type UserId,
  parseEventId,
  parseRoomId,
  parseUserId,
} from "../../../lib/matrix-ids.ts";
import type { Convening, Rsvp } from "../model/convening.ts";

export const CONVENING_STATE = "org.meridian.convening";
export const RSVP_STATE = "org.meridian.convening.rsvp";

/**
 * The state key of a person's RSVP. Not the bare user id: a state key starting with "@" may
 * only be set by that user (the homeserver refuses the bot with "not allowed to set others
 * state"), so the key carries a prefix.
 */
export function rsvpStateKey(user: UserId): string {
  return `person:${user}`;
}
export const CARDS_STATE = "org.meridian.convening.cards";

/** A posted card: in the convening room or an announcement in an invited room. */
export interface CardRef {
  readonly roomId: RoomId;
  readonly eventId: EventId;
}

const userIdSchema = z.string().refine((value) => parseUserId(value).ok, "not a Matrix user id");
const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not an ISO instant");

const conveningSchema = z.object({
  id: z.string().regex(/^[a-z0-9]{3,12}$/),
  title: z.string().min(1).max(300),
  organiser: userIdSchema,
  roomId: z
    .string()
    .refine((value) => parseRoomId(value).ok)
    .optional(),
  time: z.object({
    start: instant,
    zone: z.string().min(1),
    durationMinutes: z
      .int()
      .min(1)
      .max(24 * 60),
    rrule: z.string().optional(),
  }),
  regions: z.array(z.string()),
  networks: z.array(z.string()),
  capacity: z.int().min(1).optional(),
  languages: z.array(z.string()),
  status: z.enum(["scheduled", "cancelled"]),
  cancelReason: z.string().max(500).optional(),
  sequence: z.int().min(0),
  createdAt: instant,
  updatedAt: instant,
});

const rsvpSchema = z.object({ answer: z.enum(["yes", "no", "maybe"]), at: instant });
const cardsSchema = z.object({
  cards: z.array(
    z.object({
      roomId: z.string().refine((value) => parseRoomId(value).ok),
      eventId: z.string().refine((value) => parseEventId(value).ok),
    }),
  ),
});

/** The convening in a state event's content, or undefined when it is not one. */
export function readConvening(content: unknown): Convening | undefined {
  const parsed = conveningSchema.safeParse(content);
  if (!parsed.success) return undefined;
  const { roomId, time, capacity, cancelReason, ...rest } = parsed.data;
  return {
    ...rest,
    organiser: rest.organiser as UserId,
    ...(roomId !== undefined && { roomId: roomId as RoomId }),
    time: {
      start: time.start,
      zone: time.zone,
      durationMinutes: time.durationMinutes,
      ...(time.rrule !== undefined && { rrule: time.rrule }),
    },
    ...(capacity !== undefined && { capacity }),
    ...(cancelReason !== undefined && { cancelReason }),
  };
}

/** A person's RSVP from its state event (state key = their user id). */
export function readRsvp(stateKey: string, content: unknown): Rsvp | undefined {
  if (!stateKey.startsWith("person:")) return undefined;
  const user = parseUserId(stateKey.slice("person:".length));
  const parsed = rsvpSchema.safeParse(content);
  if (!user.ok || !parsed.success) return undefined;
  return { user: user.value, answer: parsed.data.answer, at: parsed.data.at };
}

export function readCards(content: unknown): CardRef[] {
  const parsed = cardsSchema.safeParse(content);
  if (!parsed.success) return [];
  return parsed.data.cards.map((card) => ({
    roomId: card.roomId as RoomId,
    eventId: card.eventId as EventId,
  }));
}

/** The content written for a convening: the model as JSON (optional fields left out). */
export function conveningContent(convening: Convening): Record<string, unknown> {
  return JSON.parse(JSON.stringify(convening)) as Record<string, unknown>;
}
