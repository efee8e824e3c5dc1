import { describe, expect, it } from "vitest";
import { html } from "../../../../server/digest-site/html-template.ts";
import {
  renderLinks,
  renderPlainText,
  webAddressOf,
} from "../../../../server/digest-site/render-plain-text.ts";

const REL = 'rel="nofollow noopener noreferrer ugc"';
const text = (value: string) => html`${renderPlainText(value)}`.toString();
const line = (value: string) => renderLinks(value).toString();

describe("plain text", () => {
  it("becomes paragraphs at blank lines, with single line breaks kept", () => {
    expect(text("First line\nsecond line\n\n  \nNext paragraph\r\n\r\nLast")).toBe(
      "<p>First line<br />second line</p><p>Next paragraph</p><p>Last</p>",
    );
    expect(text("\n\n")).toBe("");
  });

  it("is escaped, never interpreted", () => {
    expect(text("<script>alert(1)</script> & <b>bold</b>")).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;</p>",
    );
  });
});

describe("links in plain text", () => {
  it("links http and https URLs as user content, leaving trailing punctuation outside", () => {
    expect(
      line("See https://example.org/a?b=1&c=2. Or http://example.org/x, or (https://example.org/y)."),
    ).toBe(
      `See <a href="https://example.org/a?b=1&amp;c=2" ${REL}>https://example.org/a?b=1&amp;c=2</a>. ` +
        `Or <a href="http://example.org/x" ${REL}>http://example.org/x</a>, ` +
        `or (<a href="https://example.org/y" ${REL}>https://example.org/y</a>).`,
    );
  });

  it("keeps a closing parenthesis the URL opened", () => {
    expect(line("(see https://en.wikipedia.org/wiki/Foo_(bar)).")).toBe(
      `(see <a href="https://en.wikipedia.org/wiki/Foo_(bar)" ${REL}>https://en.wikipedia.org/wiki/Foo_(bar)</a>).`,
    );
  });

  it("never links another scheme", () => {
    for (const hostile of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "file:///etc/passwd",
      "java\nscript:alert(1)",
    ])
      expect(line(hostile)).not.toContain("<a");
    // A URL-looking prefix does not smuggle a scheme in.
    expect(line("xhttps://javascript:alert(1)")).not.toContain('href="javascript');
  });

  it("ends a URL at a quote or an angle bracket, so it cannot break out of its attribute", () => {
    const out = line(`https://example.org/"onmouseover="alert(1) https://example.org/<script>`);
    expect(out).toContain(`<a href="https://example.org/" ${REL}>https://example.org/</a>&quot;onmouseover=`);
    expect(out).toContain("&lt;script&gt;");
    expect(out).not.toMatch(/<a [^>]*onmouseover/);
  });

  it("ends a URL at direction-changing or invisible characters", () => {
    const out = line("https://example.org/\u202Egpj.exe");
    expect(out).toContain(`<a href="https://example.org/" ${REL}>https://example.org/</a>\u202Egpj.exe`);
  });

  it("does not link URLs with credentials or without a host", () => {
    expect(webAddressOf("https://trusted.example@evil.example/")).toBeUndefined();
    expect(webAddressOf("https://")).toBeUndefined();
    expect(webAddressOf("https://example.org/ä b")).toBe("https://example.org/%C3%A4%20b");
    expect(line("https://user:pw@evil.example/")).not.toContain("<a");
  });

  it("writes the normalised URL in the href and the text as written", () => {
    expect(line("https://EXAMPLE.org/é")).toBe(
      `<a href="https://example.org/%C3%A9" ${REL}>https://EXAMPLE.org/é</a>`,
    );
  });
});
