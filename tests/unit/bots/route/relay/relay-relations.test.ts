import { describe, expect, it } from "vitest";
import { mapperOf, relayed, toExperts } from "./relay-fixtures.ts";

// Relations point at events of the other room: re-mapped through the caller's map, or dropped.
describe("relayContent relations", () => {
  it("strips the reply fallback from the body and re-maps the reply", () => {
    const out = relayed(
      {
        msgtype: "m.text",
        body: "> <@router:example.org> Expert: how are you?\n> second line\n\nbetter, thanks",
        formatted_body: "<mx-reply><blockquote>…</blockquote></mx-reply>better, thanks",
        "m.relates_to": { "m.in_reply_to": { event_id: "$dm-1" } },
      },
      toExperts(mapperOf("$dm-1")),
    );
    expect(out.content.body).toBe("Requester K7Q2: better, thanks");
    expect(out.content.formatted_body).not.toContain("mx-reply");
    expect(out.content["m.relates_to"]).toEqual({ "m.in_reply_to": { event_id: "$case-1" } });
  });

  it("keeps a leading quote that is not a reply fallback", () => {
    expect(relayed({ msgtype: "m.text", body: "> a quote\n\nmine" }).content.body).toBe(
      "Requester K7Q2: > a quote\n\nmine",
    );
  });

  it("drops a reply whose target has no copy, or whose id is not an event id", () => {
    for (const id of ["$dm-9", "not-an-event", 42]) {
      const out = relayed({
        msgtype: "m.text",
        body: "> <@x:y> q\n\nhi",
        "m.relates_to": { "m.in_reply_to": { event_id: id } },
      });
      expect(out.content["m.relates_to"]).toBeUndefined();
      expect(out.content.body).toBe("Requester K7Q2: hi");
      expect(out.droppedRelation).toBe(true);
    }
  });

  it("re-maps a thread, and falls back to the root when the replied-to event has no copy", () => {
    const thread = (replyTo: string) => ({
      msgtype: "m.text",
      body: "in thread",
      "m.relates_to": {
        rel_type: "m.thread",
        event_id: "$dm-1",
        is_falling_back: false,
        "m.in_reply_to": { event_id: replyTo },
      },
    });
    expect(relayed(thread("$dm-2"), toExperts(mapperOf("$dm-1", "$dm-2"))).content["m.relates_to"]).toEqual({
      rel_type: "m.thread",
      event_id: "$case-1",
      is_falling_back: false,
      "m.in_reply_to": { event_id: "$case-2" },
    });
    const lost = relayed(thread("$dm-7"), toExperts(mapperOf("$dm-1")));
    expect(lost.content["m.relates_to"]).toEqual({
      rel_type: "m.thread",
      event_id: "$case-1",
      is_falling_back: true,
      "m.in_reply_to": { event_id: "$case-1" },
    });
    expect(lost.droppedRelation).toBe(true);
    const noRoot = relayed(thread("$dm-2"), toExperts(mapperOf("$dm-2")));
    expect(noRoot.content["m.relates_to"]).toEqual({ "m.in_reply_to": { event_id: "$case-2" } });
  });

  it("relays an edit as an edit of the copy, or as a new message when there is no copy", () => {
    const edit = {
      msgtype: "m.text",
      body: "* fixed typo",
      "m.new_content": { msgtype: "m.text", body: "fixed typo", formatted_body: "<i>fixed</i> typo" },
      "m.relates_to": { rel_type: "m.replace", event_id: "$dm-3" },
    };
    const mapped = relayed(edit, toExperts(mapperOf("$dm-3"))).content;
    expect(mapped.body).toBe("* Requester K7Q2: fixed typo");
    expect(mapped["m.relates_to"]).toEqual({ rel_type: "m.replace", event_id: "$case-3" });
    expect(mapped["m.new_content"]).toEqual({
      msgtype: "m.text",
      body: "Requester K7Q2: fixed typo",
      format: "org.matrix.custom.html",
      formatted_body: "<b>Requester K7Q2</b>: fixed typo",
      "m.mentions": {},
    });
    const unmapped = relayed(edit);
    expect(unmapped.content).not.toHaveProperty("m.relates_to");
    expect(unmapped.content.body).toBe("Requester K7Q2: fixed typo");
    expect(unmapped.droppedRelation).toBe(true);
  });
});
