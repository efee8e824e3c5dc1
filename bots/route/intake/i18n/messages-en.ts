/**
 * The English catalogue of the router's intake, and through its type the shape of every
 * other: one function per message, taking exactly the values the sentence needs. Values
 * quoted from the requester arrive already shortened; messages return plain text.
 */
import type { Urgency } from "../../../../config/network-config.ts";
import type { OptionKey } from "../intake-problem.ts";
import { formatAnd, formatCount, formatOr } from "./format-values.ts";

const L = "en";

const URGENCIES: Readonly<Record<Urgency, string>> = { low: "low", normal: "normal", high: "high" };
const OPTION_NAMES: Readonly<Record<OptionKey, string>> = {
  topic: "topic",
  lang: "language",
  urgency: "urgency",
  region: "region",
};

export const en = {
  "oneLine.heading": () => "I could not take that request:",
  "oneLine.usage": () =>
    "Write it as !request topic:<tag> lang:<code> urgency:<low|normal|high> [region:<id>] [anonymous] <your request>, or send !request alone and I will ask step by step.",

  "problem.unknownTopic": (p: { word: string; suggestions: readonly string[] }) =>
    `There is no topic “${p.word}”` +
    (p.suggestions.length > 0 ? `: did you mean ${formatOr(L, p.suggestions)}?` : "."),
  "problem.unknownOption": (p: { key: string; suggestions: readonly string[]; known: readonly string[] }) =>
    `There is no option “${p.key}:”` +
    (p.suggestions.length > 0 ? ` (did you mean ${formatOr(L, p.suggestions)}?)` : "") +
    `: the options are ${formatAnd(L, p.known)}.`,
  "problem.missingOption": (p: { key: OptionKey; example: string }) =>
    `The ${OPTION_NAMES[p.key]} is missing: add one, for example ${p.example}.`,
  "problem.emptyOption": (p: { key: OptionKey; example: string }) =>
    `“${p.key}:” has no value: write it right after the colon, without a space, for example ${p.example}.`,
  "problem.repeatedOption": (p: { key: OptionKey }) => `“${p.key}:” is given more than once: give it once.`,
  "problem.badLanguage": (p: { value: string }) =>
    `“${p.value}” is not a language I know: use a code such as en, fr, ar or pt-BR.`,
  "problem.unknownRegion": (p: { value: string; suggestions: readonly string[]; known: readonly string[] }) =>
    `There is no region “${p.value}”: ` +
    (p.suggestions.length > 0
      ? `did you mean ${formatOr(L, p.suggestions)}?`
      : `the regions are ${formatAnd(L, p.known)}.`),
  "problem.badUrgency": (p: { value: string }) => `“${p.value}” is not an urgency: use low, normal or high.`,
  "problem.missingText": () => "The request itself is missing: write it after the options.",
  "problem.shortText": (p: { min: number }) =>
    `The request is too short: describe what you need in a few words (at least ${formatCount(L, p.min)} characters).`,
  "problem.longText": (p: { max: number; length: number }) =>
    `The request is too long (${formatCount(L, p.length)} characters, at most ${formatCount(L, p.max)}): keep to the essentials; you can tell the expert more once they have taken it.`,
  "problem.notYesNo": (p: { value: string }) => `“${p.value}” is not an answer: reply yes or no.`,

  "ask.topic": (p: { topics: readonly string[] }) =>
    ["What is your request about? Reply with a number or a topic:", ...p.topics].join("\n"),
  "ask.language": (p: { fallback: string | undefined }) =>
    "In which language do you want help? Reply with a language such as French, or a code such as fr or pt-BR" +
    (p.fallback === undefined ? "." : `, or ok for ${p.fallback}.`),
  "ask.region": (p: { regions: readonly string[]; fallback: string }) =>
    [
      `Which region are you asking from? Reply with a number or a region, or ok for ${p.fallback}:`,
      ...p.regions,
    ].join("\n"),
  "ask.urgency": (p: { fallback: Urgency }) =>
    `How urgent is it? Reply low, normal or high, or ok for ${URGENCIES[p.fallback]}.`,
  "ask.anonymous": () => "Do you want to stay anonymous? Reply yes or no.",
  "ask.text": (p: { min: number; max: number }) =>
    `Now write your request in one message: what is happening, and what help you need (${formatCount(L, p.min)} to ${formatCount(L, p.max)} characters).`,
  "ask.confirm": (p: {
    topic: string;
    language: string;
    region: string;
    urgency: Urgency;
    anonymous: boolean;
  }) =>
    [
      "Your request:",
      `Topic: ${p.topic}`,
      `Language: ${p.language}`,
      `Region: ${p.region}`,
      `Urgency: ${URGENCIES[p.urgency]}`,
      `Anonymous: ${p.anonymous ? "yes" : "no"}`,
      "Send it? Reply yes to send it, or no to drop it.",
    ].join("\n"),

  "guided.intro": () => "Let's prepare your practice request. Reply cancel at any time to stop.",
  "guided.cancelled": () => "Cancelled: nothing was sent. Send !request to start again.",
  "guided.textLost": () =>
    "I no longer have the text of your request (it is not kept while waiting for your answer), so please send it again.",
} as const;

/** The shape every catalogue has: the same keys, each taking the same values. */
export type Messages = { readonly [K in keyof typeof en]: (typeof en)[K] };
