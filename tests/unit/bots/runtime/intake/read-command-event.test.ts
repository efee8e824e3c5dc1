import { MatrixEvent, type IContent } from "matrix-js-sdk";
import type { CryptoBackend } from "matrix-js-sdk/lib/common-crypto/CryptoBackend.js";
import { describe, expect, it } from "vitest";
import { readCommandEvent } from "../../../../../bots/runtime/intake/read-command-event.ts";

const BOT = "@bot:mena.test";
const ALICE = "@alice:east-africa.test";
const ROOM = "!room:mena.test";
const TARGET = "$card";

function plain(type: string, content: IContent, sender = ALICE): MatrixEvent {
  return new MatrixEvent({
    type,
    content,
    sender,
    room_id: ROOM,
    event_id: "$event",
    origin_server_ts: 1_800_000_000_000,
  });
}

/**
 * An m.room.encrypted event as a homeserver delivers it (`wire` is the cleartext part, e.g. a
 * relation the sender lifted out), decrypted by a stand-in crypto backend to `clear`, or
 * failing to decrypt when `clear` is undefined.
 */
async function encrypted(wire: IContent, clear: { type: string; content: IContent } | undefined) {
  const event = plain("m.room.encrypted", {
    algorithm: "m.megolm.v1.aes-sha2",
    ciphertext: "opaque",
    ...wire,
  });
  const crypto = {
    decryptEvent: () =>
      clear === undefined ? Promise.reject(new Error("no room key")) : Promise.resolve({ clearEvent: clear }),
  } as unknown as CryptoBackend;
  await event.attemptDecryption(crypto);
  return event;
}

const annotation = (key: string, eventId = TARGET) => ({
  "m.relates_to": { rel_type: "m.annotation", event_id: eventId, key },
});

describe("readCommandEvent: commands", () => {
  it("reads a text message starting with the prefix as a command", () => {
    const candidate = readCommandEvent(
      plain("m.room.message", { msgtype: "m.text", body: "  !echo hi" }),
      BOT,
    );
    expect(candidate).toMatchObject({ kind: "command", command: { body: "!echo hi", sender: ALICE } });
  });

  it("ignores notices, edits, messages without the prefix and the bot's own events", () => {
    const why = (event: MatrixEvent) => {
      const candidate = readCommandEvent(event, BOT);
      return candidate.kind === "ignore" ? candidate.why : candidate.kind;
    };
    expect(why(plain("m.room.message", { msgtype: "m.notice", body: "!echo" }))).toBe("not-text");
    expect(why(plain("m.room.message", { msgtype: "m.text", body: "hello" }))).toBe("no-prefix");
    expect(
      why(
        plain("m.room.message", {
          msgtype: "m.text",
          body: "* !echo",
          "m.relates_to": { rel_type: "m.replace", event_id: "$x" },
        }),
      ),
    ).toBe("edit");
    expect(why(plain("m.room.message", { msgtype: "m.text", body: "!echo" }, BOT))).toBe("own-event");
  });
});

describe("readCommandEvent: reactions", () => {
  it("reads an unencrypted m.reaction annotation as a reaction", () => {
    const candidate = readCommandEvent(plain("m.reaction", annotation("👍")), BOT);
    expect(candidate).toEqual({
      kind: "reaction",
      reaction: { roomId: ROOM, eventId: "$event", sender: ALICE, targetEventId: TARGET, key: "👍" },
    });
  });

  it("reads an encrypted reaction whose relation was lifted into the cleartext", async () => {
    const event = await encrypted(annotation("🎉"), { type: "m.reaction", content: annotation("🎉") });
    expect(readCommandEvent(event, BOT)).toMatchObject({
      kind: "reaction",
      reaction: { targetEventId: TARGET, key: "🎉" },
    });
  });

  it("reads the key from the ciphertext when the cleartext relation carries none", async () => {
    const event = await encrypted(
      { "m.relates_to": { rel_type: "m.annotation", event_id: TARGET } },
      { type: "m.reaction", content: annotation("✅") },
    );
    expect(readCommandEvent(event, BOT)).toMatchObject({ kind: "reaction", reaction: { key: "✅" } });
  });

  it("does not take a key from a decrypted relation to another event", async () => {
    const event = await encrypted(
      { "m.relates_to": { rel_type: "m.annotation", event_id: TARGET } },
      { type: "m.reaction", content: annotation("✅", "$other") },
    );
    expect(readCommandEvent(event, BOT)).toEqual({ kind: "ignore", why: "not-an-annotation" });
  });

  it("ignores reactions that are not well-formed annotations", () => {
    // Wire content is untyped JSON: event_id and key may be anything.
    const cases: Record<string, unknown>[] = [
      {},
      { "m.relates_to": { rel_type: "m.reference", event_id: TARGET, key: "👍" } },
      { "m.relates_to": { rel_type: "m.annotation", key: "👍" } },
      { "m.relates_to": { rel_type: "m.annotation", event_id: 42, key: "👍" } },
      { "m.relates_to": { rel_type: "m.annotation", event_id: TARGET, key: "" } },
      { "m.relates_to": { rel_type: "m.annotation", event_id: TARGET, key: 7 } },
    ];
    for (const content of cases)
      expect(
        readCommandEvent(plain("m.reaction", content as IContent), BOT),
        JSON.stringify(content),
      ).toEqual({
        kind: "ignore",
        why: "not-an-annotation",
      });
  });

  it("ignores the bot's own reactions and ones it cannot decrypt", async () => {
    expect(readCommandEvent(plain("m.reaction", annotation("👍"), BOT), BOT)).toEqual({
      kind: "ignore",
      why: "own-event",
    });
    const undecryptable = await encrypted(annotation("👍"), undefined);
    expect(readCommandEvent(undecryptable, BOT)).toEqual({ kind: "ignore", why: "undecryptable" });
  });

  it("does not read an encrypted message as a reaction because of its relation", async () => {
    const event = await encrypted(annotation("👍"), {
      type: "m.room.message",
      content: { msgtype: "m.text", body: "hi" },
    });
    expect(readCommandEvent(event, BOT)).toEqual({ kind: "ignore", why: "no-prefix" });
  });
});
