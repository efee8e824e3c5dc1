/**
 * Commands as data. A bot declares each command (name, typed parameters, flags, examples,
 * who may run it) and gets parsing, permission checks, help and error replies from the
 * framework. Argument types are inferred from the parameter builders, so a handler sees
 * `args.who: UserId` and `args.answer: "yes" | "no" | "maybe"` without casts.
 */
import type { Permission } from "./check-permission.ts";
import type { CommandContext, CommandResult } from "./command-context.ts";
import type { ValueKind } from "./value-kind.ts";

/** A declared positional parameter. `O` is true for optional ones. */
export interface ParamSpec<N extends string = string, T = unknown, O extends boolean = boolean> {
  readonly name: N;
  readonly optional: O;
  readonly description?: string;
  readonly value: ValueKind<T>;
}

/** A flag without a value: `--anonymous`. */
export interface SwitchFlag<N extends string = string> {
  readonly kind: "switch";
  readonly name: N;
  readonly summary: string;
}

/** A flag with a value: `--lang fr` or `--lang=fr`. */
export interface OptionFlag<N extends string = string, T = unknown> {
  readonly kind: "option";
  readonly name: N;
  readonly summary: string;
  readonly value: ValueKind<T>;
}

/** Any declared flag. */
export type FlagSpec<N extends string = string> = SwitchFlag<N> | OptionFlag<N>;

type ParamValue<P> =
  P extends ParamSpec<string, infer T, infer O> ? (O extends true ? T | undefined : T) : never;
type FlagValue<F> = F extends OptionFlag<string, infer T> ? T | undefined : boolean;

/** The typed arguments a handler receives for parameters `P` and flags `F`. */
export type ArgsOf<P extends ParamSpec, F extends FlagSpec> = {
  readonly [K in P as K["name"]]: ParamValue<K>;
} & { readonly [K in F as K["name"]]: FlagValue<K> };

/** Arguments as the parser produces them, before the declaration's types are applied. */
export type ParsedArgs = Readonly<Record<string, unknown>>;

/** What a bot author writes. */
export interface CommandDeclaration<S, P extends ParamSpec, F extends FlagSpec> {
  /** One or more lowercase words: `help`, `convene schedule`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Longer text for `!help <command>`. */
  readonly description?: string;
  readonly params: readonly P[];
  readonly flags?: readonly F[];
  /** Full command lines (with or without the prefix); each is checked to parse at startup. */
  readonly examples: readonly string[];
  readonly permission: Permission;
  readonly execute: (ctx: CommandContext<S>, args: ArgsOf<P, F>) => Promise<CommandResult>;
}

/** What is known about a command without running it: enough for help and error replies. */
export interface CommandInfo {
  readonly name: string;
  readonly summary: string;
  readonly description?: string;
  readonly params: readonly ParamSpec[];
  readonly flags: readonly FlagSpec[];
  readonly examples: readonly string[];
  readonly permission: Permission;
}

/** A declared command with its argument types erased, as the registry holds it. */
export interface Command<S = unknown> extends CommandInfo {
  readonly run: (ctx: CommandContext<S>, args: ParsedArgs) => Promise<CommandResult>;
}

/**
 * Declares a command. Services `S` are inferred from an annotated `ctx`, or fixed with
 * {@link defineCommandFor}.
 */
export function defineCommand<S = unknown, P extends ParamSpec = never, F extends FlagSpec = never>(
  declaration: CommandDeclaration<S, P, F>,
): Command<S> {
  const { execute, flags, description, ...rest } = declaration;
  return {
    ...rest,
    ...(description === undefined ? {} : { description }),
    flags: flags ?? [],
    // The parser builds args from these very specs, so they have the declared shape.
    run: (ctx, args) => execute(ctx, args as ArgsOf<P, F>),
  };
}

/** `defineCommandFor<ConveneServices>()({...})`: declares commands whose handlers use services `S`. */
export function defineCommandFor<S>(): <P extends ParamSpec = never, F extends FlagSpec = never>(
  declaration: CommandDeclaration<S, P, F>,
) => Command<S> {
  return (declaration) => defineCommand(declaration);
}
