/**
 * The authorisation matrix's expected answers, written down by hand from the command
 * declarations, the domain rules and the hub's routes: who is admitted where. The tests
 * (authorisation-matrix.test.ts, hub-authorisation.test.ts) enumerate what the code declares
 * and fail when a command or an API route has no row here, so a new one cannot be added
 * without saying who may use it.
 *
 * Change a row only together with the rule it describes, and say why in the review.
 */

/** Who tries every command (see security-personas.ts for who they are in the example network). */
export const PERSONA_IDS = [
  /** A Matrix account on a network homeserver that is not in the config. */
  "outsider",
  /** A plain practitioner of another region (MENA) than the room's (East Africa). */
  "other-region-member",
  /** A plain practitioner of the room's region, with no role. */
  "member",
  /** An expert only (jonas-weber). */
  "expert",
  /** An organiser (grace-wanjiru, also an expert). */
  "organiser",
  /** A moderator (hodan-abdi, also an expert). */
  "moderator",
  /** A steering member only (layla-haddad). */
  "steering",
  /** Another bot's account (the route bot), at the bots' power level. */
  "bot",
  /** The plain member, given power level 100 in the room by hand; no config role. */
  "member-power-100",
  /** The steering member, lowered to power level 0 in the room by hand. */
  "steering-power-0",
] as const;

export type PersonaId = (typeof PERSONA_IDS)[number];

export type BotId = "convene" | "route" | "digest";

/**
 * Where a command's rule lives:
 * - `roles`: the permission layer admits exactly `admits`, and refuses the others saying it
 *   needs `needs`;
 * - `domain`: open at the permission layer, refused by a pure lifecycle (`guard`), which
 *   authorisation-matrix.test.ts runs for every persona;
 * - `service`: open at the permission layer, refused inside the bot's service (`guard`), which
 *   needs Matrix and Redis and is not run here;
 * - `open`: nothing privileged (the sender's own data, help, reading).
 */
export type CommandRule =
  | { readonly gate: "roles"; readonly admits: readonly PersonaId[]; readonly needs: string }
  | { readonly gate: "domain"; readonly guard: string }
  | { readonly gate: "service"; readonly guard: string }
  | { readonly gate: "open"; readonly why: string };

const STEERING_ONLY: CommandRule = {
  gate: "roles",
  admits: ["steering", "steering-power-0"],
  needs: "the steering role",
};

const ORGANISERS_OR_STEERING: CommandRule = {
  gate: "roles",
  admits: ["organiser", "steering", "steering-power-0"],
  needs: "the organisers or steering role",
};

const HELP: CommandRule = { gate: "open", why: "lists the bot's commands" };

const CASE_EXPERTS =
  "route case lifecycle: only the experts assigned to the case (expert-transitions.ts checkExpert)";

/** Every command of every bot, the built-in `help` included. */
export const COMMAND_RULES: Readonly<Record<BotId, Readonly<Record<string, CommandRule>>>> = {
  convene: {
    "convene schedule": { gate: "roles", admits: ["organiser"], needs: "the organisers role" },
    "convene suggest": { gate: "open", why: "proposes slots; changes nothing" },
    // The service also checks that the sender organised this convening unless steering (mayChange).
    "convene reschedule": ORGANISERS_OR_STEERING,
    "convene cancel": ORGANISERS_OR_STEERING,
    "convene rsvp": { gate: "open", why: "answers for the sender only" },
    "convene list": { gate: "open", why: "the sender's own invitations" },
    "convene show": { gate: "open", why: "reads one convening's card" },
    "convene feed": { gate: "open", why: "the sender's own capability URLs" },
    "convene tz": { gate: "open", why: "the sender's own time zone" },
    help: HELP,
  },
  route: {
    request: {
      gate: "service",
      guard: "route-service request: only configured people (file.notPerson), in a regional room or a DM",
    },
    "request stats": STEERING_ONLY,
    "case accept": { gate: "domain", guard: CASE_EXPERTS },
    "case decline": { gate: "domain", guard: CASE_EXPERTS },
    "case note": { gate: "domain", guard: CASE_EXPERTS },
    "case resolve": { gate: "domain", guard: CASE_EXPERTS },
    "case reassign": {
      gate: "domain",
      guard: "route case lifecycle: the case's experts or steering (routing-transitions.ts applyReassign)",
    },
    "case close": {
      gate: "domain",
      guard: "route case lifecycle: the requester or steering (requester-transitions.ts applyClose)",
    },
    "case reopen": {
      gate: "domain",
      guard: "route case lifecycle: the requester only (requester-transitions.ts applyReopen)",
    },
    "case reveal": {
      gate: "domain",
      guard:
        "route case lifecycle: the requester of an anonymous case (requester-transitions.ts applyReveal)",
    },
    help: HELP,
  },
  digest: {
    "digest nominate": {
      gate: "domain",
      guard:
        "digest item lifecycle: a steering member or a moderator of the thread's room, i.e. power level ≥ powerLevels.moderators there (nominate-item.ts)",
    },
    "digest consent": {
      gate: "domain",
      guard:
        "digest item lifecycle: an author of a quoted message, by the key derived from the sender (checkAuthor)",
    },
    "digest withdraw": {
      gate: "domain",
      guard:
        "digest item lifecycle: an author of a quoted message, by the key derived from the sender (checkAuthor)",
    },
    "digest approve": {
      gate: "domain",
      guard: "digest item lifecycle: steering only (item-guards.ts checkSteering in applyApprove)",
    },
    "digest veto": {
      gate: "domain",
      guard: "digest item lifecycle: steering only (item-guards.ts checkSteering in applyVeto)",
    },
    // Also refused by the lifecycle (checkSteering in applyUnpublish and applySetEmbargo).
    "digest unpublish": STEERING_ONLY,
    "digest embargo": STEERING_ONLY,
    // The service checks steering again before it touches the item.
    "digest tag": STEERING_ONLY,
    "digest edition": STEERING_ONLY,
    "digest status": { gate: "open", why: "state only; details (consents, approvals, URL) only to steering" },
    help: HELP,
  },
};

/**
 * The digest lifecycle's answer per persona, for the commands it guards. The service turns a
 * sender into an actor: "steering" when the config gives them the role, "member" otherwise;
 * a nominator moderates the thread's room when their power level there is at least
 * `powerLevels.moderators` (50 in the example: organisers, moderators and steering alike;
 * bot accounts hold that level too but never nominate); authors are the item's quoted authors (here the member and the expert).
 */
export const DIGEST_LIFECYCLE_ADMITS: Readonly<Record<string, readonly PersonaId[]>> = {
  "digest nominate": ["organiser", "moderator", "steering", "member-power-100", "steering-power-0"],
  "digest consent": ["member", "member-power-100", "expert"],
  "digest withdraw": ["member", "member-power-100", "expert"],
  "digest approve": ["steering", "steering-power-0"],
  "digest veto": ["steering", "steering-power-0"],
  "digest unpublish": ["steering", "steering-power-0"],
  "digest embargo": ["steering", "steering-power-0"],
};

/**
 * The people a case knows, as the router's service classifies them (route-service actorOf):
 * its requester (here the member), its experts (here the expert, to whom it is routed), an
 * expert of the network who is not on this case (here the organiser), and a steering member.
 * Anyone else is told "not on this case" before the lifecycle is asked.
 */
export const CASE_ACTORS = ["requester", "case-expert", "other-expert", "steering"] as const;
export type CaseActorId = (typeof CASE_ACTORS)[number];

/** The case lifecycle's answer per actor, for every `!case` command. */
export const CASE_LIFECYCLE_ADMITS: Readonly<Record<string, readonly CaseActorId[]>> = {
  "case accept": ["case-expert"],
  "case decline": ["case-expert"],
  "case note": ["case-expert"],
  "case resolve": ["case-expert"],
  "case reassign": ["case-expert", "steering"],
  // Experts resolve; the requester (or steering) closes. The command's summary says so.
  "case close": ["requester", "steering"],
  "case reopen": ["requester"],
  "case reveal": ["requester"],
};

/** Who calls the hub's API: the personas with an account, and bearers of bad sessions. */
export const HUB_CALLERS = [
  "no session",
  "forged token",
  "tampered token",
  "token signed with another key",
  "expired token",
  "token of someone not in the config",
  "outsider",
  "bot",
  "other-region-member",
  "member",
  "expert",
  "organiser",
  "moderator",
  "steering",
] as const;

export type HubCaller = (typeof HUB_CALLERS)[number];

const BAD_SESSIONS = {
  "no session": 401,
  "forged token": 401,
  "tampered token": 401,
  "token signed with another key": 401,
  "expired token": 401,
  "token of someone not in the config": 401,
  // Sign-in is refused to both, so they can only bring a token the hub never issued them.
  outsider: 401,
  bot: 401,
} as const;

/** What every signed-in person gets from a route. */
function everyoneSignedIn(status: number) {
  return {
    "other-region-member": status,
    member: status,
    expert: status,
    organiser: status,
    moderator: status,
    steering: status,
  } as const;
}

/** A route's expected status per caller, and the middleware that decides it. */
export interface ApiRouteRule {
  readonly guard: string;
  readonly status: Readonly<Record<HubCaller, number>>;
}

/**
 * Every route under /api. `POST /api/v1/session` is sign-in itself: the callers that have an
 * account try to sign in with a token their homeserver confirms; the bad-session callers offer
 * what they hold (a session token, or nothing) as the steering member's OpenID token, which the
 * homeserver does not confirm (see hub-authorisation.test.ts).
 */
export const API_ROUTE_RULES: Readonly<Record<string, ApiRouteRule>> = {
  "POST /api/v1/session": {
    guard: "sign-in: OpenID token confirmed by the person's homeserver, then membership of the config",
    status: {
      // No OpenID token at all: the body is malformed.
      "no session": 400,
      "forged token": 401,
      "tampered token": 401,
      "token signed with another key": 401,
      "expired token": 401,
      "token of someone not in the config": 401,
      outsider: 403,
      bot: 403,
      ...everyoneSignedIn(200),
    },
  },
  "GET /api/v1/session": { guard: "requireSession", status: { ...BAD_SESSIONS, ...everyoneSignedIn(200) } },
  "DELETE /api/v1/session": {
    guard: "none: it only clears the browser's cookie (tokens are stateless)",
    status: {
      "no session": 204,
      "forged token": 204,
      "tampered token": 204,
      "token signed with another key": 204,
      "expired token": 204,
      "token of someone not in the config": 204,
      outsider: 204,
      bot: 204,
      ...everyoneSignedIn(204),
    },
  },
  "POST /api/v1/requests": { guard: "requireSession", status: { ...BAD_SESSIONS, ...everyoneSignedIn(201) } },
  "GET /api/v1/requests/stats": {
    guard: "requireSession, requireSteering",
    status: { ...BAD_SESSIONS, ...everyoneSignedIn(403), steering: 200 },
  },
};
