/**
 * Field-by-field validation of API bodies and queries: every problem is reported at once,
 * each naming its field, so a client fixes its request in one go. Messages describe what was
 * expected, never echo what was sent: request text must not come back in errors or logs.
 */
import type { Response } from "express";

/** One field at fault. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** The body as an object of fields, or undefined when it is not a JSON object. */
export function jsonObjectOf(body: unknown): Readonly<Record<string, unknown>> | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  return body as Readonly<Record<string, unknown>>;
}

/** The problem reported when there is no JSON object to read fields from. */
export const NOT_A_JSON_OBJECT: FieldProblem = {
  field: "body",
  message: "must be a JSON object, sent with Content-Type: application/json",
};

/** A problem for each field of `fields` not in `known`. */
export function unknownFieldProblems(
  fields: Readonly<Record<string, unknown>>,
  known: readonly string[],
): FieldProblem[] {
  return Object.keys(fields)
    .filter((field) => !known.includes(field))
    .map((field) => ({ field, message: "is not a field of this request" }));
}

/**
 * Answers 400 listing `problems`, in the hub's error shape plus the list: `error` names every
 * field at fault for a person, `problems` is for the client to show beside each field.
 */
export function sendBadRequest(res: Response, problems: readonly FieldProblem[]): void {
  const summary = problems.map(({ field, message }) => `${field} ${message}`).join("; ");
  res.status(400).json({ errcode: "M_BAD_JSON", error: `Invalid request: ${summary}`, problems });
}
