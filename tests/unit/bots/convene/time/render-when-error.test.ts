import { describe, expect, it } from "vitest";
import { parseWhen } from "../../../../../bots/convene/time/parse-when.ts";
import { renderWhenError } from "../../../../../bots/convene/time/render-when-error.ts";

const CONTEXT = { now: "2026-01-15T12:00:00Z", defaultZone: "Europe/Brussels" };

function message(text: string): string {
  const parsed = parseWhen(text, CONTEXT);
  if (parsed.ok) throw new Error(`"${text}" accepted`);
  return renderWhenError(parsed.error);
}

describe("renderWhenError", () => {
  it("spells out both readings of an ambiguous date, numbered", () => {
    const text = message("03/12/2026 14:00");
    expect(text).toContain('"03/12/2026" can be read more than one way');
    expect(text).toContain("1. Thu 2026-12-03 (3 December) 14:00 Europe/Brussels (UTC+01:00), day first");
    expect(text).toContain("2. Thu 2026-03-12 (12 March) 14:00 Europe/Brussels (UTC+01:00), month first");
    expect(text).toContain("year-month-day");
  });

  it("explains a DST gap and offers the times either side", () => {
    const text = message("2026-03-29 02:30");
    expect(text).toContain("2026-03-29 02:30 does not exist in Europe/Brussels");
    expect(text).toContain("the clocks jump from 02:00 to 03:00");
    expect(text).toContain("1. Sun 2026-03-29 01:30 Europe/Brussels (UTC+01:00), before the clocks change");
    expect(text).toContain("2. Sun 2026-03-29 03:30 Europe/Brussels (UTC+02:00), after the clocks change");
  });

  it("explains a DST overlap and offers both, with their offsets", () => {
    const text = message("2026-11-01 01:30 America/New_York");
    expect(text).toContain("happens twice in America/New_York");
    expect(text).toContain("01:30 America/New_York (UTC-04:00), the first time");
    expect(text).toContain("01:30 America/New_York (UTC-05:00), the second time");
  });

  it.each([
    ["2026-12-03 14:00 Africa/Nairob", ['"Africa/Nairob" is not a time zone', "Did you mean Africa/Nairobi"]],
    ["2026-12-03 14:00 EST", ['"EST" is ambiguous', "America/New_York"]],
    ["2026-02-30 10:00", ['"2026-02-30" is not a date']],
    ["2026-12-03 25:00", ['"25:00" is not a time of day']],
    ["12:00", ['"12:00" has no date', "tomorrow"]],
    ["2026-12-03", ['"2026-12-03" has no time of day']],
    ["2026-01-15 12:30", ["2026-01-15 12:30+01:00 (Europe/Brussels) has already passed"]],
    ["2026-12-03 14:00 soon", ['"soon"']],
    ["", ["Give a date and time"]],
  ])("%j", (text, parts) => {
    const rendered = message(text);
    for (const part of parts) expect(rendered).toContain(part);
  });
});
