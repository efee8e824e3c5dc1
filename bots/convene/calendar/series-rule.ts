/**
 * A convening's RRULE, checked before it reaches a feed or an expansion. The model stores the
 * rule as text; text with a line break would let it smuggle other properties into a feed,
 * and a rule a client reads differently from us would put occurrences at different times in
 * the calendar than in reminders. So only what every client reads alike is accepted: the
 * daily-or-slower frequencies (sub-daily ones have no agreed meaning across a DST change)
 * and an UNTIL in UTC, which RFC 5545 requires when DTSTART carries a TZID.
 */
import rrulePackage from "rrule";
import type { Options } from "rrule";
import { type Result, err, ok } from "../../../lib/result.ts";

// rrule is CommonJS: Node's ESM loader exposes only its default export.
const { RRule } = rrulePackage;

export type SeriesFrequency = "YEARLY" | "MONTHLY" | "WEEKLY" | "DAILY";

/** A checked rule: its text for feeds and its parsed options for expansion. */
export interface SeriesRule {
  /** The RRULE value as given, without the "RRULE:" prefix. */
  readonly text: string;
  readonly frequency: SeriesFrequency;
  readonly interval: number;
  readonly count?: number;
  /** Epoch milliseconds of UNTIL. */
  readonly until?: number;
  /** The options as `rrule` parsed them (no dtstart). */
  readonly options: Partial<Options>;
}

const FREQUENCIES: readonly SeriesFrequency[] = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY"];
// The characters RFC 5545 recur values are made of; anything else (line breaks, ":" of
// another property, quotes) is refused before parsing.
const RECUR_TEXT = /^[A-Z0-9=;,+-]+$/;
const UTC_UNTIL = /(?:^|;)UNTIL=(\d{8}T\d{6}Z)(?:;|$)/;
const ANY_UNTIL = /(?:^|;)UNTIL=/;

/** Parses and checks an RRULE value (with or without the "RRULE:" prefix). */
export function parseSeriesRule(input: string): Result<SeriesRule, string> {
  const text = input.startsWith("RRULE:") ? input.slice("RRULE:".length) : input;
  if (text === "" || !RECUR_TEXT.test(text)) return err(`"${input}" is not an RRULE value`);
  if (ANY_UNTIL.test(text) && !UTC_UNTIL.test(text))
    return err(`"${input}": UNTIL must be a UTC date-time such as 20261231T235959Z`);
  let options: Partial<Options>;
  try {
    options = RRule.parseString(text);
  } catch (error) {
    return err(`"${input}" is not an RRULE value: ${error instanceof Error ? error.message : String(error)}`);
  }
  const frequency = options.freq === undefined ? undefined : RRule.FREQUENCIES[options.freq];
  if (frequency === undefined || !isSeriesFrequency(frequency))
    return err(`"${input}": FREQ must be one of ${FREQUENCIES.join(", ")}`);
  if (options.dtstart != null || options.tzid != null)
    return err(`"${input}": the start and zone come from the convening, not the rule`);
  const interval = options.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1) return err(`"${input}": INTERVAL must be at least 1`);
  if (options.count != null && options.count < 1) return err(`"${input}": COUNT must be at least 1`);
  if (options.count != null && options.until != null)
    return err(`"${input}": COUNT and UNTIL cannot both be given`);
  return ok({
    text,
    frequency,
    interval,
    ...(options.count == null ? {} : { count: options.count }),
    ...(options.until == null ? {} : { until: options.until.getTime() }),
    options,
  });
}

function isSeriesFrequency(name: string): name is SeriesFrequency {
  return (FREQUENCIES as readonly string[]).includes(name);
}
