/**
 * Expected failures are values, not exceptions: callers must look at `ok` before using
 * `value`, so a bad config file or a malformed command can never escape as a crash.
 * Throw only for bugs.
 */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
