import { describe, expect, it } from "vitest";
import { relayContent } from "../../../../../bots/route/relay/index.ts";
import { noEvents, relayed, toExperts } from "./relay-fixtures.ts";

describe("relayContent to the experts", () => {
  it("posts a fresh message labelled with the handle, HTML rebuilt from the escaped text", () => {
    const out = relayed({ msgtype: "m.text", body: "Is <this> normal?\nThanks" });
    expect(out.content).toEqual({
      msgtype: "m.text",
      body: "Requester K7Q2: Is <this> normal?\nThanks",
      format: "org.matrix.custom.html",
      formatted_body: "<b>Requester K7Q2</b>: Is &lt;this&gt; normal?<br>Thanks",
      "m.mentions": {},
    });
    expect(out).toMatchObject({ scrubbed: [], shortNamesSeen: [], droppedRelation: false });
  });

  it("never copies formatted_body, mentions or unknown keys", () => {
    const out = relayed({
      msgtype: "m.text",
      body: "ask Jonas",
      format: "org.matrix.custom.html",
      formatted_body: '<a href="https://matrix.to/#/@jonas:example.org">Jonas</a><img src="mxc://x/y">',
      "m.mentions": { user_ids: ["@jonas:example.org"], room: true },
      "org.example.custom": "@amina.d:example.org",
    });
    expect(out.content.formatted_body).toBe("<b>Requester K7Q2</b>: ask Jonas");
    expect(out.content["m.mentions"]).toEqual({});
    expect(Object.keys(out.content).sort()).toEqual([
      "body",
      "format",
      "formatted_body",
      "m.mentions",
      "msgtype",
    ]);
  });

  it("turns an emote into text and keeps a notice a notice", () => {
    expect(relayed({ msgtype: "m.emote", body: "waves" }).content).toMatchObject({
      msgtype: "m.text",
      body: "* Requester K7Q2 waves",
      formatted_body: "* <b>Requester K7Q2</b> waves",
    });
    expect(relayed({ msgtype: "m.notice", body: "auto" }).content.msgtype).toBe("m.notice");
  });

  it("scrubs the requester's own identifiers and says so", () => {
    const out = relayed({ msgtype: "m.text", body: "Thanks, Amina Diallo (@amina.d:example.org). Al" });
    expect(out.content.body).toBe("Requester K7Q2: Thanks, Requester K7Q2 (Requester K7Q2). Al");
    expect(out.scrubbed).toEqual(["display-name", "user-id"]);
    expect(out.shortNamesSeen).toEqual(["Al"]);
  });

  it("refuses media, unknown types, malformed and empty content, saying why", () => {
    const refusal = (content: unknown) => {
      const result = relayContent(content, toExperts());
      return result.ok ? undefined : result.error;
    };
    expect(refusal({ msgtype: "m.image", body: "me.jpg", url: "mxc://example.org/abc" })).toEqual({
      reason: "media",
      msgtype: "m.image",
      detail: "images, files, audio and video are not relayed yet: send text",
    });
    for (const msgtype of ["m.file", "m.audio", "m.video"])
      expect(refusal({ msgtype, body: "x" })?.reason).toBe("media");
    expect(refusal({ msgtype: "m.location", body: "here", geo_uri: "geo:1,2" })?.reason).toBe("unsupported");
    expect(refusal({ msgtype: "m.text" })?.reason).toBe("malformed");
    expect(refusal(["m.text"])?.reason).toBe("malformed");
    expect(refusal(null)?.reason).toBe("malformed");
    expect(
      refusal({
        msgtype: "m.text",
        body: "> <@x:y> q\n\n  ",
        "m.relates_to": { "m.in_reply_to": { event_id: "$a" } },
      })?.reason,
    ).toBe("empty");
    expect(
      refusal({ msgtype: "m.text", body: "x", "m.relates_to": { rel_type: "m.replace", event_id: "$a" } })
        ?.reason,
    ).toBe("malformed");
  });
});

describe("relayContent to the requester", () => {
  it("labels with the expert's configured display, or a neutral 'Expert', and scrubs nothing", () => {
    const content = {
      msgtype: "m.text",
      body: "Hello @amina.d:example.org",
      "m.mentions": { user_ids: ["@x:y"] },
    };
    const shown = relayed(content, { to: "requester", expertDisplay: "Dr. Weber", mapEvent: noEvents });
    expect(shown.content.body).toBe("Dr. Weber: Hello @amina.d:example.org");
    expect(shown.content["m.mentions"]).toEqual({});
    for (const expertDisplay of [undefined, "  "]) {
      const neutral = relayed(content, { to: "requester", expertDisplay, mapEvent: noEvents });
      expect(neutral.content.body).toBe("Expert: Hello @amina.d:example.org");
    }
  });
});
