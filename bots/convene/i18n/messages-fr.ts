/**
 * The French catalogue. Typed as `Messages`, so a missing key or a message taking other
 * values fails the type check. French typography puts a no-break space (U+00A0) before
 * ":" and inside « »; a convening is « une rencontre ».
 */
import type { SeriesFrequency } from "../calendar/series-rule.ts";
import type { Standing } from "../rsvp/tally-rsvps.ts";
import { formatDuration, formatLanguages, formatList } from "./format-values.ts";
import type { Messages } from "./messages-en.ts";

const L = "fr";
const NBSP = "\u00a0";

function quoted(text: string): string {
  return `«${NBSP}${text}${NBSP}»`;
}

const EVERY: Readonly<Record<SeriesFrequency, readonly [string, (n: number) => string]>> = {
  DAILY: ["chaque jour", (n) => `tous les ${n} jours`],
  WEEKLY: ["chaque semaine", (n) => `toutes les ${n} semaines`],
  MONTHLY: ["chaque mois", (n) => `tous les ${n} mois`],
  YEARLY: ["chaque année", (n) => `tous les ${n} ans`],
};

const STANDINGS: Readonly<Record<Standing, string>> = {
  going: "inscrit·e",
  waitlisted: "sur la liste d’attente",
  maybe: "peut-être",
  declined: "absent·e",
  unanswered: "pas encore de réponse",
};

export const fr: Messages = {
  "card.cancelled": () => "ANNULÉE",
  "card.cancelledReason": (p) => `Motif${NBSP}: ${p.reason}`,
  "card.when": () => "Quand",
  "card.localTime": (p) => `${p.label}${NBSP}: ${p.time}`,
  "card.duration": (p) => `Durée${NBSP}: ${formatDuration(L, p.minutes)}`,
  "card.repeats": (p) => {
    const [one, many] = EVERY[p.frequency];
    return (
      `Se répète ${p.interval === 1 ? one : many(p.interval)}` +
      (p.count === undefined ? "" : `, ${p.count}${NBSP}fois`) +
      (p.until === undefined ? "" : `, jusqu’au ${p.until}`)
    );
  },
  "card.languages": (p) => `Langues${NBSP}: ${formatLanguages(L, p.languages)}`,
  "card.capacity": (p) => `Places${NBSP}: ${p.capacity}`,
  "card.noCapacity": () => `Places${NBSP}: sans limite`,
  "card.answers": (p) =>
    `Inscrits${NBSP}: ${p.going} · Liste d’attente${NBSP}: ${p.waitlist} · Peut-être${NBSP}: ${p.maybe} · Absents${NBSP}: ${p.no}`,
  "card.howToAnswer": (p) =>
    `Réagissez avec ${p.yes} pour venir, ${p.maybe} si vous hésitez, ${p.no} si vous ne pouvez pas venir`,
  "card.orCommand": (p) => `ou envoyez ${p.command}`,
  "card.answersClosed": () => "Les réponses sont closes.",
  "card.id": (p) => `Rencontre ${p.id}`,

  "rsvp.confirmed": (p) => `Vous êtes inscrit·e à ${quoted(p.title)}. À bientôt${NBSP}!`,
  "rsvp.waitlisted": (p) =>
    `${quoted(p.title)} est complète${NBSP}: vous êtes en position ${p.position} sur la liste d’attente. Vous serez prévenu·e si une place se libère.`,
  "rsvp.promoted": (p) =>
    `Une place s’est libérée${NBSP}: vous êtes maintenant inscrit·e à ${quoted(p.title)}.`,
  "rsvp.demoted": (p) =>
    `${quoted(p.title)} a maintenant moins de places${NBSP}: vous êtes en position ${p.position} sur la liste d’attente.`,
  "rsvp.withdrewPlace": (p) => `Vous avez libéré votre place à ${quoted(p.title)}.`,
  "rsvp.leftWaitlist": (p) => `Vous avez quitté la liste d’attente de ${quoted(p.title)}.`,
  "rsvp.notedMaybe": (p) => `C’est noté${NBSP}: peut-être pour ${quoted(p.title)}.`,
  "rsvp.notedNo": (p) => `C’est noté${NBSP}: vous ne viendrez pas à ${quoted(p.title)}.`,
  "rsvp.unchanged": (p) =>
    `Rien n’a changé${NBSP}: pour ${quoted(p.title)}, vous êtes ${STANDINGS[p.standing]}.`,

  "reminder.startsIn": (p) =>
    `Rappel${NBSP}: ${quoted(p.title)} commence dans ${formatDuration(L, p.minutes)}.`,
  "reminder.startingNow": (p) => `Rappel${NBSP}: ${quoted(p.title)} commence maintenant.`,
  "reminder.startedAgo": (p) =>
    `Rappel${NBSP}: ${quoted(p.title)} a commencé il y a ${formatDuration(L, p.minutes)}.`,

  "cancel.notice": (p) =>
    `${quoted(p.title)} a été annulée.` + (p.reason === undefined ? "" : ` Motif${NBSP}: ${p.reason}`),

  "refusal.onlyOrganisersSchedule": () => "Seuls les organisateurs peuvent programmer des rencontres.",
  "refusal.onlyOrganiserChanges": (p) =>
    `Seul l’organisateur de ${p.id} ou un membre du comité de pilotage peut la modifier ou l’annuler.`,

  "error.unknownConvening": (p) => `Il n’y a pas de rencontre ${quoted(p.id)}.`,
  "error.cancelledNoAnswers": (p) => `${quoted(p.title)} a été annulée et ne prend plus de réponses.`,
  "error.pastNoAnswers": (p) => `${quoted(p.title)} a déjà eu lieu.`,
  "error.unknownAnswer": (p) =>
    `${quoted(p.answer)} n’est pas une réponse${NBSP}: utilisez yes, maybe ou no.`,
  "error.notInvited": (p) => `Votre région n’est pas invitée à ${quoted(p.title)}.`,
  "error.internal": () => `Une erreur est survenue${NBSP}; l’équipe a été prévenue. Réessayez plus tard.`,
  "error.badSchedule": (p) => `Je n’ai pas pu programmer cela${NBSP}: ${p.problem}`,
  "error.badWhen": (p) => `Je n’ai pas pu lire la nouvelle date${NBSP}: ${p.problem}`,
  "error.badZone": (p) =>
    `«${NBSP}${p.zone}${NBSP}» n’est pas un fuseau horaire connu${NBSP}: utilisez un nom IANA comme Africa/Nairobi ou Europe/Paris.`,

  "schedule.done": (p) =>
    `«${NBSP}${p.title}${NBSP}» est programmée sous l’identifiant ${p.id}. La fiche est publiée dans son salon et dans ceux des régions invitées.`,
  "reschedule.done": (p) =>
    `«${NBSP}${p.title}${NBSP}» (${p.id}) a été déplacée${NBSP}; toutes les personnes ayant répondu ont été prévenues.`,
  "reschedule.notice": (p) => `«${NBSP}${p.title}${NBSP}» a été déplacée${NBSP}: ${p.when}.`,
  "cancel.done": (p) => `«${NBSP}${p.title}${NBSP}» (${p.id}) est annulée.`,
  "cancel.already": (p) => `«${NBSP}${p.title}${NBSP}» était déjà annulée.`,
  "list.empty": () => "Aucune rencontre n’est prévue pour vos régions.",
  "list.heading": () => `Rencontres${NBSP}:`,
  "list.item": (p) => `${p.id}${NBSP}: ${p.title}, ${p.when}${p.status === "cancelled" ? " (annulée)" : ""}`,
  "feed.unavailable": () => "Les calendriers ne sont pas configurés sur ce réseau.",
  "feed.personalUrl": (p) =>
    `Votre calendrier privé (à ajouter par URL dans Google Agenda, Outlook ou Thunderbird)${NBSP}: ${p.url} — gardez-le pour vous${NBSP}; «${NBSP}!convene feed --new${NBSP}» le remplace s’il a fuité.`,
  "feed.url": (p) => `Calendrier (à ne partager qu’au sein du réseau)${NBSP}: ${p.url}`,
  "tz.set": (p) => `Votre fuseau horaire est désormais ${p.zone} (il y est ${p.now}).`,

  "suggest.header": (p) =>
    `Meilleurs créneaux pour ${formatList(L, p.regions)} (${formatDuration(L, p.minutes)})${NBSP}:`,
  "suggest.option": (p) => `Option ${p.n} (${p.utc} UTC), ${p.edge}${NBSP}:`,
  "suggest.inCoreHours": () => "dans les heures de travail de toutes les régions",
  "suggest.edgeFor": (p) => `en bordure de la journée de travail pour ${formatList(L, p.regions)}`,
  "suggest.hint": () =>
    `Pour en programmer un${NBSP}: !convene schedule "<titre>" <date> <heure> UTC for <durée> with <régions>.`,
  "suggest.needWith": () =>
    `après la durée, indiquez avec qui${NBSP}: ${quoted("with <régions ou réseaux>")}, par exemple ${quoted("with east-africa, mena")}.`,
  "suggest.badPeriod": () =>
    `indiquez la période ainsi${NBSP}: ${quoted("between 2026-12-01 and 2026-12-14")}.`,
  "suggest.periodRange": (p) =>
    `la période doit finir après son début et durer au plus ${p.maxDays}${NBSP}jours.`,
  "error.badSuggest": (p) => `Je n’ai pas pu proposer de créneaux${NBSP}: ${p.problem}`,

  "feed.regionName": (p) => `${p.network}${NBSP}: rencontres (${p.region})`,
  "feed.personalName": (p) => `${p.network}${NBSP}: mes rencontres`,
  "feed.invitedRegions": (p) => `Régions invitées${NBSP}: ${formatList(L, p.regions)}`,
  "feed.yourAnswer": (p) => `Votre réponse${NBSP}: ${STANDINGS[p.standing]}`,
  "feed.cancelledTitle": (p) => `Annulée${NBSP}: ${p.title}`,
};
