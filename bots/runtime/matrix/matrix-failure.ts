/**
 * Turns what a Matrix request throws into a {@link MatrixFailure} value. Refusals and
 * unreachable servers are expected (a room that is gone, a person who left, a federation
 * hiccup) and come back as values; anything else is a bug and is thrown on.
 */
import { ConnectionError, HTTPError, MatrixError } from "matrix-js-sdk";
import type { MatrixFailure } from "./bot-matrix.ts";

/** errcode when the bot has not (yet) synced a room it must know before acting in it. */
export const NOT_SYNCED = "ORG.MERIDIAN.NOT_SYNCED";

/** The failure `error` stands for, or undefined when it is not a Matrix request failure. */
export function toMatrixFailure(error: unknown): MatrixFailure | undefined {
  if (error instanceof MatrixError)
    return { errcode: error.errcode ?? "M_UNKNOWN", message: error.data.error ?? error.message };
  // No errcode: an HTTP error without a Matrix body (a proxy's 502), or no answer at all.
  if (error instanceof HTTPError || error instanceof ConnectionError)
    return { errcode: "M_UNKNOWN", message: error.message };
  return undefined;
}

export function notSynced(what: string): MatrixFailure {
  return { errcode: NOT_SYNCED, message: what };
}
