/**
 * The authorisation matrix of the bots: every command of every bot, tried by every persona
 * through `executeCommand` with services that would succeed, must be admitted or refused
 * exactly as authorisation-expectations.ts says; and every command open at the permission
 * layer but guarded in a pure lifecycle is tried there by every persona too.
 *
 * Commands are enumerated from the declaration arrays the bots are built with: a command
 * without a row (or a row without a command) fails the first test, by name.
 */
import { MatrixEvent } from "matrix-js-sdk";
import { describe, expect, it } from "vitest";
import { conveneBot } from "../../../bots/convene/convene-bot.ts";
import { type ConveneServices, conveneCommands } from "../../../bots/convene/commands/convene-commands.ts";
import type { ConveneService } from "../../../bots/convene/service/convene-service.ts";
import { digestBot } from "../../../bots/digest/digest-bot.ts";
import { type DigestServices, digestCommands } from "../../../bots/digest/commands/digest-commands.ts";
import {
  type Actor as DigestActor,
  type DigestEvent,
  type DigestItem,
  type DigestRefusal,
  applyDigestEvent,
  nominateItem,
} from "../../../bots/digest/item/index.ts";
import { authorKeyOf } from "../../../bots/digest/service/author-keys.ts";
import type { DigestService } from "../../../bots/digest/service/digest-service.ts";
import type { DigestIndexWriter } from "../../../bots/digest/service/digest-deps.ts";
import { routeBot } from "../../../bots/route/route-bot.ts";
import {
  type Actor as CaseActor,
  type CaseEvent,
  type CaseRecord,
  type CaseRefusal,
  applyCaseEvent,
  newCase,
} from "../../../bots/route/case/index.ts";
import { type RouteServices, routeCommands } from "../../../bots/route/commands/route-commands.ts";
import type { RouteService } from "../../../bots/route/service/route-service.ts";
import {
  type Command,
  type CommandRegistry,
  createCommandRegistry,
  executeCommand,
  reply,
} from "../../../bots/runtime/commands/index.ts";
import { readCommandEvent } from "../../../bots/runtime/intake/read-command-event.ts";
import { silentLogger } from "../../../lib/logger.ts";
import { parseEventId, parseRoomId } from "../../../lib/matrix-ids.ts";
import { err, ok, type Result } from "../../../lib/result.ts";
import * as cases from "../bots/route/case/case-fixtures.ts";
import * as items from "../bots/digest/item/item-fixtures.ts";
import {
  type BotId,
  CASE_ACTORS,
  CASE_LIFECYCLE_ADMITS,
  type CaseActorId,
  COMMAND_RULES,
  type CommandRule,
  DIGEST_LIFECYCLE_ADMITS,
  PERSONA_IDS,
  type PersonaId,
} from "./authorisation-expectations.ts";
import { type Persona, personaNetwork, personaOf, resolvePersonas } from "./security-personas.ts";

const network = personaNetwork();
const personas = resolvePersonas(network);
const persona = (id: PersonaId): Persona => personaOf(personas, id);

function parsed<T>(result: Result<T, string>): T {
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const ROOM = parsed(parseRoomId("!east-africa-practice:127.0.0.11:18448"));
const EVENT = parsed(parseEventId("$command"));
const T0 = Date.UTC(2026, 2, 2, 9, 0);

/** What one persona got from one command. */
interface Attempt {
  readonly outcome: string;
  readonly text: string;
  /** Service calls the handler made: none when the permission layer refused. */
  readonly calls: readonly string[];
}

/** A bot's commands, and a way to run one as a persona against services that succeed. */
interface BotUnderTest {
  readonly id: BotId;
  readonly names: readonly string[];
  attempt(name: string, who: Persona): Promise<Attempt>;
}

function botUnderTest<S>(
  id: BotId,
  commands: readonly Command<S>[],
  services: (calls: string[]) => S,
): BotUnderTest {
  const registry: CommandRegistry<S> = createCommandRegistry(commands);
  return {
    id,
    names: registry.commands.map((command) => command.name),
    async attempt(name, who) {
      const command = registry.get(name);
      const example = command?.examples[0];
      if (command === undefined || example === undefined) throw new Error(`${id} has no "${name}"`);
      const calls: string[] = [];
      const body = example.startsWith(registry.prefix) ? example : `${registry.prefix}${example}`;
      const outcome = await executeCommand(registry, body, {
        sender: who.userId,
        roomId: ROOM,
        eventId: EVENT,
        roles: who.roles,
        powerLevel: who.powerLevel,
        now: () => T0,
        log: silentLogger(),
        services: services(calls),
      });
      return outcome.kind === "silent"
        ? { outcome: "silent", text: "", calls }
        : { outcome: outcome.outcome, text: outcome.reply.text, calls };
    },
  };
}

/** Services whose every call succeeds and is recorded by name. */
function conveneServices(calls: string[]): ConveneServices {
  const done = (call: string) => {
    calls.push(call);
    return Promise.resolve(ok(reply`done`));
  };
  const convene: ConveneService = {
    schedule: () => done("schedule"),
    reschedule: () => done("reschedule"),
    cancel: () => done("cancel"),
    rsvp: () => done("rsvp"),
    list: () => done("list"),
    show: () => done("show"),
    setZone: () => done("setZone"),
    suggest: () => done("suggest"),
    feed: () => done("feed"),
    onReaction: () => Promise.resolve(),
    start: () => Promise.resolve(),
    replanAll: () => Promise.resolve(),
  };
  return { convene, startReplanning: () => Promise.resolve() };
}

function routeServices(calls: string[]): RouteServices {
  const said = (call: string) => {
    calls.push(call);
    return ok("done");
  };
  const route: RouteService = {
    request: () => Promise.resolve(said("request")),
    file: () => Promise.resolve(err("not used by commands")),
    caseCommand: (_asking, action) => Promise.resolve(said(`case ${action}`)),
    stats: () => said("stats"),
    onMessage: () => Promise.resolve(),
    onTimer: () => Promise.resolve(),
    start: () => Promise.resolve(),
  };
  return { route };
}

function digestServices(calls: string[]): DigestServices {
  const said = (call: string) => {
    calls.push(call);
    return ok("done");
  };
  const digest: DigestService = {
    nominate: () => Promise.resolve(said("nominate")),
    consent: () => Promise.resolve(said("consent")),
    withdraw: () => Promise.resolve(said("withdraw")),
    review: (_asking, action) => Promise.resolve(said(action)),
    unpublish: () => Promise.resolve(said("unpublish")),
    embargo: () => Promise.resolve(said("embargo")),
    tag: () => Promise.resolve(said("tag")),
    status: () => said("status"),
    closeEdition: () => {
      calls.push("closeEdition");
      return Promise.resolve({ edition: "2026-W10", added: 0 });
    },
    onReaction: () => Promise.resolve(),
    onMessage: () => Promise.resolve(),
    start: () => Promise.resolve(),
  };
  return { digest };
}

const BOTS: readonly BotUnderTest[] = [
  botUnderTest("convene", conveneCommands, conveneServices),
  botUnderTest("route", routeCommands, routeServices),
  botUnderTest("digest", digestCommands, digestServices),
];

/** "<bot>: <command>", for every command a bot answers (its built-in help included). */
function declaredRows(): string[] {
  return BOTS.flatMap((bot) => bot.names.map((name) => `${bot.id}: ${name}`));
}

function tableRows(): string[] {
  return Object.entries(COMMAND_RULES).flatMap(([bot, rules]) =>
    Object.keys(rules).map((name) => `${bot}: ${name}`),
  );
}

function ruleOf(bot: BotId, name: string): CommandRule {
  const rule = COMMAND_RULES[bot][name];
  if (rule === undefined) throw new Error(`no row for ${bot}: ${name}`);
  return rule;
}

function admittedBy(rule: CommandRule): readonly PersonaId[] {
  return rule.gate === "roles" ? inPersonaOrder(rule.admits) : PERSONA_IDS;
}

/** A table's list in PERSONA_IDS order, so that a row's order never fails a test. */
function inPersonaOrder(ids: readonly PersonaId[] | undefined): readonly PersonaId[] {
  return PERSONA_IDS.filter((id) => ids?.includes(id));
}

describe("the authorisation table", () => {
  it("has a row for every command a bot answers, and none for a command that is gone", () => {
    const declared = declaredRows();
    const table = tableRows();
    const missing = declared.filter((row) => !table.includes(row));
    const gone = table.filter((row) => !declared.includes(row));
    expect(
      missing,
      `commands without a row in tests/unit/security/authorisation-expectations.ts (a new command cannot be added without its row): ${missing.join("; ")}`,
    ).toEqual([]);
    expect(gone, `rows for commands no bot declares any more: ${gone.join("; ")}`).toEqual([]);
  });

  it("covers the command arrays the bots are actually built with", () => {
    const index: DigestIndexWriter = {
      put: () => Promise.resolve(),
      remove: () => Promise.resolve(),
      putEdition: () => Promise.resolve(),
      edition: () => Promise.resolve(undefined),
      item: () => Promise.resolve(undefined),
    };
    expect(conveneBot(network, { prefix: "test" }).commands).toBe(conveneCommands);
    expect(routeBot(network, { prefix: "test" }).commands).toBe(routeCommands);
    expect(
      digestBot(network, { prefix: "test", authorSecret: "secret", index, siteUrl: "https://hub.test" })
        .commands,
    ).toBe(digestCommands);
  });

  it("gives each persona the roles and power level the example network gives them", () => {
    const summary = Object.fromEntries(
      personas.map((p) => [p.id, { roles: [...p.roles].sort(), powerLevel: p.powerLevel }]),
    );
    expect(summary).toEqual({
      outsider: { roles: [], powerLevel: 0 },
      "other-region-member": { roles: ["member"], powerLevel: 0 },
      member: { roles: ["member"], powerLevel: 0 },
      expert: { roles: ["experts", "member"], powerLevel: 0 },
      organiser: { roles: ["experts", "member", "organisers"], powerLevel: 50 },
      moderator: { roles: ["experts", "member", "moderators"], powerLevel: 50 },
      steering: { roles: ["member", "steering"], powerLevel: 50 },
      bot: { roles: [], powerLevel: 50 },
      "member-power-100": { roles: ["member"], powerLevel: 100 },
      "steering-power-0": { roles: ["member", "steering"], powerLevel: 0 },
    });
  });
});

describe("the permission layer admits exactly the table's personas", () => {
  const rows = BOTS.flatMap((bot) => bot.names.map((name) => [`${bot.id}: ${name}`, bot, name] as const));

  it.each(rows)("%s", async (_row, bot, name) => {
    const rule = ruleOf(bot.id, name);
    const attempts = await Promise.all(
      personas.map(async (who) => ({ who: who.id, attempt: await bot.attempt(name, who) })),
    );
    const admitted = attempts.filter(({ attempt }) => attempt.outcome !== "refused").map(({ who }) => who);
    expect(admitted, `${bot.id} "${name}": personas the permission layer admitted`).toEqual(admittedBy(rule));
    for (const { who, attempt } of attempts) {
      const as = `${bot.id} "${name}" as ${who}`;
      if (attempt.outcome === "refused") {
        const needs = rule.gate === "roles" ? rule.needs : "(nothing: the row says everyone)";
        expect(attempt.text, `${as}: the refusal names what is needed`).toBe(
          `You cannot run \`!${name}\` here: this needs ${needs}.`,
        );
        expect(attempt.calls, `${as}: a refused command reaches no service`).toEqual([]);
      } else {
        expect(attempt.outcome, `${as}: admitted commands run`).toBe("ok");
        // The built-in help reads the registry, not the services.
        if (name !== "help") expect(attempt.calls, `${as}: the handler ran once`).toHaveLength(1);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------
// Domain guards: the pure lifecycles behind the commands open at the permission layer.

/** A lifecycle's answer: accepted, or the refusal's kind. */
type Verdict = { readonly accepted: true } | { readonly accepted: false; readonly refusal: string };

function verdictOf(result: Result<unknown, DigestRefusal | CaseRefusal>): Verdict {
  return result.ok ? { accepted: true } : { accepted: false, refusal: result.error.kind };
}

/** How the digest service names an actor: steering by config role, anyone else a member. */
function digestActor(who: Persona): DigestActor {
  const person = who.person?.id ?? who.userId;
  return who.roles.has("steering") ? { kind: "steering", person } : { kind: "member", person };
}

const AUTHOR_SECRET = "matrix-test-secret";
const authorKey = (who: Persona) => authorKeyOf(AUTHOR_SECRET, items.itemId, who.userId);

/** An item quoting the member (the root) and the expert (a reply), waiting for their consent. */
function authoredByMemberAndExpert(): DigestItem {
  const member = authorKey(persona("member"));
  const expert = authorKey(persona("expert"));
  return items.nominated({
    messages: [
      { event: items.root, author: member },
      { event: items.eventId("m2"), author: expert },
    ],
    languages: [
      { author: member, language: "sw" },
      { author: expert, language: "en" },
    ],
  }).record;
}

function onItem(record: DigestItem, event: DigestEvent, now: number): Verdict {
  return verdictOf(applyDigestEvent(record, event, items.context(now)));
}

const HOUR = 3_600_000;

function isBotAccount(user: string): boolean {
  return Object.values(network.bots).some((bot: { userId: string }) => bot.userId === user);
}

/** Each digest command the lifecycle guards, tried as a persona, and the refusal expected. */
const DIGEST_ATTEMPTS: Readonly<Record<string, { refusal: string; attempt: (who: Persona) => Verdict }>> = {
  "digest nominate": {
    refusal: "not-allowed-to-nominate",
    attempt: (who) =>
      verdictOf(
        nominateItem(
          items.nomination({
            nominator: {
              person: who.person?.id ?? who.userId,
              steering: who.roles.has("steering") && !isBotAccount(who.userId),
              // As nominate-thread.ts decides it: the room's power levels, bot accounts aside.
              moderatesSource: !isBotAccount(who.userId) && who.powerLevel >= network.powerLevels.moderators,
            },
          }),
          [],
          items.context(T0),
        ),
      ),
  },
  "digest consent": {
    refusal: "not-an-author",
    attempt: (who) =>
      onItem(
        authoredByMemberAndExpert(),
        { kind: "consent", author: authorKey(who), choice: "pseudonym" },
        T0 + HOUR,
      ),
  },
  "digest withdraw": {
    refusal: "not-an-author",
    attempt: (who) =>
      onItem(authoredByMemberAndExpert(), { kind: "withdraw", author: authorKey(who) }, T0 + HOUR),
  },
  "digest approve": {
    refusal: "wrong-actor",
    attempt: (who) => {
      const record = items.inReview();
      return onItem(
        record,
        { kind: "approve", actor: digestActor(who), preview: record.preview },
        T0 + 6 * HOUR,
      );
    },
  },
  "digest veto": {
    refusal: "wrong-actor",
    attempt: (who) => {
      const record = items.inReview();
      return onItem(
        record,
        { kind: "veto", actor: digestActor(who), preview: record.preview },
        T0 + 6 * HOUR,
      );
    },
  },
  "digest embargo": {
    refusal: "wrong-actor",
    attempt: (who) =>
      onItem(
        items.inReview(),
        { kind: "setEmbargo", actor: digestActor(who), until: T0 + 240 * HOUR },
        T0 + 6 * HOUR,
      ),
  },
  "digest unpublish": {
    refusal: "wrong-actor",
    attempt: (who) =>
      onItem(items.published(), { kind: "unpublish", actor: digestActor(who) }, T0 + 8 * HOUR),
  },
};

/** A case from the member, routed to the expert (jonas-weber) by the example's rules. */
function routedCase(anonymous = false): CaseRecord {
  const fresh = anonymous
    ? newCase({ id: cases.caseId, profile: cases.profile, now: T0, anonymous: true })
    : newCase({
        id: cases.caseId,
        profile: cases.profile,
        now: T0,
        anonymous: false,
        requester: persona("member").userId,
      });
  return cases.route(fresh, T0).record;
}

const caseExpert = (): CaseActor => cases.expert(persona("expert").person?.id ?? "");

function acceptedCase(anonymous = false): CaseRecord {
  return cases.apply(routedCase(anonymous), { kind: "accept", actor: caseExpert() }, T0 + HOUR).record;
}

function resolvedCase(): CaseRecord {
  return cases.apply(acceptedCase(), { kind: "resolve", actor: caseExpert() }, T0 + 2 * HOUR).record;
}

/** The actor the router's service would hand the lifecycle for each kind of person on a case. */
function caseActor(id: CaseActorId): CaseActor {
  switch (id) {
    case "requester":
      return { kind: "requester" };
    case "case-expert":
      return caseExpert();
    case "other-expert":
      return cases.expert(persona("organiser").person?.id ?? "");
    case "steering":
      return { kind: "steering", person: persona("steering").person?.id ?? "" };
  }
}

function onCase(record: CaseRecord, event: CaseEvent): Verdict {
  return verdictOf(applyCaseEvent(record, event, cases.context(T0 + 3 * HOUR)));
}

/** Each `!case` command, tried by an actor. */
const CASE_ATTEMPTS: Readonly<Record<string, (actor: CaseActor) => Verdict>> = {
  "case accept": (actor) => onCase(routedCase(), { kind: "accept", actor }),
  "case decline": (actor) => onCase(routedCase(), { kind: "decline", actor }),
  "case note": (actor) => onCase(acceptedCase(), { kind: "note", actor }),
  "case resolve": (actor) => onCase(acceptedCase(), { kind: "resolve", actor, summary: "shared a guide" }),
  "case reassign": (actor) =>
    onCase(acceptedCase(), { kind: "reassign", actor, target: { kind: "pool", pool: "off-ramp" } }),
  "case close": (actor) => onCase(acceptedCase(), { kind: "close", actor }),
  "case reopen": (actor) => onCase(resolvedCase(), { kind: "reopen", actor }),
  "case reveal": (actor) =>
    onCase(acceptedCase(true), { kind: "reveal", actor, user: persona("member").userId }),
};

describe("domain guards", () => {
  it("cover every command the table says a lifecycle guards", () => {
    const guarded = tableRows().filter((row) => {
      const [bot = "", name = ""] = row.split(": ");
      return COMMAND_RULES[bot as BotId][name]?.gate === "domain";
    });
    const tried = [
      ...Object.keys(DIGEST_ATTEMPTS).map((name) => `digest: ${name}`),
      ...Object.keys(CASE_ATTEMPTS).map((name) => `route: ${name}`),
    ];
    expect(
      guarded.filter((row) => !tried.includes(row)),
      "domain-guarded commands without a lifecycle attempt in this file",
    ).toEqual([]);
    expect(Object.keys(DIGEST_LIFECYCLE_ADMITS).sort()).toEqual(Object.keys(DIGEST_ATTEMPTS).sort());
    expect(Object.keys(CASE_LIFECYCLE_ADMITS).sort()).toEqual(Object.keys(CASE_ATTEMPTS).sort());
  });

  it.each(Object.entries(DIGEST_ATTEMPTS))("digest lifecycle: %s", (name, { refusal, attempt }) => {
    const verdicts = personas.map((who) => ({ who: who.id, verdict: attempt(who) }));
    const accepted = verdicts.filter(({ verdict }) => verdict.accepted).map(({ who }) => who);
    expect(accepted, `"${name}": personas the digest lifecycle accepted`).toEqual(
      inPersonaOrder(DIGEST_LIFECYCLE_ADMITS[name]),
    );
    for (const { who, verdict } of verdicts)
      if (!verdict.accepted)
        expect(verdict.refusal, `"${name}" as ${who}: refused for who they are`).toBe(refusal);
  });

  it.each(Object.entries(CASE_ATTEMPTS))("case lifecycle: %s", (name, attempt) => {
    const verdicts = CASE_ACTORS.map((id) => ({ id, verdict: attempt(caseActor(id)) }));
    const accepted = verdicts.filter(({ verdict }) => verdict.accepted).map(({ id }) => id);
    expect(accepted, `"${name}": actors the case lifecycle accepted`).toEqual(
      CASE_ACTORS.filter((id) => CASE_LIFECYCLE_ADMITS[name]?.includes(id)),
    );
    for (const { id, verdict } of verdicts)
      if (!verdict.accepted)
        // Never the state: the case is in a state where the right person would be accepted.
        expect(["wrong-actor", "not-assigned"], `"${name}" by ${id}: refused for who they are`).toContain(
          verdict.refusal,
        );
  });
});

// ---------------------------------------------------------------------------------------
// Bots: what a bot account's messages can do.

function message(sender: string, msgtype: string, body: string): MatrixEvent {
  return new MatrixEvent({
    type: "m.room.message",
    content: { msgtype, body },
    sender,
    room_id: ROOM,
    event_id: "$bot-message",
    origin_server_ts: T0,
  });
}

describe("bot accounts", () => {
  const { convene, route, digest, provisioner } = network.bots;
  const accounts = [convene, route, digest, ...(provisioner === undefined ? [] : [provisioner])].map(
    (bot) => [bot.localpart, bot.userId] as const,
  );

  it.each(accounts)("%s: a bot never runs a command it sent itself", (_name, userId) => {
    for (const msgtype of ["m.text", "m.notice"])
      expect(readCommandEvent(message(userId, msgtype, "!digest unpublish dk7m2pq"), userId)).toEqual({
        kind: "ignore",
        why: "own-event",
      });
  });

  it.each(accounts)("%s: bots answer in notices, which no bot reads as a command", (_name, userId) => {
    for (const [, reader] of accounts)
      if (reader !== userId)
        expect(readCommandEvent(message(userId, "m.notice", "!request stats"), reader)).toEqual({
          kind: "ignore",
          why: "not-text",
        });
  });

  it("holds no role, so a bot's text reaching another bot runs only what anyone may", () => {
    const bot = persona("bot");
    expect([...bot.roles]).toEqual([]);
    const privileged = tableRows().filter((row) => {
      const [id = "", name = ""] = row.split(": ");
      const rule = COMMAND_RULES[id as BotId][name];
      return rule?.gate === "roles" && rule.admits.includes("bot");
    });
    expect(privileged).toEqual([]);
  });
});
