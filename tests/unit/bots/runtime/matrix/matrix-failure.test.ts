import { ConnectionError, HTTPError, MatrixError } from "matrix-js-sdk";
import { describe, expect, it } from "vitest";
import { toMatrixFailure } from "../../../../../bots/runtime/matrix/matrix-failure.ts";
import { stateEventFromJson } from "../../../../../bots/runtime/matrix/room-state.ts";

describe("toMatrixFailure", () => {
  it("keeps the homeserver's errcode and message", () => {
    const error = new MatrixError({ errcode: "M_FORBIDDEN", error: "You don't have permission" }, 403);
    expect(toMatrixFailure(error)).toEqual({ errcode: "M_FORBIDDEN", message: "You don't have permission" });
  });

  it("says M_UNKNOWN when the server gave no errcode, or could not be reached", () => {
    expect(toMatrixFailure(new HTTPError("Bad Gateway", 502))).toEqual({
      errcode: "M_UNKNOWN",
      message: "Bad Gateway",
    });
    expect(toMatrixFailure(new ConnectionError("fetch failed"))?.errcode).toBe("M_UNKNOWN");
  });

  it("is no failure for anything else: a bug must be thrown, not returned", () => {
    expect(toMatrixFailure(new TypeError("x is undefined"))).toBeUndefined();
    expect(toMatrixFailure("a string")).toBeUndefined();
  });
});

describe("stateEventFromJson", () => {
  const event = { type: "org.t", state_key: "@a:b", sender: "@a:b", content: { value: 1 }, event_id: "$e" };

  it("reads a state event as the server returns it", () => {
    expect(stateEventFromJson(event)).toEqual({
      type: "org.t",
      stateKey: "@a:b",
      sender: "@a:b",
      content: { value: 1 },
    });
  });

  it("refuses anything missing a field or with content that is not an object", () => {
    for (const broken of [
      null,
      { value: 1 },
      { ...event, state_key: undefined },
      { ...event, sender: 3 },
      { ...event, content: [] },
      { ...event, content: "x" },
    ])
      expect(stateEventFromJson(broken)).toBeUndefined();
  });
});
