/**
 * The foundation's core promise: two practitioners on two different regional homeservers
 * share an end-to-end-encrypted room over federation, with matrix-js-sdk's Rust crypto,
 * and each reads what the other wrote. Everything here is real: Synapse, TLS federation,
 * Olm/Megolm key exchange. Nothing is mocked.
 */
import { afterAll, describe, expect, inject, it } from "vitest";
import type { MatrixClient } from "matrix-js-sdk";
import { registerTestUser, homeserverOf } from "../support/devnet-access.ts";
import {
  startTestClient,
  stopTestClient,
  uniqueLocalpart,
  waitForMembership,
  waitForMessage,
  joinInvitedRoom,
} from "../support/matrix-test-client.ts";

const devnet = inject("devnet");
const clients: MatrixClient[] = [];

afterAll(() => {
  for (const client of clients) stopTestClient(client);
});

describe("encrypted room across two regional homeservers", () => {
  it("lets each user decrypt the other's message", async () => {
    const eastAfrica = homeserverOf(devnet, "east-africa");
    const mena = homeserverOf(devnet, "mena");
    const amina = await registerTestUser(eastAfrica, uniqueLocalpart("amina"));
    const karim = await registerTestUser(mena, uniqueLocalpart("karim"));

    const aminaClient = await startTestClient({ baseUrl: eastAfrica.clientUrl, ...amina });
    const karimClient = await startTestClient({ baseUrl: mena.clientUrl, ...karim });
    clients.push(aminaClient, karimClient);

    const { room_id: roomId } = await aminaClient.createRoom({
      name: "Mothers' groups exchange",
      invite: [karim.userId],
      initial_state: [
        { type: "m.room.encryption", state_key: "", content: { algorithm: "m.megolm.v1.aes-sha2" } },
      ],
    });
    await waitForMembership(karimClient, roomId, karim.userId, "invite");
    await joinInvitedRoom(karimClient, roomId, [eastAfrica.serverName]);
    // Amina must see Karim's join before encrypting, or the room key would not be shared with him.
    await waitForMembership(aminaClient, roomId, karim.userId, "join");

    const fromAmina = `Salaam from Nairobi ${uniqueLocalpart("m")}`;
    await aminaClient.sendTextMessage(roomId, fromAmina);
    const receivedByKarim = await waitForMessage(karimClient, roomId, (m) => m.body === fromAmina);
    expect(receivedByKarim).toMatchObject({ sender: amina.userId, body: fromAmina, wasEncrypted: true });

    const fromKarim = `Marhaba from Amman ${uniqueLocalpart("m")}`;
    await karimClient.sendTextMessage(roomId, fromKarim);
    const receivedByAmina = await waitForMessage(aminaClient, roomId, (m) => m.body === fromKarim);
    expect(receivedByAmina).toMatchObject({ sender: karim.userId, body: fromKarim, wasEncrypted: true });

    // The homeserver itself only ever held ciphertext.
    const raw = await aminaClient.fetchRoomEvent(roomId, receivedByAmina.eventId);
    expect(raw.type).toBe("m.room.encrypted");
    expect(JSON.stringify(raw.content)).not.toContain(fromKarim);
  });
});
