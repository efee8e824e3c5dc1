import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  escapeText,
  fillTemplate,
  html,
  raw,
  SafeHtml,
} from "../../../../server/digest-site/html-template.ts";

/** What a browser reads back from escaped text (the five entities html writes). */
function unescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

describe("the html template", () => {
  it("escapes every interpolated string, in text and in quoted attributes", () => {
    const hostile = `"><script>alert(1)</script><img src=x onerror='alert(2)'>&amp;`;
    const out = html`<p title="${hostile}">${hostile}</p>`.toString();
    expect(out).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&#39;alert(2)&#39;&gt;&amp;amp;">' +
        "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&#39;alert(2)&#39;&gt;&amp;amp;</p>",
    );
  });

  it("writes nested templates and raw fragments as they are, arrays in order, nothing for empty values", () => {
    const inner = html`<b>${"<i>"}</b>`;
    const out = html`<p>${inner}${raw("<br>")}${["a", html`<i>b</i>`, 3]}${false}${null}${undefined}</p>`;
    expect(out.toString()).toBe("<p><b>&lt;i&gt;</b><br>a<i>b</i>3</p>");
    expect(out).toBeInstanceOf(SafeHtml);
  });

  it("does not take a string that looks like markup for markup", () => {
    // Only a SafeHtml instance is trusted; an object with the same text is not one.
    const lookalike = { toString: () => "<script>" } as unknown as string;
    expect(html`${lookalike}`.toString()).not.toContain("<script>");
  });

  it("drops the indentation of its own text but keeps a line break between tags", () => {
    const out = html`<ul>
      <li>${"a"}</li>
      <li>b</li>
    </ul>`;
    expect(out.toString()).toBe("<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
    // Interpolated text keeps its spaces.
    expect(html`<p>${"  two  spaces\n   here"}</p>`.toString()).toBe("<p>  two  spaces\n   here</p>");
  });

  it("removes control characters and lone surrogates that XML forbids, keeping tabs, newlines and emoji", () => {
    expect(escapeText("a\u0000b\u0008c\u000Bd\u001Fe\u007Ff\u0085g\uFFFEh\uD800i\tj\nk\rl😀")).toBe(
      "abcdefghi\tj\nk\rl😀",
    );
  });

  it("round-trips any text through escaping, minus forbidden characters, with no markup left", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const escaped = escapeText(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
        expect(unescape(escaped)).toBe(
          // eslint-disable-next-line no-control-regex -- the characters the template must drop
          text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/gu, ""),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("fills a sentence's placeholders with markup and escapes the sentence", () => {
    const time = html`<time>1 May</time>`;
    expect(fillTemplate("Published <on> {date}", { date: time }).toString()).toBe(
      "Published &lt;on&gt; <time>1 May</time>",
    );
    expect(fillTemplate("{missing} & {date}", { date: "<x>" }).toString()).toBe("{missing} &amp; &lt;x&gt;");
  });
});
