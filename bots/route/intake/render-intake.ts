/**
 * Intake's words: the guided exchange's questions and the sentence for each problem, in the
 * reader's language. Problems carry what was typed; this is where it is shortened, and
 * where config ids become the labels and names people recognise.
 */
import type { NetworkConfig } from "../../../config/network-config.ts";
import { type GuidedState } from "./guided-state.ts";
import { type Locale, languageName, resolveLocale, t } from "./i18n/index.ts";
import { type IntakeProblem, type OptionKey, OPTION_KEYS } from "./intake-problem.ts";
import { MAX_TEXT_LENGTH, MIN_TEXT_LENGTH } from "./read-request-fields.ts";

// A whole paragraph pasted where a topic was expected need not be repeated back in full.
const MAX_ECHOED = 40;

// Cut between graphemes, so an accented letter or an emoji is never split in two.
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function echoed(value: string): string {
  const graphemes = Array.from(GRAPHEMES.segment(value), (part) => part.segment);
  return graphemes.length <= MAX_ECHOED ? value : `${graphemes.slice(0, MAX_ECHOED - 1).join("")}…`;
}

/** The topic's label in the reply language, else the network's, else its id. */
function topicLabel(config: NetworkConfig, locale: Locale, id: string): string {
  const labels = config.routing.topics.find((topic) => topic.id === id)?.labels ?? {};
  return labels[locale] ?? labels[config.network.defaultLanguage] ?? id;
}

function regionName(config: NetworkConfig, id: string): string {
  return config.regions.find((region) => region.id === id)?.name ?? id;
}

/** An example of each option, taken from the config so that it is one that works. */
function exampleOf(config: NetworkConfig, key: OptionKey): string {
  const examples: Readonly<Record<OptionKey, string>> = {
    topic: `topic:${config.routing.topics[0]?.id ?? "<tag>"}`,
    lang: `lang:${config.network.defaultLanguage}`,
    urgency: "urgency:high",
    region: `region:${config.regions[0]?.id ?? "<id>"}`,
  };
  return examples[key];
}

/** One sentence saying exactly what is wrong, in the language of `locale`. */
export function renderProblem(config: NetworkConfig, locale: string, problem: IntakeProblem): string {
  switch (problem.kind) {
    case "unknown-topic":
      return t(locale, "problem.unknownTopic", {
        word: echoed(problem.word),
        suggestions: problem.suggestions,
      });
    case "unknown-option":
      return t(locale, "problem.unknownOption", {
        key: echoed(problem.key),
        suggestions: problem.suggestions.map((key) => `${key}:`),
        known: OPTION_KEYS.map((key) => `${key}:`),
      });
    case "missing-option":
      return t(locale, "problem.missingOption", {
        key: problem.key,
        example: exampleOf(config, problem.key),
      });
    case "empty-option":
      return t(locale, "problem.emptyOption", { key: problem.key, example: exampleOf(config, problem.key) });
    case "repeated-option":
      return t(locale, "problem.repeatedOption", { key: problem.key });
    case "bad-language":
      return t(locale, "problem.badLanguage", { value: echoed(problem.value) });
    case "unknown-region":
      return t(locale, "problem.unknownRegion", {
        value: echoed(problem.value),
        suggestions: problem.suggestions,
        known: config.regions.map((region) => region.id),
      });
    case "bad-urgency":
      return t(locale, "problem.badUrgency", { value: echoed(problem.value) });
    case "missing-text":
      return t(locale, "problem.missingText");
    case "short-text":
      return t(locale, "problem.shortText", { min: problem.min });
    case "long-text":
      return t(locale, "problem.longText", { max: problem.max, length: problem.length });
    case "not-yes-no":
      return t(locale, "problem.notYesNo", { value: echoed(problem.value) });
  }
}

/** The reply to a refused one-line request: every problem, one per line, then the usage. */
export function renderOneLineProblems(
  config: NetworkConfig,
  locale: string,
  problems: readonly IntakeProblem[],
): string {
  const lines = problems.map((problem) => `- ${renderProblem(config, locale, problem)}`);
  return [t(locale, "oneLine.heading"), ...lines, t(locale, "oneLine.usage")].join("\n");
}

/** The question `state.step` asks, with the defaults and choices on offer. */
export function renderPrompt(config: NetworkConfig, state: GuidedState): string {
  const { context } = state;
  const locale = resolveLocale(context.locale);
  const languageLabel = (tag: string) => `${languageName(locale, tag)} (${tag})`;
  switch (state.step) {
    case "topic":
      return t(locale, "ask.topic", {
        topics: config.routing.topics.map(
          (topic, index) => `${index + 1}. ${topicLabel(config, locale, topic.id)} (${topic.id})`,
        ),
      });
    case "language": {
      const fallback = context.languages[0];
      return t(locale, "ask.language", {
        fallback: fallback === undefined ? undefined : languageLabel(fallback),
      });
    }
    case "region":
      return t(locale, "ask.region", {
        regions: config.regions.map((region, index) => `${index + 1}. ${region.name} (${region.id})`),
        fallback: regionName(config, context.region),
      });
    case "urgency":
      return t(locale, "ask.urgency", { fallback: "normal" });
    case "anonymous":
      return t(locale, "ask.anonymous");
    case "text":
      return t(locale, "ask.text", { min: MIN_TEXT_LENGTH, max: MAX_TEXT_LENGTH });
    case "confirm":
      return t(locale, "ask.confirm", {
        topic: state.topic === undefined ? "?" : topicLabel(config, locale, state.topic),
        language: state.language === undefined ? "?" : languageLabel(state.language),
        region: state.region === undefined ? "?" : regionName(config, state.region),
        urgency: state.urgency ?? "normal",
        anonymous: state.anonymous ?? false,
      });
  }
}
