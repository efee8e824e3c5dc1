/** Sign-in with Matrix (OpenID) and the hub's sessions. */
export { type HubAuth, type HubAuthOptions, DEFAULT_SESSION_TTL_MS, createHubAuth } from "./hub-auth.ts";
export { type HubDirectory, clientUrlOfServer, isMember, isSteering } from "./hub-directory.ts";
export { requireSession, requireSteering, sessionOf } from "./require-session.ts";
export {
  clearSessionCookie,
  sessionCookieName,
  sessionCookieOf,
  setSessionCookie,
} from "./session-cookie.ts";
export { sessionKeyOf } from "./session-key.ts";
export {
  type Session,
  type SessionTokenProblem,
  signSessionToken,
  verifySessionToken,
} from "./session-token.ts";
export { type IssuedSession, type SignInFailure, signIn } from "./sign-in.ts";
export {
  type OpenIdFailure,
  type OpenIdVerifier,
  DEFAULT_OPENID_TIMEOUT_MS,
  homeserverOpenIdVerifier,
} from "./verify-openid-token.ts";
