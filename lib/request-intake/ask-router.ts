/**
 * The hub's side of the intake channel: pass a practice request to the route bot and wait
 * for its answer. Pub/sub rather than a queue or a key, because the request's text must
 * never sit in Redis: PUBLISH goes to the subscribers connected at that moment and is kept
 * nowhere (not in the keyspace, not in the append-only file). The price is that nobody
 * listening means the request is lost, so the hub learns that at once from PUBLISH's
 * receiver count and tells the person, instead of pretending it was taken.
 */
import type { Redis } from "ioredis";
import { type Result, err, ok } from "../result.ts";
import type { IntakeKeys } from "./intake-keys.ts";
import {
  type IntakeReply,
  type IntakeRequest,
  parseIntakeReply,
  serialiseIntakeRequest,
} from "./intake-messages.ts";
import type { ReplyListener } from "./reply-listener.ts";

/** How long the hub waits for the router by default: it answers in well under a second. */
export const DEFAULT_ASK_TIMEOUT_MS = 20_000;

/**
 * Why no answer came: no router subscribed, none within the time, or one the hub cannot
 * read (a router of another version).
 */
export type AskRouterFailure = "router-not-running" | "timeout" | "unreadable-reply";

/** The connections an ask uses: any connection to publish, a shared listener for replies. */
export interface RouterConnections {
  readonly publisher: Redis;
  readonly replies: ReplyListener;
}

/**
 * Publishes `request` and waits up to `timeoutMs` for the router's answer. Subscribes to the
 * reply channel before publishing, so even an instant answer is heard. Rejects only when
 * Redis itself fails.
 */
export async function askRouter(
  connections: RouterConnections,
  keys: IntakeKeys,
  request: IntakeRequest,
  timeoutMs: number = DEFAULT_ASK_TIMEOUT_MS,
): Promise<Result<IntakeReply, AskRouterFailure>> {
  const pending = await connections.replies.listen(keys.replyTo(request.id));
  try {
    const receivers = await connections.publisher.publish(keys.requests, serialiseIntakeRequest(request));
    if (receivers === 0) return err("router-not-running");
    const message = await pending.next(timeoutMs);
    if (message === undefined) return err("timeout");
    const reply = parseIntakeReply(message);
    return reply.ok ? ok(reply.value) : err("unreadable-reply");
  } finally {
    await pending.end();
  }
}
