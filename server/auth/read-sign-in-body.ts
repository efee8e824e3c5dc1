/**
 * The body of `POST /api/v1/session`: `{ userId, openIdToken }`, every field at fault
 * reported at once. The token is never echoed, logged or kept beyond the check.
 */
import { type UserId, parseUserId } from "../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../lib/result.ts";
import {
  type FieldProblem,
  NOT_A_JSON_OBJECT,
  jsonObjectOf,
  unknownFieldProblems,
} from "../api/field-problems.ts";

/** A sign-in as sent. */
export interface SignInBody {
  readonly userId: UserId;
  readonly openIdToken: string;
}

// Synapse's tokens are a few dozen characters; anything much longer is not one, and must not
// be forwarded in a URL.
const MAX_OPENID_TOKEN_LENGTH = 512;

/** The sign-in in `body`, or a problem for each field at fault. */
export function readSignInBody(body: unknown): Result<SignInBody, FieldProblem[]> {
  const fields = jsonObjectOf(body);
  if (fields === undefined) return err([NOT_A_JSON_OBJECT]);
  const problems: FieldProblem[] = [];

  const user = fields["userId"];
  const userId = typeof user === "string" ? parseUserId(user) : undefined;
  if (userId === undefined)
    problems.push({ field: "userId", message: user === undefined ? "is missing" : "must be a string" });
  else if (!userId.ok) problems.push({ field: "userId", message: "must be a Matrix user id (@name:server)" });

  const token = fields["openIdToken"];
  if (typeof token !== "string")
    problems.push({ field: "openIdToken", message: token === undefined ? "is missing" : "must be a string" });
  else if (token.length === 0 || token.length > MAX_OPENID_TOKEN_LENGTH)
    problems.push({
      field: "openIdToken",
      message: `must be the access_token of an OpenID token (1 to ${MAX_OPENID_TOKEN_LENGTH} characters)`,
    });

  problems.push(...unknownFieldProblems(fields, ["userId", "openIdToken"]));
  if (problems.length > 0 || userId?.ok !== true || typeof token !== "string") return err(problems);
  return ok({ userId: userId.value, openIdToken: token });
}
