/**
 * Middleware guarding the API: `requireSession` lets through requests carrying a valid
 * session (an `Authorization: Bearer` token, else the session cookie) of a person still in
 * the network, and `requireSteering` only the steering group's. Handlers read who is asking
 * with {@link sessionOf}.
 *
 * Kept in a WeakMap keyed by the response, like the request context (server/request-context.ts),
 * rather than on `res.locals`, which is typed `any`.
 */
import type { RequestHandler, Response } from "express";
import { HubError } from "../hub-error.ts";
import type { HubAuth } from "./hub-auth.ts";
import { isMember, isSteering } from "./hub-directory.ts";
import { sessionCookieOf } from "./session-cookie.ts";
import { type Session, verifySessionToken } from "./session-token.ts";

const sessions = new WeakMap<Response, Session>();

const BEARER = /^Bearer +(\S+) *$/i;

/** 401 unless the request carries a valid session of a configured person. */
export function requireSession(auth: HubAuth): RequestHandler {
  return (req, res, next) => {
    const header = req.get("authorization");
    // A request that names a bearer token is judged by it alone, never by a cookie beside it.
    const token = header === undefined ? sessionCookieOf(req, auth.secureCookie) : BEARER.exec(header)?.[1];
    if (token === undefined) {
      res.set("www-authenticate", 'Bearer realm="meridian"');
      throw new HubError(401, "M_MISSING_TOKEN", "Sign in first");
    }
    const session = verifySessionToken(auth.sessionKey, token, auth.now());
    // The key can outlive a config change (it is a configured secret): whoever left the
    // network loses access with the next request, not when their token expires.
    if (!session.ok || !isMember(auth.directory, session.value.userId)) {
      res.set("www-authenticate", 'Bearer realm="meridian", error="invalid_token"');
      throw new HubError(401, "M_UNKNOWN_TOKEN", "The session is not valid or has expired; sign in again");
    }
    sessions.set(res, session.value);
    next();
  };
}

/** 403 unless the signed-in person is on the steering group; mount after {@link requireSession}. */
export function requireSteering(auth: HubAuth): RequestHandler {
  return (_req, res, next) => {
    if (!isSteering(auth.directory, sessionOf(res).userId))
      throw new HubError(403, "M_FORBIDDEN", "Only the steering group may see this");
    next();
  };
}

/**
 * The session of a request that passed {@link requireSession}. Throws otherwise: a handler
 * reading a session it is not guarded for is a wiring bug, not something a request causes.
 */
export function sessionOf(res: Response): Session {
  const session = sessions.get(res);
  if (session === undefined) throw new Error("no session: mount requireSession before this handler");
  return session;
}
