import { describe, expect, it } from "vitest";
import {
  type CaseSummary,
  caseIndexKeys,
  parseCaseSummary,
  serialiseCaseSummary,
} from "../../../../lib/case-index/index.ts";

const summary: CaseSummary = {
  topic: "online-recruitment",
  region: "europe",
  language: "fr",
  state: "resolved",
  urgency: "normal",
  createdAt: Date.UTC(2026, 0, 5),
  acceptedAt: Date.UTC(2026, 0, 5, 3),
  resolvedAt: Date.UTC(2026, 0, 9),
  escalations: 1,
};

describe("case index keys", () => {
  it("are one hash under <prefix>:route-index:<networkId>", () => {
    expect(caseIndexKeys("meridian", "horn-prevention").summaries).toBe(
      "meridian:route-index:horn-prevention:cases",
    );
  });
});

describe("case summaries", () => {
  it("round-trip, with and without timings", () => {
    expect(parseCaseSummary(serialiseCaseSummary(summary))).toEqual({ ok: true, value: summary });
    const open: CaseSummary = { ...summary, state: "open", acceptedAt: undefined, resolvedAt: undefined };
    const parsed = parseCaseSummary(serialiseCaseSummary(open));
    expect(parsed.ok && parsed.value.acceptedAt).toBeUndefined();
  });

  it("are stored with their own fields only, whatever object they come from", () => {
    const wider = { ...summary, requester: "@amina:ea.example.org", text: "help" } as CaseSummary;
    const stored = serialiseCaseSummary(wider);
    expect(stored).not.toContain("amina");
    expect(stored).not.toContain("help");
  });

  it("that are malformed name their fields, and an unvetted field is refused", () => {
    expect(parseCaseSummary("{")).toEqual({ ok: false, error: "not JSON" });
    expect(
      parseCaseSummary(JSON.stringify({ ...summary, urgency: "urgent", createdAt: "yesterday" })),
    ).toEqual({
      ok: false,
      error: "bad fields: urgency, createdAt",
    });
    expect(parseCaseSummary(JSON.stringify({ ...summary, requester: "@a:b.org" })).ok).toBe(false);
  });
});
