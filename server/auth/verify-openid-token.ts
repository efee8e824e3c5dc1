/**
 * Checking a Matrix OpenID token with the homeserver that issued it: a client gets one from
 * `POST /_matrix/client/v3/user/{userId}/openid/request_token` and the homeserver tells whose
 * it is at `GET /_matrix/federation/v1/openid/userinfo` (Synapse serves that on a listener
 * with the `openid` or `federation` resource). The hub thus learns who someone is without
 * ever seeing their password or access token.
 *
 * The token travels in the query string, as the spec has it: so redirects are refused
 * (the token must not be replayed to another host) and nothing here logs the URL.
 */
import { type Result, err, ok } from "../../lib/result.ts";

/** Generous for a loopback or regional homeserver; sign-in is interactive. */
export const DEFAULT_OPENID_TIMEOUT_MS = 5_000;

/**
 * `rejected`: the homeserver does not know the token (forged, expired, another server's);
 * `unavailable`: no usable answer (down, slow, no openid listener, a reply without `sub`).
 */
export type OpenIdFailure = "rejected" | "unavailable";

/** Whose token `accessToken` is, asked of the homeserver whose client API is at `clientUrl`. */
export type OpenIdVerifier = (
  clientUrl: string,
  accessToken: string,
) => Promise<Result<string, OpenIdFailure>>;

/** Asks homeservers over HTTP (`fetchImpl` for tests that cannot reach one). */
export function homeserverOpenIdVerifier(
  options: { readonly timeoutMs?: number; readonly fetchImpl?: typeof fetch } = {},
): OpenIdVerifier {
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_OPENID_TIMEOUT_MS;
  return async (clientUrl, accessToken) => {
    const url = new URL("/_matrix/federation/v1/openid/userinfo", clientUrl);
    url.searchParams.set("access_token", accessToken);
    let response: Response;
    try {
      response = await fetchImpl(url, { redirect: "error", signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      return err("unavailable");
    }
    // 401 M_UNKNOWN_TOKEN is Synapse's answer to an unknown token; 400 and 403 mean the same here.
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      return err("rejected");
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      return err("unavailable");
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return err("unavailable");
    }
    if (typeof body !== "object" || body === null || !("sub" in body) || typeof body.sub !== "string")
      return err("unavailable");
    return ok(body.sub);
  };
}
