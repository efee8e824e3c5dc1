import { describe, expect, it } from "vitest";
import type { EventId } from "../../../../../lib/matrix-ids.ts";
import { editContent } from "../../../../../bots/runtime/matrix/edit-content.ts";

const CARD = "$card" as EventId;

describe("editContent", () => {
  it("puts the new content in m.new_content, with a '* ' fallback for clients without edits", () => {
    const edit = editContent(CARD, {
      msgtype: "m.notice",
      body: "3 coming",
      format: "org.matrix.custom.html",
      formatted_body: "<b>3</b> coming",
    });
    expect(edit).toEqual({
      msgtype: "m.notice",
      body: "* 3 coming",
      format: "org.matrix.custom.html",
      formatted_body: "* <b>3</b> coming",
      "m.mentions": {},
      "m.new_content": {
        msgtype: "m.notice",
        body: "3 coming",
        format: "org.matrix.custom.html",
        formatted_body: "<b>3</b> coming",
      },
      "m.relates_to": { rel_type: "m.replace", event_id: CARD },
    });
  });

  it("drops a relation from the new content: an edit cannot move a message to another thread", () => {
    const edit = editContent(CARD, {
      msgtype: "m.notice",
      body: "x",
      "m.relates_to": { rel_type: "m.thread", event_id: "$root" },
    });
    expect(edit["m.new_content"]).toEqual({ msgtype: "m.notice", body: "x" });
    expect(edit["m.relates_to"]).toEqual({ rel_type: "m.replace", event_id: CARD });
  });

  it("mentions nobody anew, even when the new content mentions people", () => {
    const edit = editContent(CARD, { msgtype: "m.text", body: "hi", "m.mentions": { user_ids: ["@a:b"] } });
    expect(edit["m.mentions"]).toEqual({});
    expect(edit["m.new_content"]).toMatchObject({ "m.mentions": { user_ids: ["@a:b"] } });
  });
});
