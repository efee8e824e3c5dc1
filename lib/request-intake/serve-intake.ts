/**
 * The route bot's side of the intake channel: listen for practice requests the hub passes
 * on, hand each to the bot's handler, and publish its answer on the request's reply channel.
 *
 * Whatever arrives is read through a schema first, since anything with access to Redis can
 * publish here; a message that is not a request is logged by its id (when it has a
 * well-formed one) and dropped: there is no one to answer. A handler that throws still gets
 * the person an answer, a refusal, rather than leaving the hub to time out.
 *
 * Logs name requests by id only. The handler's error is logged by type, not message: a
 * message may quote the request, so the handler should log what it knows to be safe itself.
 */
import type { Redis } from "ioredis";
import type { Logger } from "../logger.ts";
import type { IntakeKeys } from "./intake-keys.ts";
import {
  type IntakeReply,
  type IntakeRequest,
  parseIntakeRequest,
  serialiseIntakeReply,
} from "./intake-messages.ts";

/** What the person is told when the handler failed. */
export const HANDLER_FAILED_REFUSAL =
  "The request could not be taken because of a problem on our side; nothing was kept. Please try again later.";

/** The bot's handling of one request; its answer goes back to the hub as it is. */
export type IntakeHandler = (request: IntakeRequest) => Promise<IntakeReply>;

/** A running intake listener. */
export interface IntakeServer {
  /** Unsubscribes, then waits until every request already heard has been answered. */
  stop(): Promise<void>;
}

/**
 * Serves intake on `keys.requests`, resolving once subscribed (so a request published after
 * that is heard). `subscriber` must be a connection of its own (`redis.duplicate()`): one that
 * has subscribed can do nothing else; the caller keeps owning both connections.
 */
export async function serveIntake(
  subscriber: Redis,
  publisher: Redis,
  keys: IntakeKeys,
  handler: IntakeHandler,
  logger: Logger,
): Promise<IntakeServer> {
  const log = logger.child({ component: "request-intake" });
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  const answer = async (request: IntakeRequest): Promise<void> => {
    const reply = await handleSafely(handler, request, log);
    try {
      await publisher.publish(keys.replyTo(request.id), serialiseIntakeReply(reply));
      log.info({ intakeId: request.id, outcome: outcomeOf(reply) }, "intake request answered");
    } catch (error: unknown) {
      // The hub times out and says so; the case, if one was opened, exists all the same.
      log.error({ intakeId: request.id, errType: errorType(error) }, "intake answer could not be published");
    }
  };

  const onMessage = (channel: string, message: string): void => {
    if (channel !== keys.requests || stopped) return;
    const parsed = parseIntakeRequest(message);
    if (!parsed.ok) {
      log.warn(
        { intakeId: parsed.error.id, reason: parsed.error.reason },
        "unreadable intake request ignored",
      );
      return;
    }
    const task = answer(parsed.value).finally(() => {
      inFlight.delete(task);
    });
    inFlight.add(task);
  };

  subscriber.on("message", onMessage);
  try {
    await subscriber.subscribe(keys.requests);
  } catch (error: unknown) {
    subscriber.off("message", onMessage);
    throw error;
  }
  log.info("serving practice requests from the hub");

  let stopping: Promise<void> | undefined;
  return {
    stop: () => {
      stopping ??= (async () => {
        // Unsubscribe first: a request heard until Redis confirms is still answered, and one
        // published after finds no receiver, so the hub says at once that the router is down
        // instead of waiting for an answer that will never come.
        await subscriber.unsubscribe(keys.requests).catch(() => undefined);
        stopped = true;
        subscriber.off("message", onMessage);
        await Promise.all([...inFlight]);
      })();
      return stopping;
    },
  };
}

async function handleSafely(
  handler: IntakeHandler,
  request: IntakeRequest,
  log: Logger,
): Promise<IntakeReply> {
  try {
    return await handler(request);
  } catch (error: unknown) {
    log.error({ intakeId: request.id, errType: errorType(error) }, "intake handler failed");
    return { ok: false, refused: HANDLER_FAILED_REFUSAL };
  }
}

function outcomeOf(reply: IntakeReply): "case" | "problems" | "refused" {
  if (reply.ok) return "case";
  return "problems" in reply ? "problems" : "refused";
}

function errorType(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
