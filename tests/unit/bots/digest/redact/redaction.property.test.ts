import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findPersonalData, redactItem } from "../../../../../bots/digest/redact/index.ts";
import { CONFIG, PEOPLE } from "./redact-fixtures.ts";

// Words in the network's languages, and numbers that are not phone numbers. No rule may join
// them to an inserted item so that a part of the item survives.
const WORDS = [
  ...["hello", "merci", "asante", "karibu", "شكرا", "مرحبا", "ሰላም", "mahadsanid", "and", "at", "Tel:"],
];
const NUMBERS = [
  ...["2024", "14:30", "3 of 10", "1,500", "15.03.2024", "10.30-12.00", "1 500 000", "2019-2024"],
  ...["USD 12 500", "45%", "١٢٠", "٢٠٢٤", "v2.3.14", "#tag", "12", "7", "—", "(", ")", ",", ".", "!"],
];
const DIGIT_SCRIPTS = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"];
// Phone formats as written in the network's countries; "d" is a random digit.
const PHONE_TEMPLATES = [
  "+254 7dd ddd ddd",
  "+2547dddddddd",
  "07dd dddddd",
  "07dddddddd",
  "00 33 6 dd dd dd dd",
  "+33 (0)6 dd dd dd dd",
  "06 dd dd dd dd",
  "+971-5d-ddd-dddd",
  "05d-ddd-dddd",
  "+252 61 ddddddd",
  "(020) dddd dddd",
  "+44 7ddd dddddd",
  "+251 9d ddd dddd",
  "+20 1d dddd dddd",
  "+212 6 dd dd dd dd",
];

const phones = fc
  .record({
    template: fc.constantFrom(...PHONE_TEMPLATES),
    digits: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }),
    script: fc.constantFrom(...DIGIT_SCRIPTS),
    separator: fc.constantFrom(" ", "-", "."),
  })
  .map(({ template, digits, script, separator }) => {
    let next = 0;
    const filled = template.replace(/d/gu, () => String(digits[next++ % digits.length]));
    const separated = template.includes("(") ? filled : filled.replaceAll(" ", separator);
    return separated.replace(/[0-9]/gu, (digit) => script.charAt(Number(digit)));
  });

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,6}[a-z0-9])?$/);
const emails = fc
  .record({
    local: fc.array(fc.stringMatching(/^[a-z0-9_%+-]{1,8}$/), { minLength: 1, maxLength: 3 }),
    domain: fc.array(label, { minLength: 1, maxLength: 3 }),
    tld: fc.stringMatching(/^[a-z]{2,6}$/),
    upper: fc.boolean(),
  })
  .map(({ local, domain, tld, upper }) => {
    const address = `${local.join(".")}@${domain.join(".")}.${tld}`;
    return upper ? address.toUpperCase() : address;
  });

const matrixIds = fc
  .record({
    local: fc.stringMatching(/^[a-z0-9._=-]{1,12}$/),
    server: fc.constantFrom("example.org", "hs1.test:8448", "matrix.prevent.example", "127.0.0.1:8008"),
    link: fc.boolean(),
  })
  .map(({ local, server, link }) =>
    link ? `https://matrix.to/#/@${local}:${server}` : `@${local}:${server}`,
  );

const names = fc.constantFrom("Amina Yusuf", "Amina", "Omar Hassan", "عمر الحسن", "والحسن", "Xavier", "ليلى");

const profiles = fc
  .tuple(
    fc.constantFrom(
      "@",
      "https://x.com/",
      "t.me/",
      "facebook.com/",
      "https://wa.me/",
      "https://matrix.to/#/#",
    ),
    fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/),
  )
  .map(([prefix, name]) => prefix + name);
const items = fc.oneof(phones, emails, matrixIds, profiles, names);
const pieces = fc.array(
  fc.oneof(
    fc.constantFrom(...WORDS, ...NUMBERS),
    items.map((item) => ({ item })),
  ),
  {
    minLength: 1,
    maxLength: 14,
  },
);
// Numbers between words, as people write them; two numbers side by side ("7 1 500 000") may
// be read as one phone number, which is a removal too many, not a leak.
const prose = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...NUMBERS)), { minLength: 1, maxLength: 10 })
  .map((pairs) => pairs.flat().join(" "));

function redact(text: string) {
  const result = redactItem(
    [{ messageId: "$1", authorKey: "@juma:example.org", text, kind: "text" }],
    PEOPLE,
    CONFIG,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe("redaction of generated text", () => {
  it("leaves nothing the gate would flag, and no inserted item", () => {
    fc.assert(
      fc.property(pieces, (parts) => {
        const text = parts.map((part) => (typeof part === "string" ? part : part.item)).join(" ");
        const inserted = parts.flatMap((part) => (typeof part === "string" ? [] : [part.item]));
        const redacted = redact(text);
        const output = redacted.messages[0]?.text ?? "";

        expect(findPersonalData(output, PEOPLE, CONFIG)).toEqual({ ok: true, value: [] });
        for (const item of inserted) expect(output).not.toContain(item);
        for (const { start, end, replacement } of redacted.replacements)
          expect(output.slice(start, end)).toBe(replacement);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves prose with dates, times, years and amounts untouched", () => {
    fc.assert(
      fc.property(prose, (text) => {
        expect(redact(text).messages[0]?.text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
