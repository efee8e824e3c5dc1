/**
 * The bot's intake: every message that reaches the bot is remembered as pending in Redis
 * (ids only) before anything else, decrypted, and, if it is a command, handed to `dispatch`
 * exactly once; a reaction likewise to `dispatchReaction`, when the bot takes reactions. An
 * event in flight when the process dies stays pending and is fetched again by id on the next
 * start; one already handled is recognised by the ledger and skipped. Events of one room are
 * handled in order; rooms proceed independently.
 *
 * Removing a reaction is a redaction of the reaction event; those are not taken in yet, so a
 * bot sees a reaction arrive but not go (its handler must not assume the reaction still stands).
 */
import { Direction, MatrixEvent, RoomEvent, type MatrixClient } from "matrix-js-sdk";
import type { Logger } from "../../../lib/logger.ts";
import { waitForDecryption } from "../../../lib/wait-for-decryption.ts";
import type { EventId, RoomId } from "../../../lib/matrix-ids.ts";
import { isTooOld, type EventLedger } from "../ledger/index.ts";
import type { IncomingCommand } from "./incoming-command.ts";
import type { IncomingReaction } from "./incoming-reaction.ts";
import { type IncomingRoomMessage, readRoomMessage } from "./incoming-room-message.ts";
import { readCommandEvent } from "./read-command-event.ts";

export interface EventIntakeOptions {
  client: MatrixClient;
  ownUserId: string;
  ledger: EventLedger;
  logger: Logger;
  /** Commands and reactions older than this are skipped (logged): nobody wants a week-old answer. */
  maxEventAgeMs: number;
  now: () => number;
  /** Runs the command and sends its reply; throws on a transient failure (it is retried). */
  dispatch: (command: IncomingCommand) => Promise<void>;
  /**
   * Handles a reaction someone else put on an event; throws on a transient failure (it is
   * retried). Absent: the bot takes no reactions, and unencrypted ones are not even recorded.
   */
  dispatchReaction?: ((reaction: IncomingReaction) => Promise<void>) | undefined;
  /**
   * Handles a message someone else sent that is not a command (see incoming-room-message.ts);
   * throws on a transient failure (it is retried). Absent: such messages are only marked seen.
   */
  dispatchMessage?: ((message: IncomingRoomMessage) => Promise<void>) | undefined;
  /** How long to wait for a room key that has not arrived yet. */
  decryptTimeoutMs?: number;
  /** When to look at pending events again after a busy lease or a failed dispatch. */
  retryAfterMs?: number;
}

export interface EventIntake {
  /** Starts listening to the client's timeline. */
  attach(): void;
  /** Handles events left pending by an earlier run (or a failed attempt), fetched by id. */
  drainPending(): Promise<void>;
  /** Resolves when everything received so far has been processed as far as it can be. */
  idle(): Promise<void>;
  /**
   * Resolves when every event received so far is at least recorded as pending in Redis: the
   * point after which saving the sync position can lose nothing.
   */
  recorded(): Promise<void>;
  /** Stops taking new events; what is in flight finishes. */
  stop(): void;
  /**
   * Fetches what a sync skipped in a room (a "limited" timeline after a long absence) by
   * paging back from `fromToken` until an event already seen, one past the age limit, or the
   * bot's own join (what came before was not sent to it, and it may hold no keys for it).
   */
  catchUp(roomId: RoomId, fromToken: string): Promise<void>;
  handledCount(): number;
}

/** Wire types that may hold a command; an encrypted event may as well hold a reaction. */
const MESSAGE_TYPES: readonly string[] = ["m.room.message", "m.room.encrypted"];
/** A reaction in a room without encryption, or from a client that leaves reactions unencrypted. */
const REACTION_TYPE = "m.reaction";
const CATCH_UP_PAGE_SIZE = 100;
/** At most this many pages (of 100 events) are fetched to fill one gap. */
const CATCH_UP_PAGES = 50;

/** The event that made the bot a member (not a later profile change, which is also "join"). */
function isOwnJoin(event: MatrixEvent, ownUserId: string): boolean {
  if (event.getType() !== "m.room.member" || event.getStateKey() !== ownUserId) return false;
  const previous: unknown = event.getPrevContent()["membership"];
  return event.getContent()["membership"] === "join" && previous !== "join";
}

export function createEventIntake(options: EventIntakeOptions): EventIntake {
  const { client, ledger, logger } = options;
  const decryptTimeoutMs = options.decryptTimeoutMs ?? 30_000;
  const retryAfterMs = options.retryAfterMs ?? 10_000;
  const { dispatchReaction, dispatchMessage } = options;
  const wireTypes = new Set(
    dispatchReaction === undefined ? MESSAGE_TYPES : [...MESSAGE_TYPES, REACTION_TYPE],
  );
  const inFlight = new Set<string>();
  const roomChains = new Map<string, Promise<void>>();
  const running = new Set<Promise<void>>();
  const recording = new Set<Promise<unknown>>();
  let stopped = false;
  let handled = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  const track = (work: Promise<void>): void => {
    running.add(work);
    void work.finally(() => running.delete(work));
  };

  const scheduleRetry = (): void => {
    if (stopped || retryTimer !== undefined) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      track(drainPending());
    }, retryAfterMs);
    retryTimer.unref();
  };

  /**
   * Runs `work` for the event once across every process of the bot: claimed before, marked
   * done after. A failure gives the lease back and the event is tried again later. A lease that
   * expires mid-work (a crash, a long pause) lets it run again, which is why every send made
   * for an event carries a transaction id derived from it (see ledger/transaction-id.ts).
   */
  const runOnce = async (
    what: "command" | "reaction" | "message",
    ids: { roomId: RoomId; eventId: EventId; sender: string },
    work: () => Promise<void>,
  ): Promise<void> => {
    const claim = await ledger.claim(ids.eventId);
    if (claim === "done") {
      await ledger.remove(ids.eventId);
      return;
    }
    if (claim === "busy") {
      logger.debug(ids, `${what} held by an earlier lease; will retry`);
      scheduleRetry();
      return;
    }
    try {
      await work();
      await ledger.markDone(ids.eventId);
      handled += 1;
    } catch (error) {
      await ledger.release(ids.eventId).catch(() => undefined);
      logger.warn(
        { ...ids, err: error instanceof Error ? error.message : String(error) },
        `${what} failed; will retry`,
      );
      scheduleRetry();
    }
  };

  /** Everything after "it is pending": decrypt, classify, run. */
  const processPending = async (event: MatrixEvent): Promise<void> => {
    const eventId = event.getId() as EventId;
    if (!(await waitForDecryption(client, event, decryptTimeoutMs))) {
      logger.warn({ roomId: event.getRoomId(), eventId }, "could not decrypt a message yet; left pending");
      return;
    }
    const candidate = readCommandEvent(event, options.ownUserId);
    switch (candidate.kind) {
      case "command": {
        const { command } = candidate;
        const ids = { roomId: command.roomId, eventId: command.eventId, sender: command.sender };
        await runOnce("command", ids, () => options.dispatch(command));
        return;
      }
      case "reaction": {
        const { reaction } = candidate;
        if (dispatchReaction !== undefined) {
          const ids = { roomId: reaction.roomId, eventId: reaction.eventId, sender: reaction.sender };
          await runOnce("reaction", ids, () => dispatchReaction(reaction));
          return;
        }
        break;
      }
      case "ignore": {
        const message = dispatchMessage === undefined ? undefined : readRoomMessage(event, options.ownUserId);
        if (message !== undefined && dispatchMessage !== undefined) {
          const ids = { roomId: message.roomId, eventId: message.eventId, sender: message.sender };
          await runOnce("message", ids, () => dispatchMessage(message));
          return;
        }
        break;
      }
    }
    // Done, not just dropped: a catch-up after a gap stops at the first event already seen.
    await ledger.markDone(eventId);
  };

  /** Serialises work per room so a person's commands are answered in the order sent. */
  const inRoomOrder = (roomId: string, work: () => Promise<void>): Promise<void> => {
    const previous = roomChains.get(roomId) ?? Promise.resolve();
    const next = previous.then(work, work);
    roomChains.set(roomId, next);
    void next.finally(() => {
      if (roomChains.get(roomId) === next) roomChains.delete(roomId);
    });
    return next;
  };

  const accept = (event: MatrixEvent, alreadyPending: boolean): void => {
    const eventId = event.getId();
    const roomId = event.getRoomId();
    if (stopped || eventId === undefined || roomId === undefined || inFlight.has(eventId)) return;
    if (event.getSender() === options.ownUserId || !wireTypes.has(event.getWireType())) return;
    if (isTooOld(event.getTs(), options.now(), options.maxEventAgeMs)) {
      logger.info({ roomId, eventId }, "skipping a message older than the age limit");
      if (alreadyPending) track(ledger.remove(eventId as EventId));
      return;
    }
    inFlight.add(eventId);
    const work = (async () => {
      try {
        // Remember it before anything can fail, so a crash from here on loses nothing.
        if (!alreadyPending) {
          const enqueued = ledger.enqueue(roomId as RoomId, eventId as EventId, event.getTs());
          recording.add(enqueued);
          const fresh = await enqueued.finally(() => recording.delete(enqueued));
          if (!fresh) return;
        }
        await inRoomOrder(roomId, () => processPending(event));
      } catch (error) {
        logger.error(
          { roomId, eventId, err: error instanceof Error ? error.message : String(error) },
          "intake failed",
        );
        scheduleRetry();
      } finally {
        inFlight.delete(eventId);
      }
    })();
    track(work);
  };

  const onTimeline = (
    event: MatrixEvent,
    _room: unknown,
    toStartOfTimeline: boolean | undefined,
    _removed: boolean,
    data: { liveEvent?: boolean } | undefined,
  ): void => {
    // Back-paginated history is not a new command; live events (including those a restart
    // catches up on from the stored sync position) are.
    if (toStartOfTimeline === true || data?.liveEvent === false) return;
    accept(event, false);
  };

  async function drainPending(): Promise<void> {
    const pending = await ledger.pending(500);
    for (const item of pending) {
      if (stopped) return;
      if (inFlight.has(item.eventId)) continue;
      try {
        const raw = await client.fetchRoomEvent(item.roomId, item.eventId);
        accept(new MatrixEvent(raw), true);
      } catch (error) {
        logger.warn(
          {
            roomId: item.roomId,
            eventId: item.eventId,
            err: error instanceof Error ? error.message : String(error),
          },
          "could not fetch a pending event; will retry",
        );
        scheduleRetry();
      }
    }
  }

  return {
    attach() {
      client.on(RoomEvent.Timeline, onTimeline);
    },
    drainPending,
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    async catchUp(roomId, fromToken) {
      const skipped: MatrixEvent[] = [];
      let token: string | undefined = fromToken;
      let reachedSeen = false;
      for (let page = 0; page < CATCH_UP_PAGES && token !== undefined && !reachedSeen && !stopped; page++) {
        const response = await client.createMessagesRequest(
          roomId,
          token,
          CATCH_UP_PAGE_SIZE,
          Direction.Backward,
        );
        for (const raw of response.chunk) {
          const event = new MatrixEvent(raw);
          const id = event.getId();
          if (id === undefined) continue;
          if (
            isOwnJoin(event, options.ownUserId) ||
            isTooOld(event.getTs(), options.now(), options.maxEventAgeMs) ||
            (await ledger.isDone(id as EventId))
          ) {
            reachedSeen = true;
            break;
          }
          skipped.push(event);
        }
        token = response.end;
      }
      if (skipped.length > 0)
        logger.info({ roomId, events: skipped.length }, "caught up on events a sync skipped");
      // Oldest first, so a person's commands are answered in the order they were sent.
      for (const event of skipped.reverse()) accept(event, false);
    },
    async recorded() {
      await Promise.allSettled([...recording]);
    },
    stop() {
      stopped = true;
      client.off(RoomEvent.Timeline, onTimeline);
      if (retryTimer !== undefined) clearTimeout(retryTimer);
    },
    handledCount: () => handled,
  };
}
