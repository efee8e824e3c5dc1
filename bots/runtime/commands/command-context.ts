/**
 * What a command handler receives: who asked, where, with which roles and power, a clock
 * and a logger, plus the bot's own services. Deliberately not the Matrix client: a handler
 * that cannot send arbitrary events cannot leak, spam or bypass the reply rendering, and it
 * can be tested with plain fakes.
 */
import type { Logger } from "../../../lib/logger.ts";
import type { EventId, RoomId, UserId } from "../../../lib/matrix-ids.ts";
import type { Result } from "../../../lib/result.ts";
import type { Role } from "./check-permission.ts";
import type { Reply } from "./reply.ts";

/** The narrow context a handler runs in; `S` is what the bot passes in (stores, queues). */
export interface CommandContext<S = unknown> {
  readonly sender: UserId;
  readonly roomId: RoomId;
  /** The command's event: replies relate to it. */
  readonly eventId: EventId;
  /** The thread the command was sent in, if any. */
  readonly threadRootId?: EventId;
  /** The sender's network roles. */
  readonly roles: ReadonlySet<Role>;
  /** The sender's power level in `roomId`. */
  readonly powerLevel: number;
  /** Milliseconds since the epoch; a function so tests can fix time. */
  readonly now: () => number;
  /** Log ids and kinds, never message text. */
  readonly log: Logger;
  readonly services: S;
}

/** A handler's answer: ok is the reply, err is a failure the user is told about. */
export type CommandResult = Result<Reply, Reply>;
