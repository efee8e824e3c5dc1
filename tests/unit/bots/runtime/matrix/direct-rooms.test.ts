import { describe, expect, it } from "vitest";
import type { RoomId, UserId } from "../../../../../lib/matrix-ids.ts";
import {
  directRoomIds,
  pickDirectRoom,
  withDirectRoom,
  type DirectRoomView,
} from "../../../../../bots/runtime/matrix/direct-rooms.ts";

const AMINA = "@amina:east-africa.test" as UserId;
const OMAR = "@omar:mena.test" as UserId;
const A = "!a" as RoomId;
const B = "!b" as RoomId;
const C = "!c" as RoomId;

describe("directRoomIds", () => {
  it("reads the rooms recorded for a user, skipping anything that is not a room id", () => {
    expect(directRoomIds({ [AMINA]: [A, 7, "not-a-room", B], [OMAR]: [C] }, AMINA)).toEqual([A, B]);
  });

  it("reads malformed account data as no rooms", () => {
    for (const content of [undefined, null, "x", [], { [AMINA]: "!a" }])
      expect(directRoomIds(content, AMINA)).toEqual([]);
  });
});

describe("withDirectRoom", () => {
  it("appends the room for the user and keeps every other entry as it was", () => {
    const other = { [OMAR]: [C], "some.future.key": { kept: true } };
    expect(withDirectRoom({ ...other, [AMINA]: [A] }, AMINA, B)).toEqual({ ...other, [AMINA]: [A, B] });
  });

  it("does not list a room twice, and starts from nothing when there was no m.direct", () => {
    expect(withDirectRoom({ [AMINA]: [A, B] }, AMINA, A)).toEqual({ [AMINA]: [B, A] });
    expect(withDirectRoom(undefined, AMINA, A)).toEqual({ [AMINA]: [A] });
  });
});

describe("pickDirectRoom", () => {
  const usable: DirectRoomView = { botJoined: true, userMembership: "join", encrypted: true };
  const views = (map: Record<string, DirectRoomView | undefined>) => (roomId: RoomId) => map[roomId];

  it("prefers a room the user has joined, then one they are invited to", () => {
    const rooms = views({ [A]: { ...usable, userMembership: "invite" }, [B]: usable });
    expect(pickDirectRoom([A, B], rooms)).toBe(B);
    expect(pickDirectRoom([A], rooms)).toBe(A);
  });

  it("never picks a room that is unencrypted, unsynced, left by the user or by the bot", () => {
    const rooms = views({
      [A]: { ...usable, encrypted: false },
      [B]: { ...usable, userMembership: "leave" },
      [C]: { ...usable, botJoined: false },
    });
    expect(pickDirectRoom([A, B, C, "!unsynced" as RoomId], rooms)).toBeUndefined();
  });
});
