/**
 * Feeds read back by ical.js: what a calendar client would import must match the model
 * (instants, series, status, sequence, text) and stay the same from one render to the next.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandOccurrences } from "../../../../../bots/convene/calendar/expand-occurrences.ts";
import {
  type FeedContext,
  renderConveningIcs,
  renderPersonalFeed,
  renderRegionFeed,
} from "../../../../../bots/convene/calendar/render-feeds.ts";
import type { Convening } from "../../../../../bots/convene/model/convening.ts";
import { ORGANISER, aConvening } from "./convening-fixture.ts";
import { type ParsedEvent, parseIcs } from "./parse-ics.ts";
import { wallClock } from "./wall-clock.ts";

const CONTEXT: FeedContext = {
  network: "horn-prevention",
  networkName: "Horn Prevention Network",
  locale: "en",
  regionNames: { "east-africa": "East Africa", "west-africa": "West Africa" },
  conveningUrl: (id) => `https://hub.example.org/convenings/${id}`,
};

function single(convening: Convening, context = CONTEXT): ParsedEvent {
  const ics = renderConveningIcs(convening, context);
  if (!ics.ok) throw new Error(ics.error);
  const [event, ...more] = parseIcs(ics.value).events;
  if (event === undefined || more.length > 0) throw new Error("expected exactly one event");
  return event;
}

function ourStarts(convening: Convening): number[] {
  const expanded = expandOccurrences(convening.time, { from: 0, to: Date.UTC(2100, 0, 1) });
  if (!expanded.ok) throw new Error(expanded.error);
  return expanded.value.map((o) => o.start);
}

describe("a single convening", () => {
  it("imports at the model's start and end instants, in the convening's zone", () => {
    const convening = aConvening();
    const event = single(convening);
    expect(event.start).toBe(Date.parse(convening.time.start));
    expect(event.end).toBe(Date.parse(convening.time.start) + convening.time.durationMinutes * 60_000);
    expect(event.tzid).toBe("Africa/Nairobi");
    expect(event.rrule).toBeNull();
  });

  it("carries the sequence, a confirmed status and the model's update time as DTSTAMP", () => {
    const event = single(aConvening({ sequence: 7, updatedAt: "2026-11-05T08:15:00.000Z" }));
    expect(event.sequence).toBe(7);
    expect(event.status).toBe("CONFIRMED");
    expect(event.stamp).toBe("2026-11-05T08:15:00Z");
  });

  it("describes the invited regions by name, the languages and the capacity, and links the hub page", () => {
    const event = single(aConvening({ capacity: 25, languages: ["sw", "en"] }));
    expect(event.description.split("\n")).toEqual([
      "Invited regions: East Africa and West Africa",
      "Languages: Swahili and English",
      "Places: 25",
      "Convening c7k2p",
      "https://hub.example.org/convenings/c7k2p",
    ]);
    expect(event.url).toBe("https://hub.example.org/convenings/c7k2p");
  });

  it("says when there is no capacity and shows an unnamed region by its id", () => {
    const { capacity: _dropped, ...withoutCapacity } = aConvening({ regions: ["east-africa", "pacific"] });
    const event = single(withoutCapacity);
    expect(event.description).toContain("Places: no limit");
    expect(event.description).toContain("Invited regions: East Africa and pacific");
  });

  it("keeps a URL with commas and semicolons intact and drops one that is not http(s)", () => {
    const withCommas = single(aConvening(), {
      ...CONTEXT,
      conveningUrl: (id) => `https://hub.example.org/c?id=${id},x;y`,
    });
    expect(withCommas.url).toBe("https://hub.example.org/c?id=c7k2p%2Cx%3By");
    const hostile = single(aConvening(), { ...CONTEXT, conveningUrl: () => "javascript:alert(1)" });
    expect(hostile.url).toBeNull();
    expect(hostile.description).not.toContain("javascript");
  });

  it("refuses a convening whose time cannot be read, naming it", () => {
    const rendered = renderConveningIcs(aConvening({ time: { zone: "Nowhere/Land" } }), CONTEXT);
    expect(rendered.ok ? "" : rendered.error).toMatch(/c7k2p.*Nowhere\/Land/);
  });

  it("is marked busy when downloaded to add to one's calendar", () => {
    const event = single(aConvening());
    expect(event.transparency).toBe("OPAQUE");
    expect(event.busyStatus).toBe("BUSY");
  });
});

describe("a weekly series across a DST change", () => {
  // Paris moves to summer time on 29 March 2026; the series straddles it.
  const series = aConvening({
    time: {
      start: "2026-03-05T13:00:00.000Z",
      zone: "Europe/Paris",
      durationMinutes: 60,
      rrule: "FREQ=WEEKLY;COUNT=8",
    },
  });

  it("writes the RRULE and is expanded by ical.js to exactly our occurrences", () => {
    const event = single(series);
    expect(event.rrule).toBe("FREQ=WEEKLY;COUNT=8");
    const theirs = event.starts();
    expect(theirs).toEqual(ourStarts(series));
    expect(theirs).toHaveLength(8);
  });

  it("stays at 14:00 Paris time, so its UTC time moves by an hour", () => {
    const starts = single(series).starts();
    expect(new Set(starts.map((at) => wallClock(at, "Europe/Paris").slice(11)))).toEqual(new Set(["14:00"]));
    expect(new Set(starts.map((at) => new Date(at).toISOString().slice(11, 16)))).toEqual(
      new Set(["13:00", "12:00"]),
    );
  });

  it.each([
    ["America/New_York", "2026-10-20T13:00:00.000Z", "FREQ=WEEKLY;COUNT=6"],
    ["Australia/Sydney", "2026-03-20T23:00:00.000Z", "FREQ=WEEKLY;INTERVAL=2;COUNT=5"],
    ["America/Santiago", "2026-03-24T13:00:00.000Z", "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8"],
    ["Europe/London", "2026-10-01T08:00:00.000Z", "FREQ=MONTHLY;BYDAY=1TH;UNTIL=20270401T000000Z"],
    ["Africa/Nairobi", "2026-12-03T11:00:00.000Z", "FREQ=DAILY;COUNT=10"],
  ])("matches ical.js's expansion in %s (%s, %s)", (zone, start, rrule) => {
    const convening = aConvening({ time: { start, zone, durationMinutes: 45, rrule } });
    const event = single(convening);
    const ours = ourStarts(convening);
    expect(event.starts()).toEqual(ours);
    expect(ours.length).toBeGreaterThan(3);
  });

  it("puts each occurrence's end one duration after its start", () => {
    const event = single(series);
    expect(event.end - event.start).toBe(60 * 60_000);
  });
});

describe("a cancelled convening", () => {
  const cancelled = aConvening({ status: "cancelled", cancelReason: "Flooding on the roads", sequence: 4 });

  it("stays in the feed with STATUS:CANCELLED and a bumped sequence", () => {
    const feed = parseIcs(
      renderRegionFeed({ name: "East Africa" }, [cancelled, aConvening({ id: "other" })], CONTEXT).ics,
    );
    const event = feed.events.find((e) => e.uid === single(cancelled).uid);
    expect(event?.status).toBe("CANCELLED");
    expect(event?.sequence).toBe(4);
    expect(feed.events).toHaveLength(2);
  });

  it("says so in the summary and gives the reason, and no longer blocks time", () => {
    const event = single(cancelled);
    expect(event.summary).toBe(`Cancelled: ${cancelled.title}`);
    expect(event.description.split("\n")[0]).toBe("Reason: Flooding on the roads");
    expect(event.transparency).toBe("TRANSPARENT");
    expect(event.busyStatus).toBe("FREE");
  });
});

describe("UIDs and stability", () => {
  it("derives the UID from the convening and the network, never at random", () => {
    const first = single(aConvening());
    expect(first.uid).toBe("convening-c7k2p@horn-prevention");
    expect(single(aConvening({ title: "Renamed", sequence: 9 })).uid).toBe(first.uid);
    expect(single(aConvening({ id: "d8m3q" })).uid).not.toBe(first.uid);
    expect(single(aConvening(), { ...CONTEXT, network: "sahel-network" }).uid).not.toBe(first.uid);
  });

  it("renders the same convenings to the same bytes, whatever their order", () => {
    const a = aConvening({ id: "aaaa1" });
    const b = aConvening({ id: "bbbb2", time: { zone: "Europe/Paris", rrule: "FREQ=WEEKLY;COUNT=3" } });
    const first = renderRegionFeed({ name: "East Africa" }, [a, b], CONTEXT).ics;
    const second = renderRegionFeed({ name: "East Africa" }, [b, a], CONTEXT).ics;
    expect(second).toBe(first);
  });

  it("escapes UID characters one-to-one, so different ids never share a UID", () => {
    const odd = single(aConvening({ id: "a b;c" }), { ...CONTEXT, network: "net,work" });
    expect(odd.uid).toBe("convening-a%20b%3Bc@net%2Cwork");
    expect(single(aConvening({ id: "a%20b;c" }), { ...CONTEXT, network: "net,work" }).uid).not.toBe(odd.uid);
  });
});

describe("text escaping", () => {
  it.each([
    "Prevention, youth; and families",
    "Line one\nLine two",
    String.raw`Back\slash and \n literal`,
    'Quotes "double" and colon: yes',
    "Équipe régionale — réunion 🙂 " + "long ".repeat(30),
  ])("round-trips the title %j", (title) => {
    expect(single(aConvening({ title })).summary).toBe(title);
  });

  it("round-trips any title made of the characters iCalendar escapes", () => {
    const title = fc.string({
      unit: fc.constantFrom(",", ";", "\\", "\n", ":", '"', "a", " ", "é", "🙂", "\t"),
      minLength: 1,
      maxLength: 120,
    });
    fc.assert(
      fc.property(title, (text) => {
        expect(single(aConvening({ title: text })).summary).toBe(text);
      }),
      { numRuns: 200 },
    );
  });

  it("escapes the calendar name", () => {
    const feed = parseIcs(renderRegionFeed({ name: "Horn, Sahel; and\nbeyond" }, [], CONTEXT).ics);
    expect(feed.calName).toBe("Horn Prevention Network: convenings in Horn, Sahel; and\nbeyond");
    expect(feed.name).toBe(feed.calName);
  });

  it("folds long lines to at most 75 octets", () => {
    const ics = renderRegionFeed(
      { name: "East Africa" },
      [aConvening({ title: "Réunion 🙂 ".repeat(40) })],
      CONTEXT,
    ).ics;
    const encoder = new TextEncoder();
    expect(Math.max(...ics.split("\r\n").map((line) => encoder.encode(line).length))).toBeLessThanOrEqual(75);
  });
});

describe("the region feed", () => {
  const feedOf = (convenings: readonly Convening[]) =>
    renderRegionFeed({ name: "East Africa" }, convenings, CONTEXT);

  it("is a published calendar named for the network and region, with a VTIMEZONE per zone", () => {
    const rendered = feedOf([
      aConvening({ id: "one" }),
      aConvening({ id: "two", time: { zone: "Europe/Paris" } }),
      aConvening({ id: "three", time: { zone: "Europe/Paris" } }),
    ]);
    const feed = parseIcs(rendered.ics);
    expect(feed.method).toBe("PUBLISH");
    expect(feed.calName).toBe("Horn Prevention Network: convenings in East Africa");
    expect([...feed.timezoneIds].sort()).toEqual(["Africa/Nairobi", "Europe/Paris"]);
    expect(feed.events.map((e) => e.uid)).toEqual([
      "convening-one@horn-prevention",
      "convening-three@horn-prevention",
      "convening-two@horn-prevention",
    ]);
    expect(rendered.skipped).toEqual([]);
  });

  it("lists no attendees, organiser or Matrix ids, and blocks no one's time", () => {
    const ics = feedOf([aConvening()]).ics;
    const [event] = parseIcs(ics).events;
    expect(event?.propertyNames).not.toContain("attendee");
    expect(event?.propertyNames).not.toContain("organizer");
    expect(ics).not.toContain(ORGANISER);
    expect(ics).not.toMatch(/@[a-z0-9._=-]+:/);
    expect(event?.transparency).toBe("TRANSPARENT");
  });

  it("skips a convening it cannot read, reports it, and keeps the others", () => {
    const rendered = feedOf([
      aConvening({ id: "good" }),
      aConvening({ id: "bad", time: { rrule: "FREQ=HOURLY" } }),
    ]);
    expect(parseIcs(rendered.ics).events.map((e) => e.uid)).toEqual(["convening-good@horn-prevention"]);
    expect(rendered.skipped).toEqual([
      { conveningId: "bad", reason: expect.stringContaining("FREQ") as unknown },
    ]);
  });

  it("is written in the context's language", () => {
    const feed = parseIcs(
      renderRegionFeed({ name: "Afrique de l’Est" }, [aConvening()], { ...CONTEXT, locale: "fr" }).ics,
    );
    expect(feed.calName).toBe("Horn Prevention Network\u00a0: rencontres (Afrique de l’Est)");
    expect(feed.events[0]?.description).toContain("Langues\u00a0: anglais et français");
  });
});

describe("the personal feed", () => {
  it("shows the owner's own answer in the description and the busy state", () => {
    const feed = parseIcs(
      renderPersonalFeed(
        [
          { convening: aConvening({ id: "going" }), standing: "going" },
          { convening: aConvening({ id: "waiting" }), standing: "waitlisted" },
          { convening: aConvening({ id: "maybe" }), standing: "maybe" },
          { convening: aConvening({ id: "declined" }), standing: "declined" },
          { convening: aConvening({ id: "cancelled", status: "cancelled" }), standing: "going" },
        ],
        CONTEXT,
      ).ics,
    );
    const byId = new Map(feed.events.map((e) => [e.uid.slice("convening-".length, e.uid.indexOf("@")), e]));
    const state = (id: string) => [byId.get(id)?.transparency, byId.get(id)?.busyStatus];
    expect(state("going")).toEqual(["OPAQUE", "BUSY"]);
    expect(state("waiting")).toEqual(["OPAQUE", "TENTATIVE"]);
    expect(state("maybe")).toEqual(["OPAQUE", "TENTATIVE"]);
    expect(state("declined")).toEqual(["TRANSPARENT", "FREE"]);
    expect(state("cancelled")).toEqual(["TRANSPARENT", "FREE"]);
    expect(byId.get("waiting")?.description).toContain("Your answer: on the waitlist");
    expect(byId.get("going")?.description).toContain("Your answer: going");
    expect(feed.calName).toBe("Horn Prevention Network: my convenings");
  });

  it("never carries ATTENDEE or PARTSTAT", () => {
    const ics = renderPersonalFeed([{ convening: aConvening(), standing: "going" }], CONTEXT).ics;
    expect(ics).not.toMatch(/ATTENDEE|PARTSTAT|ORGANIZER/);
  });
});
