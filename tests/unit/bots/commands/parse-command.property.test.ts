/**
 * Property: whatever arrives (random text, soups of real command words and arguments,
 * huge or odd Unicode), parsing never throws, every argument error names an argument the
 * command declares, a success carries exactly the declared arguments, and the error reply
 * renders with escaped HTML.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../../bots/runtime/commands/parse-command.ts";
import { renderParseError } from "../../../../bots/runtime/commands/render-parse-error.ts";
import { sampleRegistry } from "./sample-commands.ts";

const registry = sampleRegistry();
const names = registry.commands.map((c) => c.name);

const WORDS = [
  ...names.flatMap((n) => n.split(" ")),
  "shedule",
  "hepl",
  "12",
  "0",
  "-5",
  "99999999999999999999",
  "yes",
  "MAYBE",
  "2026-05-04",
  "2026-13-40",
  "10:00",
  "02:30",
  "25:61",
  "2026-03-29",
  "2026-10-25T02:30",
  "2026-05-04T10:00Z",
  "2026-05-04T10:00+05:45",
  "Europe/Berlin",
  "Europe/Berln",
  "America/New_York",
  "Asia/Kathmandu",
  "EST",
  "90m",
  "1h30m",
  "30m2h",
  "@amina:example.org",
  "@bad",
  "https://matrix.to/#/%40amina%3Aexample.org",
  "#room:example.org",
  "!abc:example.org",
  "--anonymous",
  "--lang",
  "--lang=fr",
  "--lang=xx",
  "--dry-run",
  "--dry-run=1",
  "--nope",
  "—anonymous",
  "--",
  '"',
  '"quoted text"',
  '"esc \\" aped"',
  "“smart”",
  "„low“",
  "\\",
  "مرحبا",
  "שלום",
  "\u202e",
  "👩🏽‍💻",
  "\ud800",
  "\udfff",
  "\u0000",
  "\u001b[31m",
  "<script>alert(1)</script>",
  "&amp;",
  "> <@a:b> quoted",
];

const SEPARATORS = [" ", "  ", "\t", "\n", "\u00a0", "\u3000", ""];

const soup = fc
  .tuple(
    fc.constantFrom("!", "!", "!", "", "?", " !"),
    fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 12 }),
  )
  .map(([prefix, parts]) => prefix + parts.map(([word, sep]) => word + sep).join(""));

// A real command name followed by a soup of arguments: reaches the argument parsers.
const commandSoup = fc
  .tuple(
    fc.constantFrom(...names),
    fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)), { maxLength: 8 }),
  )
  .map(([name, parts]) => `!${name} ${parts.map(([word, sep]) => word + sep).join("")}`);

const randomText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }).map((s) => `!${s}`),
  fc.string({ unit: "grapheme", maxLength: 80 }).map((s) => `!convene ${s}`),
  fc.string({ unit: "binary", maxLength: 80 }),
);

const huge = fc
  .tuple(
    fc.constantFrom(...names),
    fc.integer({ min: 3_900, max: 4_100 }),
    fc.constantFrom("x ", "😀", '"', "\ud800", " "),
  )
  .map(([name, length, unit]) => `!${name} ${unit.repeat(Math.ceil(length / unit.length))}`.slice(0, length));

const SAFE_TAG = /^<\/?(?:strong|em|code|pre|ul|li|br|a(?: href="https?:\/\/[^"<>]*")?)>$/;

describe("parseCommand (property)", () => {
  it("never throws and only blames declared arguments, over 10,000 inputs", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          { arbitrary: commandSoup, weight: 6 },
          { arbitrary: soup, weight: 3 },
          { arbitrary: randomText, weight: 2 },
          { arbitrary: huge, weight: 1 },
        ),
        (body) => {
          const parsed = parseCommand(body, registry);
          if (parsed.ok) {
            const { command, args } = parsed.value;
            expect(names).toContain(command.name);
            expect(Object.keys(args).sort()).toEqual(
              [...command.params.map((p) => p.name), ...command.flags.map((f) => f.name)].sort(),
            );
            return;
          }
          const error = parsed.error;
          if (error.kind === "bad-argument" || error.kind === "missing-argument") {
            const declared = [
              ...error.command.params.map((p) => p.name),
              ...error.command.flags.map((f) => `--${f.name}`),
            ];
            expect(declared).toContain(error.argument);
          }
          const reply = renderParseError(error);
          expect((reply.html.match(/<[^>]*>?/g) ?? []).every((tag) => SAFE_TAG.test(tag))).toBe(true);
        },
      ),
      { numRuns: 10_000 },
    );
  });
});
