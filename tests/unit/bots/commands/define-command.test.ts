/** Argument types are inferred from the declarations: checked by the compiler, run by vitest. */
import { describe, expectTypeOf, it } from "vitest";
import type { RoomAlias, RoomId, UserId } from "../../../../lib/matrix-ids.ts";
import { ok } from "../../../../lib/result.ts";
import {
  type ArgsOf,
  type ZonedDateTime,
  defineCommand,
  flag,
  param,
  reply,
  value,
} from "../../../../bots/runtime/commands/index.ts";

describe("defineCommand types", () => {
  it("infers each argument's type and optionality", () => {
    const _params = [
      param.user("who"),
      param.room("where", { optional: true }),
      param.dateTime("when"),
      param.duration("length"),
      param.integer("count", { min: 1 }),
      param.enumOf("answer", ["yes", "no", "maybe"] as const),
      param.word("tag"),
      param.text("title"),
      param.rest("reason", { optional: true }),
    ];
    const _flags = [flag.switch("anonymous", "x"), flag.option("lang", value.enumOf(["en", "fr"]), "y")];
    type Args = ArgsOf<(typeof _params)[number], (typeof _flags)[number]>;
    expectTypeOf<Args["who"]>().toEqualTypeOf<UserId>();
    expectTypeOf<Args["where"]>().toEqualTypeOf<RoomAlias | RoomId | undefined>();
    expectTypeOf<Args["when"]>().toEqualTypeOf<ZonedDateTime>();
    expectTypeOf<Args["length"]>().toEqualTypeOf<number>();
    expectTypeOf<Args["count"]>().toEqualTypeOf<number>();
    expectTypeOf<Args["answer"]>().toEqualTypeOf<"yes" | "no" | "maybe">();
    expectTypeOf<Args["tag"]>().toEqualTypeOf<string>();
    expectTypeOf<Args["reason"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Args["anonymous"]>().toEqualTypeOf<boolean>();
    expectTypeOf<Args["lang"]>().toEqualTypeOf<"en" | "fr" | undefined>();

    defineCommand({
      name: "rsvp",
      summary: "x",
      params: [param.enumOf("answer", ["yes", "no"])],
      examples: ["rsvp yes"],
      permission: "anyone",
      execute: (_ctx, args) => {
        expectTypeOf(args.answer).toEqualTypeOf<"yes" | "no">();
        expectTypeOf(args).not.toHaveProperty("other");
        return Promise.resolve(ok(reply`${args.answer}`));
      },
    });
  });
});
