import { describe, expect, it } from "vitest";
import { parseDuration, renderDurationError } from "../../../../../bots/convene/time/parse-duration.ts";

describe("parseDuration (convenings)", () => {
  it.each([
    ["90m", 90],
    ["45min", 45],
    ["2h", 120],
    ["1h30m", 90],
    ["1h30", 90],
    ["1H05", 65],
    ["24h", 1440],
  ])("%s is %i minutes", (text, minutes) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: minutes });
  });

  it.each([
    ["90", "no-unit"],
    ["1.5h", "format"],
    ["1h 30m", "format"],
    ["h", "format"],
    ["-1h", "format"],
    ["0m", "zero"],
    ["0h00", "zero"],
    ["1h75", "minutes-over-59"],
    ["25h", "too-long"],
    ["1441m", "too-long"],
  ])("refuses %j (%s)", (text, reason) => {
    const parsed = parseDuration(text);
    expect(parsed).toEqual({ ok: false, error: { kind: "invalid-duration", token: text, reason } });
    if (!parsed.ok) expect(renderDurationError(parsed.error)).toContain(`"${text}"`);
  });
});
