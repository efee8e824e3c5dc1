/** The digest service's pure parts: author keys, record trust, answers, titles, editions, languages. */
import { describe, expect, it } from "vitest";
import { authorKeyOf } from "../../../../../bots/digest/service/author-keys.ts";
import { editionIdAt } from "../../../../../bots/digest/service/close-edition.ts";
import { localeFor } from "../../../../../bots/digest/service/digest-texts.ts";
import { createItemRecords, parseDigestItem } from "../../../../../bots/digest/service/item-records.ts";
import { publicItemOf, titleOf } from "../../../../../bots/digest/service/public-item.ts";
import { readChoice } from "../../../../../bots/digest/service/read-choice.ts";
import type { DigestItemId } from "../../../../../bots/digest/item/index.ts";
import type { BotMatrix, BotStateEvent } from "../../../../../bots/runtime/matrix/bot-matrix.ts";
import type { RoomId, UserId } from "../../../../../lib/matrix-ids.ts";
import { ok } from "../../../../../lib/result.ts";
import { example } from "../item/item-fixtures.ts";

const item = "dabcdef" as DigestItemId;
const amina = "@amina:east.example" as UserId;
const BOT = "@digest:east.example" as UserId;

function record(id = "dabcdef", state = "published"): Record<string, unknown> {
  return {
    version: 1,
    id,
    state,
    source: "!room:east.example",
    root: "$root",
    nominatedBy: "hodan-abdi",
    messages: [{ event: "$root", author: "k".repeat(22) }],
    authors: [{ author: "k".repeat(22), consent: "named", at: 1, by: "author" }],
    consentDeadline: 10,
    preview: 1,
    redaction: { preview: 1, digest: "abc" },
    reviews: [{ preview: 1, approvals: ["amina-yusuf", "layla-haddad"], vetoes: [] }],
    timers: [],
    nextGeneration: 1,
    createdAt: 1,
    updatedAt: 2,
    history: [],
    audit: [],
  };
}

describe("author keys", () => {
  it("are stable within an item, differ between items and people, and do not contain the user id", () => {
    const key = authorKeyOf("secret", item, amina);
    expect(authorKeyOf("secret", item, amina)).toBe(key);
    expect(authorKeyOf("secret", "dzzzzzz" as DigestItemId, amina)).not.toBe(key);
    expect(authorKeyOf("secret", item, "@other:east.example" as UserId)).not.toBe(key);
    expect(authorKeyOf("other secret", item, amina)).not.toBe(key);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(key).not.toContain("amina");
  });
});

describe("item records", () => {
  it("parses a well-formed record and refuses malformed ones", () => {
    expect(parseDigestItem(record())?.id).toBe("dabcdef");
    expect(parseDigestItem({ ...record(), state: "approved" })).toBeUndefined();
    expect(parseDigestItem({ ...record(), messages: [{ event: 1 }] })).toBeUndefined();
    expect(parseDigestItem({ ...record(), id: "not an id" })).toBeUndefined();
    expect(parseDigestItem({ ...record(), redaction: { preview: "1" } })).toBeUndefined();
    expect(parseDigestItem(null)).toBeUndefined();
    expect(parseDigestItem("published")).toBeUndefined();
  });

  it("trusts only records the bot itself wrote, under their own id", async () => {
    const events: BotStateEvent[] = [
      { type: "org.meridian.digest.item", stateKey: "dabcdef", sender: BOT, content: record() },
      // A steering member's hand-written "published" record must not publish anything.
      { type: "org.meridian.digest.item", stateKey: "dhhhhhh", sender: amina, content: record("dhhhhhh") },
      // A record filed under another item's key.
      { type: "org.meridian.digest.item", stateKey: "dkkkkkk", sender: BOT, content: record("dmmmmmm") },
      { type: "org.meridian.digest.item", stateKey: "dnnnnnn", sender: BOT, content: {} },
    ];
    const matrix = { readStateOfType: () => Promise.resolve(ok(events)) } as unknown as BotMatrix;
    const records = createItemRecords(matrix, BOT);
    const loaded = await records.loadAll("!steering:east.example" as RoomId);
    expect(loaded).toEqual({ ok: true, value: 2 });
    expect(records.all().map((entry) => entry.id)).toEqual(["dabcdef"]);
  });
});

describe("consent answers", () => {
  it("reads English and French words, and names what it did not understand", () => {
    expect(readChoice("named")).toEqual({ ok: true, value: "named" });
    expect(readChoice(" Pseudonyme ")).toEqual({ ok: true, value: "pseudonym" });
    expect(readChoice("non")).toEqual({ ok: true, value: "refused" });
    const unknown = readChoice("maybe");
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toContain('"maybe"');
  });
});

describe("the public item", () => {
  const redacted = {
    messages: [
      { messageId: "$1", authorLabel: "Grace Wanjiru", authorPseudonymous: false, text: "  \n" },
      {
        messageId: "$2",
        authorLabel: "Participant A",
        authorPseudonymous: true,
        text: `${"Small circles work best when ".repeat(5)}they meet often.\nSecond line.`,
      },
    ],
    replacements: [],
    pseudonyms: new Map<string, string>(),
  };

  it("takes its title from the first line of the first message with text, cut at 90 characters", () => {
    const title = titleOf(redacted);
    expect(title.length).toBeLessThanOrEqual(90);
    expect(title.startsWith("Small circles work best")).toBe(true);
    expect(title.endsWith("…")).toBe(true);
    expect(title).not.toContain("Second line");
  });

  it("carries regions from the source room and labels, never user ids", () => {
    const room = example.rooms.find((entry) => entry.id === "east-africa-practice");
    const published = publicItemOf(
      example,
      room,
      { id: "dabcdef", publishedAt: 5 },
      redacted,
      ["mothers-engagement"],
      9,
    );
    expect(published).toMatchObject({
      id: "dabcdef",
      regions: ["east-africa"],
      topics: ["mothers-engagement"],
      publishedAt: 5,
      updatedAt: 9,
      language: "en",
    });
    expect(published.messages.map((m) => [m.author, m.pseudonymous])).toEqual([
      ["Grace Wanjiru", false],
      ["Participant A", true],
    ]);
    const network = example.rooms.find((entry) => entry.kind === "network");
    expect(
      publicItemOf(example, network, { id: "dabcdef", publishedAt: 5 }, redacted, [], 9).regions.length,
    ).toBeGreaterThan(1);
  });
});

describe("editions and languages", () => {
  it("names an edition by the ISO week in the edition's zone", () => {
    // Sunday 2026-11-29 23:30 UTC is already Monday of week 49 in Nairobi.
    expect(editionIdAt(Date.UTC(2026, 10, 29, 23, 30), "Africa/Nairobi")).toBe("2026-W49");
    expect(editionIdAt(Date.UTC(2026, 10, 29, 23, 30), "UTC")).toBe("2026-W48");
    expect(editionIdAt(Date.UTC(2027, 0, 1, 12), "UTC")).toBe("2026-W53");
  });

  it("writes to a person in the first of their languages it has words in", () => {
    expect(localeFor(["so", "fr", "en"], "en")).toBe("fr");
    expect(localeFor(["sw"], "fr")).toBe("fr");
    expect(localeFor(["am"], "de")).toBe("en");
  });
});
