/**
 * VTIMEZONE components built from the runtime's tz database, so a feed carries its own
 * definition of every zone it names (RFC 5545 requires one for each TZID used).
 *
 * Clients read them differently. Google Calendar and Thunderbird recognise the IANA TZID and
 * use their own data. Outlook builds its zone from the VTIMEZONE and accepts only the shape
 * Outlook and Google themselves write: exactly one STANDARD and at most one DAYLIGHT, each a
 * yearly rule ("last Sunday of March"); explicit per-year transitions make it fall back to a
 * wrong zone. So the zone's transitions over the years the feed covers are turned into such
 * a rule, and the rule is checked to reproduce every one of them. A zone whose changes fit no
 * such rule in those years (e.g. one that moved its offset for good) gets explicit
 * transitions instead: still exact for every RFC 5545 reader, at Outlook's expense.
 */
import { DateTime, IANAZone } from "luxon";
import { type ZoneTransition, offsetAt, zoneTransitions } from "./zone-transitions.ts";

export interface YearSpan {
  readonly from: number;
  readonly to: number;
}

/** One STANDARD or DAYLIGHT sub-component. */
interface Observance {
  readonly kind: "STANDARD" | "DAYLIGHT";
  /** Local wall-clock time of the onset, in the offset before it, "yyyyMMddTHHmmss". */
  readonly start: string;
  readonly from: number;
  readonly to: number;
  readonly rrule?: string;
  readonly name?: string;
}

/** A yearly "n-th weekday of a month at a wall-clock time" rule. */
interface YearlyRule {
  readonly month: number;
  /** 1-4 for the n-th, -1 for the last. */
  readonly week: number;
  /** Luxon weekday, Monday = 1. */
  readonly weekday: number;
  readonly minuteOfDay: number;
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
// Rules are anchored in 1970, as Google's and Outlook's own feeds are, so every reader can
// resolve any date of the feed from the first onset onwards.
const ANCHOR_YEAR = 1970;

/** The VTIMEZONE for `zone`, exact for every instant in the years of `span`. */
export function renderVtimezone(zone: string, span: YearSpan): string {
  const from = Date.UTC(span.from, 0, 1) - 2 * DAY_MS;
  const to = Date.UTC(span.to + 1, 0, 1) + 2 * DAY_MS;
  const transitions = zoneTransitions(zone, from, to);
  const observances =
    transitions.length === 0
      ? [fixedObservance(zone, offsetAt(zone, from), from)]
      : (yearlyObservances(zone, transitions, span) ?? explicitObservances(zone, transitions, from));
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${zone}`,
    // libical (Thunderbird, Evolution) maps a zone to its own database by this.
    `X-LIC-LOCATION:${zone}`,
    ...observances.flatMap(renderObservance),
    "END:VTIMEZONE",
  ].join("\r\n");
}

function renderObservance(observance: Observance): string[] {
  return [
    `BEGIN:${observance.kind}`,
    `DTSTART:${observance.start}`,
    `TZOFFSETFROM:${formatOffset(observance.from)}`,
    `TZOFFSETTO:${formatOffset(observance.to)}`,
    ...(observance.rrule === undefined ? [] : [`RRULE:${observance.rrule}`]),
    ...(observance.name === undefined ? [] : [`TZNAME:${observance.name}`]),
    `END:${observance.kind}`,
  ];
}

function fixedObservance(zone: string, offset: number, at: number): Observance {
  return withName(
    { kind: "STANDARD", start: `${ANCHOR_YEAR}0101T000000`, from: offset, to: offset },
    zone,
    at,
  );
}

/**
 * One DAYLIGHT and one STANDARD yearly rule reproducing every transition of the span, or
 * undefined when the zone's changes in those years are not of that form.
 */
function yearlyObservances(
  zone: string,
  transitions: readonly ZoneTransition[],
  span: YearSpan,
): Observance[] | undefined {
  const offsets = [...new Set(transitions.flatMap((t) => [t.from, t.to]))];
  if (offsets.length !== 2) return undefined;
  const standard = Math.min(...offsets);
  const daylight = Math.max(...offsets);
  const inSpan = transitions.filter((t) => {
    const year = wallClockBefore(t).year;
    return year >= span.from && year <= span.to;
  });
  const onsets = inSpan.filter((t) => t.to === daylight);
  const ends = inSpan.filter((t) => t.to === standard);
  const years = span.to - span.from + 1;
  if (onsets.length !== years || ends.length !== years) return undefined;
  const onsetRule = commonRule(onsets);
  const endRule = commonRule(ends);
  const [firstOnset] = onsets;
  const [firstEnd] = ends;
  if (onsetRule === undefined || endRule === undefined || firstOnset === undefined || firstEnd === undefined)
    return undefined;
  return [
    withName(
      {
        kind: "DAYLIGHT",
        start: formatWallClock(ruleDate(onsetRule, ANCHOR_YEAR)),
        from: standard,
        to: daylight,
        rrule: formatRule(onsetRule),
      },
      zone,
      firstOnset.at,
    ),
    withName(
      {
        kind: "STANDARD",
        start: formatWallClock(ruleDate(endRule, ANCHOR_YEAR)),
        from: daylight,
        to: standard,
        rrule: formatRule(endRule),
      },
      zone,
      firstEnd.at,
    ),
  ];
}

/** The rule every one of the transitions follows, if there is one. */
function commonRule(transitions: readonly ZoneTransition[]): YearlyRule | undefined {
  const [first] = transitions;
  if (first === undefined) return undefined;
  const wall = wallClockBefore(first);
  // A date in the month's last seven days may be "the last" or "the fourth"; the other
  // years of the span decide, and "the last" is tried first because it is what the tz
  // database says for most zones (so a one-year span still extrapolates the usual way).
  const weeks = [...(wall.day + 7 > (wall.daysInMonth ?? 31) ? [-1] : []), Math.ceil(wall.day / 7)].filter(
    (week) => week <= 4 || week === -1,
  );
  const candidates = weeks.map((week) => ({
    month: wall.month,
    week,
    weekday: wall.weekday,
    minuteOfDay: wall.hour * 60 + wall.minute,
  }));
  return candidates.find((rule) =>
    transitions.every((t) => {
      const actual = wallClockBefore(t);
      return ruleDate(rule, actual.year).toMillis() === actual.startOf("minute").toMillis();
    }),
  );
}

/** The wall-clock date-time (as a UTC-zoned luxon value) a rule gives in a year. */
function ruleDate(rule: YearlyRule, year: number): DateTime {
  const firstOfMonth = DateTime.utc(year, rule.month, 1);
  let date: DateTime;
  if (rule.week === -1) {
    const last = firstOfMonth.endOf("month").startOf("day");
    date = last.minus({ days: (last.weekday - rule.weekday + 7) % 7 });
  } else {
    const first = firstOfMonth.plus({ days: (rule.weekday - firstOfMonth.weekday + 7) % 7 });
    date = first.plus({ weeks: rule.week - 1 });
  }
  return date.plus({ minutes: rule.minuteOfDay });
}

function formatRule(rule: YearlyRule): string {
  return `FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.week}${WEEKDAYS[rule.weekday - 1] ?? "SU"}`;
}

/** Every transition spelled out, preceded by the offset in force when the span starts. */
function explicitObservances(
  zone: string,
  transitions: readonly ZoneTransition[],
  from: number,
): Observance[] {
  const initial = offsetAt(zone, from);
  const standard = Math.min(initial, ...transitions.map((t) => t.to));
  const kindOf = (offset: number): Observance["kind"] => (offset > standard ? "DAYLIGHT" : "STANDARD");
  return [
    withName(
      { kind: kindOf(initial), start: `${ANCHOR_YEAR}0101T000000`, from: initial, to: initial },
      zone,
      from,
    ),
    ...transitions.map((t) =>
      withName(
        { kind: kindOf(t.to), start: formatWallClock(wallClockBefore(t)), from: t.from, to: t.to },
        zone,
        t.at,
      ),
    ),
  ];
}

/** The local wall-clock time at which a transition happens, read in the old offset. */
function wallClockBefore(transition: ZoneTransition): DateTime {
  return DateTime.fromMillis(transition.at + transition.from * 60_000, { zone: "utc" });
}

function formatWallClock(wall: DateTime): string {
  return wall.toFormat("yyyyLLdd'T'HHmmss");
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(Math.round(minutes));
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}${String(absolute % 60).padStart(2, "0")}`;
}

/**
 * Adds TZNAME when the tz database has a real abbreviation ("CEST", "EAT"); the generic
 * "GMT+3" that Intl falls back to says nothing the offset does not, so it is left out.
 */
function withName(observance: Observance, zone: string, at: number): Observance {
  const name = IANAZone.create(zone).offsetName(at, { format: "short", locale: "en-US" });
  return name !== null && /^[A-Z]{2,5}$/.test(name) ? { ...observance, name } : observance;
}
