import { describe, expect, it } from "vitest";
import {
  type IntakeRequest,
  parseIntakeReply,
  parseIntakeRequest,
  requestIntakeKeys,
  serialiseIntakeReply,
  serialiseIntakeRequest,
} from "../../../../lib/request-intake/index.ts";
import type { UserId } from "../../../../lib/matrix-ids.ts";

const request: IntakeRequest = {
  id: "5b0c8c1e-2f7e-4c55-9d61-3b1f5f3f9a10",
  userId: "@amina:127.0.0.11:18448" as UserId,
  topic: "online-recruitment",
  language: "fr",
  urgency: "high",
  anonymous: true,
  text: "How do we answer recruiters in a gaming chat?",
};

describe("intake channels", () => {
  it("are the request channel and one reply channel per request, under prefix and network", () => {
    const keys = requestIntakeKeys("meridian", "horn-prevention");
    expect(keys.requests).toBe("meridian:route-intake:horn-prevention");
    expect(keys.replyTo(request.id)).toBe(`meridian:route-intake:horn-prevention:reply:${request.id}`);
  });
});

describe("intake requests", () => {
  it("round-trip, with and without an urgency", () => {
    expect(parseIntakeRequest(serialiseIntakeRequest(request))).toEqual({ ok: true, value: request });
    const { urgency: _urgency, ...withoutUrgency } = request;
    expect(parseIntakeRequest(serialiseIntakeRequest(withoutUrgency))).toEqual({
      ok: true,
      value: withoutUrgency,
    });
  });

  it("are published with their own fields only", () => {
    const wider = { ...request, password: "hunter2" } as IntakeRequest;
    expect(serialiseIntakeRequest(wider)).not.toContain("hunter2");
  });

  it("that are malformed name the request by id (when it is a UUID) and the fields, never the text", () => {
    const bad = JSON.stringify({ ...request, userId: "amina", urgency: "now" });
    const parsed = parseIntakeRequest(bad);
    expect(parsed).toEqual({ ok: false, error: { id: request.id, reason: "bad fields: userId, urgency" } });
    expect(JSON.stringify(parsed)).not.toContain(request.text);

    expect(parseIntakeRequest(JSON.stringify({ ...request, id: request.text }))).toEqual({
      ok: false,
      error: { id: undefined, reason: "bad fields: id" },
    });
    expect(parseIntakeRequest("{not json")).toEqual({
      ok: false,
      error: { id: undefined, reason: "not JSON" },
    });
    expect(parseIntakeRequest(JSON.stringify({ ...request, extra: request.text }))).toEqual({
      ok: false,
      error: { id: request.id, reason: "bad fields: (unknown fields)" },
    });
  });

  it("refuse a text over 4000 characters", () => {
    const parsed = parseIntakeRequest(serialiseIntakeRequest({ ...request, text: "a".repeat(4001) }));
    expect(parsed.ok ? "" : parsed.error.reason).toBe("bad fields: text");
  });
});

describe("intake replies", () => {
  it.each([
    [{ ok: true, caseId: "c-42", handle: "Requester 7" }],
    [{ ok: true, caseId: "c-42" }],
    [{ ok: false, problems: [{ field: "topic", message: "No topic is called that" }] }],
    [{ ok: false, refused: "Too many requests today" }],
  ] as const)("round-trip: %j", (reply) => {
    expect(parseIntakeReply(serialiseIntakeReply(reply))).toEqual({ ok: true, value: reply });
  });

  it.each([
    ["not JSON", "nope"],
    ["no case id", JSON.stringify({ ok: true })],
    ["no problems listed", JSON.stringify({ ok: false, problems: [] })],
    ["neither problems nor refusal", JSON.stringify({ ok: false })],
    ["an extra field", JSON.stringify({ ok: true, caseId: "c", requester: "@a:b" })],
  ])("are refused when %s", (_name, text) => {
    expect(parseIntakeReply(text).ok).toBe(false);
  });
});
