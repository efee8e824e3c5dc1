/**
 * The French catalogue. Typed as `Messages`, so a missing key or a message taking other
 * values fails the type check. French typography: a no-break space (U+00A0) before ":",
 * ";", "?" and inside « »; the one-line keywords stay in English, as the parser reads them.
 */
import type { Urgency } from "../../../../config/network-config.ts";
import type { OptionKey } from "../intake-problem.ts";
import { formatAnd, formatCount, formatOr } from "./format-values.ts";
import type { Messages } from "./messages-en.ts";

const L = "fr";
const NBSP = "\u00a0";

function quoted(text: string): string {
  return `«${NBSP}${text}${NBSP}»`;
}

const URGENCIES: Readonly<Record<Urgency, string>> = { low: "faible", normal: "normale", high: "haute" };
const OPTION_NAMES: Readonly<Record<OptionKey, string>> = {
  topic: "le sujet",
  lang: "la langue",
  urgency: "l’urgence",
  region: "la région",
};

export const fr: Messages = {
  "oneLine.heading": () => `Je n’ai pas pu prendre cette demande${NBSP}:`,
  "oneLine.usage": () =>
    `Écrivez-la ainsi${NBSP}: !request topic:<sujet> lang:<code> urgency:<low|normal|high> [region:<id>] [anonymous] <votre demande>, ou envoyez !request seul et je vous guiderai pas à pas.`,

  "problem.unknownTopic": (p) =>
    `Il n’y a pas de sujet ${quoted(p.word)}` +
    (p.suggestions.length > 0 ? `${NBSP}: vouliez-vous dire ${formatOr(L, p.suggestions)}${NBSP}?` : "."),
  "problem.unknownOption": (p) =>
    `Il n’y a pas d’option ${quoted(`${p.key}:`)}` +
    (p.suggestions.length > 0 ? ` (vouliez-vous dire ${formatOr(L, p.suggestions)}${NBSP}?)` : "") +
    `${NBSP}: les options sont ${formatAnd(L, p.known)}.`,
  "problem.missingOption": (p) =>
    `Il manque ${OPTION_NAMES[p.key]}${NBSP}: ajoutez par exemple ${p.example}.`,
  "problem.emptyOption": (p) =>
    `${quoted(`${p.key}:`)} n’a pas de valeur${NBSP}: écrivez-la juste après les deux-points, sans espace, par exemple ${p.example}.`,
  "problem.repeatedOption": (p) =>
    `${quoted(`${p.key}:`)} est donné plusieurs fois${NBSP}: ne le donnez qu’une fois.`,
  "problem.badLanguage": (p) =>
    `${quoted(p.value)} n’est pas une langue connue${NBSP}: utilisez un code comme en, fr, ar ou pt-BR.`,
  "problem.unknownRegion": (p) =>
    `Il n’y a pas de région ${quoted(p.value)}${NBSP}: ` +
    (p.suggestions.length > 0
      ? `vouliez-vous dire ${formatOr(L, p.suggestions)}${NBSP}?`
      : `les régions sont ${formatAnd(L, p.known)}.`),
  "problem.badUrgency": (p) =>
    `${quoted(p.value)} n’est pas un niveau d’urgence${NBSP}: utilisez faible, normale ou haute (low, normal, high).`,
  "problem.missingText": () => `Il manque la demande elle-même${NBSP}: écrivez-la après les options.`,
  "problem.shortText": (p) =>
    `La demande est trop courte${NBSP}: décrivez en quelques mots ce dont vous avez besoin (au moins ${formatCount(L, p.min)}${NBSP}caractères).`,
  "problem.longText": (p) =>
    `La demande est trop longue (${formatCount(L, p.length)}${NBSP}caractères, au plus ${formatCount(L, p.max)})${NBSP}: gardez l’essentiel${NBSP}; vous pourrez en dire plus à l’expert qui la prendra.`,
  "problem.notYesNo": (p) => `${quoted(p.value)} n’est pas une réponse${NBSP}: répondez oui ou non.`,

  "ask.topic": (p) =>
    [
      `Quel est le sujet de votre demande${NBSP}? Répondez par un numéro ou un sujet${NBSP}:`,
      ...p.topics,
    ].join("\n"),
  "ask.language": (p) =>
    `Dans quelle langue souhaitez-vous de l’aide${NBSP}? Répondez par une langue (français) ou un code (fr, pt-BR)` +
    (p.fallback === undefined ? "." : `, ou ok pour ${p.fallback}.`),
  "ask.region": (p) =>
    [
      `De quelle région faites-vous la demande${NBSP}? Répondez par un numéro ou une région, ou ok pour ${p.fallback}${NBSP}:`,
      ...p.regions,
    ].join("\n"),
  "ask.urgency": (p) =>
    `Quelle est l’urgence${NBSP}? Répondez faible, normale ou haute, ou ok pour ${quoted(URGENCIES[p.fallback])}.`,
  "ask.anonymous": () => `Souhaitez-vous rester anonyme${NBSP}? Répondez oui ou non.`,
  "ask.text": (p) =>
    `Écrivez maintenant votre demande en un seul message${NBSP}: ce qui se passe et l’aide dont vous avez besoin (de ${formatCount(L, p.min)} à ${formatCount(L, p.max)}${NBSP}caractères).`,
  "ask.confirm": (p) =>
    [
      `Votre demande${NBSP}:`,
      `Sujet${NBSP}: ${p.topic}`,
      `Langue${NBSP}: ${p.language}`,
      `Région${NBSP}: ${p.region}`,
      `Urgence${NBSP}: ${URGENCIES[p.urgency]}`,
      `Anonyme${NBSP}: ${p.anonymous ? "oui" : "non"}`,
      `L’envoyer${NBSP}? Répondez oui pour l’envoyer, ou non pour l’abandonner.`,
    ].join("\n"),

  "guided.intro": () => "Préparons votre demande. Répondez annuler à tout moment pour arrêter.",
  "guided.cancelled": () => `Annulé${NBSP}: rien n’a été envoyé. Envoyez !request pour recommencer.`,
  "guided.textLost": () =>
    `Je n’ai plus le texte de votre demande (il n’est pas conservé en attendant votre réponse)${NBSP}; merci de le renvoyer.`,
};
