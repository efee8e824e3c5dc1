/**
 * Fuzz: every bot's real command list, 10,000 generated message bodies each, through the one
 * path a message takes (`executeCommand`: parse, permission, handler), with services that only
 * record what they were asked. Whatever arrives: nothing throws, the outcome is a known kind,
 * a message that is no command stays silent, every refusal and parse error says something
 * concrete (the command, the argument or the usage), replies carry only the reply helpers'
 * markup, and a handler receives only arguments of the declared types, cleaned of control
 * characters. The parsers behind the commands (schedule details, one-line requests, ...) are
 * fuzzed in fuzz-command-parsers.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConveneService } from "../../../../bots/convene/service/convene-service.ts";
import { type ConveneServices, conveneCommands } from "../../../../bots/convene/commands/convene-commands.ts";
import { type DigestServices, digestCommands } from "../../../../bots/digest/commands/digest-commands.ts";
import type { DigestService } from "../../../../bots/digest/service/digest-service.ts";
import { type RouteServices, routeCommands } from "../../../../bots/route/commands/route-commands.ts";
import type { RouteService } from "../../../../bots/route/service/route-service.ts";
import {
  type Command,
  type CommandContext,
  type CommandRegistry,
  type ExecutionOutcome,
  type Reply,
  type Role,
  MAX_COMMAND_LENGTH,
  checkPermission,
  createCommandRegistry,
  executeCommand,
  parseCommand,
  reply,
  tokenise,
  usageLine,
} from "../../../../bots/runtime/commands/index.ts";
import { splitWords } from "../../../../bots/runtime/commands/tokenise-command.ts";
import { silentLogger } from "../../../../lib/logger.ts";
import type { EventId, RoomId, UserId } from "../../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../../lib/result.ts";
import {
  SEPARATORS,
  anyText,
  caseShuffled,
  fuzzWord,
  longToken,
  wordSoup,
} from "../../../support/fuzz-text.ts";

const RUNS = 10_000;
const PARSE_ERRORS = [
  "too-long",
  "unknown-command",
  "unterminated-quote",
  "missing-argument",
  "bad-argument",
  "too-many-arguments",
  "unknown-flag",
] as const;
const SENDER = "@fuzz:ea.example.org" as UserId;
const ROLES: readonly Role[] = ["steering", "organisers", "moderators", "experts", "member"];

// C0/C1 controls other than tab and newline: free text drops them, words refuse them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// The only markup a reply may carry: what the reply helpers write (see reply.ts).
const SAFE_TAG = /^<\/?(?:strong|em|code|pre|ul|li|br|a(?: href="https?:\/\/[^"<>]*")?)>$/;

/** What a fake service does with the next call: answer yes, refuse, or blow up. */
type Mode = "ok" | "err" | "throw";

interface Call {
  readonly method: string;
  readonly args: readonly unknown[];
}

/** Records calls and answers as told; the text names the method so a reply can be traced. */
class Recorder {
  readonly calls: Call[] = [];
  mode: Mode = "ok";

  answer(method: string, args: readonly unknown[]): Result<string, string> {
    this.calls.push({ method, args });
    if (this.mode === "throw") throw new Error(`fake ${method} failed`);
    return this.mode === "ok" ? ok(`done: ${method}`) : err(`refused by ${method}`);
  }

  reply(method: string, args: readonly unknown[]): Result<Reply, Reply> {
    const answer = this.answer(method, args);
    return answer.ok ? ok(reply`${answer.value}`) : err(reply`${answer.error}`);
  }
}

function unexpected(method: string): never {
  throw new Error(`${method} is not reached by a command`);
}

function fakeConvene(recorder: Recorder): ConveneServices {
  const convene: ConveneService = {
    schedule: (...args) => Promise.resolve(recorder.reply("schedule", args)),
    reschedule: (...args) => Promise.resolve(recorder.reply("reschedule", args)),
    cancel: (...args) => Promise.resolve(recorder.reply("cancel", args)),
    rsvp: (...args) => Promise.resolve(recorder.reply("rsvp", args)),
    list: (...args) => Promise.resolve(recorder.reply("list", args)),
    show: (...args) => Promise.resolve(recorder.reply("show", args)),
    setZone: (...args) => Promise.resolve(recorder.reply("setZone", args)),
    suggest: (...args) => Promise.resolve(recorder.reply("suggest", args)),
    feed: (...args) => Promise.resolve(recorder.reply("feed", args)),
    onReaction: () => unexpected("onReaction"),
    start: () => unexpected("start"),
    replanAll: () => unexpected("replanAll"),
  };
  return { convene, startReplanning: () => unexpected("startReplanning") };
}

function fakeRoute(recorder: Recorder): RouteServices {
  const route: RouteService = {
    request: (...args) => Promise.resolve(recorder.answer("request", args)),
    caseCommand: (...args) => Promise.resolve(recorder.answer("caseCommand", args)),
    stats: (...args) => recorder.answer("stats", args),
    file: () => unexpected("file"),
    onMessage: () => unexpected("onMessage"),
    onTimer: () => unexpected("onTimer"),
    start: () => unexpected("start"),
  };
  return { route };
}

function fakeDigest(recorder: Recorder): DigestServices {
  const digest: DigestService = {
    nominate: (...args) => Promise.resolve(recorder.answer("nominate", args)),
    consent: (...args) => Promise.resolve(recorder.answer("consent", args)),
    withdraw: (...args) => Promise.resolve(recorder.answer("withdraw", args)),
    review: (...args) => Promise.resolve(recorder.answer("review", args)),
    unpublish: (...args) => Promise.resolve(recorder.answer("unpublish", args)),
    embargo: (...args) => Promise.resolve(recorder.answer("embargo", args)),
    tag: (...args) => Promise.resolve(recorder.answer("tag", args)),
    status: (...args) => recorder.answer("status", args),
    closeEdition: (...args) => {
      recorder.answer("closeEdition", args);
      return Promise.resolve({ edition: "2026-W49", added: 2 });
    },
    onReaction: () => unexpected("onReaction"),
    onMessage: () => unexpected("onMessage"),
    start: () => unexpected("start"),
  };
  return { digest };
}

/** One bot under fuzz: its commands, fake services, words its parsers care about. */
interface BotUnderFuzz<S> {
  readonly name: string;
  readonly commands: readonly Command<S>[];
  readonly services: (recorder: Recorder) => S;
  /** The service method each command calls (`help` calls none). */
  readonly methodOf: Readonly<Record<string, string>>;
  readonly vocabulary: readonly string[];
  /** Outcomes its commands cannot produce (e.g. no required argument to miss). */
  readonly unreachable?: readonly string[];
  /** Checks the typed arguments a handler passed on, beyond the common checks. */
  readonly checkArgs?: (call: Call) => void;
}

const convene: BotUnderFuzz<ConveneServices> = {
  name: "convene",
  commands: conveneCommands,
  services: fakeConvene,
  methodOf: {
    "convene schedule": "schedule",
    "convene suggest": "suggest",
    "convene reschedule": "reschedule",
    "convene cancel": "cancel",
    "convene rsvp": "rsvp",
    "convene list": "list",
    "convene show": "show",
    "convene feed": "feed",
    "convene tz": "setZone",
  },
  vocabulary: [
    "for",
    "with",
    "cap",
    "lang",
    "every",
    "between",
    "and",
    "east-africa,",
    "east-africa",
    "mena",
    "europe",
    "wasl",
    "c7k2p",
    "yes",
    "no",
    "MAYBE",
    "en",
    "fr",
    "--new",
    '"Listening circle"',
  ],
  checkArgs: (call) => {
    if (call.method === "rsvp") check(["yes", "no", "maybe"].includes(call.args[2] as string), "an answer");
    if (call.method === "feed") check(typeof call.args[2] === "boolean", "a switch");
  },
};

const CASE_ACTIONS = ["accept", "decline", "note", "resolve", "reassign", "close", "reopen", "reveal"];

const route: BotUnderFuzz<RouteServices> = {
  name: "route",
  commands: routeCommands,
  services: fakeRoute,
  methodOf: {
    request: "request",
    "request stats": "stats",
    ...Object.fromEntries(CASE_ACTIONS.map((action) => [`case ${action}`, "caseCommand"])),
  },
  vocabulary: [
    "topic:online-recruitment",
    "topic:grooming",
    "lang:fr",
    "lang:xx",
    "urgency:high",
    "region:mena",
    "anonymous",
    "rk7m2pq",
    "RK7M2PQ",
    "europe-experts",
    "jonas-weber",
    "@jonas:eu.example.org",
  ],
  // Every route command's argument is optional rest-of-line text.
  unreachable: ["parse-error: missing-argument"],
  checkArgs: (call) => {
    if (call.method === "caseCommand") check(CASE_ACTIONS.includes(call.args[1] as string), "a case action");
  },
};

const digest: BotUnderFuzz<DigestServices> = {
  name: "digest",
  commands: digestCommands,
  services: fakeDigest,
  methodOf: {
    "digest nominate": "nominate",
    "digest consent": "consent",
    "digest withdraw": "withdraw",
    "digest approve": "review",
    "digest veto": "review",
    "digest unpublish": "unpublish",
    "digest embargo": "embargo",
    "digest tag": "tag",
    "digest status": "status",
    "digest edition": "closeEdition",
  },
  vocabulary: [
    "dk7m2pq",
    "DK7M2PQ",
    "named",
    "pseudonym",
    "no",
    "nom",
    "1",
    "0",
    "-1",
    "2026-12-10",
    "09:00",
    "Europe/Brussels",
    "online-recruitment,",
    "mothers-engagement",
  ],
  checkArgs: (call) => {
    if (call.method === "review") {
      check(call.args[1] === "approve" || call.args[1] === "veto", "a review action");
      check(Number.isSafeInteger(call.args[3]) && (call.args[3] as number) >= 1, "a preview number");
    }
    if (call.method === "embargo")
      check(call.args[2] === undefined || Number.isFinite(call.args[2]), "an instant");
  },
};

/** Every string inside a handler's arguments (the Asking object and word lists included). */
function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

function bodies(names: readonly string[], vocabulary: readonly string[]): fc.Arbitrary<string> {
  const word = fc.oneof(
    { arbitrary: fc.constantFrom(...vocabulary), weight: 3 },
    { arbitrary: fc.constantFrom(...names.flatMap((name) => name.split(" "))), weight: 1 },
    { arbitrary: fuzzWord, weight: 4 },
  );
  const prefix = fc.oneof(
    { arbitrary: fc.constant("!"), weight: 12 },
    {
      arbitrary: fc.constantFrom("! ", "!!", "", " !", "¡", "！", "> <@a:b> earlier\n> more\n\n!", "> \n!"),
      weight: 1,
    },
  );
  // A known name, sometimes in odd case or glued to more letters, then arguments.
  const name = fc.oneof(
    { arbitrary: fc.constantFrom(...names), weight: 6 },
    { arbitrary: fc.constantFrom(...names).chain(caseShuffled), weight: 1 },
    { arbitrary: fc.stringMatching(/^[a-z]{1,10}(?: [a-z]{1,10})?$/), weight: 1 },
    { arbitrary: fc.constantFrom(...names).map((n) => `${n}x`), weight: 1 },
  );
  const command = fc
    .tuple(
      prefix,
      name,
      fc.constantFrom(...SEPARATORS),
      fc.oneof({ arbitrary: wordSoup(word, 10), weight: 4 }, { arbitrary: fc.constant(""), weight: 1 }),
    )
    .map(([p, n, separator, args]) => `${p}${n}${separator}${args}`);
  const near = fc
    .tuple(
      fc.constantFrom(...names),
      fc.integer({ min: MAX_COMMAND_LENGTH - 40, max: MAX_COMMAND_LENGTH + 40 }),
    )
    .map(([n, length]) => `!${n} ${"word ".repeat(length)}`.slice(0, length));
  return fc.oneof(
    { arbitrary: command, weight: 16 },
    { arbitrary: anyText(60).map((text) => `!${text}`), weight: 1 },
    // Not commands: anything without the prefix.
    { arbitrary: wordSoup(fuzzWord, 8).map((text) => text.replaceAll("!", "")), weight: 2 },
    { arbitrary: longToken.map((token) => `!${names[0] ?? "help"} ${token}`), weight: 1 },
    { arbitrary: near, weight: 1 },
  );
}

const contexts = fc.record({
  roles: fc.subarray([...ROLES]),
  powerLevel: fc.constantFrom(-1, 0, 10, 49, 50, 100),
  mode: fc.constantFrom<Mode>("ok", "ok", "err", "throw"),
});

function contextFor<S>(services: S, roles: readonly Role[], powerLevel: number): CommandContext<S> {
  return {
    sender: SENDER,
    roomId: "!fuzz:ea.example.org" as RoomId,
    eventId: "$fuzz" as EventId,
    threadRootId: "$thread" as EventId,
    roles: new Set(roles),
    powerLevel,
    now: () => Date.UTC(2026, 10, 25, 10),
    log: silentLogger(),
    services,
  };
}

/** A cheap assertion for hot loops (vitest's expect costs more than the code under test). */
function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`expected: ${what}`);
}

function checkReplyIsSafe(text: string, html: string): void {
  check(text.trim() !== "" && html.trim() !== "", "a reply with words in it");
  for (const tag of html.match(/<[^>]*>?/g) ?? [])
    check(SAFE_TAG.test(tag), `only the reply helpers' markup, not ${tag}`);
}

/** Checks one message's outcome against what the parser and the permission rule say. */
function checkOutcome<S>(
  bot: BotUnderFuzz<S>,
  registry: CommandRegistry<S>,
  body: string,
  ctx: CommandContext<S>,
  outcome: ExecutionOutcome,
  recorder: Recorder,
): string {
  const parsed = parseCommand(body, registry);
  // A message that cannot be a command is never answered; one that plainly is, always.
  if (!body.includes("!")) check(outcome.kind === "silent", "silence without a prefix");
  if (/^![A-Za-z]/.test(body)) check(outcome.kind === "reply", "an answer to a prefixed word");
  if (outcome.kind === "silent") {
    check(!parsed.ok && parsed.error.kind === "not-a-command", "silence only for non-commands");
    check(recorder.calls.length === 0, "no service call when silent");
    return "silent";
  }
  const { text, html } = outcome.reply;
  checkReplyIsSafe(text, html);

  if (!parsed.ok) {
    check(outcome.outcome === "parse-error", "a parse error reported as one");
    check(recorder.calls.length === 0, "no service call after a parse error");
    const error = parsed.error;
    const label = `parse-error: ${error.kind}`;
    switch (error.kind) {
      case "not-a-command":
        throw new Error("a reply for a message that is not a command");
      case "too-long":
        check(text.includes(String(MAX_COMMAND_LENGTH)), "the length limit named");
        return label;
      case "unknown-command":
        check(text.includes("!help"), "a pointer to !help");
        return label;
      case "unterminated-quote":
        check(text.includes("quote"), "the quote named");
        return label;
      case "missing-argument":
      case "bad-argument":
      case "too-many-arguments":
      case "unknown-flag": {
        const { command } = error;
        check(text.includes(`!${command.name}`), "the command named");
        check(text.includes(`Usage: \`${usageLine(command, "!")}\``), "the usage line");
        check(text.includes(`!help ${command.name}`), "where to read more");
        if (error.kind === "missing-argument" || error.kind === "bad-argument") {
          const param = command.params.find((p) => p.name === error.argument);
          const shown = param === undefined ? error.argument : param.value.placeholder(param.name);
          check(text.includes(shown), `the argument ${shown} named`);
        }
        return label;
      }
    }
  }

  const { command, args } = parsed.value;
  const declared = [...command.params.map((p) => p.name), ...command.flags.map((f) => f.name)];
  check(
    Object.keys(args).length === declared.length && declared.every((name) => name in args),
    "exactly the declared arguments",
  );
  const permitted = checkPermission(command.permission, ctx);
  if (!permitted.ok) {
    check(outcome.outcome === "refused", "a refusal when the permission rule refuses");
    check(recorder.calls.length === 0, "no service call when refused");
    check(text.includes(`!${command.name}`), "the refused command named");
    for (const role of permitted.error.neededRoles) check(text.includes(role), `the role ${role} named`);
    return "refused";
  }
  if (command.name === "help") {
    check(outcome.outcome === "ok" && recorder.calls.length === 0, "help answers by itself");
    return "ok";
  }

  // The handler ran: exactly one call, to the right method, with clean typed arguments.
  const [call, ...more] = recorder.calls;
  check(call !== undefined && more.length === 0, "exactly one service call");
  check(call.method === bot.methodOf[command.name], `${command.name} calls ${call.method}`);
  for (const value of stringsIn(call.args))
    check(!CONTROL.test(value) && value.isWellFormed(), "arguments cleaned of controls and lone surrogates");
  bot.checkArgs?.(call);
  if (recorder.mode === "throw") {
    check(outcome.outcome === "failed", "a thrown handler reported as failed");
    check(
      text.includes(`!${command.name}`) && text.includes("Something went wrong"),
      "an apology naming the command",
    );
  } else if (command.name === "digest edition") {
    check(outcome.outcome === "ok" && /edition/i.test(text), "the edition named");
  } else {
    const expected = recorder.mode === "ok" ? `done: ${call.method}` : `refused by ${call.method}`;
    check(outcome.outcome === (recorder.mode === "ok" ? "ok" : "failed"), "the service's verdict kept");
    check(text === expected, "the service's words passed on");
  }
  return outcome.outcome;
}

async function fuzzBot<S>(bot: BotUnderFuzz<S>): Promise<Record<string, number>> {
  const registry: CommandRegistry<S> = createCommandRegistry(bot.commands);
  const names = registry.commands.map((command) => command.name);
  const seen: Record<string, number> = {};
  await fc.assert(
    fc.asyncProperty(bodies(names, bot.vocabulary), contexts, async (body, { roles, powerLevel, mode }) => {
      const recorder = new Recorder();
      recorder.mode = mode;
      const ctx = contextFor(bot.services(recorder), roles, powerLevel);
      const outcome = await executeCommand(registry, body, ctx);
      const kind = checkOutcome(bot, registry, body, ctx, outcome, recorder);
      seen[kind] = (seen[kind] ?? 0) + 1;
    }),
    { numRuns: RUNS },
  );
  return seen;
}

describe("every bot command under fuzz (10,000 message bodies per bot)", () => {
  it.each([
    ["convene", () => fuzzBot(convene), convene.unreachable],
    ["route", () => fuzzBot(route), route.unreachable],
    ["digest", () => fuzzBot(digest), digest.unreachable],
  ] as const)("%s: never throws, and every refusal explains itself", async (_name, run, unreachable = []) => {
    const seen = await run();
    // The generator must reach every outcome, or the checks above would pass vacuously.
    const kinds = [
      "silent",
      "ok",
      "refused",
      "failed",
      ...PARSE_ERRORS.map((kind) => `parse-error: ${kind}`),
    ];
    for (const kind of kinds.filter((k) => !unreachable.includes(k)))
      expect(seen[kind] ?? 0, `${kind} outcomes`).toBeGreaterThan(0);
  });
});

describe("the tokeniser under fuzz", () => {
  it("never throws and accounts for every character it read, over 10,000 inputs", () => {
    const input = fc.oneof(
      { arbitrary: wordSoup(fuzzWord, 12), weight: 4 },
      { arbitrary: anyText(80), weight: 2 },
      { arbitrary: longToken, weight: 1 },
    );
    const isQuote = (ch: string | undefined): boolean => ch === '"' || ch === "“" || ch === "„";
    fc.assert(
      fc.property(input, fc.nat({ max: 3 }), (text, from) => {
        const { tokens, unterminatedQuoteAt } = tokenise(text, from);
        let previousEnd = from;
        for (const token of tokens) {
          check(token.start >= previousEnd && token.end > token.start, "tokens in order, not empty");
          check(token.end <= text.length, "tokens inside the text");
          check(text.slice(previousEnd, token.start).trim() === "", "only spaces between tokens");
          check(
            token.quoted ? isQuote(text[token.start]) : token.text === text.slice(token.start, token.end),
            "a token is its text, or starts with a quote",
          );
          previousEnd = token.end;
        }
        if (unterminatedQuoteAt === undefined) check(text.slice(previousEnd).trim() === "", "nothing left");
        else
          check(unterminatedQuoteAt >= previousEnd && isQuote(text[unterminatedQuoteAt]), "quote position");
        for (const word of splitWords(text, from))
          check(word.text === text.slice(word.start, word.end) && !/\s/u.test(word.text), "words are words");
      }),
      { numRuns: RUNS },
    );
  });
});
