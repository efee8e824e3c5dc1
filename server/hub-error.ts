/**
 * The one error type route handlers throw on purpose. The error middleware turns it into the
 * Matrix error shape `{ errcode, error }`; anything else thrown becomes a generic 500 so that
 * internal details (stack traces, SQL, upstream URLs) never reach a client.
 */

/** A Matrix-style error code, e.g. `M_NOT_FOUND`, `M_FORBIDDEN`, `M_LIMIT_EXCEEDED`. */
export type MatrixErrcode = `M_${string}`;

/**
 * An expected failure with a user-facing message. `message` is sent to the client as-is, so it
 * must not contain secrets or internal detail; put those in `cause`, which is only logged.
 */
export class HubError extends Error {
  override readonly name = "HubError";
  /** HTTP status code sent to the client. */
  readonly status: number;
  /** Matrix error code sent as `errcode`. */
  readonly errcode: MatrixErrcode;

  constructor(status: number, errcode: MatrixErrcode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
    this.errcode = errcode;
  }
}
