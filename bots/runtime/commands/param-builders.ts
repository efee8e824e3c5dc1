/**
 * Typed builders for parameters, flags and their value kinds: `param.user("who")`,
 * `param.enumOf("answer", ["yes", "no", "maybe"])`, `param.rest("reason", { optional: true })`,
 * `flag.switch("anonymous", "...")`, `flag.option("lang", value.word(), "...")`.
 */
import type { RoomAlias, RoomId, UserId } from "../../../lib/matrix-ids.ts";
import type { OptionFlag, ParamSpec, SwitchFlag } from "./define-command.ts";
import { type ZonedDateTime, dateTimeValue } from "./read-date-time.ts";
import { roomValue, userValue } from "./read-matrix-values.ts";
import {
  type DurationOptions,
  type IntegerOptions,
  type TextOptions,
  durationValue,
  enumValue,
  integerValue,
  restValue,
  textValue,
  wordValue,
} from "./read-simple-values.ts";
import type { ValueKind } from "./value-kind.ts";

/** Options every parameter takes. */
export interface ParamOptions {
  /** Optional parameters come last; a missing one is `undefined`. */
  readonly optional?: boolean;
  /** Shown in `!help <command>`. */
  readonly description?: string;
}

type IsOptional<O> = O extends { readonly optional: true } ? true : false;
/** The options type when none are given: a required parameter. */
type NoOptions = { readonly optional?: false };

function make<N extends string, T, O extends ParamOptions>(
  name: N,
  value: ValueKind<T>,
  options: O | undefined,
): ParamSpec<N, T, IsOptional<O>> {
  return {
    name,
    // The type-level flag mirrors this runtime check.
    optional: (options?.optional === true) as IsOptional<O>,
    ...(options?.description === undefined ? {} : { description: options.description }),
    value,
  };
}

/** Value kinds, for flag values (and for building parameters of your own). */
export const value = {
  user: (): ValueKind<UserId> => userValue(),
  room: (): ValueKind<RoomAlias | RoomId> => roomValue(),
  dateTime: (): ValueKind<ZonedDateTime> => dateTimeValue(),
  duration: (options?: DurationOptions): ValueKind<number> => durationValue(options),
  integer: (options?: IntegerOptions): ValueKind<number> => integerValue(options),
  enumOf: <const V extends readonly [string, ...string[]]>(values: V): ValueKind<V[number]> =>
    enumValue(values),
  word: (options?: TextOptions): ValueKind<string> => wordValue(options),
  text: (options?: TextOptions): ValueKind<string> => textValue(options),
};

/** Parameter builders; the name and optionality are kept in the type. */
export const param = {
  /** A Matrix user id or matrix.to link → `UserId`. */
  user: <const N extends string, const O extends ParamOptions = NoOptions>(name: N, options?: O) =>
    make(name, userValue(), options),
  /** A room alias or id, or matrix.to link → `RoomAlias | RoomId`. */
  room: <const N extends string, const O extends ParamOptions = NoOptions>(name: N, options?: O) =>
    make(name, roomValue(), options),
  /** A date and time with a zone → `ZonedDateTime`. */
  dateTime: <const N extends string, const O extends ParamOptions = NoOptions>(name: N, options?: O) =>
    make(name, dateTimeValue(), options),
  /** `90m`, `1h30m` → milliseconds. */
  duration: <const N extends string, const O extends ParamOptions & DurationOptions = NoOptions>(
    name: N,
    options?: O,
  ) => make(name, durationValue(options), options),
  /** A whole number within optional bounds. */
  integer: <const N extends string, const O extends ParamOptions & IntegerOptions = NoOptions>(
    name: N,
    options?: O,
  ) => make(name, integerValue(options), options),
  /** One of the given words → their union type. */
  enumOf: <
    const N extends string,
    const V extends readonly [string, ...string[]],
    const O extends ParamOptions = NoOptions,
  >(
    name: N,
    values: V,
    options?: O,
  ) => make(name, enumValue(values), options),
  /** One word. */
  word: <const N extends string, const O extends ParamOptions & TextOptions = NoOptions>(
    name: N,
    options?: O,
  ) => make(name, wordValue(options), options),
  /** Quoted free text (or one word). */
  text: <const N extends string, const O extends ParamOptions & TextOptions = NoOptions>(
    name: N,
    options?: O,
  ) => make(name, textValue(options), options),
  /** The rest of the line; must be the last parameter. */
  rest: <const N extends string, const O extends ParamOptions & TextOptions = NoOptions>(
    name: N,
    options?: O,
  ) => make(name, restValue(options), options),
};

/** Flag builders. */
export const flag = {
  /** `--name`, true when given. */
  switch: <const N extends string>(name: N, summary: string): SwitchFlag<N> => ({
    kind: "switch",
    name,
    summary,
  }),
  /** `--name value` or `--name=value`, `undefined` when not given. */
  option: <const N extends string, T>(name: N, kind: ValueKind<T>, summary: string): OptionFlag<N, T> => ({
    kind: "option",
    name,
    summary,
    value: kind,
  }),
};
