/**
 * The bare baseline of bench/command-latency: a minimal matrix-js-sdk client with the same Rust
 * crypto as the bots (in memory), in its own process like the bot. It joins rooms it is invited
 * to from the network's homeservers and answers every decrypted `!echo X` from someone else with
 * the same reply the runtime's test bot sends ("echo: X" as an m.notice, HTML + plain text, in
 * the command's thread), and nothing more: no ledger, permission check, parser, rate limiter
 * or persistence. Settings come from MERIDIAN_ECHO_BASELINE (JSON); it prints "READY
 * <deviceId>" once synced, and "STOPPED" after SIGTERM, then exits.
 */
import { waitForDecryption } from "../../lib/wait-for-decryption.ts";
import {
  EventType,
  KnownMembership,
  RoomEvent,
  RoomMemberEvent,
  type MatrixClient,
  type MatrixEvent,
  type RoomMember,
} from "matrix-js-sdk";
import type { RoomMessageEventContent } from "matrix-js-sdk/lib/@types/events.js";
import { startTestClient, stopTestClient } from "../../tests/support/matrix-test-client.ts";

export interface EchoBaselineSettings {
  homeserverUrl: string;
  userId: string;
  password: string;
  /** Server names whose users may invite the baseline (like the test bot's invite policy). */
  networkServers: string[];
}

const settings = JSON.parse(process.env["MERIDIAN_ECHO_BASELINE"] ?? "{}") as EchoBaselineSettings;

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

async function answer(client: MatrixClient, event: MatrixEvent): Promise<void> {
  if (!(await waitForDecryption(client, event, 30_000))) return;
  if (event.getType() !== "m.room.message") return;
  const content = event.getContent();
  const body: unknown = content["body"];
  if (content["msgtype"] !== "m.text" || typeof body !== "string") return;
  const match = /^!echo\s+([\s\S]*)$/.exec(body.trim());
  const roomId = event.getRoomId();
  const eventId = event.getId();
  if (match?.[1] === undefined || roomId === undefined || eventId === undefined) return;
  const relation = event.getRelation();
  const threadRootId = relation?.rel_type === "m.thread" ? relation.event_id : undefined;
  const text = `echo: ${match[1]}`;
  const reply = {
    msgtype: "m.notice",
    body: text,
    format: "org.matrix.custom.html",
    formatted_body: escapeHtml(text),
    "m.relates_to": {
      rel_type: "m.thread",
      event_id: threadRootId ?? eventId,
      is_falling_back: true,
      "m.in_reply_to": { event_id: eventId },
    },
  };
  await client.sendEvent(
    roomId,
    threadRootId ?? eventId,
    EventType.RoomMessage,
    reply as unknown as RoomMessageEventContent,
  );
}

const client = await startTestClient({
  baseUrl: settings.homeserverUrl,
  userId: settings.userId,
  password: settings.password,
});
const ownUserId = client.getUserId() ?? settings.userId;

const onTimeline = (
  event: MatrixEvent,
  _room: unknown,
  toStartOfTimeline: boolean | undefined,
  _removed: boolean,
  data: { liveEvent?: boolean } | undefined,
): void => {
  if (toStartOfTimeline === true || data?.liveEvent === false) return;
  if (event.getSender() === ownUserId) return;
  if (!["m.room.message", "m.room.encrypted"].includes(event.getWireType())) return;
  answer(client, event).catch((error: unknown) => {
    process.stderr.write(`echo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  });
};

const joining = new Set<string>();
const onMembership = (_event: MatrixEvent | undefined, member: RoomMember): void => {
  if (member.userId !== ownUserId || member.membership !== KnownMembership.Invite) return;
  if (joining.has(member.roomId)) return;
  const inviter = member.events.member?.getSender();
  if (inviter === undefined || !settings.networkServers.some((s) => inviter.endsWith(`:${s}`))) return;
  joining.add(member.roomId);
  client.joinRoom(member.roomId).catch((error: unknown) => {
    joining.delete(member.roomId);
    process.stderr.write(`join failed: ${error instanceof Error ? error.message : String(error)}\n`);
  });
};

client.on(RoomEvent.Timeline, onTimeline);
client.on(RoomMemberEvent.Membership, onMembership);
process.stdout.write(`READY ${client.getDeviceId() ?? "?"}\n`);

process.once("SIGTERM", () => {
  client.off(RoomEvent.Timeline, onTimeline);
  client.off(RoomMemberEvent.Membership, onMembership);
  stopTestClient(client);
  process.stdout.write("STOPPED\n");
  // matrix-js-sdk leaves ref'd timers behind after stopClient (each request's timeout signal,
  // up to 110 s, and the capabilities poller's 6 h refresh), so leave once stopped.
  process.exit(0);
});
