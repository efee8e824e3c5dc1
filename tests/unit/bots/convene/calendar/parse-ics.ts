/**
 * Reads our feeds back with ical.js, a parser written independently of ical-generator, so
 * the tests check what a calendar client would see rather than what we meant to write.
 * ical.js resolves each TZID with the VTIMEZONE in the same file (it has no zone database
 * of its own), so these instants also check our VTIMEZONEs.
 */
import ICAL from "ical.js";

export interface ParsedEvent {
  readonly uid: string;
  readonly summary: string;
  readonly description: string;
  readonly sequence: number;
  readonly status: string | null;
  readonly transparency: string | null;
  readonly busyStatus: string | null;
  readonly url: string | null;
  readonly stamp: string | null;
  readonly tzid: string | null;
  readonly rrule: string | null;
  /** Epoch milliseconds. */
  readonly start: number;
  readonly end: number;
  /** Starts of the occurrences (all of them, up to `limit`), as ical.js expands them. */
  readonly starts: (limit?: number) => number[];
  readonly propertyNames: readonly string[];
}

export interface ParsedCalendar {
  readonly name: string | null;
  readonly calName: string | null;
  readonly method: string | null;
  readonly timezoneIds: readonly string[];
  readonly events: readonly ParsedEvent[];
  readonly component: ICAL.Component;
}

/** Property values are strings or ical.js value objects (Time, Recur), which print as iCalendar. */
function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : (value as { toString(): string }).toString();
}

/**
 * ical.js leaves properties it has no definition for (X-WR-CALNAME, and NAME in this
 * version) undecoded; clients read them as TEXT, so decode them as ical.js decodes SUMMARY.
 */
function decodeText(raw: unknown): string | null {
  const encoded = text(raw);
  if (encoded === null) return null;
  const [, , , value] = ICAL.parse.property(`SUMMARY:${encoded}`) as [string, unknown, string, string];
  return value;
}

/** ical.js types say `next()` always gives a time; it gives undefined once a series ends. */
function nextOf(iterator: ICAL.RecurExpansion): ICAL.Time | undefined {
  return iterator.next();
}

export function parseIcs(ics: string): ParsedCalendar {
  const component = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const events = component.getAllSubcomponents("vevent").map((vevent): ParsedEvent => {
    const event = new ICAL.Event(vevent);
    const dtstart = vevent.getFirstProperty("dtstart");
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      sequence: event.sequence,
      status: text(vevent.getFirstPropertyValue("status")),
      transparency: text(vevent.getFirstPropertyValue("transp")),
      busyStatus: text(vevent.getFirstPropertyValue("x-microsoft-cdo-busystatus")),
      url: text(vevent.getFirstPropertyValue("url")),
      stamp: text(vevent.getFirstPropertyValue("dtstamp")),
      tzid: text(dtstart?.getParameter("tzid")),
      rrule: text(vevent.getFirstPropertyValue("rrule")),
      start: event.startDate.toUnixTime() * 1000,
      end: event.endDate.toUnixTime() * 1000,
      starts: (limit = 500) => {
        const iterator = event.iterator();
        const starts: number[] = [];
        for (
          let next = nextOf(iterator);
          next !== undefined && starts.length < limit;
          next = nextOf(iterator)
        )
          starts.push(next.toUnixTime() * 1000);
        return starts;
      },
      propertyNames: vevent.getAllProperties().map((property) => property.name),
    };
  });
  return {
    name: decodeText(component.getFirstPropertyValue("name")),
    calName: decodeText(component.getFirstPropertyValue("x-wr-calname")),
    method: text(component.getFirstPropertyValue("method")),
    timezoneIds: component
      .getAllSubcomponents("vtimezone")
      .map((tz) => String(tz.getFirstPropertyValue("tzid"))),
    events,
    component,
  };
}
