/**
 * Local wall-clock time of an instant, read with Intl directly (not luxon, which the code
 * under test uses), so time checks do not share the implementation's assumptions.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-GB", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formats.set(zone, format);
  }
  return format;
}

export function wallClock(at: number, zone: string): string {
  const parts = formatFor(zone).formatToParts(new Date(at));
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

/** The offset from UTC of `zone` at an instant, in minutes, from Intl. */
export function intlOffset(at: number, zone: string): number {
  const [date = "", time = ""] = wallClock(at, zone).split(" ");
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  const asUtc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  return Math.round((asUtc - Math.floor(at / 60_000) * 60_000) / 60_000);
}
