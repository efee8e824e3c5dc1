/**
 * Why a bot's identity could not be opened. Every kind carries a `message` written for the
 * operator who has to fix it (what happened, and what to do), never a secret.
 */

/** The ways opening a bot's Matrix identity can fail. */
export type IdentityError =
  | { readonly kind: "bad-store-key"; readonly message: string }
  | { readonly kind: "wrong-password"; readonly message: string }
  | { readonly kind: "homeserver-unreachable"; readonly message: string; readonly cause?: unknown }
  | { readonly kind: "locked"; readonly message: string; readonly lockPath: string }
  | { readonly kind: "corrupt-session"; readonly message: string; readonly path: string }
  | { readonly kind: "corrupt-recovery-key"; readonly message: string; readonly path: string }
  | { readonly kind: "state-dir"; readonly message: string; readonly cause?: unknown }
  | { readonly kind: "login-failed"; readonly message: string; readonly cause?: unknown }
  | { readonly kind: "crypto-setup-failed"; readonly message: string; readonly cause?: unknown };

/** The `kind` tags of {@link IdentityError}. */
export type IdentityErrorKind = IdentityError["kind"];

/** A short description of an unknown thrown value, for messages (never a stack or a secret). */
export function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  return typeof cause === "string" ? cause : "unknown error";
}
