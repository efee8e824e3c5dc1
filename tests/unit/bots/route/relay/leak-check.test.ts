import { describe, expect, it } from "vitest";
import { findIdentityLeaks } from "../../../../../bots/route/relay/index.ts";
import { decodeEntities } from "../../../../../bots/route/relay/decode-variants.ts";
import { amina } from "./relay-fixtures.ts";

const clean = [
  {
    event_id: "$1",
    type: "m.room.message",
    sender: "@router:example.org",
    content: { msgtype: "m.text", body: "Requester K7Q2: I need advice", "m.mentions": {} },
    unsigned: { age: 12 },
  },
  {
    event_id: "$2",
    type: "m.room.member",
    state_key: "@jonas:example.org",
    content: { membership: "join", displayname: "Jonas Weber", avatar_url: "mxc://example.org/jonas" },
  },
  {
    event_id: "$3",
    type: "m.room.power_levels",
    state_key: "",
    content: { users: { "@router:example.org": 100 } },
  },
];

describe("findIdentityLeaks", () => {
  it("finds nothing in clean events", () => {
    expect(findIdentityLeaks(clean, amina)).toEqual([]);
  });

  it("finds a display name hidden in unsigned", () => {
    const event = {
      event_id: "$4",
      content: { body: "ok" },
      unsigned: { prev_content: { displayname: "Amina Diallo" } },
    };
    expect(findIdentityLeaks([event], amina)).toEqual([
      {
        eventId: "$4",
        path: "$.unsigned.prev_content.displayname",
        where: "value",
        kind: "display-name",
        identifier: "Amina Diallo",
      },
      // "Mina", another of her display names, is inside "Amina Diallo".
      {
        eventId: "$4",
        path: "$.unsigned.prev_content.displayname",
        where: "value",
        kind: "display-name",
        identifier: "Mina",
      },
    ]);
  });

  it("finds a membership event's displayname, state key and avatar", () => {
    const member = {
      event_id: "$5",
      type: "m.room.member",
      state_key: "@amina.d:example.org",
      content: { membership: "invite", displayname: "MINA", avatar_url: "mxc://example.org/amina.d-avatar" },
    };
    const places = findIdentityLeaks([member], amina).map(({ path, identifier }) => `${path} ${identifier}`);
    expect(places).toEqual([
      "$.state_key @amina.d:example.org",
      "$.state_key amina.d",
      "$.state_key Mina",
      "$.content.displayname Mina",
      "$.content.avatar_url amina.d",
      "$.content.avatar_url Mina",
    ]);
  });

  it("finds a Matrix id URL-encoded in a link, twice-encoded, or behind HTML entities", () => {
    const events = [
      { content: { formatted_body: '<a href="https://matrix.to/#/%40amina.d%3Aexample.org">them</a>' } },
      { content: { url: "https://x.org/?u=%2540amina.d%253Aexample.org" } },
      { content: { formatted_body: "&#64;amina&#x2E;d&#58;example.org" } },
    ];
    const found = findIdentityLeaks(events, amina).filter(({ kind }) => kind === "user-id");
    expect(found.map(({ eventId, path }) => `${eventId} ${path}`)).toEqual([
      "#0 $.content.formatted_body",
      "#1 $.content.url",
      "#2 $.content.formatted_body",
    ]);
  });

  it("finds the requester's avatar copied into a member event", () => {
    const withAvatar = { ...amina, avatarUrls: ["mxc://example.org/AbCdEfGh"] };
    const member = {
      event_id: "$7",
      content: { membership: "join", avatar_url: "mxc://example.org/AbCdEfGh" },
    };
    expect(findIdentityLeaks([member], withAvatar)).toEqual([
      {
        eventId: "$7",
        path: "$.content.avatar_url",
        where: "value",
        kind: "avatar-url",
        identifier: "mxc://example.org/AbCdEfGh",
      },
    ]);
  });

  it("finds an identifier used as a key, with the path naming it", () => {
    const power = { event_id: "$6", content: { users: { "@amina.d:example.org": 0 } } };
    expect(findIdentityLeaks([power], amina).map(({ path, where }) => `${where} ${path}`)).toContain(
      'key $.content.users["@amina.d:example.org"]',
    );
  });

  it("matches long names as substrings but short names only as words", () => {
    expect(findIdentityLeaks([{ body: "Minato" }], amina).map(({ identifier }) => identifier)).toEqual([
      "Mina",
    ]);
    expect(findIdentityLeaks([{ body: "also Alan" }], amina)).toEqual([]);
    expect(findIdentityLeaks([{ body: "signed, AL" }], amina).map(({ identifier }) => identifier)).toEqual([
      "Al",
    ]);
  });

  it("sees names across line breaks and '+' spaces", () => {
    const found = findIdentityLeaks([{ a: "Amina\nDiallo", b: "q=amina+diallo" }], amina);
    const fullName = found.filter(({ identifier }) => identifier === "Amina Diallo");
    expect(fullName.map(({ path }) => path)).toEqual(["$.a", "$.b"]);
  });
});

describe("decodeEntities", () => {
  it("decodes the common named and numeric entities and leaves unknown ones, built-in names too", () => {
    expect(decodeEntities("&lt;b&gt; &#65;&#x42; &amp;")).toBe("<b> AB &");
    expect(decodeEntities("&constructor; &toString; &bogus;")).toBe("&constructor; &toString; &bogus;");
  });
});
