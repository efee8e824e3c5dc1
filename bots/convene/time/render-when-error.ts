/**
 * English wording of a refused `<when>`. Other languages render the same `WhenError` data;
 * this one also serves as the reference for what each message must say. Options are
 * numbered so a reply can be "1" or "2".
 */
import type { OptionNote, WhenError, WhenOption } from "./when-error.ts";

const EXAMPLES = `"2026-12-03 14:00 Africa/Nairobi", "tomorrow 09:30" or "next tuesday 15:00"`;
const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const NOTES: Readonly<Record<OptionNote, string>> = {
  "day-first": "day first",
  "month-first": "month first",
  morning: "in the morning",
  afternoon: "in the afternoon",
  today: "today",
  tomorrow: "tomorrow",
  "this-week": "today",
  "next-week": "a week from today",
  coming: "the first one after today",
  "of-next-week": "the one in next week",
  "before-change": "before the clocks change",
  "after-change": "after the clocks change",
  first: "the first time",
  second: "the second time",
  "as-written": "the instant as written",
  "in-zone": "that clock time in the zone",
};

const INVALID_DATE: Readonly<Record<Extract<WhenError, { kind: "invalid-date" }>["reason"], string>> = {
  "no-such-month": "is not a date: months go from 1 to 12.",
  "no-such-day": "is not a date: that month has no such day.",
  "two-digit-year": "has a two-digit year: write it with four digits, e.g. 2026-12-03.",
};

/** "Sun 2026-03-29 01:30 Europe/Brussels (UTC+01:00)" from an option's local reading. */
export function describeOption(option: WhenOption): string {
  const [date = "", rest = ""] = option.local.split("T");
  const clock = rest.slice(0, 5);
  const offset = rest.slice(5);
  const [year, month, day] = date.split("-").map(Number);
  const weekday = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)).getUTCDay();
  const name = WEEKDAY_NAMES[(weekday + 6) % 7] ?? "";
  const dayText =
    option.note === "day-first" || option.note === "month-first"
      ? ` (${day ?? ""} ${MONTH_NAMES[(month ?? 1) - 1] ?? ""})`
      : "";
  return `${name} ${date}${dayText} ${clock} ${option.zone} (UTC${offset})`;
}

function optionList(options: readonly WhenOption[]): string {
  return options
    .map((option, index) => `${index + 1}. ${describeOption(option)}, ${NOTES[option.note]}`)
    .join("\n");
}

function pick(intro: string, options: readonly WhenOption[], advice: string): string {
  if (options.length === 0) return `${intro} Every reading of it has already passed. ${advice}`;
  return `${intro} Did you mean:\n${optionList(options)}\nReply with the date and time written out${advice === "" ? "." : `; ${advice}`}`;
}

/** The English message for a refused `<when>`. */
export function renderWhenError(error: WhenError): string {
  switch (error.kind) {
    case "empty":
      return `Give a date and time, e.g. ${EXAMPLES}.`;
    case "unrecognised":
      return `I don't understand "${error.token}" as a date or time. Try ${EXAMPLES}.`;
    case "invalid-date":
      return `"${error.token}" ${INVALID_DATE[error.reason]}`;
    case "invalid-time":
      return `"${error.token}" is not a time of day: use 00:00 to 23:59, or 1am to 12pm.`;
    case "invalid-zone": {
      const [first, ...others] = error.suggestions;
      const hint =
        first === undefined
          ? "Use an IANA zone name such as Africa/Nairobi or Europe/Brussels."
          : `Did you mean ${[first, ...others].join(" or ")}?`;
      return `"${error.token}" is not a time zone I know. ${hint}`;
    }
    case "zone-abbreviation":
      return `"${error.token}" is ambiguous: abbreviations and old zone names shift between summer and winter or mean different places. Use a zone name with its region, such as America/New_York or Europe/Brussels.`;
    case "missing-time":
      return `"${error.token}" has no time of day; add one, e.g. "${error.token} 14:00".`;
    case "missing-date":
      return pick(`"${error.token}" has no date.`, error.options, "");
    case "ambiguous": {
      const advice =
        error.what === "date"
          ? "writing the date as year-month-day (2026-12-03) avoids this."
          : error.what === "hour"
            ? "a 24-hour time (15:00) or am/pm avoids this."
            : "a date (2026-12-03) avoids this.";
      return pick(`"${error.token}" can be read more than one way.`, error.options, advice);
    }
    case "nonexistent-local-time":
      return pick(
        `${error.local.replace("T", " ")} does not exist in ${error.zone}: the clocks jump from ${error.clocksFrom} to ${error.clocksTo} that night.`,
        error.options,
        "",
      );
    case "repeated-local-time":
      return pick(
        `${error.local.replace("T", " ")} happens twice in ${error.zone}: the clocks go back from ${error.clocksFrom} to ${error.clocksTo} that night.`,
        error.options,
        "",
      );
    case "offset-conflict":
      return pick(
        `"${error.token}" says UTC${error.writtenOffset}, but ${error.zone} is at UTC${error.zoneOffset} then.`,
        error.options,
        "",
      );
    case "in-the-past":
      return `${error.local.replace("T", " ")} (${error.zone}) has already passed.`;
    case "extra-words":
      return `I don't understand "${error.words.join(" ")}" after the date and time.`;
  }
}
