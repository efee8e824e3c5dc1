/**
 * What the router tells people about a case, in their language: the requester (in the case
 * room, or in their own room when anonymous), the experts (in the case room, by name) and
 * the steering group's triage room. Notices carry config ids and the case handle, never an
 * anonymous requester's identity.
 */
import { personById, personByUserId } from "../../../config/queries.ts";
import { replyLocale } from "./reply-locale.ts";
import { durationParts, formatAnd } from "../../../lib/intl-format.ts";
import type { ExpertNotice, RequesterNotice } from "../case/index.ts";
import type { CaseRecord } from "../case/index.ts";
import type { PassedStep } from "../routing/index.ts";
import { resolveLocale } from "../intake/i18n/index.ts";
import type { CaseLink } from "./case-links.ts";
import { type RequestFacts, ct } from "./i18n/case-texts.ts";
import { createManagedRoomIds } from "../../provision/managed-room-ids.ts";
import type { RouteDeps } from "./route-deps.ts";

export interface Notices {
  toRequester(
    link: CaseLink,
    record: CaseRecord,
    notice: RequesterNotice,
    summary: string | undefined,
    txnId: string,
  ): Promise<void>;
  toExperts(
    link: CaseLink,
    record: CaseRecord,
    notice: ExpertNotice,
    experts: readonly string[],
    txnId: string,
  ): Promise<void>;
  toTriage(
    record: CaseRecord,
    roomConfigId: string,
    why: "unrouted" | "overdue" | "reopened",
    passed: readonly PassedStep[],
    txnId: string,
  ): Promise<void>;
  /** The language a person is answered in: their first, else the network's. */
  localeOf(user: string): string;
  /** The language the case's experts are addressed in: the request's own. */
  caseLocale(record: CaseRecord): string;
  facts(record: CaseRecord): RequestFacts;
}

/** The requester's notices that need only the case id (a resolution also carries its summary). */
const REQUESTER_NOTICE_KEYS = {
  accepted: "requester.accepted",
  escalated: "requester.escalated",
  "closed-by-steering": "requester.closedBySteering",
  "idle-nudge": "requester.idleNudge",
  "auto-closed": "requester.autoClosed",
} as const satisfies Record<Exclude<RequesterNotice, "resolved">, string>;

function expertNoticeText(
  locale: string,
  notice: ExpertNotice,
  values: { experts: string; facts: RequestFacts; acceptWithin: string; requesterName: string },
): string {
  const { experts } = values;
  switch (notice) {
    case "offered":
      return ct(locale, "case.offered", { experts, facts: values.facts, acceptWithin: values.acceptWithin });
    case "lapsed":
      return ct(locale, "case.lapsed", { experts });
    case "reassigned-away":
      return ct(locale, "case.reassignedAway", { experts });
    case "closed":
      return ct(locale, "case.closed");
    case "reopened":
      return ct(locale, "case.reopened");
    case "revealed":
      return ct(locale, "case.revealed", { name: values.requesterName });
    case "idle-nudge":
      return ct(locale, "case.idleNudge");
    case "auto-closed":
      return ct(locale, "case.autoClosed");
  }
}

export function createNotices(deps: RouteDeps): Notices {
  const { config, matrix, logger } = deps;
  const rooms = createManagedRoomIds(config, matrix);

  const localeOf = (user: string): string => replyLocale(config, user);
  const caseLocale = (record: CaseRecord): string => resolveLocale(record.profile.language);
  const facts = (record: CaseRecord): RequestFacts => ({ caseId: record.id, ...record.profile });
  const names = (locale: string, experts: readonly string[]): string =>
    formatAnd(
      locale,
      experts.map((person) => personById(config, person)?.displayName ?? person),
    );

  const send = async (
    roomId: Parameters<typeof matrix.sendMessage>[0],
    body: string,
    txnId: string,
  ): Promise<void> => {
    const sent = await matrix.sendMessage(roomId, { msgtype: "m.notice", body }, txnId);
    if (!sent.ok) logger.warn({ roomId, errcode: sent.error.errcode }, "could not send a case notice");
  };

  /** The request's text again, for experts who joined after it was first posted. */
  const repostRequest = async (link: CaseLink, txnId: string): Promise<void> => {
    if (link.requestEvent === undefined) return;
    const read = await matrix.readMessage(link.caseRoom, link.requestEvent);
    const body = read.ok ? read.value?.["body"] : undefined;
    if (typeof body !== "string") {
      logger.warn({ caseId: link.caseId }, "could not read the request back to post it again");
      return;
    }
    const sent = await matrix.sendMessage(link.caseRoom, { msgtype: "m.text", body }, txnId);
    if (!sent.ok)
      logger.warn({ caseId: link.caseId, errcode: sent.error.errcode }, "could not post the request again");
  };

  return {
    localeOf,
    caseLocale,
    facts,
    async toRequester(link, record, notice, summary, txnId) {
      const locale = localeOf(link.requester);
      const body =
        notice === "resolved"
          ? ct(locale, "requester.resolved", { caseId: record.id, summary })
          : ct(locale, REQUESTER_NOTICE_KEYS[notice], { caseId: record.id });
      await send(link.requesterRoom, body, txnId);
    },
    async toExperts(link, record, notice, experts, txnId) {
      const locale = caseLocale(record);
      const who = names(locale, experts);
      const acceptWithin = durationParts(
        locale,
        Math.max(1, Math.round(config.routing.sla[record.profile.urgency].acceptWithin / 60_000)),
        "long",
      ).join(" ");
      const body = expertNoticeText(locale, notice, {
        experts: who,
        facts: facts(record),
        acceptWithin,
        requesterName: personByUserId(config, link.requester)?.displayName ?? link.requester,
      });
      await send(link.caseRoom, body, txnId);
      if (notice === "offered") await repostRequest(link, `${txnId}-request`);
    },
    async toTriage(record, roomConfigId, why, passed, txnId) {
      const roomId = await rooms.roomOf(roomConfigId);
      if (roomId === undefined) {
        logger.error({ caseId: record.id, room: roomConfigId }, "the router is not in the triage room");
        return;
      }
      const locale = config.network.defaultLanguage;
      const whyText = ct(
        locale,
        why === "unrouted" ? "triage.unrouted" : why === "overdue" ? "triage.overdue" : "triage.reopened",
      );
      const passedText = passed
        .map((step) => `${"pool" in step.step ? step.step.pool : step.step.kind} (${step.reason})`)
        .join(", ");
      await send(
        roomId,
        ct(locale, "case.triage", { facts: facts(record), why: whyText, passed: passedText }),
        txnId,
      );
    },
  };
}
