/**
 * English wording of why no slot fits. Region names come from the caller (the config's
 * `name`), falling back to ids. Each region's hours are shown on its own clock and on UTC,
 * which is where an organiser can see the gap for themselves.
 */
import type { NoSlotReason, RegionHoursUtc } from "./suggest-request.ts";

const DAY_NAMES: Readonly<Record<string, string>> = {
  mon: "Mon",
  tue: "Tue",
  wed: "Wed",
  thu: "Thu",
  fri: "Fri",
  sat: "Sat",
  sun: "Sun",
};

function describeHours(hours: RegionHoursUtc, name: string): string {
  const days = hours.days.map((day) => DAY_NAMES[day] ?? day).join(", ");
  return `${name} works ${days} ${hours.localStart}-${hours.localEnd} ${hours.zone} (${hours.utcStart}-${hours.utcEnd} UTC)`;
}

function minutesText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** The English message for a search that found no slot. */
export function renderNoSlotReason(
  reason: NoSlotReason,
  names: Readonly<Record<string, string>> = {},
): string {
  const name = (id: string): string => names[id] ?? id;
  switch (reason.kind) {
    case "invalid-request":
      return `I cannot search for a slot: ${reason.problem.replaceAll("-", " ")} (${reason.detail}).`;
    case "region-never-free": {
      const cause =
        reason.cause === "no-working-day"
          ? "has no working day in that period"
          : reason.cause === "zones-disjoint"
            ? "has no hours when all of its time zones are at work"
            : "has no working stretch long enough in that period";
      return `${name(reason.region)} ${cause}: ${describeHours(reason.hours, name(reason.region))}.`;
    }
    case "no-overlap": {
      const pairs = reason.pairs
        .map((pair) =>
          pair.longestMinutes === 0
            ? `${name(pair.a)} and ${name(pair.b)} share no working hours`
            : `${name(pair.a)} and ${name(pair.b)} share at most ${minutesText(pair.longestMinutes)}`,
        )
        .join("; ");
      const hours = reason.hours.map((entry) => describeHours(entry, name(entry.region))).join("; ");
      return `No ${minutesText(reason.durationMinutes)} slot suits every region: ${pairs}. ${hours}.`;
    }
    case "no-common-time": {
      const hours = reason.hours.map((entry) => describeHours(entry, name(entry.region))).join("; ");
      const longest =
        reason.longestMinutes === 0
          ? "there is no moment when all of them are at work"
          : `the longest time all of them are at work is ${minutesText(reason.longestMinutes)}`;
      return `No ${minutesText(reason.durationMinutes)} slot suits every region: each pair overlaps, but ${longest}. ${hours}.`;
    }
  }
}
