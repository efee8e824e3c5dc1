import { describe, expect, it } from "vitest";
import {
  assertIdsOnlyPayload,
  JobPayloadError,
  MAX_PAYLOAD_STRING_LENGTH,
} from "../../../../bots/runtime/jobs/index.ts";

function rejection(payload: unknown): JobPayloadError {
  try {
    assertIdsOnlyPayload(payload);
  } catch (error) {
    if (error instanceof JobPayloadError) return error;
    throw error;
  }
  throw new Error("expected the payload to be rejected");
}

describe("assertIdsOnlyPayload", () => {
  it("accepts ids, small scalars and shallow lists of ids", () => {
    expect(() => {
      assertIdsOnlyPayload({
        roomId: "!abc:127.0.0.11:18448",
        eventId: "$Rqnc-F-dvnEYJTyHq_iKxU2bZ1CI92-kuZq3a5lr5Zg",
        meetingId: "m-42",
        offsetMinutes: 30,
        urgent: false,
        previous: null,
        invitees: ["@amina:127.0.0.11:18448", "@joao:127.0.0.12:18448"],
        optional: undefined,
        longestAllowed: "x".repeat(MAX_PAYLOAD_STRING_LENGTH),
      });
    }).not.toThrow();
  });

  it("rejects a string longer than the limit, naming the field", () => {
    const error = rejection({ roomId: "!r:s", notes: "x".repeat(MAX_PAYLOAD_STRING_LENGTH + 1) });
    expect(error.path).toBe("payload.notes");
    expect(error.message).toContain("ids only");
  });

  it.each(["body", "text", "content", "message", "formatted_body", "Body", "MESSAGE"])(
    "rejects a field named %s even when short",
    (field) => {
      expect(rejection({ roomId: "!r:s", [field]: "hi" }).path).toBe(`payload.${field}`);
    },
  );

  it("looks inside nested objects and arrays", () => {
    expect(rejection({ items: [{ id: "a" }, { content: { body: "hi" } }] }).path).toBe(
      "payload.items[1].content",
    );
    expect(rejection({ items: ["a", "y".repeat(500)] }).path).toBe("payload.items[1]");
  });

  it.each([
    ["a non-object payload", "!room:server"],
    ["an array payload", ["!room:server"]],
    ["a Date", { at: new Date() }],
    ["a function", { run: () => undefined }],
    ["a non-finite number", { n: Number.NaN }],
    ["a Map", { m: new Map() }],
    ["deep nesting", { a: { b: { c: { d: { e: 1 } } } } }],
    ["a huge array", { ids: Array.from({ length: 101 }, (_, i) => `id-${i}`) }],
  ])("rejects %s", (_label, payload) => {
    expect(() => {
      assertIdsOnlyPayload(payload);
    }).toThrow(JobPayloadError);
  });
});
