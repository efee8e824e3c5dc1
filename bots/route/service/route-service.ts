/**
 * The router's service: what its commands, messages and timers call. It files requests
 * (one line or guided), runs `!case` commands through the case engine, relays anonymous
 * conversations, fires case timers, and gives the steering group aggregates.
 */
import { replyLocale } from "./reply-locale.ts";
import { personByUserId } from "../../../config/queries.ts";
import type { RoomId, UserId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import { aggregateCases } from "../../../lib/case-index/index.ts";
import type { IncomingRoomMessage } from "../../runtime/intake/incoming-room-message.ts";
import type { JobHandle } from "../../runtime/jobs/index.ts";
import { transactionIdFor } from "../../runtime/ledger/index.ts";
import {
  type Actor,
  type CaseEvent,
  type CaseId,
  type CaseRefusal,
  type TimerExpectation,
  parseCaseId,
  timerEvent,
} from "../case/index.ts";
import {
  type RequestDraft,
  answerGuidedRequest,
  intakeContextFor,
  parseOneLineRequest,
  renderOneLineProblems,
  startGuidedRequest,
} from "../intake/index.ts";
import { renderStats, resolveStatsLocale } from "../stats/index.ts";
import { type CaseEngine, type EngineFailure, createCaseEngine } from "./case-engine.ts";
import { type CaseLink, createCaseLinks } from "./case-links.ts";
import { createCaseRecords } from "./case-records.ts";
import { createRelay } from "./case-relay.ts";
import { summariseCase } from "./case-summary.ts";
import { fileRequest } from "./file-request.ts";
import { createGuidedRequests } from "./guided-requests.ts";
import { ct } from "./i18n/case-texts.ts";
import { createManagedRoomIds } from "../../provision/managed-room-ids.ts";
import type { RouteDeps } from "./route-deps.ts";

export type CaseAction =
  "accept" | "decline" | "note" | "resolve" | "reassign" | "close" | "reopen" | "reveal";

/** Who asked, where, and with which event (for transaction ids). */
export interface Asking {
  readonly sender: UserId;
  readonly roomId: RoomId;
  readonly eventId: string;
  readonly steering: boolean;
}

/** Text to answer with: ok for success, err for a refusal the person should read. */
export type Answer = Result<string, string>;

export interface RouteService {
  request(asking: Asking, words: string | undefined): Promise<Answer>;
  file(
    draft: RequestDraft,
    requester: UserId,
    trigger: string,
  ): Promise<Result<{ caseId: CaseId; handle?: string }, string>>;
  caseCommand(asking: Asking, action: CaseAction, rest: string | undefined): Promise<Answer>;
  stats(asking: Asking): Answer;
  onMessage(message: IncomingRoomMessage): Promise<void>;
  onTimer(timer: TimerExpectation): Promise<void>;
  start(): Promise<void>;
}

export function createRouteService(deps: RouteDeps): RouteService {
  const { config, matrix, logger } = deps;
  const links = createCaseLinks(matrix);
  const records = createCaseRecords(matrix);
  const relay = createRelay(deps);
  const guided = createGuidedRequests(deps.redis, deps.prefix);
  const rooms = createManagedRoomIds(config, matrix);
  // Defined with the service, before the runtime starts its workers; the handler runs later.
  const timerJob: JobHandle<TimerExpectation> = deps.jobs.defineJob<TimerExpectation>("case-timer", {
    attempts: 5,
    handler: (payload) => onTimer(payload),
  });
  const engine: CaseEngine = createCaseEngine(deps, links, records, relay, timerJob);
  const onTimer = async (timer: TimerExpectation): Promise<void> => {
    const trigger = `timer-${timer.caseId}-${timer.kind}-g${timer.generation}`;
    const outcome = await engine.apply(timer.caseId, timerEvent(timer), { eventId: trigger });
    if (!outcome.ok && outcome.error.kind !== "stale-timer")
      logger.warn(
        { caseId: timer.caseId, timer: timer.kind, refusal: outcome.error.kind },
        "a case timer was refused",
      );
  };
  const parts = { links, records, engine, relay };

  const localeOf = (user: string): string => replyLocale(config, user);

  /** A room with the bot and this person only, not one of a case. */
  const isDirectWith = (roomId: RoomId, user: UserId): boolean => {
    if (links.byRoom(roomId) !== undefined) return false;
    const members = new Set([...matrix.members(roomId, "join"), ...matrix.members(roomId, "invite")]);
    return members.has(user) && [...members].every((member) => member === user || member === deps.botUserId);
  };

  const isRegionalRoom = async (roomId: RoomId): Promise<boolean> => {
    const configId = await rooms.configIdOf(roomId);
    return config.rooms.some((room) => room.id === configId && room.kind === "regional");
  };

  const file: RouteService["file"] = async (draft, requester, trigger) => {
    const filed = await fileRequest(deps, parts, draft, requester, trigger);
    if (!filed.ok) return filed;
    const { record } = filed.value;
    return ok({ caseId: record.id, ...(record.anonymous ? { handle: record.handle } : {}) });
  };

  const fileAndAnswer = async (draft: RequestDraft, requester: UserId, trigger: string): Promise<Answer> => {
    const filed = await fileRequest(deps, parts, draft, requester, trigger);
    return filed.ok ? ok(filed.value.reply) : filed;
  };

  const refusalText = (locale: string, refusal: CaseRefusal | EngineFailure): string => {
    switch (refusal.kind) {
      case "wrong-state":
        return ct(locale, "command.wrongState", {
          event: refusal.event,
          state: refusal.state,
          allowed: refusal.allowed.join(", "),
        });
      case "wrong-actor":
      case "not-assigned":
        return ct(locale, "command.notOnCase");
      case "not-anonymous":
      case "already-revealed":
        return ct(locale, "command.revealOnlyAnonymous");
      case "unknown-case":
        return ct(locale, "command.unknownCase", { caseId: refusal.caseId });
      case "already-assigned":
      case "excluded-expert":
      case "stale-timer":
      case "matrix":
        return ct(locale, "command.refused", { why: refusal.kind });
    }
  };

  /** The case a command is about: the room's, else a case id among the words. */
  const caseOf = (roomId: RoomId, words: string[]): { link: CaseLink; words: string[] } | undefined => {
    const inRoom = links.byRoom(roomId);
    if (inRoom !== undefined) return { link: inRoom.link, words };
    const index = words.findIndex((word) => parseCaseId(word).ok);
    if (index < 0) return undefined;
    const caseId = parseCaseId(words[index] ?? "");
    const link = caseId.ok ? links.get(caseId.value) : undefined;
    return link === undefined ? undefined : { link, words: words.filter((_, i) => i !== index) };
  };

  const actorOf = (link: CaseLink, asking: Asking): Actor | undefined => {
    if (asking.sender === link.requester) return { kind: "requester" };
    const person = personByUserId(config, asking.sender);
    const record = records.get(link.caseId);
    if (person !== undefined && record !== undefined)
      if (record.experts.includes(person.id) || record.acceptedBy === person.id)
        return { kind: "expert", person: person.id };
    if (person !== undefined && asking.steering) return { kind: "steering", person: person.id };
    return undefined;
  };

  const eventFor = (
    action: CaseAction,
    actor: Actor,
    words: string[],
    asking: Asking,
  ): Result<CaseEvent, string> => {
    const rest = words.join(" ").trim();
    switch (action) {
      case "accept":
      case "decline":
      case "note":
      case "close":
      case "reopen":
        return ok({ kind: action, actor });
      case "resolve":
        return ok({ kind: "resolve", actor, ...(rest === "" ? {} : { summary: rest }) });
      case "reveal":
        return ok({ kind: "reveal", actor, user: asking.sender });
      case "reassign": {
        const target = words[0] ?? "";
        if (config.routing.pools.some((pool) => pool.id === target))
          return ok({ kind: "reassign", actor, target: { kind: "pool", pool: target } });
        const person =
          config.people.find((p) => p.id === target) ?? personByUserId(config, target.replace(/^@?/, "@"));
        if (person !== undefined && config.roles.experts.some((expert) => expert.person === person.id))
          return ok({ kind: "reassign", actor, target: { kind: "expert", person: person.id } });
        return err(ct(localeOf(asking.sender), "command.unknownTarget", { target }));
      }
    }
  };

  const reply = async (roomId: RoomId, body: string, trigger: string, purpose: string): Promise<void> => {
    const sent = await matrix.sendMessage(
      roomId,
      { msgtype: "m.notice", body },
      transactionIdFor(trigger as never, purpose),
    );
    if (!sent.ok) logger.warn({ roomId, errcode: sent.error.errcode }, "could not answer a message");
  };

  const onGuidedAnswer = async (message: IncomingRoomMessage, body: string): Promise<boolean> => {
    const state = await guided.get(message.sender);
    if (state === undefined) return false;
    const turn = answerGuidedRequest(config, state, body);
    if (turn.kind === "ask") {
      await guided.put(message.sender, turn.state);
      await reply(message.roomId, turn.reply, message.eventId, "guided");
      return true;
    }
    await guided.drop(message.sender);
    if (turn.kind === "cancelled") {
      await reply(message.roomId, turn.reply, message.eventId, "guided");
      return true;
    }
    const answer = await fileAndAnswer(turn.draft, message.sender, message.eventId);
    await reply(message.roomId, answer.ok ? answer.value : answer.error, message.eventId, "guided");
    return true;
  };

  return {
    file,

    async request(asking, words) {
      const locale = localeOf(asking.sender);
      const person = personByUserId(config, asking.sender);
      if (person === undefined) return err(ct(locale, "file.notPerson"));
      if (links.byRoom(asking.roomId) !== undefined) return err(ct(locale, "file.inCaseRoom"));
      const direct = isDirectWith(asking.roomId, asking.sender);
      if (!direct && !(await isRegionalRoom(asking.roomId))) return err(ct(locale, "file.wrongRoom"));
      const context = intakeContextFor(config, person);
      const line = words?.trim() ?? "";
      if (line === "") {
        const turn = startGuidedRequest(config, context);
        if (turn.kind !== "ask") return err(ct(locale, "file.failed"));
        await guided.put(asking.sender, turn.state);
        if (direct) return ok(turn.reply);
        const sent = await matrix.sendDirect(
          asking.sender,
          { msgtype: "m.notice", body: turn.reply },
          transactionIdFor(asking.eventId as never, "guided-start"),
        );
        return sent.ok ? ok(ct(locale, "file.guidedInDm")) : err(ct(locale, "file.failed"));
      }
      const parsed = parseOneLineRequest(config, line.split(/\s+/), context);
      if (!parsed.ok) return err(renderOneLineProblems(config, locale, parsed.error));
      if (parsed.value.anonymous && !direct) return err(ct(locale, "file.anonymousNeedsDm"));
      return fileAndAnswer(parsed.value, asking.sender, asking.eventId);
    },

    async caseCommand(asking, action, rest) {
      const locale = localeOf(asking.sender);
      const found = caseOf(
        asking.roomId,
        (rest ?? "").split(/\s+/).filter((word) => word !== ""),
      );
      if (found === undefined) return err(ct(locale, "command.notCaseRoom"));
      const { link, words } = found;
      const actor = actorOf(link, asking);
      if (actor === undefined) return err(ct(locale, "command.notOnCase"));
      const event = eventFor(action, actor, words, asking);
      if (!event.ok) return event;
      const outcome = await engine.apply(link.caseId, event.value, { eventId: asking.eventId });
      if (!outcome.ok) return err(refusalText(locale, outcome.error));
      if (action === "note") return ok(ct(locale, "case.noteKept"));
      return ok(ct(locale, "command.done", { caseId: link.caseId, state: outcome.value.state }));
    },

    stats(asking) {
      const aggregates = aggregateCases(records.all().map(summariseCase));
      return ok(renderStats(aggregates, resolveStatsLocale(localeOf(asking.sender))));
    },

    async onMessage(message) {
      const inCase = links.byRoom(message.roomId);
      if (inCase !== undefined) {
        const { link, side } = inCase;
        const record = records.get(link.caseId);
        if (record === undefined) return;
        if (side === "requester" && record.revealed) {
          await reply(
            message.roomId,
            ct(localeOf(message.sender), "requester.writeInCaseRoom", { caseId: link.caseId }),
            message.eventId,
            "revealed",
          );
          return;
        }
        let event: CaseEvent | undefined;
        if (message.sender === link.requester) event = { kind: "requesterMessage" };
        else if (side === "case") {
          const person = personByUserId(config, message.sender);
          if (person !== undefined && record.experts.includes(person.id))
            event = { kind: "expertReplied", actor: { kind: "expert", person: person.id } };
        }
        if (event === undefined) return;
        const outcome = await engine.apply(link.caseId, event, { eventId: message.eventId, message });
        if (!outcome.ok && outcome.error.kind === "wrong-state" && message.sender === link.requester)
          await reply(
            message.roomId,
            refusalText(localeOf(message.sender), outcome.error),
            message.eventId,
            "state",
          );
        return;
      }
      const body = message.content["body"];
      if (message.content["msgtype"] !== "m.text" || typeof body !== "string") return;
      if (!isDirectWith(message.roomId, message.sender)) return;
      await onGuidedAnswer(message, body);
    },

    onTimer,

    async start() {
      const count = links.load();
      for (const link of links.all()) {
        const loaded = await records.load(link.caseRoom);
        if (!loaded.ok || loaded.value === undefined) {
          logger.warn({ caseId: link.caseId }, "could not read a case record on start");
          continue;
        }
        await engine.restoreTimers(loaded.value);
        await deps.publishSummary(loaded.value.id, summariseCase(loaded.value));
        if (loaded.value.state === "new")
          await engine.routeNew(loaded.value.id, { eventId: `start-${link.caseId}` });
      }
      logger.info({ cases: count }, "router cases loaded");
    },
  };
}
