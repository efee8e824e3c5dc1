/**
 * One convening as an iCalendar event. Decisions, for Google Calendar, Outlook and
 * Thunderbird alike:
 *
 * - Times are written as local time with the convening's IANA zone as TZID, plus a
 *   VTIMEZONE (render-vtimezone.ts). UTC would be simpler and exact for a one-off, but a
 *   series with a UTC DTSTART repeats at a fixed UTC time, so a weekly 14:00 in Paris would
 *   show at 15:00 after the DST change; RFC 5545 expands RRULEs in DTSTART's zone, and only a
 *   TZID gives every client the wall-clock series the organiser meant.
 * - DTSTAMP and LAST-MODIFIED are the convening's `updatedAt`, not the render time, so the
 *   same convening always renders byte-for-byte the same (stable ETags, no spurious updates).
 * - A cancelled convening stays in feeds with STATUS:CANCELLED, so calendars that already
 *   have it remove or strike it; its summary also says "Cancelled", since Outlook shows a
 *   cancelled event in a subscribed calendar like any other.
 * - No ATTENDEE or ORGANIZER: both need a mail address a Matrix account does not have, and
 *   their presence turns a published event into a meeting invitation whose Accept/Decline
 *   buttons would mail a non-existent organiser. In a personal feed the owner's own answer is
 *   shown instead by the event's busy state (TRANSP, and Outlook's BUSYSTATUS) and a line
 *   in the description; no one else's answer appears anywhere.
 */
import { DateTime } from "luxon";
import type { ICalEventData } from "ical-generator";
import { ICalEventBusyStatus, ICalEventStatus, ICalEventTransparency } from "ical-generator";
import { type Result, ok } from "../../../lib/result.ts";
import { t } from "../i18n/translate.ts";
import type { Convening } from "../model/convening.ts";
import type { Standing } from "../rsvp/tally-rsvps.ts";
import { checkTime } from "./checked-time.ts";
import { conveningUid } from "./convening-uid.ts";
import { describeSeries } from "./describe-series.ts";
import { lastStartOf } from "./expand-occurrences.ts";
import type { SeriesRule } from "./series-rule.ts";

export interface FeedContext {
  /**
   * The network id (or its domain). It scopes UIDs, so it must never change once feeds
   * are out: calendars would see every convening as new.
   */
  readonly network: string;
  /** The network's name, for calendar names. */
  readonly networkName: string;
  /** The language of calendar names and descriptions (see i18n/locales.ts). */
  readonly locale: string;
  /** Region names by config id; an id without a name is shown as is. */
  readonly regionNames?: Readonly<Record<string, string>>;
  /** The hub page of a convening, when there is one; only http(s) URLs are used. */
  readonly conveningUrl?: (conveningId: string) => string;
}

/** Who the event is shown to, which decides its busy state and what it may say. */
export type Audience =
  | { readonly kind: "public" }
  | { readonly kind: "download" }
  | { readonly kind: "owner"; readonly standing: Standing };

/** An event and the years its zone must be described for. */
export interface FeedEvent {
  readonly data: ICalEventData;
  readonly zone: string;
  readonly years: { readonly from: number; readonly to: number };
}

// An endless series is described for this many years; after that the yearly VTIMEZONE
// rule continues the zone's current DST rule, as the tz database itself does.
const ENDLESS_SERIES_YEARS = 5;
const MAX_DESCRIBED_YEARS = 20;

export function feedEvent(
  convening: Convening,
  context: FeedContext,
  audience: Audience,
): Result<FeedEvent, string> {
  const time = checkTime(convening.time);
  if (!time.ok) return time;
  const { start, zone, durationMinutes, rule } = time.value;
  const last = lastStartOf(time.value);
  const firstYear = start.year;
  const lastYear =
    last === undefined ? firstYear + ENDLESS_SERIES_YEARS : DateTime.fromMillis(last, { zone }).year;
  const cancelled = convening.status === "cancelled";
  const { locale } = context;
  const url = safeUrl(context.conveningUrl?.(convening.id));
  const busy = busyStateFor(cancelled, audience);
  const data: ICalEventData = {
    id: conveningUid(convening.id, context.network),
    sequence: convening.sequence,
    stamp: new Date(convening.updatedAt),
    created: new Date(convening.createdAt),
    lastModified: new Date(convening.updatedAt),
    // luxon values: ical-generator formats them in the event's zone (a Date would be
    // formatted in the server's own zone).
    start,
    end: start.plus({ minutes: durationMinutes }),
    timezone: zone,
    ...(rule === undefined ? {} : { repeating: rule.text }),
    summary: cancelled ? t(locale, "feed.cancelledTitle", { title: convening.title }) : convening.title,
    description: describe(convening, context, audience, { url, rule, zone }),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    transparency: busy.transparency,
    busystatus: busy.status,
    ...(url === undefined ? {} : { url }),
  };
  return ok({
    data,
    zone,
    years: { from: firstYear, to: Math.min(lastYear, firstYear + MAX_DESCRIBED_YEARS) },
  });
}

function describe(
  convening: Convening,
  context: FeedContext,
  audience: Audience,
  extra: { url: string | undefined; rule: SeriesRule | undefined; zone: string },
): string {
  const { locale } = context;
  const { url, rule, zone } = extra;
  const regions = convening.regions.map((id) => context.regionNames?.[id] ?? id);
  return [
    ...(convening.status === "cancelled" && convening.cancelReason !== undefined
      ? [t(locale, "card.cancelledReason", { reason: convening.cancelReason })]
      : []),
    t(locale, "feed.invitedRegions", { regions }),
    t(locale, "card.languages", { languages: convening.languages }),
    convening.capacity === undefined
      ? t(locale, "card.noCapacity")
      : t(locale, "card.capacity", { capacity: convening.capacity }),
    ...(rule === undefined ? [] : [t(locale, "card.repeats", describeSeries(rule, zone, locale))]),
    ...(audience.kind === "owner" ? [t(locale, "feed.yourAnswer", { standing: audience.standing })] : []),
    t(locale, "card.id", { id: convening.id }),
    ...(url === undefined ? [] : [url]),
  ].join("\n");
}

/**
 * A region feed is informational, so it never marks time busy; a downloaded single event is
 * one the person chose to add; in a personal feed the owner's own answer decides.
 */
function busyStateFor(
  cancelled: boolean,
  audience: Audience,
): { transparency: ICalEventTransparency; status: ICalEventBusyStatus } {
  const free = { transparency: ICalEventTransparency.TRANSPARENT, status: ICalEventBusyStatus.FREE };
  const busy = { transparency: ICalEventTransparency.OPAQUE, status: ICalEventBusyStatus.BUSY };
  const tentative = { transparency: ICalEventTransparency.OPAQUE, status: ICalEventBusyStatus.TENTATIVE };
  if (cancelled) return free;
  switch (audience.kind) {
    case "public":
      return free;
    case "download":
      return busy;
    case "owner":
      switch (audience.standing) {
        case "going":
          return busy;
        case "waitlisted":
        case "maybe":
          return tentative;
        case "declined":
        case "unanswered":
          return free;
      }
  }
}

/**
 * An http(s) URL as iCalendar may carry it. ical-generator escapes "," and ";" in URL values
 * as if they were text, which corrupts a URI; percent-encoding them first avoids that.
 */
function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const parsed = URL.parse(url);
  if (parsed === null || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) return undefined;
  return parsed.href.replaceAll(",", "%2C").replaceAll(";", "%3B");
}
