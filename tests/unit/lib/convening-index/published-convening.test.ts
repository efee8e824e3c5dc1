/** Redis holds whatever was last written there: every record is checked before use. */
import { describe, expect, it } from "vitest";
import type { Convening, Rsvp } from "../../../../bots/convene/model/convening.ts";
import { latestAnswerOf, parsePublishedConvening } from "../../../../lib/convening-index/index.ts";
import type { UserId } from "../../../../lib/matrix-ids.ts";

const amina = "@amina:ea.example.org" as UserId;
const omar = "@omar:ea.example.org" as UserId;

const convening: Convening = {
  id: "c7k2p",
  title: "Youth outreach roundtable",
  organiser: amina,
  time: { start: "2026-12-03T11:00:00.000Z", zone: "Africa/Nairobi", durationMinutes: 90 },
  regions: ["east-africa"],
  networks: [],
  languages: ["en"],
  status: "scheduled",
  sequence: 2,
  createdAt: "2026-11-01T09:00:00.000Z",
  updatedAt: "2026-11-02T10:30:00.000Z",
};
const rsvps: Rsvp[] = [{ user: omar, answer: "yes", at: "2026-11-03T08:00:00.000Z" }];

function parse(fields: { convening: string | null; rsvps: string | null }, id = "c7k2p") {
  return parsePublishedConvening(id, fields);
}

describe("parsePublishedConvening", () => {
  it("reads back what was published, optional fields absent rather than undefined", () => {
    const parsed = parse({ convening: JSON.stringify(convening), rsvps: JSON.stringify(rsvps) });
    expect(parsed).toEqual({ ok: true, value: { convening, rsvps } });
    expect(parsed.ok && "capacity" in parsed.value.convening).toBe(false);
  });

  it("treats missing answers as none", () => {
    expect(parse({ convening: JSON.stringify(convening), rsvps: null })).toEqual({
      ok: true,
      value: { convening, rsvps: [] },
    });
  });

  it.each([
    ["absent", { convening: null, rsvps: null }, /not in the index/],
    ["not JSON", { convening: "{oops", rsvps: "[]" }, /convening unreadable: not JSON/],
    ["the wrong shape", { convening: '{"id":"c7k2p"}', rsvps: "[]" }, /convening unreadable/],
    [
      "a bad organiser",
      { convening: JSON.stringify({ ...convening, organiser: "amina" }), rsvps: "[]" },
      /organiser/,
    ],
    ["bad answers", { convening: JSON.stringify(convening), rsvps: '[{"user":1}]' }, /answers unreadable/],
    [
      "another convening",
      { convening: JSON.stringify({ ...convening, id: "zzz" }), rsvps: "[]" },
      /says it is zzz/,
    ],
  ])("reports a record that is %s", (_what, fields, reason) => {
    const parsed = parse(fields);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.error).toMatch(reason);
  });
});

describe("latestAnswerOf", () => {
  it("takes the person's latest answer, the last given when times are equal", () => {
    const answers: Rsvp[] = [
      { user: amina, answer: "yes", at: "2026-11-03T08:00:00.000Z" },
      { user: omar, answer: "no", at: "2026-11-05T08:00:00.000Z" },
      { user: amina, answer: "maybe", at: "2026-11-04T08:00:00.000Z" },
      { user: amina, answer: "no", at: "2026-11-04T08:00:00.000Z" },
      { user: amina, answer: "yes", at: "2026-11-01T08:00:00.000Z" },
    ];
    expect(latestAnswerOf(answers, amina)?.answer).toBe("no");
    expect(latestAnswerOf(answers, "@nobody:ea.example.org" as UserId)).toBeUndefined();
  });
});
