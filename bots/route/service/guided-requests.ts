/**
 * Guided `!request` exchanges in progress, one per person. The state without the request
 * text is kept in Redis (an hour), so a restart mid-exchange resumes it; the text, which may
 * come from an encrypted room, stays in memory only (a restart asks for it again).
 */
import type { Redis } from "ioredis";
import type { UserId } from "../../../lib/matrix-ids.ts";
import { type GuidedState, withoutText } from "../intake/index.ts";

const TTL_SECONDS = 3600;

export interface GuidedRequests {
  get(user: UserId): Promise<GuidedState | undefined>;
  put(user: UserId, state: GuidedState): Promise<void>;
  drop(user: UserId): Promise<void>;
}

export function createGuidedRequests(redis: Redis, prefix: string): GuidedRequests {
  const texts = new Map<UserId, string>();
  const key = (user: UserId): string => `${prefix}:guided:${user}`;
  return {
    async get(user) {
      const raw = await redis.get(key(user));
      if (raw === null) return undefined;
      try {
        const stored = JSON.parse(raw) as GuidedState;
        const text = texts.get(user);
        return text === undefined ? stored : { ...stored, text };
      } catch {
        return undefined;
      }
    },
    async put(user, state) {
      if (state.text === undefined) texts.delete(user);
      else texts.set(user, state.text);
      await redis.set(key(user), JSON.stringify(withoutText(state)), "EX", TTL_SECONDS);
    },
    async drop(user) {
      texts.delete(user);
      await redis.del(key(user));
    },
  };
}
