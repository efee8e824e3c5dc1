/**
 * Readiness checks for the hub's external dependencies. Their failure reasons name the
 * dependency and the kind of failure (status code, error code) but never the URL or the
 * error message, which could carry credentials or internal addresses.
 */
import { readBotHealth } from "../lib/bot-health-key.ts";
import { err, ok, type Result } from "../lib/result.ts";
import type { ReadinessCheck } from "./readiness.ts";

/** How long a homeserver has to answer `/versions` before it counts as not ready. */
export const HOMESERVER_CHECK_TIMEOUT_MS = 2_000;

/** The part of a Redis client this check needs (ioredis satisfies it). */
export type PingableRedis = { ping(): Promise<string> };

/** A check that passes when `redis.ping()` answers `PONG`. */
export function redisReadinessCheck(redis: PingableRedis, name = "redis"): ReadinessCheck {
  return {
    name,
    check: async (signal) => {
      try {
        // ioredis' ping takes no signal; race it so an offline-queued command cannot outlive us.
        const reply = await raceAbort(redis.ping(), signal);
        return reply === "PONG" ? ok(undefined) : err("redis answered ping unexpectedly");
      } catch (error: unknown) {
        if (signal.aborted) return err("redis ping timed out");
        return err(`redis ping failed${errorCodeSuffix(error)}`);
      }
    },
  };
}

/**
 * A check named `homeserver:<id>` that passes when `GET <clientUrl>/_matrix/client/versions`
 * answers 200 within {@link HOMESERVER_CHECK_TIMEOUT_MS}.
 */
export function homeserverReadinessCheck(
  id: string,
  clientUrl: string,
  fetchImpl: typeof fetch = fetch,
): ReadinessCheck {
  const target = versionsUrl(id, clientUrl);
  return {
    name: `homeserver:${id}`,
    check: async (signal): Promise<Result<void, string>> => {
      if (!target.ok) return target;
      const timeout = AbortSignal.timeout(HOMESERVER_CHECK_TIMEOUT_MS);
      try {
        const response = await fetchImpl(target.value, {
          signal: AbortSignal.any([signal, timeout]),
          redirect: "error",
        });
        // Free the connection; the body does not matter, only that the server answered.
        await response.body?.cancel();
        return response.status === 200
          ? ok(undefined)
          : err(`homeserver ${id} answered HTTP ${response.status}`);
      } catch (error: unknown) {
        if (timeout.aborted || signal.aborted) return err(`homeserver ${id} timed out`);
        return err(`homeserver ${id} unreachable${errorCodeSuffix(error)}`);
      }
    },
  };
}

/**
 * The `/versions` URL, or why there is none. Credentials in the URL are refused here with a
 * clear reason, because fetch would refuse them anyway with a message quoting the URL.
 */
function versionsUrl(id: string, clientUrl: string): Result<string, string> {
  if (!URL.canParse(clientUrl)) return err(`homeserver ${id} client URL is not a valid URL`);
  const url = new URL(clientUrl);
  if (url.username !== "" || url.password !== "")
    return err(`homeserver ${id} client URL must not contain credentials`);
  return ok(`${clientUrl.replace(/\/+$/, "")}/_matrix/client/versions`);
}

/** Rejects as soon as `signal` aborts, otherwise settles like `promise`. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error("aborted"));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(new Error("aborted"));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    void promise.then(resolve, reject).finally(() => {
      signal.removeEventListener("abort", onAbort);
    });
  });
}

/**
 * ` (ECONNREFUSED)` for errors carrying a system error code, directly or as the cause (fetch
 * wraps them); empty otherwise. Codes are safe to show, unlike messages, which may hold URLs.
 */
function errorCodeSuffix(error: unknown): string {
  for (let current: unknown = error, depth = 0; depth < 3; depth++) {
    if (typeof current !== "object" || current === null) break;
    if ("code" in current && typeof current.code === "string" && /^[A-Z0-9_]{2,40}$/.test(current.code)) {
      return ` (${current.code})`;
    }
    current = "cause" in current ? current.cause : undefined;
  }
  return "";
}

/**
 * A bot is ready when it has published a fresh heartbeat (see bots/runtime/health) saying it
 * is synced. The hub reads what the bots publish in Redis, never the bot processes themselves.
 */
export function botReadinessCheck(
  redis: { get(key: string): Promise<string | null> },
  botId: string,
  key: string,
): ReadinessCheck {
  return {
    name: `bot:${botId}`,
    async check() {
      try {
        const health = await readBotHealth(redis, key);
        if (health === undefined) return err(`bot ${botId} has published no heartbeat (not running?)`);
        return health.synced ? ok(undefined) : err(`bot ${botId} is not synced with its homeserver`);
      } catch {
        return err(`bot ${botId}: its heartbeat could not be read`);
      }
    },
  };
}
