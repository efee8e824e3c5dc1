/**
 * iCalendar (RFC 5545) files: one convening (an "add to calendar" download), a region's
 * feed and a person's feed. Event-level choices are explained in feed-event.ts. At calendar
 * level: METHOD:PUBLISH and X-WR-CALNAME as Google's own public feeds have them, a one-hour
 * refresh hint for subscribed feeds, and a VTIMEZONE for every zone used.
 *
 * A convening whose stored time cannot be read is left out of a feed and reported in
 * `skipped`, so one bad record never takes a whole region's calendar down.
 */
import ical, { ICalCalendarMethod, escape } from "ical-generator";
import { type Result, err, ok } from "../../../lib/result.ts";
import { t } from "../i18n/translate.ts";
import type { Convening } from "../model/convening.ts";
import type { Standing } from "../rsvp/tally-rsvps.ts";
import { type Audience, type FeedContext, type FeedEvent, feedEvent } from "./feed-event.ts";
import { renderVtimezone } from "./render-vtimezone.ts";

export type { FeedContext } from "./feed-event.ts";

export interface FeedRender {
  readonly ics: string;
  readonly skipped: readonly { readonly conveningId: string; readonly reason: string }[];
}

/** One entry of a person's feed: a convening and where they stand in it. */
export interface PersonalEntry {
  readonly convening: Convening;
  readonly standing: Standing;
}

const PRODUCT_ID = "//Meridian//Convene bot//EN";
const FEED_REFRESH_SECONDS = 3600;

/** One convening as a calendar of its own, for "add to my calendar". */
export function renderConveningIcs(convening: Convening, context: FeedContext): Result<string, string> {
  const event = feedEvent(convening, context, { kind: "download" });
  if (!event.ok) return err(`convening ${convening.id}: ${event.error}`);
  return ok(renderCalendar(convening.title, [event.value], undefined));
}

/** A region's feed: every convening given, attendees never listed. */
export function renderRegionFeed(
  region: { readonly name: string },
  convenings: readonly Convening[],
  context: FeedContext,
): FeedRender {
  const name = t(context.locale, "feed.regionName", { network: context.networkName, region: region.name });
  return renderEntries(
    name,
    convenings.map((convening) => ({ convening, audience: { kind: "public" } })),
    context,
  );
}

/** A person's feed: their convenings, each showing only their own answer. */
export function renderPersonalFeed(entries: readonly PersonalEntry[], context: FeedContext): FeedRender {
  const name = t(context.locale, "feed.personalName", { network: context.networkName });
  return renderEntries(
    name,
    entries.map(({ convening, standing }) => ({ convening, audience: { kind: "owner", standing } })),
    context,
  );
}

function renderEntries(
  name: string,
  entries: readonly { convening: Convening; audience: Audience }[],
  context: FeedContext,
): FeedRender {
  const events: FeedEvent[] = [];
  const skipped: { conveningId: string; reason: string }[] = [];
  // Sorted, so the same convenings always give the same file whatever order they came in.
  const ordered = [...entries].sort((a, b) => compare(a.convening.id, b.convening.id));
  for (const { convening, audience } of ordered) {
    const event = feedEvent(convening, context, audience);
    if (event.ok) events.push(event.value);
    else skipped.push({ conveningId: convening.id, reason: event.error });
  }
  return { ics: renderCalendar(name, events, FEED_REFRESH_SECONDS), skipped };
}

function renderCalendar(
  name: string,
  events: readonly FeedEvent[],
  refreshSeconds: number | undefined,
): string {
  const vtimezones = vtimezonesFor(events);
  const calendar = ical({
    prodId: PRODUCT_ID,
    method: ICalCalendarMethod.PUBLISH,
    scale: "GREGORIAN",
    // ical-generator writes NAME and X-WR-CALNAME unescaped; a name with "," or a line
    // break would otherwise corrupt the file.
    name: escape(name, false),
    // No calendar-wide zone: with one, ical-generator writes DTSTAMP as local time, and
    // RFC 5545 requires it in UTC. The generator is still asked for each event's zone.
    timezone: { name: null, generator: (zone) => vtimezones.get(zone) ?? null },
    ...(refreshSeconds === undefined ? {} : { ttl: refreshSeconds }),
  });
  for (const event of events) calendar.createEvent(event.data);
  return calendar.toString();
}

/** One VTIMEZONE per zone, covering the years of every event in that zone. */
function vtimezonesFor(events: readonly FeedEvent[]): Map<string, string> {
  const spans = new Map<string, { from: number; to: number }>();
  for (const { zone, years } of events) {
    const known = spans.get(zone);
    spans.set(
      zone,
      known === undefined
        ? { ...years }
        : { from: Math.min(known.from, years.from), to: Math.max(known.to, years.to) },
    );
  }
  return new Map([...spans].map(([zone, span]) => [zone, renderVtimezone(zone, span)]));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
