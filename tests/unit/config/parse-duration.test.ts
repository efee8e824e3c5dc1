import { describe, expect, it } from "vitest";
import { parseDuration } from "../../../config/index.ts";

describe("parseDuration", () => {
  it.each([
    ["30s", 30_000],
    ["30m", 1_800_000],
    ["4h", 14_400_000],
    ["2d", 172_800_000],
    ["1w", 604_800_000],
    ["1h30m", 5_400_000],
    ["1d12h", 129_600_000],
  ])("parses %s", (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, value: ms });
  });

  it.each(["", "4", "h", "4 h", "1 hour", "-1h", "1.5h", "4H", "30m2h", "1h1h", "0m"])(
    "rejects %j",
    (text) => {
      const parsed = parseDuration(text);
      expect(parsed.ok).toBe(false);
      expect(parsed.ok ? "" : parsed.error).toContain(`"${text}"`);
    },
  );
});
