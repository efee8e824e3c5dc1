/**
 * Sign-in with Matrix: `POST /api/v1/session` takes `{ userId, openIdToken }` (the token from
 * the person's homeserver, `POST /_matrix/client/v3/user/{userId}/openid/request_token`) and
 * answers a session token, also set as a cookie for browsers; `GET` tells who is signed in;
 * `DELETE` drops the cookie. See server/auth/sign-in.ts for the checks and their order.
 *
 * Responses carrying a session are never cached.
 */
import { Router } from "express";
import type { UserId } from "../../lib/matrix-ids.ts";
import { sendBadRequest } from "../api/field-problems.ts";
import {
  type HubAuth,
  type SignInFailure,
  clearSessionCookie,
  isSteering,
  requireSession,
  sessionOf,
  setSessionCookie,
  signIn,
} from "../auth/index.ts";
import { readSignInBody } from "../auth/read-sign-in-body.ts";
import type { MatrixErrcode } from "../hub-error.ts";
import { requestContext } from "../request-context.ts";
import type { HubRouteModule } from "./route-module.ts";

/** `POST|GET|DELETE /api/v1/session`, when the hub was given sign-in. */
export const sessionRoutes: HubRouteModule = {
  name: "session",
  mountPath: "/api/v1",
  createRouter: ({ auth }) => {
    const router = Router();
    if (auth === undefined) return router;

    router.post("/session", async (req, res) => {
      const body = readSignInBody(req.body);
      if (!body.ok) {
        sendBadRequest(res, body.error);
        return;
      }
      const log = requestContext(res).log;
      const signedIn = await signIn(auth, body.value.userId, body.value.openIdToken);
      if (!signedIn.ok) {
        log.info({ user: body.value.userId, reason: signedIn.error }, "sign-in refused");
        // Answered here rather than thrown: a homeserver that cannot answer (502) is an
        // expected condition, not a hub failure for the error middleware to log with a stack.
        const refusal = signInRefusal(signedIn.error);
        res.status(refusal.status).json({ errcode: refusal.errcode, error: refusal.message });
        return;
      }
      const session = signedIn.value;
      log.info({ user: session.userId }, "signed in");
      setSessionCookie(res, session.token, session.expiresAt, auth.now(), auth.secureCookie);
      res
        .status(200)
        .set("cache-control", "no-store")
        .json({ ...describeSession(auth, session.userId, session.expiresAt), token: session.token });
    });

    router.get("/session", requireSession(auth), (_req, res) => {
      const { userId, expiresAt } = sessionOf(res);
      res
        .status(200)
        .set("cache-control", "no-store")
        .json(describeSession(auth, userId, expiresAt));
    });

    // Tokens are not stored, so this cannot revoke one a client kept (see session-token.ts):
    // it ends the browser's session, which is what a "sign out" button needs.
    router.delete("/session", (_req, res) => {
      clearSessionCookie(res, auth.secureCookie);
      res.status(204).set("cache-control", "no-store").end();
    });

    return router;
  },
};

/** What a client is told about a session: who, until when, and whether they see statistics. */
function describeSession(auth: HubAuth, userId: UserId, expiresAt: number) {
  return {
    userId,
    expiresAt: new Date(expiresAt).toISOString(),
    steering: isSteering(auth.directory, userId),
  };
}

/**
 * What a refused sign-in is told. Not being a member is told only to someone whose token
 * proved who they are; everyone else learns nothing about who is in the network.
 */
function signInRefusal(failure: SignInFailure): { status: number; errcode: MatrixErrcode; message: string } {
  switch (failure) {
    case "foreign-server":
      return {
        status: 403,
        errcode: "M_FORBIDDEN",
        message: "Only accounts on the network's homeservers can sign in here",
      };
    case "token-rejected":
      return {
        status: 401,
        errcode: "M_UNKNOWN_TOKEN",
        message: "Your homeserver did not recognise the OpenID token",
      };
    case "token-of-another-user":
      return {
        status: 401,
        errcode: "M_UNKNOWN_TOKEN",
        message: "The OpenID token belongs to another account",
      };
    case "not-a-member":
      return {
        status: 403,
        errcode: "M_FORBIDDEN",
        message: "Your account is not one of this network's members",
      };
    case "homeserver-unavailable":
      return {
        status: 502,
        errcode: "M_UNKNOWN",
        message: "Your homeserver could not confirm the sign-in; try again shortly",
      };
  }
}
