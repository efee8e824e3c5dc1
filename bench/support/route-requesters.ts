/**
 * A worker thread for bench/route: the requesters. Each is a person's client with Rust crypto
 * (bench/support/start-person-client.ts) holding an encrypted direct chat with the router,
 * opened (and a first message sent, so the Megolm session exists) before anything is timed.
 * `fire` sends every request at once and resolves when all sends have returned; the bot's
 * answers are emitted as they are decrypted, each naming the command it answers.
 */
import { MatrixEventEvent, Preset, RoomEvent, type MatrixClient, type MatrixEvent } from "matrix-js-sdk";
import { mapWithConcurrency } from "../../lib/map-with-concurrency.ts";
import { stopTestClient, waitForMembership } from "../../tests/support/matrix-test-client.ts";
import { clockMs, serveWorker } from "./route-worker-rpc.ts";
import { startPersonClient } from "./start-person-client.ts";

export interface RequesterAccount {
  readonly userId: string;
  readonly password: string;
  readonly baseUrl: string;
}

export interface RequestToSend {
  readonly index: number;
  /** Index of the requester in `start`'s list. */
  readonly requester: number;
  readonly body: string;
}

export interface RequestSent {
  readonly index: number;
  /** clockMs() just before the send was called. */
  readonly t0: number;
  /** clockMs() when the homeserver had answered the send. */
  readonly sentAt: number;
  readonly eventId?: string;
  readonly error?: string;
}

/** A message from the bot in a requester's direct chat, decrypted. */
export interface BotAnswer {
  readonly kind: "answer";
  readonly requester: number;
  readonly eventId: string;
  /** The command it answers (its reply relation). */
  readonly inReplyTo: string | undefined;
  readonly body: string;
  /** The homeserver's timestamp of the answer. */
  readonly originTs: number;
  /** clockMs() when the client had decrypted it. */
  readonly at: number;
}

/** A case room a requester is in or invited to, by its name ("Request r…"). */
export interface CaseRoomOf {
  readonly requester: number;
  readonly roomId: string;
  readonly name: string;
}

const emit: (event: BotAnswer) => void = serveWorker({ start, fire, caseRooms, stop });
const clients: MatrixClient[] = [];
const directs: string[] = [];
const seen = new Set<string>();

function watchAnswers(client: MatrixClient, requester: number, botUserId: string): void {
  const consider = (event: MatrixEvent): void => {
    if (event.isBeingDecrypted() || event.isDecryptionFailure()) return;
    if (event.getSender() !== botUserId || event.getType() !== "m.room.message") return;
    const eventId = event.getId();
    if (eventId === undefined || seen.has(eventId) || event.getRoomId() !== directs[requester]) return;
    const body: unknown = event.getContent()["body"];
    if (typeof body !== "string") return;
    seen.add(eventId);
    emit({
      kind: "answer",
      requester,
      eventId,
      // The relation stays in the cleartext wire content of an encrypted event.
      inReplyTo: event.replyEventId ?? event.getRelation()?.event_id,
      body,
      originTs: event.getTs(),
      at: clockMs(),
    });
  };
  client.on(RoomEvent.Timeline, consider);
  client.on(MatrixEventEvent.Decrypted, consider);
}

/** The person's direct chat with the bot, as a client opens one; resolves once the bot joined. */
async function openDirect(client: MatrixClient, botUserId: string): Promise<string> {
  const { room_id: roomId } = await client.createRoom({
    preset: Preset.TrustedPrivateChat,
    is_direct: true,
    invite: [botUserId],
    initial_state: [
      { type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } },
    ],
  });
  await waitForMembership(client, roomId, botUserId, "join", 120_000);
  return roomId;
}

async function start(args: {
  accounts: readonly RequesterAccount[];
  botUserId: string;
  concurrency: number;
}): Promise<{ directs: string[] }> {
  const started = await mapWithConcurrency(args.accounts, args.concurrency, (account) =>
    startPersonClient({ baseUrl: account.baseUrl, userId: account.userId, password: account.password }),
  );
  clients.push(...started);
  const rooms = await mapWithConcurrency(clients, args.concurrency, (client) =>
    openDirect(client, args.botUserId),
  );
  directs.push(...rooms);
  clients.forEach((client, requester) => {
    watchAnswers(client, requester, args.botUserId);
  });
  // A first message: the Megolm session is made and shared with the bot now, not at t0. The
  // router ignores a plain message in a direct chat with no guided request under way.
  await mapWithConcurrency(clients, args.concurrency, (client, requester) =>
    client.sendTextMessage(directs[requester] ?? "", "Hello"),
  );
  return { directs: [...directs] };
}

/** Sends every request at once; each t0 is taken just before its send. */
async function fire(args: { requests: readonly RequestToSend[] }): Promise<RequestSent[]> {
  return Promise.all(
    args.requests.map(async (request): Promise<RequestSent> => {
      const t0 = clockMs();
      try {
        const client = clients[request.requester];
        const roomId = directs[request.requester];
        if (client === undefined || roomId === undefined)
          throw new Error(`no requester ${request.requester}`);
        const { event_id: eventId } = await client.sendTextMessage(roomId, request.body);
        return { index: request.index, t0, sentAt: clockMs(), eventId };
      } catch (error) {
        return {
          index: request.index,
          t0,
          sentAt: clockMs(),
          error: error instanceof Error ? error.message : String(error),
        };
      }
    }),
  );
}

function caseRooms(args: { pattern: string }): Promise<CaseRoomOf[]> {
  const pattern = new RegExp(args.pattern);
  const found: CaseRoomOf[] = [];
  clients.forEach((client, requester) => {
    for (const room of client.getRooms())
      if (pattern.test(room.name)) found.push({ requester, roomId: room.roomId, name: room.name });
  });
  return Promise.resolve(found);
}

function stop(): Promise<void> {
  for (const client of clients) stopTestClient(client);
  return Promise.resolve();
}

export type RequesterMethods = {
  start: typeof start;
  fire: typeof fire;
  caseRooms: typeof caseRooms;
  stop: typeof stop;
};
