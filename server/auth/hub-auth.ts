/**
 * Everything sign-in and sessions need, assembled once by `startHub` from what it is given:
 * route modules and middleware receive this, never the options or the config.
 */
import type { HubDirectory } from "./hub-directory.ts";
import { sessionKeyOf } from "./session-key.ts";
import { homeserverOpenIdVerifier, type OpenIdVerifier } from "./verify-openid-token.ts";

/** How long a session lasts by default: a working day, so a shared computer is not signed in for long. */
export const DEFAULT_SESSION_TTL_MS = 8 * 60 * 60 * 1000;

/** What the hub is given for sign-in. */
export interface HubAuthOptions {
  /** Who may sign in, with which homeservers, and who is on the steering group. */
  readonly directory: HubDirectory;
  /** The read `secrets.hubSessionKey`; absent: a random key per start (see session-key.ts). */
  readonly sessionKey?: { reveal(): string } | undefined;
  readonly sessionTtlMs?: number;
  /** How OpenID tokens are checked; by default, by asking the person's homeserver. */
  readonly verifyOpenIdToken?: OpenIdVerifier;
  /** The clock sessions are issued and checked by (ms since epoch). */
  readonly now?: () => number;
}

/** Sign-in and sessions, ready to use. */
export interface HubAuth {
  readonly directory: HubDirectory;
  readonly sessionKey: Buffer;
  readonly sessionTtlMs: number;
  readonly verifyOpenIdToken: OpenIdVerifier;
  readonly now: () => number;
  /** Whether the session cookie is marked Secure (the hub is served over https). */
  readonly secureCookie: boolean;
}

/** Sign-in from `options`; `https` says whether browsers reach the hub over https. */
export function createHubAuth(options: HubAuthOptions, https: boolean): HubAuth {
  const ttl = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  if (!Number.isSafeInteger(ttl) || ttl <= 0)
    throw new RangeError("sessionTtlMs must be a positive whole number");
  return {
    directory: options.directory,
    sessionKey: sessionKeyOf(options.sessionKey),
    sessionTtlMs: ttl,
    verifyOpenIdToken: options.verifyOpenIdToken ?? homeserverOpenIdVerifier(),
    now: options.now ?? (() => Date.now()),
    secureCookie: https,
  };
}
