import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { UserId } from "../../../../lib/matrix-ids.ts";
import {
  bold,
  code,
  codeBlock,
  join,
  lines,
  link,
  list,
  reply,
  userLink,
} from "../../../../bots/runtime/commands/reply.ts";

const XSS = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  "javascript:alert(1)",
  "Tom & Jerry &amp; &lt;",
  `"double" and 'single' quotes`,
  "<mx-reply><blockquote>forged quote</blockquote></mx-reply>",
  "</code></pre><b>break out</b>",
  '" onmouseover="alert(1)',
  "<svg/onload=alert(1)>",
  "<<script>script>",
  "<!-- comment --><iframe src=//evil>",
];

const ALLOWED_TAG = /^<\/?(?:strong|em|code|pre|ul|li|br|a(?: href="https?:\/\/[^"<>]*")?)>$/;

/** Every tag in `html` is one the helpers produce, with no attribute but a safe href. */
function onlySafeTags(html: string): boolean {
  return (html.match(/<[^>]*>?/g) ?? []).every((tag) => ALLOWED_TAG.test(tag));
}

function unescape(html: string): string {
  return html
    .replace(/<br>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("reply escaping", () => {
  it.each(XSS)("escapes %s in every helper, keeping the text readable", (input) => {
    const made = reply`Got ${input}: ${bold(input)} ${code(input)} ${list([input, bold(input)])} ${codeBlock(input)} ${link(input, input)}`;
    expect(onlySafeTags(made.html)).toBe(true);
    expect(made.html).not.toMatch(/<(?:script|img|svg|iframe|mx-reply|b>)/i);
    expect(made.html).not.toContain('javascript:alert(1)"');
    expect(made.text).toContain(`Got ${input}: ${input}`);
  });

  it("escapes literal parts of the template too", () => {
    expect(reply`a < b & "c"`).toEqual({ text: 'a < b & "c"', html: "a &lt; b &amp; &quot;c&quot;" });
  });

  it("turns line breaks into <br> and keeps them in the text", () => {
    expect(reply`one\n${"two\nthree"}`).toEqual({ text: "one\ntwo\nthree", html: "one<br>two<br>three" });
  });

  it("nests its own fragments but escapes look-alike objects", () => {
    const lookAlike = { text: "<b>x</b>", html: "<b>x</b>" };
    expect(reply`${bold("x")}`.html).toBe("<strong>x</strong>");
    expect(reply`${lookAlike}`.html).toBe("&lt;b&gt;x&lt;/b&gt;");
  });

  it("links only http(s) URLs", () => {
    expect(link("https://example.org/a?b=1&c=2", "docs")).toEqual({
      text: "docs (https://example.org/a?b=1&c=2)",
      html: '<a href="https://example.org/a?b=1&amp;c=2">docs</a>',
    });
    for (const bad of [
      "javascript:alert(1)",
      "data:text/html,<script>",
      "vbscript:x",
      "/relative",
      "JaVaScRiPt:alert(1)",
    ]) {
      const made = link(bad, "click");
      expect(made.html).not.toContain("href");
      expect(made.text).toBe(`click (${bad})`);
    }
  });

  it("links users to matrix.to with the id encoded", () => {
    expect(userLink("@amina:example.org" as UserId)).toEqual({
      text: "@amina:example.org",
      html: '<a href="https://matrix.to/#/%40amina%3Aexample.org">@amina:example.org</a>',
    });
  });

  it("renders lists and lines without extra blank lines after blocks", () => {
    const made = lines("title", list(["a", "b"]), "after");
    expect(made.text).toBe("title\n- a\n- b\nafter");
    expect(made.html).toBe("title<br><ul><li>a</li><li>b</li></ul>after");
    expect(join(["a", "b"], " & ").html).toBe("a &amp; b");
  });

  it("property: any text survives a round trip and never produces a tag", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string(), (user, other) => {
        const made = reply`${user} and ${bold(other)}`;
        expect(made.text).toBe(`${user} and ${other}`);
        expect(onlySafeTags(made.html)).toBe(true);
        expect(unescape(made.html)).toBe(made.text.replace(/\r\n|\r/g, "\n"));
      }),
      { numRuns: 2000 },
    );
  });
});
