/**
 * "East Africa: Thu 3 Dec, 14:00 EAT" lines for a card: the start in each invited region's
 * reference zone, formatted for the reader's locale. The time module may give richer lines;
 * the card takes any `{ label, text }` list, and this is the simple default.
 */
import { DateTime } from "luxon";

export interface LocalTimeLine {
  readonly label: string;
  readonly text: string;
}

export interface Place {
  readonly label: string;
  readonly zone: string;
}

/** The instant `start` (ISO) in each place's zone; a place with an unknown zone is left out. */
export function localTimeLines(
  start: string,
  places: readonly Place[],
  locale: string,
  hourCycle: "h23" | "h12" = "h23",
): LocalTimeLine[] {
  const instant = DateTime.fromISO(start, { setZone: true });
  if (!instant.isValid) return [];
  return places.flatMap((place) => {
    const local = instant.setZone(place.zone).setLocale(locale);
    if (!local.isValid) return [];
    const text = local.toLocaleString({
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle,
      timeZoneName: "short",
    });
    return [{ label: place.label, text }];
  });
}
