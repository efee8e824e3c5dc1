/**
 * Requests that arrive through the hub (`POST /api/v1/requests`, lib/request-intake): checked
 * by the same reading as a one-line `!request`, so both intakes accept and refuse alike, and
 * filed the same way. Problems come back named by the request field they are about.
 */
import { personByUserId } from "../../../config/queries.ts";
import type { NetworkConfig } from "../../../config/network-config.ts";
import type { IntakeReply, IntakeRequest } from "../../../lib/request-intake/index.ts";
import { type IntakeProblem, intakeContextFor, parseOneLineRequest, renderProblem } from "../intake/index.ts";
import type { RouteService } from "./route-service.ts";

/** The API field each intake problem is about. */
function fieldOf(problem: IntakeProblem): string {
  switch (problem.kind) {
    case "unknown-topic":
      return "topic";
    case "bad-language":
      return "language";
    case "bad-urgency":
      return "urgency";
    case "unknown-region":
      return "region";
    case "missing-text":
    case "short-text":
    case "long-text":
      return "text";
    case "unknown-option":
    case "missing-option":
    case "empty-option":
    case "repeated-option":
    case "not-yes-no":
      return "request";
  }
}

export async function answerHubRequest(
  config: NetworkConfig,
  route: Pick<RouteService, "file">,
  request: IntakeRequest,
): Promise<IntakeReply> {
  const person = personByUserId(config, request.userId);
  if (person === undefined) return { ok: false, refused: "only people of this network may file requests" };
  const context = intakeContextFor(config, person);
  // Options are single words: a topic label with spaces is joined as its aliases are typed.
  const words = [
    `topic:${request.topic.trim().replace(/\s+/g, "-")}`,
    `lang:${request.language.trim()}`,
    ...(request.urgency === undefined ? [] : [`urgency:${request.urgency}`]),
    ...(request.anonymous ? ["anonymous"] : []),
  ];
  // The text is passed apart: a request beginning "Anonymous accounts…" or "Region: …" is
  // text, not an option, whatever a one-line !request would make of it.
  const parsed = parseOneLineRequest(config, words, context, request.text.trim());
  if (!parsed.ok)
    return {
      ok: false,
      problems: parsed.error.map((problem) => ({
        field: fieldOf(problem),
        message: renderProblem(config, context.locale, problem),
      })),
    };
  const filed = await route.file(parsed.value, request.userId, `hub-${request.id}`);
  return filed.ok ? { ok: true, ...filed.value } : { ok: false, refused: filed.error };
}
