/** Per-bot runtime settings: the command age limit and the per-person command rate. */
import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../../config/index.ts";
import { FILE_NAME, editedExample, issueAt, issuesOf, loadExample } from "./example-config.ts";

describe("bot settings", () => {
  it("default to a one-day age limit and a burst of 20 refilled at 120 a minute", () => {
    const { convene } = loadExample().bots;
    expect(convene.maxCommandAge).toBe(24 * 3600_000);
    expect(convene.commandRate).toEqual({ burst: 20, perMinute: 120 });
  });

  it("take a duration and a rate from the file", () => {
    const text = editedExample((doc) => {
      doc.setIn(["bots", "route", "maxCommandAge"], "2h");
      doc.setIn(["bots", "route", "commandRate"], { burst: 5, perMinute: 30 });
    });
    const loaded = parseConfigText(text, FILE_NAME);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.bots.route.maxCommandAge).toBe(2 * 3600_000);
    expect(loaded.value.bots.route.commandRate).toEqual({ burst: 5, perMinute: 30 });
  });

  it("refuse a burst of zero and a malformed age, naming the key", () => {
    const text = editedExample((doc) => {
      doc.setIn(["bots", "digest", "commandRate"], { burst: 0 });
      doc.setIn(["bots", "digest", "maxCommandAge"], "soon");
    });
    const issues = issuesOf(text);
    expect(issueAt(issues, "bots.digest.commandRate.burst").message).toMatch(/1/);
    expect(issueAt(issues, "bots.digest.maxCommandAge").message).toMatch(/duration|soon/);
  });
});
