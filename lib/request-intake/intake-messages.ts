/**
 * The messages of the intake channel: a request as the hub passes it on, and the router's
 * answer. Both sides read what arrives through a schema, since anything with access to Redis
 * can publish on the channel. The request's text is plaintext a person wrote about a
 * sensitive matter: nothing here logs or stores it, and failures name fields, never values.
 */
import { z } from "zod";
import { URGENCIES } from "../../config/schema.ts";
import type { Urgency } from "../../config/network-config.ts";
import { type UserId, parseUserId } from "../matrix-ids.ts";
import { type Result, err, ok } from "../result.ts";

/** The longest request text accepted, in characters (code points). */
export const MAX_REQUEST_TEXT = 4000;

/** A practice request, as a signed-in person made it through the hub. */
export interface IntakeRequest {
  /** A fresh UUID: names the reply channel and ties the hub's log lines to the bot's. */
  readonly id: string;
  /** Who asks; the hub took it from their session, never from the request body. */
  readonly userId: UserId;
  /** A topic word (an id, alias or label); the router resolves it. */
  readonly topic: string;
  readonly language: string;
  /** Absent: the router's default. */
  readonly urgency?: Urgency;
  readonly anonymous: boolean;
  readonly text: string;
}

/** One problem with a request, named by the request field it is about. */
export interface IntakeProblem {
  readonly field: string;
  readonly message: string;
}

/** The router's answer: a case opened, problems to fix, or a refusal with its reason. */
export type IntakeReply =
  | { readonly ok: true; readonly caseId: string; readonly handle?: string }
  | { readonly ok: false; readonly problems: readonly IntakeProblem[] }
  | { readonly ok: false; readonly refused: string };

const userIdSchema = z.string().transform((value, ctx) => {
  const parsed = parseUserId(value);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: "custom", message: "not a Matrix user id" });
  return z.NEVER;
});

const requestSchema = z.strictObject({
  id: z.uuid(),
  userId: userIdSchema,
  topic: z.string(),
  language: z.string(),
  urgency: z.enum(URGENCIES).optional(),
  anonymous: z.boolean(),
  text: z.string().refine((text) => codePoints(text) <= MAX_REQUEST_TEXT),
});

const replySchema = z.union([
  z.strictObject({ ok: z.literal(true), caseId: z.string().min(1), handle: z.string().optional() }),
  z.strictObject({
    ok: z.literal(false),
    problems: z.array(z.strictObject({ field: z.string(), message: z.string() })).min(1),
  }),
  z.strictObject({ ok: z.literal(false), refused: z.string().min(1) }),
]);

/** Why a message could not be read: the request id when it had one, and the fields at fault. */
export interface UnreadableMessage {
  readonly id: string | undefined;
  readonly reason: string;
}

/** The request published as `text`, or why it is not one. */
export function parseIntakeRequest(text: string): Result<IntakeRequest, UnreadableMessage> {
  const json = parseJson(text);
  if (json === undefined) return err({ id: undefined, reason: "not JSON" });
  const parsed = requestSchema.safeParse(json);
  if (parsed.success) {
    const { urgency, ...rest } = parsed.data;
    return ok(urgency === undefined ? rest : { ...rest, urgency });
  }
  return err({ id: idOf(json), reason: fieldsAtFault(parsed.error) });
}

/** The reply published as `text`, or why it is not one. */
export function parseIntakeReply(text: string): Result<IntakeReply, string> {
  const json = parseJson(text);
  if (json === undefined) return err("not JSON");
  const parsed = replySchema.safeParse(json);
  if (!parsed.success) return err(fieldsAtFault(parsed.error));
  const reply = parsed.data;
  if (reply.ok)
    return ok(
      reply.handle === undefined
        ? { ok: true, caseId: reply.caseId }
        : { ok: true, caseId: reply.caseId, handle: reply.handle },
    );
  return ok(reply);
}

/** The request as published: only its own fields, whatever object the caller built it from. */
export function serialiseIntakeRequest(request: IntakeRequest): string {
  return JSON.stringify({
    id: request.id,
    userId: request.userId,
    topic: request.topic,
    language: request.language,
    urgency: request.urgency,
    anonymous: request.anonymous,
    text: request.text,
  });
}

/** The reply as published: only its own fields. */
export function serialiseIntakeReply(reply: IntakeReply): string {
  if (reply.ok) return JSON.stringify({ ok: true, caseId: reply.caseId, handle: reply.handle });
  if ("problems" in reply)
    return JSON.stringify({
      ok: false,
      problems: reply.problems.map(({ field, message }) => ({ field, message })),
    });
  return JSON.stringify({ ok: false, refused: reply.refused });
}

/** Length as a person counts characters: an emoji is one, not two UTF-16 units. */
export function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// Only a UUID-shaped id is worth logging: anything else could be text in the wrong field.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idOf(json: unknown): string | undefined {
  if (typeof json !== "object" || json === null || !("id" in json)) return undefined;
  return typeof json.id === "string" && UUID.test(json.id) ? json.id : undefined;
}

function fieldsAtFault(error: z.ZodError): string {
  // Unknown keys are named by kind only: a key is as much sender-chosen text as a value.
  const fields = [
    ...new Set(
      error.issues.map((issue) =>
        issue.code === "unrecognized_keys" ? "(unknown fields)" : issue.path.join(".") || "(root)",
      ),
    ),
  ];
  return `bad fields: ${fields.join(", ")}`;
}
