import { describe, expect, it } from "vitest";
import {
  type QuotedMessage,
  type RedactedItem,
  type RedactionLabels,
  letterSequence,
  redactItem,
  renderPreview,
  renderPublished,
} from "../../../../../bots/digest/redact/index.ts";
import { CONFIG, PEOPLE, amina, configWith, fatuma, layla, omar, xavier } from "./redact-fixtures.ts";

let counter = 0;
function say(authorKey: string, text: string, kind: QuotedMessage["kind"] = "text"): QuotedMessage {
  counter += 1;
  return { messageId: `$m${counter}`, authorKey, text, kind };
}

function redact(messages: readonly QuotedMessage[], config = CONFIG, labels?: RedactionLabels): RedactedItem {
  const result = redactItem(messages, PEOPLE, config, labels);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const texts = (item: RedactedItem) => item.messages.map(({ authorLabel, text }) => `${authorLabel}: ${text}`);

describe("redactItem", () => {
  it("gives the same person the same pseudonym everywhere, in order of first appearance", () => {
    const item = redact([
      say(fatuma.key, "Omar said Amina would call."),
      say(amina.key, "Yes, Omar Hassan asked me; @omar.h:example.org knows."),
      say(omar.key, "Thanks Amina."),
    ]);
    expect(texts(item)).toEqual([
      "Fatuma Ali: Participant A said Participant B would call.",
      "Participant B: Yes, Participant A asked me; Participant A knows.",
      "Participant A: Thanks Participant B.",
    ]);
    expect([...item.pseudonyms]).toEqual([
      [omar.key, "Participant A"],
      [amina.key, "Participant B"],
    ]);
  });

  it("labels an author before the people their message mentions", () => {
    const item = redact([say(amina.key, "Omar agrees")]);
    expect([...item.pseudonyms.values()]).toEqual(["Participant A", "Participant B"]);
    expect(texts(item)).toEqual(["Participant A: Participant B agrees"]);
  });

  it("drops the messages of authors who refused, and pseudonymises mentions of them", () => {
    const messages = [say(xavier.key, "I do not agree"), say(amina.key, "Xavier Dupont does not agree")];
    const item = redact(messages);
    expect(texts(item)).toEqual(["Participant A: Participant B does not agree"]);
    // Already filtered by the caller: the same result.
    expect(texts(redact(messages.slice(1)))).toEqual(texts(item));
  });

  it("gives an author missing from the people list a pseudonym", () => {
    expect(texts(redact([say("@stranger:example.org", "hello")]))).toEqual(["Participant A: hello"]);
  });

  it("replaces media with a line, whatever its caption", () => {
    const item = redact([say(fatuma.key, "amina-passport.jpg", "media")]);
    expect(texts(item)).toEqual(["Fatuma Ali: [media removed]"]);
    expect(item.replacements).toEqual([
      {
        messageId: item.messages[0]?.messageId,
        ruleId: "media",
        start: 0,
        end: 15,
        replacement: "[media removed]",
      },
    ]);
  });

  it("locates every replacement in the output text", () => {
    const item = redact([
      say(fatuma.key, "Amina: +254 712 345 678, amina@example.org."),
      say(omar.key, "ok https://x.com/amina_y"),
    ]);
    for (const { messageId, start, end, replacement } of item.replacements) {
      const message = item.messages.find((candidate) => candidate.messageId === messageId);
      expect(message?.text.slice(start, end)).toBe(replacement);
    }
    expect(item.replacements.map(({ ruleId }) => ruleId)).toEqual([
      "person-name",
      "phone",
      "email",
      "social-link",
    ]);
  });

  it("uses the caller's labels and the config's placeholder", () => {
    const labels: RedactionLabels = { pseudonym: (n) => `المشارك ${n + 1}`, media: "[وسائط محذوفة]" };
    const item = redact(
      [say(amina.key, "قالت ليلى: 0712345678"), say(layla.key, "photo", "media")],
      configWith({ placeholder: "[حُذف]" }),
      labels,
    );
    expect(texts(item)).toEqual(["المشارك 1: قالت المشارك 2: [حُذف]", "المشارك 2: [وسائط محذوفة]"]);
  });

  it("keeps what the config keeps", () => {
    const item = redact(
      [say(fatuma.key, "Amina: amina@example.org, 0712 345678, @amina:example.org")],
      configWith({
        removePeopleNames: false,
        removeEmailAddresses: false,
        removePhoneNumbers: false,
        removeMatrixIds: false,
      }),
    );
    expect(texts(item)).toEqual(["Fatuma Ali: Amina: amina@example.org, 0712 345678, @amina:example.org"]);
  });

  it("refuses to redact with an extra pattern it cannot compile", () => {
    const result = redactItem([say(fatuma.key, "hi")], PEOPLE, configWith({ extraPatterns: ["(oops"] }));
    expect(result.ok).toBe(false);
  });

  it("is deterministic", () => {
    const messages = [say(amina.key, "Omar, Layla, ليلى, 0712345678, @omar.h:example.org")];
    expect(redact(messages)).toEqual(redact(messages));
  });
});

describe("renderPreview", () => {
  it("marks every replacement, pseudonymous authors included, and is the published text once unmarked", () => {
    const item = redact([say(fatuma.key, "Call Omar on 0712 345678."), say(amina.key, "done", "media")]);
    expect(renderPreview(item)).toBe(
      "Fatuma Ali: Call ⟦Participant A⟧ on ⟦[removed]⟧.\n\n⟦Participant B⟧: ⟦[media removed]⟧",
    );
    expect(renderPublished(item)).toBe(
      "Fatuma Ali: Call Participant A on [removed].\n\nParticipant B: [media removed]",
    );
    expect(renderPreview(item).replace(/[⟦⟧]/gu, "")).toBe(renderPublished(item));
  });
});

describe("letterSequence", () => {
  it("counts A to Z, then AA", () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(letterSequence)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "ZZ",
      "AAA",
    ]);
  });
});
