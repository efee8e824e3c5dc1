/**
 * Filing a practice request: the case room (the record in its state, the requester invited
 * unless anonymous), the anonymous requester's own room, the private link, routing, then the
 * request text posted for the experts (under the case handle, scrubbed, when anonymous).
 */
import { replyLocale } from "./reply-locale.ts";
import { personByUserId } from "../../../config/queries.ts";
import type { EventId, UserId } from "../../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import { transactionIdFor } from "../../runtime/ledger/index.ts";
import { CASE_STATE_EVENT, type CaseRecord, newCase, newCaseId } from "../case/index.ts";
import type { RequestDraft } from "../intake/index.ts";
import { scrubIdentity } from "../relay/index.ts";
import type { CaseEngine } from "./case-engine.ts";
import type { CaseLinks } from "./case-links.ts";
import type { CaseRecords } from "./case-records.ts";
import type { Relay } from "./case-relay.ts";
import { ct } from "./i18n/case-texts.ts";
import type { RouteDeps } from "./route-deps.ts";

export interface Filed {
  readonly record: CaseRecord;
  /** What to tell the requester where they asked. */
  readonly reply: string;
}

export async function fileRequest(
  deps: RouteDeps,
  parts: { links: CaseLinks; records: CaseRecords; engine: CaseEngine; relay: Relay },
  draft: RequestDraft,
  requester: UserId,
  trigger: string,
): Promise<Result<Filed, string>> {
  const { config, matrix, logger, now } = deps;
  const locale = replyLocale(config, requester);
  const txn = (purpose: string): string => transactionIdFor(trigger as EventId, purpose);
  const id = newCaseId();
  const profile = {
    topic: draft.topic,
    language: draft.language,
    region: draft.region,
    urgency: draft.urgency,
  };
  const record = draft.anonymous
    ? newCase({ id, profile, now: now(), anonymous: true })
    : newCase({ id, profile, now: now(), anonymous: false, requester });

  const caseRoom = await matrix.createRoom({
    name: `Request ${id}`,
    initialState: [{ type: CASE_STATE_EVENT, stateKey: "", content: record }],
    invite: draft.anonymous ? [] : [requester],
  });
  if (!caseRoom.ok) {
    logger.warn({ caseId: id, errcode: caseRoom.error.errcode }, "could not create a case room");
    return err(ct(locale, "file.failed"));
  }
  let requesterRoom = caseRoom.value;
  if (draft.anonymous) {
    const own = await matrix.createRoom({
      name: `Your request ${id}`,
      initialState: [],
      invite: [requester],
    });
    if (!own.ok) {
      logger.warn({ caseId: id, errcode: own.error.errcode }, "could not create a requester room");
      return err(ct(locale, "file.failed"));
    }
    requesterRoom = own.value;
  }
  const who = draft.anonymous ? record.handle : (personByUserId(config, requester)?.displayName ?? requester);
  const base = { caseId: id, caseRoom: caseRoom.value, requester, requesterRoom };
  const text = draft.anonymous
    ? scrubIdentity(draft.text, await parts.relay.identityOf(base), record.handle).text
    : draft.text;
  const facts = { caseId: id, ...profile };
  const linked = await parts.links.put(base);
  if (!linked.ok) return err(ct(locale, "file.failed"));
  parts.records.remember(record);
  logger.info({ caseId: id, anonymous: draft.anonymous, topic: draft.topic }, "filed a practice request");
  const routed = await parts.engine.routeNew(id, { eventId: trigger });
  // Posted once the first expert is invited, so they can read it (Megolm keys reach only the
  // members of their day); later experts get it posted again from this copy (see CaseLink).
  const posted = await matrix.sendMessage(
    caseRoom.value,
    { msgtype: "m.text", body: ct(record.profile.language, "case.posted", { who, facts, text }) },
    txn("case-posted"),
  );
  if (posted.ok) await parts.links.put({ ...base, requestEvent: posted.value });
  else logger.warn({ caseId: id, errcode: posted.error.errcode }, "could not post the request in its room");
  if (draft.anonymous)
    await matrix.sendMessage(
      requesterRoom,
      {
        msgtype: "m.notice",
        body: ct(locale, "file.requesterRoomIntro", { caseId: id, handle: record.handle }),
      },
      txn("requester-intro"),
    );
  const current = routed.ok ? routed.value : record;
  return ok({
    record: current,
    reply: draft.anonymous
      ? ct(locale, "file.filedAnonymous", { caseId: id, handle: record.handle })
      : ct(locale, "file.filed", { caseId: id }),
  });
}
