import { describe, expect, it } from "vitest";
import { readRequestBody } from "../../../../server/requests/read-request-body.ts";

const valid = {
  topic: "online-recruitment",
  language: "fr",
  urgency: "high",
  anonymous: true,
  text: "A youth worker asks how to respond to recruiters in a gaming chat.",
};

function fieldsAtFault(body: unknown): string[] {
  const read = readRequestBody(body);
  return read.ok ? [] : read.error.map(({ field }) => field);
}

describe("readRequestBody", () => {
  it("reads a request, with or without an urgency", () => {
    expect(readRequestBody(valid)).toEqual({ ok: true, value: valid });
    const { urgency: _urgency, ...withoutUrgency } = valid;
    const read = readRequestBody(withoutUrgency);
    expect(read).toEqual({ ok: true, value: withoutUrgency });
    expect(read.ok && "urgency" in read.value).toBe(false);
  });

  it("checks types and presence only: the router judges topics and languages", () => {
    expect(readRequestBody({ ...valid, topic: "no-such-topic", language: "xx" }).ok).toBe(true);
  });

  it("names every field at fault at once", () => {
    expect(
      readRequestBody({ topic: 3, language: null, urgency: "urgent", anonymous: "yes", text: ["a"] }),
    ).toEqual({
      ok: false,
      error: [
        { field: "topic", message: "must be a string" },
        { field: "language", message: "must be a string" },
        { field: "urgency", message: "must be one of low, normal, high" },
        { field: "anonymous", message: "must be true or false" },
        { field: "text", message: "must be a string" },
      ],
    });
    expect(fieldsAtFault({})).toEqual(["topic", "language", "anonymous", "text"]);
  });

  it("refuses a user id in the body: who asks comes from the session", () => {
    expect(readRequestBody({ ...valid, userId: "@someone:else.org" })).toEqual({
      ok: false,
      error: [{ field: "userId", message: "is not a field of this request" }],
    });
  });

  it("takes up to 4000 characters of text, counting an emoji as one", () => {
    expect(readRequestBody({ ...valid, text: "a".repeat(4000) }).ok).toBe(true);
    expect(readRequestBody({ ...valid, text: "🙂".repeat(4000) }).ok).toBe(true);
    expect(fieldsAtFault({ ...valid, text: "a".repeat(4001) })).toEqual(["text"]);
  });

  it("never echoes the text it refuses", () => {
    const text = `secret ${"b".repeat(4001)}`;
    expect(JSON.stringify(readRequestBody({ ...valid, text }))).not.toContain("secret");
  });

  it("reports a body that is not a JSON object", () => {
    for (const body of [undefined, null, 7, "text", [valid]]) expect(fieldsAtFault(body)).toEqual(["body"]);
  });
});
