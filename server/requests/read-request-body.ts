/**
 * The body of `POST /api/v1/requests`, checked for types and presence only: whether the
 * topic exists, the language is one the network speaks and so on is the router's to say (it
 * answers 422 with its own problems), so the hub and the bot cannot disagree about them.
 * Who asks is not a field: it comes from the session.
 */
import { URGENCIES } from "../../config/schema.ts";
import type { Urgency } from "../../config/network-config.ts";
import { MAX_REQUEST_TEXT, codePoints } from "../../lib/request-intake/index.ts";
import { type Result, err, ok } from "../../lib/result.ts";
import {
  type FieldProblem,
  NOT_A_JSON_OBJECT,
  jsonObjectOf,
  unknownFieldProblems,
} from "../api/field-problems.ts";

/** A practice request as a person sent it through the hub. */
export interface RequestBody {
  readonly topic: string;
  readonly language: string;
  readonly urgency?: Urgency;
  readonly anonymous: boolean;
  readonly text: string;
}

const FIELDS = ["topic", "language", "urgency", "anonymous", "text"] as const;

/** The request in `body`, or a problem for each field at fault. */
export function readRequestBody(body: unknown): Result<RequestBody, FieldProblem[]> {
  const fields = jsonObjectOf(body);
  if (fields === undefined) return err([NOT_A_JSON_OBJECT]);
  const problems: FieldProblem[] = [];
  const stringField = (field: (typeof FIELDS)[number]): string => {
    const value = fields[field];
    if (typeof value === "string") return value;
    problems.push({ field, message: value === undefined ? "is missing" : "must be a string" });
    return "";
  };

  // In the order a form shows them, so problems read top to bottom.
  const topic = stringField("topic");
  const language = stringField("language");

  const urgency = fields["urgency"];
  const knownUrgency = URGENCIES.find((candidate) => candidate === urgency);
  if (urgency !== undefined && knownUrgency === undefined)
    problems.push({ field: "urgency", message: `must be one of ${URGENCIES.join(", ")}` });

  const anonymous = fields["anonymous"];
  if (typeof anonymous !== "boolean")
    problems.push({
      field: "anonymous",
      message: anonymous === undefined ? "is missing" : "must be true or false",
    });

  const text = stringField("text");
  if (codePoints(text) > MAX_REQUEST_TEXT)
    problems.push({ field: "text", message: `must be at most ${MAX_REQUEST_TEXT} characters` });

  problems.push(...unknownFieldProblems(fields, FIELDS));
  if (problems.length > 0 || typeof anonymous !== "boolean") return err(problems);
  return ok({
    topic,
    language,
    anonymous,
    text,
    ...(knownUrgency === undefined ? {} : { urgency: knownUrgency }),
  });
}
