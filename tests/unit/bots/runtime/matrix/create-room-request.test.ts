import { describe, expect, it } from "vitest";
import type { UserId } from "../../../../../lib/matrix-ids.ts";
import {
  createRoomRequest,
  directRoomRequest,
} from "../../../../../bots/runtime/matrix/create-room-request.ts";

const BOT = "@convene:mena.test" as UserId;
const AMINA = "@amina:east-africa.test" as UserId;

describe("createRoomRequest", () => {
  it("creates a private room version 12 room, encrypted even when the caller gave no encryption", () => {
    const request = createRoomRequest({ name: "Planning", initialState: [], invite: [AMINA] }, BOT);
    expect(request).toMatchObject({
      name: "Planning",
      preset: "private_chat",
      visibility: "private",
      room_version: "12",
    });
    expect(request.initial_state).toEqual([
      { type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } },
    ]);
    // Invites are sent after creation, one by one.
    expect(request.invite).toEqual([]);
    expect(request).not.toHaveProperty("topic");
  });

  it("keeps the caller's initial state and encryption settings instead of adding its own", () => {
    const encryption = {
      type: "m.room.encryption",
      stateKey: "",
      content: { algorithm: "m.megolm.v1.aes-sha2", rotation_period_msgs: 10 },
    };
    const marker = { type: "org.meridian.convening", stateKey: "", content: { id: "c1" } };
    const request = createRoomRequest({ name: "x", topic: "t", initialState: [marker, encryption] }, BOT);
    expect(request.topic).toBe("t");
    expect(request.initial_state).toEqual([
      { type: "org.meridian.convening", state_key: "", content: { id: "c1" } },
      { type: "m.room.encryption", state_key: "", content: encryption.content },
    ]);
  });

  it("leaves the bot (the creator) out of the power levels' users, as room version 12 requires", () => {
    const request = createRoomRequest(
      { name: "x", initialState: [], powerLevelUsers: { [AMINA]: 50, [BOT]: 100 } },
      BOT,
    );
    expect(request.power_level_content_override).toEqual({ users: { [AMINA]: 50 } });
  });

  it("sends no power level override when none (or only the bot's) is asked for", () => {
    expect(createRoomRequest({ name: "x", initialState: [] }, BOT)).not.toHaveProperty(
      "power_level_content_override",
    );
    expect(
      createRoomRequest({ name: "x", initialState: [], powerLevelUsers: { [BOT]: 100 } }, BOT),
    ).not.toHaveProperty("power_level_content_override");
  });
});

describe("directRoomRequest", () => {
  it("creates an encrypted direct room with the user invited, as a trusted private chat", () => {
    expect(directRoomRequest(AMINA)).toEqual({
      preset: "trusted_private_chat",
      visibility: "private",
      room_version: "12",
      is_direct: true,
      invite: [AMINA],
      initial_state: [
        { type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } },
      ],
    });
  });
});
