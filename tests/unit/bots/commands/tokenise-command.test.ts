import { describe, expect, it } from "vitest";
import { splitWords, tokenise } from "../../../../bots/runtime/commands/tokenise-command.ts";

const texts = (input: string) => tokenise(input).tokens.map((t) => t.text);

describe("tokenise", () => {
  it("splits on any whitespace, including non-breaking and ideographic spaces", () => {
    expect(texts("a  b\tc\nd\u00a0e\u3000f")).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("reads straight quotes with escapes", () => {
    expect(texts('say "hello \\"you\\" \\\\ there" end')).toEqual(["say", 'hello "you" \\ there', "end"]);
  });

  it("reads typographic quotes from phones and German keyboards", () => {
    expect(texts("“Monthly check-in” „Treffen“ “both”")).toEqual(["Monthly check-in", "Treffen", "both"]);
  });

  it("keeps offsets so rest-of-line text can be cut from the original", () => {
    const [first, second] = tokenise('ab "c d"').tokens;
    expect(first).toEqual({ text: "ab", start: 0, end: 2, quoted: false });
    expect(second).toEqual({ text: "c d", start: 3, end: 8, quoted: true });
  });

  it("reports an unterminated quote by position instead of failing", () => {
    expect(tokenise('one "two three')).toEqual({
      tokens: [{ text: "one", start: 0, end: 3, quoted: false }],
      unterminatedQuoteAt: 4,
    });
  });

  it("treats quotes inside a word as text, and keeps RTL and emoji intact", () => {
    expect(texts('it"s مرحبا 👩🏽‍💻')).toEqual(['it"s', "مرحبا", "👩🏽‍💻"]);
  });

  it("splitWords ignores quotes but marks quoted words", () => {
    expect(splitWords('a "b c').map((w) => [w.text, w.quoted])).toEqual([
      ["a", false],
      ['"b', true],
      ["c", false],
    ]);
  });
});
