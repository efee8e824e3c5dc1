/**
 * The bot runtime's composition root: `startBot(definition, options, deps)` opens the bot's
 * persistent E2EE identity, wires intake → ledger → permission → command → threaded reply
 * (and intake → ledger → `onReaction` for reactions), gives the bot's services a narrow Matrix
 * API, accepts invites the network allows, runs the bot's jobs, publishes health, and returns a
 * handle whose `stop()` shuts it all down within a few seconds. A bot author supplies only
 * commands and services; encryption, parsing, permissions, retries and shutdown live here.
 */
import { ClientEvent, Direction, EventType, Filter, RoomEvent, SyncState, type Room } from "matrix-js-sdk";
import type { RoomMessageEventContent } from "matrix-js-sdk/lib/@types/events.js";
import type { Redis } from "ioredis";
import type { Secret } from "../../config/index.ts";
import type { Logger } from "../../lib/logger.ts";
import { quietSdkGlobalLogger } from "../../lib/sdk-logger.ts";
import type { RoomId, UserId } from "../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../lib/result.ts";
import { createCommandRegistry, executeCommand, reply, type Command } from "./commands/index.ts";
import { botHealthKey } from "../../lib/bot-health-key.ts";
import { startHeartbeat, type BotHealth } from "./health/heartbeat.ts";
import { openBotSession, type IdentityError } from "./identity/index.ts";
import { catchUpNewRooms } from "./intake/catch-up-new-rooms.ts";
import { createEventIntake } from "./intake/create-event-intake.ts";
import type { IncomingCommand } from "./intake/incoming-command.ts";
import type { IncomingReaction } from "./intake/incoming-reaction.ts";
import type { IncomingRoomMessage } from "./intake/incoming-room-message.ts";
import { handleInvites } from "./invites/handle-invites.ts";
import type { InvitePolicy } from "./invites/decide-invite.ts";
import { createJobRuntime, type JobRuntime } from "./jobs/index.ts";
import { createEventLedger, transactionIdFor } from "./ledger/index.ts";
import { createCommandRateLimiter, withHomeserverRateLimit } from "./limits/index.ts";
import type { BotMatrix } from "./matrix/bot-matrix.ts";
import { createBotMatrix } from "./matrix/create-bot-matrix.ts";
import { replyContent } from "./replies/reply-content.ts";
import type { RolesOf } from "./roles/roles-of.ts";
import { waitForFirstSync } from "./wait-for-first-sync.ts";

/** What a bot is: its commands and the services its handlers get. */
export interface BotDefinition<S> {
  readonly id: string;
  readonly commands: readonly Command<S>[];
  /** Builds `ctx.services` once the runtime's infrastructure is up. */
  readonly services: (runtime: BotRuntimeHandles) => S;
  /**
   * Called once for each reaction someone else puts on an event in a room of the bot (the
   * ledger makes it once across restarts, as for commands). Throwing means "try again later";
   * a lease that ran out mid-handler can run it a second time, so sends should carry
   * `transactionIdFor(reaction.eventId, <purpose>)`. Reactions taken back are not reported.
   */
  readonly onReaction?: (services: S, reaction: IncomingReaction) => Promise<void>;
  /**
   * Called once for each message someone else sends in a room of the bot that is not a
   * command (ledger-backed like commands; a retry may run it twice, so sends should carry
   * `transactionIdFor(message.eventId, <purpose>)`). The content must not be stored or logged.
   */
  readonly onMessage?: (services: S, message: IncomingRoomMessage) => Promise<void>;
  /**
   * Runs once the first sync is in and the job workers run, e.g. to rebuild indexes from
   * Matrix state. A failure is logged and the bot runs on: it must not keep the bot down.
   */
  readonly onStart?: (services: S) => Promise<void>;
}

/** The infrastructure a bot's services may use (never the Matrix client itself). */
export interface BotRuntimeHandles {
  readonly jobs: JobRuntime;
  readonly redis: Redis;
  readonly logger: Logger;
  readonly userId: UserId;
  /** Rooms, state, messages and DMs, through the bot's E2EE session. */
  readonly matrix: BotMatrix;
}

export interface BotRuntimeOptions {
  readonly homeserverUrl: string;
  readonly userId: UserId;
  readonly password: Secret;
  readonly storeKey: Secret;
  readonly stateDir: string;
  /** Root of every Redis key and queue of this bot: `<redisPrefix>:<botId>:…`. */
  readonly redisPrefix: string;
  /** Commands older than this are skipped; default one day. */
  readonly maxEventAgeMs?: number;
  /** Per-person command budget: a burst of `capacity`, refilled at `refillPerSecond`. */
  readonly commandRate?: { readonly capacity: number; readonly refillPerSecond: number };
  readonly recoveryKeyFile?: string;
  /** At most this long between saves of the sync store; default 30 s (see bot-session.ts). */
  readonly syncSaveEveryMs?: number;
}

export interface BotDeps {
  readonly logger: Logger;
  readonly redis: Redis;
  readonly redisUrl: string;
  readonly rolesOf: RolesOf;
  readonly invitePolicy: InvitePolicy;
  readonly now?: () => number;
}

export interface RunningBot {
  readonly id: string;
  readonly userId: UserId;
  readonly deviceId: string;
  health(): Promise<BotHealth>;
  /** Stops syncing, finishes or hands back in-flight work, saves the stores; idempotent. */
  stop(): Promise<void>;
}

const DAY_MS = 24 * 3600_000;
const CATCH_UP_EVENTS = 100;

export async function startBot<S>(
  definition: BotDefinition<S>,
  options: BotRuntimeOptions,
  deps: BotDeps,
): Promise<Result<RunningBot, IdentityError>> {
  quietSdkGlobalLogger();
  const logger = deps.logger.child({ bot: definition.id });
  const now = deps.now ?? Date.now;
  const prefix = `${options.redisPrefix}:${definition.id}`;

  // Built before the identity is opened: a bad option then fails before anything needs closing.
  const maxEventAgeMs = options.maxEventAgeMs ?? DAY_MS;
  // A seen event must stay recorded for longer than the age window in which it could come back.
  const ledger = createEventLedger(deps.redis, {
    prefix,
    claimTtlMs: 10_000,
    doneTtlSeconds: Math.ceil((2 * maxEventAgeMs) / 1000),
  });
  const limiter = createCommandRateLimiter(deps.redis, {
    prefix,
    capacity: options.commandRate?.capacity ?? 20,
    refillPerSecond: options.commandRate?.refillPerSecond ?? 2,
  });
  const jobs = createJobRuntime({
    connection: { url: deps.redisUrl },
    // BullMQ joins its keys with ":" itself and refuses one in the prefix.
    prefix: `${prefix.replaceAll(":", "-")}-bull`,
    botId: definition.id,
    logger,
    closeTimeoutMs: 2_000,
  });

  const opened = await openBotSession(
    {
      botId: definition.id,
      homeserverUrl: options.homeserverUrl,
      userId: options.userId,
      password: options.password,
      storeKey: options.storeKey,
      stateDir: options.stateDir,
      ...(options.recoveryKeyFile === undefined ? {} : { recoveryKeyFile: options.recoveryKeyFile }),
      ...(options.syncSaveEveryMs === undefined ? {} : { syncSaveEveryMs: options.syncSaveEveryMs }),
    },
    { logger },
  );
  if (!opened.ok) return err(opened.error);
  const session = opened.value;
  const { client } = session;

  const matrix = createBotMatrix(client, { userId: session.userId, logger });
  const services = definition.services({ jobs, redis: deps.redis, logger, userId: session.userId, matrix });
  const registry = createCommandRegistry(definition.commands);
  const send = <T>(fn: () => Promise<T>): Promise<T> =>
    withHomeserverRateLimit(fn, { maxAttempts: 5, logger });

  const dispatch = async (command: IncomingCommand): Promise<void> => {
    const ids = { roomId: command.roomId, eventId: command.eventId, sender: command.sender };
    const budget = await limiter.take(command.sender);
    const outcome = budget.allowed
      ? await executeCommand(registry, command.body, {
          sender: command.sender,
          roomId: command.roomId,
          eventId: command.eventId,
          ...(command.threadRootId === undefined ? {} : { threadRootId: command.threadRootId }),
          roles: deps.rolesOf(command.sender),
          // From the room's current state as synced, never from anything the sender can word.
          powerLevel: client.getRoom(command.roomId)?.getMember(command.sender)?.powerLevel ?? 0,
          now,
          log: logger,
          services,
        })
      : ({
          kind: "reply",
          reply: reply`You are sending commands faster than I can answer; please wait ${String(Math.ceil(budget.retryAfterMs / 1000))} s and try again.`,
          outcome: "refused",
        } as const);
    if (outcome.kind === "silent") return;
    const content = replyContent(outcome.reply, command);
    // The transaction id derives from the command's event id: if we crash after sending and
    // handle the command again, the homeserver returns the first reply instead of a second.
    await send(() =>
      client.sendEvent(
        command.roomId,
        command.threadRootId ?? command.eventId,
        EventType.RoomMessage,
        // Our content is a valid m.room.message; the SDK's union type does not model thread fallbacks.
        content as unknown as RoomMessageEventContent,
        transactionIdFor(command.eventId),
      ),
    );
    logger.info({ ...ids, outcome: outcome.outcome }, "answered a command");
  };

  const { onReaction } = definition;
  const dispatchReaction =
    onReaction === undefined
      ? undefined
      : async (reaction: IncomingReaction): Promise<void> => {
          await onReaction(services, reaction);
          logger.info(
            { roomId: reaction.roomId, eventId: reaction.eventId, sender: reaction.sender },
            "handled a reaction",
          );
        };

  const { onMessage } = definition;
  const dispatchMessage =
    onMessage === undefined ? undefined : (message: IncomingRoomMessage) => onMessage(services, message);

  const intake = createEventIntake({
    client,
    ownUserId: session.userId,
    ledger,
    logger,
    maxEventAgeMs,
    now,
    dispatch,
    dispatchReaction,
    dispatchMessage,
  });
  intake.attach();
  const stopInvites = handleInvites(client, session.userId, deps.invitePolicy, logger, send);

  // Saves that precede a /sync (which lets the server drop what the last one delivered) wait
  // until every event it delivered is recorded in Redis: see identity/write-ahead-fetch.ts.
  session.beforeEachSave(() => intake.recorded());
  // A sync that skipped events (a gap longer than its timeline) resets the room's live
  // timeline; the events in the gap are fetched by paging back from the reset point.
  const onTimelineReset = (room: Room | undefined): void => {
    const token = room?.getLiveTimeline().getPaginationToken(Direction.Backward);
    if (room === undefined || token === null || token === undefined) return;
    void intake.catchUp(room.roomId as RoomId, token).catch((error: unknown) => {
      logger.warn(
        { roomId: room.roomId, err: error instanceof Error ? error.message : String(error) },
        "catching up failed",
      );
    });
  };
  client.on(RoomEvent.TimelineReset, onTimelineReset);
  // A room the first live sync adds (joined after the saved position, or none was saved) has
  // no reset to page back from: see catch-up-new-rooms.ts.
  const newRooms = catchUpNewRooms(client, intake, logger);
  let synced = false;
  const onSync = (state: SyncState): void => {
    synced = state === SyncState.Prepared || state === SyncState.Syncing;
  };
  client.on(ClientEvent.Sync, onSync);

  // Commands sent while the bot was down arrive in the first sync after it returns; a larger
  // timeline limit (Synapse caps it at 100) keeps most gaps inside that sync, and
  // onTimelineReset pages back through the rest.
  const filter = new Filter(session.userId);
  filter.setTimelineLimit(CATCH_UP_EVENTS);
  await client.startClient({ filter, initialSyncLimit: 50 });
  const first = await waitForFirstSync(client, 60_000);
  if (!first.ok) {
    intake.stop();
    newRooms.stop();
    stopInvites();
    await session.close();
    return err({ kind: "homeserver-unreachable", message: `bot ${definition.id}: ${first.error}` });
  }
  await jobs.start();
  await intake.drainPending();
  if (definition.onStart !== undefined)
    await definition.onStart(services).catch((error: unknown) => {
      logger.error(
        { err: error instanceof Error ? error.message : String(error) },
        "the bot's start-up work failed",
      );
    });

  const health = async (): Promise<BotHealth> => ({
    botId: definition.id,
    synced,
    redis: await deps.redis.ping().then(
      () => true,
      () => false,
    ),
    queues: await jobs.depths().catch(() => ({})),
    handled: intake.handledCount(),
    at: new Date(now()).toISOString(),
  });
  const stopHeartbeat = startHeartbeat(
    deps.redis,
    botHealthKey(options.redisPrefix, definition.id),
    health,
    logger,
  );
  logger.info({ userId: session.userId, deviceId: session.deviceId }, "bot started");

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      intake.stop();
      newRooms.stop();
      stopInvites();
      // In-flight commands get a moment to finish and running jobs their close timeout;
      // whatever does not finish stays pending in Redis and is handled once on the next start.
      // The client keeps syncing meanwhile: their sends wait for their events to come back,
      // and the crypto machine they encrypt with stops with the client.
      await Promise.all([Promise.race([intake.idle(), delay(2_500)]), jobs.close()]);
      client.off(ClientEvent.Sync, onSync);
      client.off(RoomEvent.TimelineReset, onTimelineReset);
      client.stopClient();
      await stopHeartbeat();
      await session.close();
      logger.info({ handled: intake.handledCount() }, "bot stopped");
    })();
    return stopping;
  };

  return ok({ id: definition.id, userId: session.userId, deviceId: session.deviceId, health, stop });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
