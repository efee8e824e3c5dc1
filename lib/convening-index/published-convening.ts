/**
 * A convening as the index holds it: the model and everyone's answers, read back through a
 * schema. Redis is not the source of truth (Matrix is) and holds whatever was last written,
 * possibly by an older bot, so a record that does not match is reported, never trusted.
 */
import { z } from "zod";
import type { Convening, Rsvp } from "../../bots/convene/model/convening.ts";
import { type Result, err, ok } from "../result.ts";
import { type RoomId, type UserId, parseRoomId, parseUserId } from "../matrix-ids.ts";

/** A convening and its answers, as published by the convene bot. */
export interface PublishedConvening {
  readonly convening: Convening;
  readonly rsvps: readonly Rsvp[];
}

/** A record the index could not use: which one, and why (for logs, never for people). */
export interface SkippedConvening {
  readonly conveningId: string;
  readonly reason: string;
}

function branded<T>(parse: (value: string) => Result<T, string>) {
  return z.string().transform((value, ctx): T => {
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  });
}

const userId = branded<UserId>(parseUserId);
const roomId = branded<RoomId>(parseRoomId);
const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), "not an ISO instant");

// Lenient about values the renderers check themselves (zone, rrule), strict about shape.
const conveningSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  organiser: userId,
  roomId: roomId.exactOptional(),
  time: z.object({
    start: instant,
    zone: z.string(),
    durationMinutes: z.number(),
    rrule: z.string().exactOptional(),
  }),
  regions: z.array(z.string()),
  networks: z.array(z.string()),
  capacity: z.number().exactOptional(),
  languages: z.array(z.string()),
  status: z.enum(["scheduled", "cancelled"]),
  cancelReason: z.string().exactOptional(),
  sequence: z.int().min(0),
  createdAt: instant,
  updatedAt: instant,
});

const rsvpsSchema = z.array(z.object({ user: userId, answer: z.enum(["yes", "no", "maybe"]), at: instant }));

/** The stored fields of one convening hash, or why they are unusable. */
export function parsePublishedConvening(
  conveningId: string,
  fields: { readonly convening: string | null; readonly rsvps: string | null },
): Result<PublishedConvening, string> {
  if (fields.convening === null) return err("not in the index (listed but never stored, or removed)");
  const convening = parseJson(fields.convening, conveningSchema);
  if (!convening.ok) return err(`stored convening unreadable: ${convening.error}`);
  if (convening.value.id !== conveningId)
    return err(`stored under ${conveningId} but says it is ${convening.value.id}`);
  const rsvps = fields.rsvps === null ? ok([]) : parseJson(fields.rsvps, rsvpsSchema);
  if (!rsvps.ok) return err(`stored answers unreadable: ${rsvps.error}`);
  const value: PublishedConvening = { convening: convening.value, rsvps: rsvps.value };
  return ok(value);
}

function parseJson<T>(text: string, schema: z.ZodType<T>): Result<T, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err("not JSON");
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? ok(parsed.data) : err(z.prettifyError(parsed.error).replaceAll("\n", "; "));
}

/** `user`'s latest answer: the latest `at`, and of equal ones the last given (as the bot's tally). */
export function latestAnswerOf(rsvps: readonly Rsvp[], user: UserId): Rsvp | undefined {
  let latest: Rsvp | undefined;
  for (const rsvp of rsvps)
    if (rsvp.user === user && (latest === undefined || Date.parse(rsvp.at) >= Date.parse(latest.at)))
      latest = rsvp;
  return latest;
}
