/**
 * The session as a browser keeps it: an HttpOnly cookie (page scripts cannot read it), sent
 * only with same-site requests (SameSite=Strict: another site cannot make a signed-in
 * browser post a request), and over https, Secure with the `__Host-` prefix, which also
 * stops a sibling subdomain from planting its own.
 */
import type { Request, Response } from "express";

/** The cookie's name: `__Host-` needs Secure, so plain-http hubs (the devnet) use the bare name. */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-meridian-session" : "meridian-session";
}

/** Sets the session cookie to `token` until `expiresAt` (ms since epoch). */
export function setSessionCookie(
  res: Response,
  token: string,
  expiresAt: number,
  now: number,
  secure: boolean,
): void {
  res.cookie(sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: "/",
    maxAge: Math.max(0, expiresAt - now),
  });
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(sessionCookieName(secure), { httpOnly: true, sameSite: "strict", secure, path: "/" });
}

/** The session cookie's value, if the request carries one (the first, if several). */
export function sessionCookieOf(req: Request, secure: boolean): string | undefined {
  const header = req.get("cookie");
  if (header === undefined) return undefined;
  const name = sessionCookieName(secure);
  for (const pair of header.split(";")) {
    const equals = pair.indexOf("=");
    if (equals === -1 || pair.slice(0, equals).trim() !== name) continue;
    const value = pair.slice(equals + 1).trim();
    return value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
  }
  return undefined;
}
