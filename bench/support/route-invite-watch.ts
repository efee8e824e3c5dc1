/**
 * A worker thread for bench/route: watches the experts' accounts for invites, with a bare
 * /sync long-poll per account (no matrix-js-sdk, no crypto: membership and the room name
 * are unencrypted stripped state), and emits each new invite with the moment its sync
 * response arrived. The accounts' devices are the ones registration made, which have no
 * keys: the bot encrypts nothing for them, so watching adds no work to the bot.
 */
import { clockMs, serveWorker } from "./route-worker-rpc.ts";

export interface Watched {
  readonly userId: string;
  readonly accessToken: string;
  /** The homeserver's client URL. */
  readonly baseUrl: string;
}

export interface InviteSeen {
  readonly kind: "invite";
  readonly userId: string;
  readonly roomId: string;
  /** The room's name from the invite's stripped state, if it has one. */
  readonly name: string | undefined;
  /** The inviter, from the invitee's membership event. */
  readonly sender: string | undefined;
  /** clockMs() when the sync response holding it had arrived. */
  readonly at: number;
}

export interface WatchFailure {
  readonly kind: "sync-error";
  readonly userId: string;
  readonly message: string;
}

export type WatchEvent = InviteSeen | WatchFailure;

/** Only what invites need: no timeline, state, presence, receipts or account data. */
const FILTER = JSON.stringify({
  presence: { types: [] },
  account_data: { types: [] },
  room: {
    timeline: { limit: 1, types: [] },
    state: { types: [] },
    ephemeral: { types: [] },
    account_data: { types: [] },
  },
});
const LONG_POLL_MS = 30_000;

interface StrippedEvent {
  type?: unknown;
  state_key?: unknown;
  sender?: unknown;
  content?: Record<string, unknown>;
}

interface SyncResponse {
  next_batch: string;
  rooms?: { invite?: Record<string, { invite_state?: { events?: StrippedEvent[] } }> };
}

const emit: (event: WatchEvent) => void = serveWorker({ start, stop });
const controller = new AbortController();
const stopped = (): boolean => controller.signal.aborted;
const loops: Promise<void>[] = [];

async function sync(watched: Watched, since: string | undefined, timeoutMs: number): Promise<SyncResponse> {
  const url = new URL("/_matrix/client/v3/sync", watched.baseUrl);
  url.searchParams.set("filter", FILTER);
  url.searchParams.set("timeout", String(timeoutMs));
  if (since !== undefined) url.searchParams.set("since", since);
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${watched.accessToken}` },
    signal: controller.signal,
  });
  if (!response.ok) throw new Error(`sync answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as SyncResponse;
}

function report(watched: Watched, response: SyncResponse, at: number, seen: Set<string>): void {
  for (const [roomId, room] of Object.entries(response.rooms?.invite ?? {})) {
    if (seen.has(roomId)) continue;
    const events = room.invite_state?.events ?? [];
    const own = events.find(
      (event) =>
        event.type === "m.room.member" &&
        event.state_key === watched.userId &&
        event.content?.["membership"] === "invite",
    );
    if (own === undefined) continue;
    seen.add(roomId);
    const name = events.find((event) => event.type === "m.room.name" && event.state_key === "")?.content?.[
      "name"
    ];
    emit({
      kind: "invite",
      userId: watched.userId,
      roomId,
      name: typeof name === "string" ? name : undefined,
      sender: typeof own.sender === "string" ? own.sender : undefined,
      at,
    });
  }
}

async function watch(watched: Watched, since: string, seen: Set<string>): Promise<void> {
  let token = since;
  while (!stopped()) {
    try {
      const response = await sync(watched, token, LONG_POLL_MS);
      report(watched, response, clockMs(), seen);
      token = response.next_batch;
    } catch (error) {
      if (stopped()) return;
      emit({
        kind: "sync-error",
        userId: watched.userId,
        message: error instanceof Error ? error.message : String(error),
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** Takes each account's current position (invites already there are not reported), then watches. */
async function start(args: { watched: readonly Watched[] }): Promise<number> {
  const positions = await Promise.all(
    args.watched.map(async (watched) => {
      const first = await sync(watched, undefined, 0);
      const seen = new Set(Object.keys(first.rooms?.invite ?? {}));
      return { watched, since: first.next_batch, seen };
    }),
  );
  for (const { watched, since, seen } of positions) loops.push(watch(watched, since, seen));
  return positions.length;
}

async function stop(): Promise<void> {
  controller.abort();
  await Promise.all(loops);
}

export type InviteWatchMethods = { start: typeof start; stop: typeof stop };
