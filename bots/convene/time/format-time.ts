/**
 * A convening's time as each reader sees it: in a region's zones or a person's own zone, in
 * their language, 24- or 12-hour per `convening.locale.hourCycle`. Every line names the
 * offset ("UTC+5:45"), with the zone's abbreviation when the locale has a real one ("CET",
 * "EST"; "GMT+3" is not one), and marks "+1 day" when the local date is not the organiser's
 * date, the detail people in far zones most often miss. Ranges come from `Intl` so each
 * language orders and punctuates them its own way.
 */
import type { ConveningTime } from "../model/convening.ts";
import { offsetMinutesAt, wallClockAt } from "./local-time.ts";
import type { RegionHours } from "./working-hours.ts";

export type HourCycle = "h23" | "h12";

export interface DisplayOptions {
  /** A language tag from the config ("en", "fr", "pt-BR"). */
  readonly locale: string;
  readonly hourCycle: HourCycle;
}

export type TimeToShow = Pick<ConveningTime, "start" | "zone" | "durationMinutes">;

/** How a region sees a time: one line per distinct local reading among its zones. */
export interface RegionTimeLines {
  readonly region: string;
  readonly lines: readonly { readonly zones: readonly string[]; readonly text: string }[];
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const ABBREVIATION = /^[A-Z]{2,5}$/;
const rangeFormats = new Map<string, Intl.DateTimeFormat>();
const nameFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.NumberFormat>();

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** "UTC", "UTC+1", "UTC+5:30", "UTC-3:30". */
export function offsetLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "UTC";
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${offsetMinutes < 0 ? "-" : "+"}${Math.floor(abs / 60)}${minutes === 0 ? "" : `:${String(minutes).padStart(2, "0")}`}`;
}

/** The locale's short name for the zone at an instant, when it is a real abbreviation. */
function abbreviation(zone: string, locale: string, epochMs: number): string | undefined {
  const format = cached(
    nameFormats,
    `${locale}|${zone}`,
    () => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" }),
  );
  const name = format.formatToParts(epochMs).find((part) => part.type === "timeZoneName")?.value;
  return name !== undefined && ABBREVIATION.test(name) && !/^(?:GMT|UTC)$/.test(name) ? name : undefined;
}

/** Whole days between the local dates of `epochMs` in `zone` and in `reference`. */
function dayShift(epochMs: number, zone: string, reference: string): number {
  const day = (z: string): number => {
    const wall = wallClockAt(z, epochMs);
    return Date.UTC(wall.year, wall.month - 1, wall.day) / DAY_MS;
  };
  return day(zone) - day(reference);
}

/**
 * The time as read in `zone`: e.g. "Thu, Dec 3, 2026, 14:00 – 15:30 CET (UTC+1)" or
 * "ven. 4 déc. 2026, 06:00 – 07:30 UTC+5:45 (+1 jour)". The day marker compares with the
 * date in the convening's own zone.
 */
export function formatInZone(time: TimeToShow, zone: string, options: DisplayOptions): string {
  const startMs = Date.parse(time.start);
  const endMs = startMs + time.durationMinutes * MINUTE_MS;
  const range = cached(
    rangeFormats,
    `${options.locale}|${zone}|${options.hourCycle}`,
    () =>
      new Intl.DateTimeFormat(options.locale, {
        timeZone: zone,
        weekday: "short",
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: options.hourCycle,
      }),
  ).formatRange(startMs, endMs);
  const offset = offsetLabel(offsetMinutesAt(zone, startMs));
  const short = abbreviation(zone, options.locale, startMs);
  const zoneText = short === undefined ? offset : `${short} (${offset})`;
  const shift = dayShift(startMs, zone, time.zone);
  if (shift === 0) return `${range} ${zoneText}`;
  const days = cached(
    dayFormats,
    options.locale,
    () =>
      new Intl.NumberFormat(options.locale, {
        style: "unit",
        unit: "day",
        unitDisplay: "long",
        signDisplay: "always",
      }),
  ).format(shift);
  return `${range} ${zoneText} (${days})`;
}

/** The time in a person's own zone. */
export function formatForPerson(time: TimeToShow, personZone: string, options: DisplayOptions): string {
  return formatInZone(time, personZone, options);
}

/**
 * The time for each region, in its zones: zones showing the same offset at that instant
 * share a line (the reference zone's), so MENA gets one line for Amman and Beirut and
 * another for Tunis only when their clocks differ.
 */
export function formatForRegions(
  time: TimeToShow,
  regions: readonly Pick<RegionHours, "id" | "timeZones">[],
  options: DisplayOptions,
): readonly RegionTimeLines[] {
  const startMs = Date.parse(time.start);
  return regions.map((region) => {
    const groups = new Map<number, string[]>();
    for (const zone of region.timeZones) {
      const offset = offsetMinutesAt(zone, startMs);
      const group = groups.get(offset);
      if (group === undefined) groups.set(offset, [zone]);
      else group.push(zone);
    }
    const lines = [...groups.values()].map((zones) => ({
      zones,
      text: formatInZone(time, zones[0] ?? time.zone, options),
    }));
    return { region: region.id, lines };
  });
}
