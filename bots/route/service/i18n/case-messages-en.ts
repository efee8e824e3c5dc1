/**
 * The English words of the router's case work (filing, notices, refusals), and through its
 * type the shape of every other catalogue. Values quoted from people arrive as given; the
 * messages return plain text.
 */
import type { Urgency } from "../../../../config/network-config.ts";

export interface RequestFacts {
  readonly caseId: string;
  readonly topic: string;
  readonly language: string;
  readonly region: string;
  readonly urgency: Urgency;
}

const URGENCY: Readonly<Record<Urgency, string>> = { low: "low", normal: "normal", high: "high" };

const facts = (f: RequestFacts): string =>
  `topic ${f.topic}, language ${f.language}, region ${f.region}, urgency ${URGENCY[f.urgency]}`;

export const en = {
  "file.filed": (p: { caseId: string }) =>
    `Your request ${p.caseId} is filed. I am looking for the right expert and will tell you when someone takes it.`,
  "file.filedAnonymous": (p: { caseId: string; handle: string }) =>
    `Your request ${p.caseId} is filed anonymously. Experts see you as “${p.handle}”. Write in the room “Your request ${p.caseId}” I just invited you to: I pass your messages on under that name, and theirs back to you. !case close ends it; !case reveal tells the experts who you are.`,
  "file.requesterRoomIntro": (p: { caseId: string; handle: string }) =>
    `This room is your private line for request ${p.caseId}. What you write here reaches the experts as “${p.handle}”; their answers appear here. Commands: !case close, !case reopen, !case reveal.`,
  "file.failed": () =>
    "I could not file your request just now (the homeserver refused a room). Please try again in a minute.",
  "file.notPerson": () =>
    "I only take requests from people of this network. Ask a steering-group member to add you.",
  "file.wrongRoom": () =>
    "I take practice requests in a direct message with me, or in your regional room. Nothing was filed.",
  "file.anonymousNeedsDm": () =>
    "An anonymous request must be sent in a direct message with me, so nobody in a room sees who asked. Nothing was filed.",
  "file.guidedInDm": () => "I have sent you a direct message to take your request step by step.",
  "file.inCaseRoom": () => "This room belongs to one request. Start a new one in our direct chat.",

  "case.posted": (p: { who: string; facts: RequestFacts; text: string }) =>
    `Request ${p.facts.caseId} from ${p.who} (${facts(p.facts)}):\n\n${p.text}`,
  "case.offered": (p: { experts: string; facts: RequestFacts; acceptWithin: string }) =>
    `${p.experts}: request ${p.facts.caseId} is offered to you (${facts(p.facts)}). Please answer within ${p.acceptWithin}: !case accept, or !case decline [reason]. !case note <text> writes a note the requester never sees.`,
  "case.lapsed": (p: { experts: string }) =>
    `${p.experts}: the time to take this request has passed, so it goes to the next experts. Thank you.`,
  "case.reassignedAway": (p: { experts: string }) => `${p.experts}: this request was passed to someone else.`,
  "case.closed": () => "The request is closed. Anyone on it can !case reopen it.",
  "case.reopened": () => "The request is open again.",
  "case.revealed": (p: { name: string }) =>
    `The requester chose to make themselves known: ${p.name}. They are invited to this room.`,
  "case.idleNudge": () =>
    "Nothing has been written here for a while. Is anything still needed? !case resolve ends it.",
  "case.autoClosed": () => "This request was closed after a long silence. !case reopen opens it again.",
  "case.noteKept": () => "Note kept here; it is not passed to the requester.",
  "case.triage": (p: { facts: RequestFacts; why: string; passed: string }) =>
    `Request ${p.facts.caseId} needs a person (${facts(p.facts)}): ${p.why}.${p.passed === "" ? "" : ` Steps passed: ${p.passed}.`} Reply here with !case reassign <pool or user> ${p.facts.caseId}.`,
  "triage.unrouted": () => "no expert in the chain could take it",
  "triage.overdue": () => "it is overdue",
  "triage.reopened": () => "it was reopened and its expert is gone",

  "requester.accepted": (p: { caseId: string }) => `An expert has taken your request ${p.caseId}.`,
  "requester.escalated": (p: { caseId: string }) =>
    `Your request ${p.caseId} had no answer in time, so I have passed it to more experts.`,
  "requester.resolved": (p: { caseId: string; summary: string | undefined }) =>
    `Your request ${p.caseId} is marked resolved${p.summary === undefined ? "." : `: ${p.summary}`} !case reopen if you still need help, !case close to end it.`,
  "requester.closedBySteering": (p: { caseId: string }) =>
    `Your request ${p.caseId} was closed by the steering group.`,
  "requester.idleNudge": (p: { caseId: string }) =>
    `Your request ${p.caseId} has been quiet for a while. Do you still need help? Write here, or !case close.`,
  "requester.autoClosed": (p: { caseId: string }) =>
    `Your request ${p.caseId} was closed after a long silence. !case reopen opens it again.`,
  "requester.scrubbed": () =>
    "I replaced your name in that message with your case name before passing it on, to keep you anonymous.",
  "requester.shortNames": (p: { names: string }) =>
    `Careful: your message contains ${p.names}, which could identify you. I passed it on unchanged.`,
  "requester.writeInCaseRoom": (p: { caseId: string }) =>
    `You made yourself known on request ${p.caseId}, so I no longer pass messages on: write in its room, “Request ${p.caseId}”, which I invited you to.`,
  "relay.refused": () =>
    "I can only pass on text messages; files and images are not relayed, to protect anonymity.",

  "command.done": (p: { caseId: string; state: string }) => `Request ${p.caseId} is now ${p.state}.`,
  "command.notCaseRoom": () =>
    "Use !case in a request's room, or give the request id: e.g. !case reassign europe-experts r7k2pq.",
  "command.unknownCase": (p: { caseId: string }) => `There is no request ${p.caseId}.`,
  "command.notOnCase": () =>
    "Only the experts on this request, its requester or the steering group may do that.",
  "command.wrongState": (p: { event: string; state: string; allowed: string }) =>
    `“${p.event}” cannot be done while the request is ${p.state} (only when ${p.allowed}).`,
  "command.refused": (p: { why: string }) => `That was refused: ${p.why}.`,
  "command.unknownTarget": (p: { target: string }) =>
    `“${p.target}” is neither a pool nor an expert of this network.`,
  "command.revealOnlyAnonymous": () => "Only the requester of an anonymous request can reveal themselves.",
  "command.usage": () =>
    "Usage: !case accept | decline [reason] | note <text> | resolve [summary] | reassign <pool|user> | close | reopen | reveal",
};

export type CaseMessages = typeof en;
