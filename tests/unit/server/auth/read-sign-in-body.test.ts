import { describe, expect, it } from "vitest";
import { readSignInBody } from "../../../../server/auth/read-sign-in-body.ts";

describe("readSignInBody", () => {
  it("reads a user id and an OpenID token", () => {
    expect(readSignInBody({ userId: "@amina:127.0.0.11:18448", openIdToken: "abcDEF123" })).toEqual({
      ok: true,
      value: { userId: "@amina:127.0.0.11:18448", openIdToken: "abcDEF123" },
    });
  });

  it("names every field at fault at once", () => {
    const read = readSignInBody({ userId: "amina", openIdToken: 42, password: "x" });
    expect(read).toEqual({
      ok: false,
      error: [
        { field: "userId", message: "must be a Matrix user id (@name:server)" },
        { field: "openIdToken", message: "must be a string" },
        { field: "password", message: "is not a field of this request" },
      ],
    });
  });

  it("reports missing fields, an empty token and a body that is not an object", () => {
    expect(readSignInBody({})).toEqual({
      ok: false,
      error: [
        { field: "userId", message: "is missing" },
        { field: "openIdToken", message: "is missing" },
      ],
    });
    const empty = readSignInBody({ userId: "@a:b.org", openIdToken: "" });
    expect(empty.ok ? [] : empty.error.map(({ field }) => field)).toEqual(["openIdToken"]);
    for (const body of [undefined, null, "text", ["@a:b.org"]]) {
      const read = readSignInBody(body);
      expect(read.ok ? [] : read.error.map(({ field }) => field)).toEqual(["body"]);
    }
  });

  it("never echoes the token it refuses", () => {
    const token = "x".repeat(513);
    const read = readSignInBody({ userId: "@a:b.org", openIdToken: token });
    expect(read.ok).toBe(false);
    expect(JSON.stringify(read)).not.toContain(token);
  });
});
