/**
 * `!request` with no arguments: one question per message, for people who would rather not
 * learn the one-line syntax. A pure state machine: the wiring stores the state between
 * messages and sends the replies; an invalid answer leaves the state as it was and says
 * why, and "cancel" (or "annuler") at any step ends the exchange.
 */
import type { NetworkConfig } from "../../../config/network-config.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import { resolveTopic } from "../routing/index.ts";
import { isCancelWord, isKeepDefaultWord, yesOrNo } from "./answer-words.ts";
import { type GuidedState, nextStep } from "./guided-state.ts";
import { t } from "./i18n/index.ts";
import type { IntakeProblem } from "./intake-problem.ts";
import { readLanguage } from "./read-language.ts";
import { readRegion, readRequestText, readUrgency } from "./read-request-fields.ts";
import { renderProblem, renderPrompt } from "./render-intake.ts";
import type { IntakeContext, RequestDraft } from "./request-draft.ts";

/** What to do after a message: ask (again), hand over the finished request, or stop. */
export type GuidedTurn =
  | {
      readonly kind: "ask";
      /** The state to keep until the next message. */
      readonly state: GuidedState;
      readonly reply: string;
      /** Why the answer was refused, when it was. */
      readonly problem?: IntakeProblem;
    }
  | { readonly kind: "done"; readonly draft: RequestDraft }
  | { readonly kind: "cancelled"; readonly reply: string };

type Answered = Result<GuidedState, IntakeProblem>;

function withValue<T>(result: Result<T, IntakeProblem>, set: (value: T) => GuidedState): Answered {
  return result.ok ? ok(set(result.value)) : result;
}

/** The item numbered `answer` (from 1) in a listed choice, when the answer is such a number. */
function byNumber<T>(items: readonly T[], answer: string): T | undefined {
  const digits = /^\s*(\d{1,3})[.)]?\s*$/.exec(answer)?.[1];
  return digits === undefined ? undefined : items[Number(digits) - 1];
}

/** The state with the answer to its current question recorded, or why the answer will not do. */
function readAnswer(config: NetworkConfig, state: GuidedState, answer: string): Answered {
  const { context } = state;
  const keep = isKeepDefaultWord(answer);
  switch (state.step) {
    case "topic": {
      const numbered = byNumber(config.routing.topics, answer);
      const topic = numbered === undefined ? resolveTopic(config.routing, answer) : ok(numbered.id);
      return withValue(topic, (value) => ({ ...state, topic: value }));
    }
    case "language": {
      const fallback = context.languages[0];
      // "no" and "non" are language codes (Norwegian, Old Norse), but here they answer "ok for English?".
      const language =
        keep && fallback !== undefined
          ? ok(fallback)
          : yesOrNo(answer) === undefined
            ? readLanguage(config, answer)
            : err<IntakeProblem>({ kind: "bad-language", value: answer.trim() });
      return withValue(language, (value) => ({ ...state, language: value }));
    }
    case "region": {
      const numbered = byNumber(config.regions, answer);
      const region = keep
        ? ok(context.region)
        : numbered === undefined
          ? readRegion(config, answer)
          : ok(numbered.id);
      return withValue(region, (value) => ({ ...state, region: value }));
    }
    case "urgency":
      return withValue(keep ? ok("normal" as const) : readUrgency(answer), (value) => ({
        ...state,
        urgency: value,
      }));
    case "anonymous": {
      const anonymous = yesOrNo(answer);
      if (anonymous === undefined) return err({ kind: "not-yes-no", value: answer.trim() });
      return ok({ ...state, anonymous });
    }
    case "text":
      return withValue(readRequestText(answer), (value) => ({ ...state, text: value }));
    case "confirm":
      return ok(state);
  }
}

/** Asks the first question `answered` leaves open, with `note` before it when given. */
function askNext(config: NetworkConfig, answered: GuidedState, note?: string): GuidedTurn {
  const state = { ...answered, step: nextStep(answered) };
  const prompt = renderPrompt(config, state);
  return { kind: "ask", state, reply: note === undefined ? prompt : `${note}\n${prompt}` };
}

function refuse(config: NetworkConfig, state: GuidedState, problem: IntakeProblem): GuidedTurn {
  const why = renderProblem(config, state.context.locale, problem);
  return { kind: "ask", state, problem, reply: `${why}\n${renderPrompt(config, state)}` };
}

/** The last answer: yes hands the request over, no drops it. */
function confirm(config: NetworkConfig, state: GuidedState, answer: string): GuidedTurn {
  const { topic, language, region, urgency, anonymous, text } = state;
  const locale = state.context.locale;
  if (
    topic === undefined ||
    language === undefined ||
    region === undefined ||
    urgency === undefined ||
    anonymous === undefined ||
    text === undefined
  ) {
    // Stored without its text (see GuidedState.text), e.g. across a restart: ask for it again.
    const lost = nextStep(state) === "text" ? t(locale, "guided.textLost") : undefined;
    return askNext(config, state, lost);
  }
  const yes = yesOrNo(answer);
  if (yes === undefined) return refuse(config, state, { kind: "not-yes-no", value: answer.trim() });
  if (!yes) return { kind: "cancelled", reply: t(locale, "guided.cancelled") };
  return { kind: "done", draft: { topic, language, region, urgency, anonymous, text } };
}

/** The first question of a guided request, after a line saying how to stop. */
export function startGuidedRequest(config: NetworkConfig, context: IntakeContext): GuidedTurn {
  return askNext(config, { step: "topic", context }, t(context.locale, "guided.intro"));
}

/**
 * The turn after `answer` (the person's whole message) to the question `state` last asked.
 * Offered defaults (the person's region and first language, normal urgency) are taken with
 * "ok"; topics and regions may also be answered by their number in the list shown.
 */
export function answerGuidedRequest(config: NetworkConfig, state: GuidedState, answer: string): GuidedTurn {
  if (isCancelWord(answer)) return { kind: "cancelled", reply: t(state.context.locale, "guided.cancelled") };
  if (state.step === "confirm") return confirm(config, state, answer);
  const answered = readAnswer(config, state, answer);
  return answered.ok ? askNext(config, answered.value) : refuse(config, state, answered.error);
}
