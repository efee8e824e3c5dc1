import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type RequesterIdentity,
  findIdentityLeaks,
  identifiersOf,
  relayContent,
} from "../../../../../bots/route/relay/index.ts";
import { HANDLE, mapperOf, user } from "./relay-fixtures.ts";

// Identifiers of at least three characters, from letters (accented too), digits and the
// localpart punctuation. Text around them uses a separator ("¦") that no identifier contains,
// so any identifier left in the output would have to come from the requester's embedding.
const letters = "[A-Za-zÀ-ÖØ-öø-ÿ]{3,8}";
const names = fc.stringMatching(new RegExp(`^${letters}( ${letters})?$`));
const identities: fc.Arbitrary<RequesterIdentity> = fc.record({
  userId: fc
    .tuple(fc.stringMatching(/^[a-z][a-z0-9._-]{2,11}$/), fc.constantFrom("example.org", "hs1.test:8448"))
    .map(([local, server]) => user(`@${local}:${server}`)),
  displayNames: fc.array(names, { minLength: 1, maxLength: 2 }),
  otherNames: fc.array(names, { maxLength: 1 }),
  avatarUrls: fc.array(
    fc.stringMatching(/^[A-Za-z]{12,24}$/).map((media) => `mxc://example.org/${media}`),
    { maxLength: 1 },
  ),
});

const FILLER = ["help", "please", "ok?", "merci", "我", "—", "12", "(", ")"];
const MATRIX_TO = "https://matrix.to/#/";
const SEPARATOR = " ¦ ";

type Form = (value: string, userId: string) => string;
const forms: readonly Form[] = [
  (value) => value,
  (value) => value.toUpperCase(),
  (value) => value.toLowerCase(),
  (value) => encodeURIComponent(value),
  (value) => encodeURIComponent(encodeURIComponent(value)),
  (value) => value.replaceAll(" ", "+"),
  (_, userId) => `${MATRIX_TO}${userId}`,
  (_, userId) => `${MATRIX_TO}${encodeURIComponent(userId)}?via=example.org`,
];

function relayed(identity: RequesterIdentity, body: string, msgtype: string, edit: boolean) {
  const message = {
    msgtype,
    body,
    format: "org.matrix.custom.html",
    formatted_body: `<a href="${MATRIX_TO}${identity.userId}">${identity.displayNames[0] ?? ""}</a> ${body}`,
    "m.mentions": { user_ids: [identity.userId] },
  };
  const content = edit
    ? { ...message, "m.new_content": message, "m.relates_to": { rel_type: "m.replace", event_id: "$dm-1" } }
    : {
        ...message,
        body: `> <${identity.userId}> earlier\n\n${body}`,
        "m.relates_to": { "m.in_reply_to": { event_id: "$dm-1" } },
      };
  const direction = {
    to: "experts",
    handle: HANDLE,
    requester: identity,
    mapEvent: mapperOf("$dm-1"),
  } as const;
  const result = relayContent(content, direction);
  if (!result.ok) throw new Error(result.error.detail);
  return result.value;
}

describe("relayContent and the leak checker together", () => {
  it("never lets a requester identifier through, however it is written in the body", () => {
    fc.assert(
      fc.property(
        identities,
        fc.array(fc.oneof(fc.constantFrom(...FILLER), fc.tuple(fc.nat(), fc.nat())), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom("m.text", "m.notice", "m.emote"),
        fc.boolean(),
        (identity, tokens, msgtype, edit) => {
          // The fixed text (handle, filler, link prefix) must not itself contain an identifier.
          const neutral = relayed(identity, [...FILLER, MATRIX_TO].join(SEPARATOR), msgtype, edit);
          fc.pre(findIdentityLeaks([neutral.content], identity).length === 0);

          const identifiers = identifiersOf(identity);
          const body = tokens
            .map((token) => {
              if (typeof token === "string") return token;
              const identifier = identifiers[token[0] % identifiers.length];
              const form = forms[token[1] % forms.length];
              return identifier === undefined || form === undefined
                ? ""
                : form(identifier.value, identity.userId);
            })
            .join(SEPARATOR);
          const out = relayed(identity, body, msgtype, edit);
          expect(findIdentityLeaks([{ event_id: "$out", content: out.content }], identity)).toEqual([]);
          expect(out.content["m.mentions"]).toEqual({});
        },
      ),
      { numRuns: 300 },
    );
  });
});
