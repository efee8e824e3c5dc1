/** A case's content-free summary for statistics: config ids, state, urgency and times only. */
import type { CaseRecord } from "../case/index.ts";
import type { CaseSummary } from "../stats/index.ts";

const ESCALATIONS = new Set(["slaAcceptLapsed", "slaReplyLapsed"]);

export function summariseCase(record: CaseRecord): CaseSummary {
  const firstTo = (state: string): number | undefined =>
    record.history.find((transition) => transition.to === state && transition.from !== state)?.at;
  return {
    topic: record.profile.topic,
    region: record.profile.region,
    language: record.profile.language,
    state: record.state,
    urgency: record.profile.urgency,
    createdAt: record.createdAt,
    acceptedAt: firstTo("accepted"),
    resolvedAt: record.state === "resolved" || record.state === "closed" ? firstTo("resolved") : undefined,
    escalations: record.history.filter((transition) => ESCALATIONS.has(transition.event)).length,
  };
}
