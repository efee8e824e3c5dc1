/**
 * Every event of a room as a member's client can read it: the whole timeline paged back from
 * the server, each decrypted, plus the room's current state. Both the wire form and the clear
 * form are returned, so a check over them misses nothing an expert's client could show.
 */
import { Direction, EventTimeline, MatrixEvent, type MatrixClient } from "matrix-js-sdk";

export async function readRoomEvents(client: MatrixClient, roomId: string): Promise<unknown[]> {
  const events: unknown[] = [];
  let from: string | null = null;
  for (let page = 0; page < 50; page++) {
    const response = await client.createMessagesRequest(roomId, from, 100, Direction.Backward);
    for (const raw of response.chunk) {
      const event = new MatrixEvent(raw);
      await client.decryptEventIfNeeded(event);
      events.push(raw, event.getEffectiveEvent());
    }
    if (response.end === undefined || response.chunk.length === 0) break;
    from = response.end;
  }
  const state = client.getRoom(roomId)?.getLiveTimeline().getState(EventTimeline.FORWARDS);
  for (const event of state?.events.values() ?? [])
    for (const stateEvent of event.values()) events.push(stateEvent.getEffectiveEvent());
  return events;
}
