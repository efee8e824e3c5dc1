import { describe, expect, it } from "vitest";
import { localTimeLines } from "../../../../../bots/convene/card/local-time-lines.ts";
import { type CardInput, renderConveningCard } from "../../../../../bots/convene/card/render-card.ts";
import type { Convening } from "../../../../../bots/convene/model/convening.ts";
import { tallyRsvps } from "../../../../../bots/convene/rsvp/tally-rsvps.ts";
import { aConvening, user } from "../calendar/convening-fixture.ts";

const TALLY = tallyRsvps(
  [
    { user: user("ada"), answer: "yes", at: "2026-11-01T09:00:00Z" },
    { user: user("ben"), answer: "yes", at: "2026-11-01T09:01:00Z" },
    { user: user("cyd"), answer: "yes", at: "2026-11-01T09:02:00Z" },
    { user: user("dee"), answer: "maybe", at: "2026-11-01T09:03:00Z" },
    { user: user("eve"), answer: "no", at: "2026-11-01T09:04:00Z" },
  ],
  2,
);

function input(overrides: Partial<CardInput> & { convening?: Convening } = {}): CardInput {
  return {
    convening: aConvening({ capacity: 2 }),
    locale: "en",
    localTimes: [
      { label: "East Africa", text: "Thu 3 Dec, 14:00 EAT" },
      { label: "West Africa", text: "Thu 3 Dec, 12:00 GMT" },
    ],
    tally: TALLY,
    answerCommand: "!rsvp",
    ...overrides,
  };
}

/** Every tag in the HTML, to check that user text never adds one. */
function tags(html: string): string[] {
  return [...new Set(html.match(/<[^>]*>/g) ?? [])].sort();
}

describe("renderConveningCard", () => {
  it("is an m.notice with an HTML body and a plain-text fallback", () => {
    const card = renderConveningCard(input());
    expect(card.msgtype).toBe("m.notice");
    expect(card.format).toBe("org.matrix.custom.html");
    expect(card.body).not.toMatch(/<[a-z]/);
  });

  it("shows the title, local times, duration, languages, places, counts, id and how to answer", () => {
    expect(renderConveningCard(input()).body.split("\n")).toEqual([
      "Youth outreach roundtable",
      "When",
      "- East Africa: Thu 3 Dec, 14:00 EAT",
      "- West Africa: Thu 3 Dec, 12:00 GMT",
      "Duration: 1 hour, 30 minutes",
      "Languages: English and French",
      "Places: 2",
      "Going: 2 · Waitlist: 1 · Maybe: 1 · Not going: 1",
      "React 👍 to come, 🤔 if unsure, 👎 if you cannot come, or send `!rsvp c7k2p yes|maybe|no`",
      "Convening `c7k2p`",
    ]);
  });

  it("marks up the title, the local times as a list, and the command and id as code", () => {
    const html = renderConveningCard(input()).formatted_body;
    expect(html).toContain("<strong>Youth outreach roundtable</strong>");
    expect(html).toContain(
      "<ul><li>East Africa: Thu 3 Dec, 14:00 EAT</li><li>West Africa: Thu 3 Dec, 12:00 GMT</li></ul>",
    );
    expect(html).toContain("<code>!rsvp c7k2p yes|maybe|no</code>");
    expect(html).toContain("Convening <code>c7k2p</code>");
  });

  it("leaves out the times heading when there are no local times", () => {
    const body = renderConveningCard(input({ localTimes: [] })).body;
    expect(body.split("\n").slice(0, 2)).toEqual([
      "Youth outreach roundtable",
      "Duration: 1 hour, 30 minutes",
    ]);
  });

  it("describes a series", () => {
    const series = aConvening({ time: { rrule: "FREQ=WEEKLY;INTERVAL=2;COUNT=6" } });
    expect(renderConveningCard(input({ convening: series })).body).toContain(
      "Repeats every 2 weeks, 6 times",
    );
  });

  it("says when there is no limit on places and leaves out the command when none is given", () => {
    const { capacity: _dropped, ...unlimited } = aConvening();
    const { answerCommand: _none, ...withoutCommand } = input({ convening: unlimited });
    const body = renderConveningCard(withoutCommand).body;
    expect(body).toContain("Places: no limit");
    expect(body).toContain("React 👍 to come, 🤔 if unsure, 👎 if you cannot come\n");
    expect(body).not.toContain("!rsvp");
  });

  it("shows a cancelled convening clearly, with the reason and no invitation to answer", () => {
    const cancelled = aConvening({ status: "cancelled", cancelReason: "Roads flooded" });
    const card = renderConveningCard(input({ convening: cancelled }));
    expect(card.body.split("\n").slice(0, 2)).toEqual([
      "CANCELLED — Youth outreach roundtable",
      "Reason: Roads flooded",
    ]);
    expect(card.formatted_body).toContain(
      "<strong>CANCELLED</strong> — <strong>Youth outreach roundtable</strong>",
    );
    expect(card.body).toContain("Answers are closed.");
    expect(card.body).not.toContain("React");
  });

  it.each([
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '</strong><a href="javascript:alert(1)">x</a>',
    "Tom & Jerry &amp;",
    "<mx-reply>forged</mx-reply>",
  ])("escapes user text everywhere: %s", (hostile) => {
    const convening = aConvening({ id: "c7k2p", title: hostile, status: "cancelled", cancelReason: hostile });
    const card = renderConveningCard(
      input({ convening, localTimes: [{ label: hostile, text: hostile }], answerCommand: "!rsvp" }),
    );
    const reference = renderConveningCard(
      input({
        convening: aConvening({ title: "plain", status: "cancelled", cancelReason: "plain" }),
        localTimes: [{ label: "plain", text: "plain" }],
      }),
    );
    // The hostile card has exactly the tags of a harmless one, and the text survives as text.
    expect(tags(card.formatted_body)).toEqual(tags(reference.formatted_body));
    expect(card.body).toContain(hostile);
  });

  it("is localised", () => {
    const body = renderConveningCard(input({ locale: "fr-FR" })).body.replace(/[\u00a0\u202f]/g, " ");
    expect(body).toContain("Quand");
    expect(body).toContain("Durée : 1 heure et 30 minutes");
    expect(body).toContain("Langues : anglais et français");
    expect(body).toContain("Inscrits : 2 · Liste d’attente : 1 · Peut-être : 1 · Absents : 1");
    expect(body).toContain("ou envoyez `!rsvp c7k2p yes|maybe|no`");
    expect(body).toContain("Rencontre `c7k2p`");
  });
});

describe("localTimeLines", () => {
  it("gives the start in each place's zone", () => {
    // 11:00 UTC is 14:00 in Nairobi (UTC+3) and 06:00 in New York (UTC-5 in December).
    const lines = localTimeLines(
      "2026-12-03T11:00:00.000Z",
      [
        { label: "East Africa", zone: "Africa/Nairobi" },
        { label: "Americas", zone: "America/New_York" },
      ],
      "en-GB",
    );
    expect(lines.map((line) => line.label)).toEqual(["East Africa", "Americas"]);
    expect(lines[0]?.text).toMatch(/Thu.*3 Dec.*14:00/);
    expect(lines[1]?.text).toMatch(/Thu.*3 Dec.*06:00/);
  });

  it("uses a 12-hour clock when asked", () => {
    const [line] = localTimeLines(
      "2026-12-03T11:00:00Z",
      [{ label: "EA", zone: "Africa/Nairobi" }],
      "en-US",
      "h12",
    );
    expect(line?.text).toMatch(/02:00\s?PM/);
  });

  it("leaves out a place with an unknown zone", () => {
    expect(localTimeLines("2026-12-03T11:00:00Z", [{ label: "X", zone: "Nowhere/Land" }], "en")).toEqual([]);
  });
});
