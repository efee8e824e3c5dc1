/**
 * A case summary read back from Redis, through a schema: Redis holds whatever was last
 * written there (possibly by an older bot), so an entry that does not match is reported,
 * never trusted. Unknown fields are refused too: a summary that grew a field nobody vetted
 * (a requester id, a text) must not flow into the aggregates unnoticed.
 */
import { z } from "zod";
import { URGENCIES } from "../../config/schema.ts";
import { type Result, err, ok } from "../result.ts";
import type { CaseSummary } from "./aggregate-cases.ts";

const instant = z.number().int().nonnegative();

const caseSummarySchema = z.strictObject({
  topic: z.string().min(1),
  region: z.string().min(1),
  language: z.string().min(1),
  state: z.string().min(1),
  urgency: z.enum(URGENCIES),
  createdAt: instant,
  acceptedAt: instant.optional(),
  resolvedAt: instant.optional(),
  escalations: z.number().int().nonnegative(),
});

/** The summary stored as `text`, or why it is not one (field names only, never values). */
export function parseCaseSummary(text: string): Result<CaseSummary, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err("not JSON");
  }
  const parsed = caseSummarySchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join(".") || "(root)"))];
  return err(`bad fields: ${fields.join(", ")}`);
}

/**
 * The summary as stored: only its own fields, so a caller passing a wider object (a case
 * with its requester and text) cannot put more than the summary into Redis.
 */
export function serialiseCaseSummary(summary: CaseSummary): string {
  return JSON.stringify({
    topic: summary.topic,
    region: summary.region,
    language: summary.language,
    state: summary.state,
    urgency: summary.urgency,
    createdAt: summary.createdAt,
    acceptedAt: summary.acceptedAt,
    resolvedAt: summary.resolvedAt,
    escalations: summary.escalations,
  });
}
