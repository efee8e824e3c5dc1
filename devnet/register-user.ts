/**
 * Create accounts with Synapse's shared-secret registration (the only way in on the devnet:
 * open registration is off). GET a single-use nonce, then POST the account with an
 * HMAC-SHA1 over nonce, name, password and admin flag, keyed by registration_shared_secret.
 */
import { createHmac } from "node:crypto";
import { readFile } from "node:fs/promises";
import { type Result, ok, err } from "../lib/result.ts";
import { type UserId, parseUserId } from "../lib/matrix-ids.ts";
import type { DevnetError, DevnetStateHomeserver } from "./types.ts";

export interface RegisteredUser {
  userId: UserId;
  accessToken: string;
  deviceId: string;
}

export type RegisterError = DevnetError & {
  kind: "registration-failed";
  reason: "user-in-use" | "rejected" | "unreachable";
};

/**
 * Registers `localpart` on `hs`. Fails with reason "user-in-use" when the name is taken
 * (callers that want idempotence treat that as success). Admin accounts are also exempted
 * from rate limits, so bots and test drivers are never throttled.
 */
export async function registerUser(
  hs: Pick<DevnetStateHomeserver, "id" | "clientUrl" | "registrationSharedSecretFile">,
  localpart: string,
  password: string,
  opts: { admin?: boolean; displayName?: string } = {},
): Promise<Result<RegisteredUser, RegisterError>> {
  const admin = opts.admin ?? false;
  const fail = (reason: RegisterError["reason"], detail: string): { ok: false; error: RegisterError } =>
    err({
      kind: "registration-failed",
      reason,
      homeserverId: hs.id,
      localpart,
      message: `Cannot register "${localpart}" on homeserver ${hs.id} (${hs.clientUrl}): ${detail}.`,
    });
  let secret: string;
  try {
    secret = (await readFile(hs.registrationSharedSecretFile, "utf8")).trim();
  } catch (cause) {
    return fail(
      "rejected",
      `cannot read the registration secret ${hs.registrationSharedSecretFile} (${String(cause)})`,
    );
  }
  const url = `${hs.clientUrl.replace(/\/$/, "")}/_synapse/admin/v1/register`;
  const nonceReply = await requestJson(url, { method: "GET" });
  if (!nonceReply.ok) return fail("unreachable", nonceReply.error);
  const nonce = nonceReply.value.body["nonce"];
  if (typeof nonce !== "string")
    return fail("rejected", `no nonce in the reply (HTTP ${nonceReply.value.status})`);

  const mac = createHmac("sha1", secret)
    .update([nonce, localpart, password, admin ? "admin" : "notadmin"].join("\0"))
    .digest("hex");
  const body = {
    nonce,
    username: localpart,
    password,
    admin,
    mac,
    ...(opts.displayName === undefined ? {} : { displayname: opts.displayName }),
  };
  const reply = await requestJson(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!reply.ok) return fail("unreachable", reply.error);
  const { status, body: answer } = reply.value;
  if (answer["errcode"] === "M_USER_IN_USE") return fail("user-in-use", "the user name is already taken");
  const userId = typeof answer["user_id"] === "string" ? parseUserId(answer["user_id"]) : undefined;
  const accessToken = answer["access_token"];
  const deviceId = answer["device_id"];
  if (
    status !== 200 ||
    userId === undefined ||
    !userId.ok ||
    typeof accessToken !== "string" ||
    typeof deviceId !== "string"
  ) {
    return fail("rejected", `HTTP ${status} ${textOf(answer["errcode"])} ${textOf(answer["error"])}`.trim());
  }
  if (admin) {
    // Zero means "no limit" for this user, covering limits that no rc_* setting reaches.
    const override = await requestJson(
      `${hs.clientUrl.replace(/\/$/, "")}/_synapse/admin/v1/users/${encodeURIComponent(userId.value)}/override_ratelimit`,
      {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ messages_per_second: 0, burst_count: 0 }),
      },
    );
    if (!override.ok || override.value.status !== 200) {
      return fail(
        "rejected",
        `registered, but exempting it from rate limits failed (${override.ok ? `HTTP ${override.value.status}` : override.error})`,
      );
    }
  }
  return ok({ userId: userId.value, accessToken, deviceId });
}

function textOf(value: unknown): string {
  return typeof value === "string" ? value : "";
}

async function requestJson(
  url: string,
  init: RequestInit,
): Promise<Result<{ status: number; body: Record<string, unknown> }, string>> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = {};
    }
    const record =
      typeof body === "object" && body !== null && !Array.isArray(body)
        ? (body as Record<string, unknown>)
        : {};
    return ok({ status: response.status, body: record });
  } catch (cause) {
    return err(`no answer from ${url} (${cause instanceof Error ? cause.message : String(cause)})`);
  }
}
