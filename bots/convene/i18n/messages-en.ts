/**
 * The English catalogue, and through its type the shape every other catalogue must have:
 * one function per message, taking exactly the values the sentence needs. A message
 * returns plain text; callers that build HTML escape it (bots/runtime/commands/reply.ts), so
 * a title with "<" can never become markup through a translation.
 */
import type { SeriesFrequency } from "../calendar/series-rule.ts";
import type { Standing } from "../rsvp/tally-rsvps.ts";
import { formatDuration, formatLanguages, formatList } from "./format-values.ts";

const L = "en";

const FREQUENCY_UNITS: Readonly<Record<SeriesFrequency, readonly [string, string]>> = {
  DAILY: ["day", "days"],
  WEEKLY: ["week", "weeks"],
  MONTHLY: ["month", "months"],
  YEARLY: ["year", "years"],
};

const STANDINGS: Readonly<Record<Standing, string>> = {
  going: "going",
  waitlisted: "on the waitlist",
  maybe: "maybe",
  declined: "not going",
  unanswered: "no answer yet",
};

export interface RecurrenceParams {
  readonly frequency: SeriesFrequency;
  readonly interval: number;
  readonly count?: number | undefined;
  /** The last date, already formatted for the reader. */
  readonly until?: string | undefined;
}

function every(frequency: SeriesFrequency, interval: number): string {
  const [one, many] = FREQUENCY_UNITS[frequency];
  return interval === 1 ? `every ${one}` : `every ${interval} ${many}`;
}

export const en = {
  // The convening card.
  "card.cancelled": () => "CANCELLED",
  "card.cancelledReason": (p: { reason: string }) => `Reason: ${p.reason}`,
  "card.when": () => "When",
  "card.localTime": (p: { label: string; time: string }) => `${p.label}: ${p.time}`,
  "card.duration": (p: { minutes: number }) => `Duration: ${formatDuration(L, p.minutes)}`,
  "card.repeats": (p: RecurrenceParams) =>
    `Repeats ${every(p.frequency, p.interval)}` +
    (p.count === undefined ? "" : `, ${p.count} ${p.count === 1 ? "time" : "times"}`) +
    (p.until === undefined ? "" : `, until ${p.until}`),
  "card.languages": (p: { languages: readonly string[] }) => `Languages: ${formatLanguages(L, p.languages)}`,
  "card.capacity": (p: { capacity: number }) => `Places: ${p.capacity}`,
  "card.noCapacity": () => "Places: no limit",
  "card.answers": (p: { going: number; waitlist: number; maybe: number; no: number }) =>
    `Going: ${p.going} · Waitlist: ${p.waitlist} · Maybe: ${p.maybe} · Not going: ${p.no}`,
  "card.howToAnswer": (p: { yes: string; maybe: string; no: string }) =>
    `React ${p.yes} to come, ${p.maybe} if unsure, ${p.no} if you cannot come`,
  "card.orCommand": (p: { command: string }) => `or send ${p.command}`,
  "card.answersClosed": () => "Answers are closed.",
  "card.id": (p: { id: string }) => `Convening ${p.id}`,

  // Answers.
  "rsvp.confirmed": (p: { title: string }) => `You're going to “${p.title}”. See you there!`,
  "rsvp.waitlisted": (p: { title: string; position: number }) =>
    `“${p.title}” is full: you're number ${p.position} on the waitlist. You'll be told if a place opens up.`,
  "rsvp.promoted": (p: { title: string }) => `A place opened up: you're now going to “${p.title}”.`,
  "rsvp.demoted": (p: { title: string; position: number }) =>
    `“${p.title}” now has fewer places: you're number ${p.position} on the waitlist.`,
  "rsvp.withdrewPlace": (p: { title: string }) => `You've given up your place at “${p.title}”.`,
  "rsvp.leftWaitlist": (p: { title: string }) => `You've left the waitlist for “${p.title}”.`,
  "rsvp.notedMaybe": (p: { title: string }) => `Noted: maybe for “${p.title}”.`,
  "rsvp.notedNo": (p: { title: string }) => `Noted: you're not coming to “${p.title}”.`,
  "rsvp.unchanged": (p: { title: string; standing: Standing }) =>
    `Nothing changed: for “${p.title}” you're ${STANDINGS[p.standing]}.`,

  // Reminders.
  "reminder.startsIn": (p: { title: string; minutes: number }) =>
    `Reminder: “${p.title}” starts in ${formatDuration(L, p.minutes)}.`,
  "reminder.startingNow": (p: { title: string }) => `Reminder: “${p.title}” is starting now.`,
  "reminder.startedAgo": (p: { title: string; minutes: number }) =>
    `Reminder: “${p.title}” started ${formatDuration(L, p.minutes)} ago.`,

  // Cancellation.
  "cancel.notice": (p: { title: string; reason?: string | undefined }) =>
    `“${p.title}” has been cancelled.` + (p.reason === undefined ? "" : ` Reason: ${p.reason}`),

  // Refusals.
  "refusal.onlyOrganisersSchedule": () => "Only organisers can schedule convenings.",
  "refusal.onlyOrganiserChanges": (p: { id: string }) =>
    `Only the organiser of ${p.id} or a steering group member can change or cancel it.`,

  // Errors.
  "error.unknownConvening": (p: { id: string }) => `There is no convening “${p.id}”.`,
  "error.cancelledNoAnswers": (p: { title: string }) =>
    `“${p.title}” has been cancelled, so it no longer takes answers.`,
  "error.pastNoAnswers": (p: { title: string }) => `“${p.title}” has already taken place.`,
  "error.unknownAnswer": (p: { answer: string }) => `“${p.answer}” is not an answer: use yes, maybe or no.`,
  "error.notInvited": (p: { title: string }) => `Your region is not invited to “${p.title}”.`,
  "error.internal": () => "Something went wrong; the team has been told. Please try again later.",
  "error.badSchedule": (p: { problem: string }) => `I could not schedule that: ${p.problem}`,
  "error.badWhen": (p: { problem: string }) => `I could not read the new time: ${p.problem}`,
  "error.badZone": (p: { zone: string }) =>
    `“${p.zone}” is not a time zone I know: use an IANA name such as Africa/Nairobi or Europe/Paris.`,

  // Scheduling and changes.
  "schedule.done": (p: { id: string; title: string }) =>
    `Scheduled “${p.title}” as ${p.id}. The card is posted in its room and in the invited regions' rooms.`,
  "reschedule.done": (p: { id: string; title: string }) =>
    `Moved “${p.title}” (${p.id}); everyone who answered has been told.`,
  "reschedule.notice": (p: { title: string; when: string }) => `“${p.title}” has moved: ${p.when}.`,
  "cancel.done": (p: { id: string; title: string }) => `Cancelled “${p.title}” (${p.id}).`,
  "cancel.already": (p: { title: string }) => `“${p.title}” was already cancelled.`,
  "list.empty": () => "No convenings are scheduled for your regions.",
  "list.heading": () => "Convenings:",
  "list.item": (p: { id: string; title: string; when: string; status: string }) =>
    `${p.id}: ${p.title}, ${p.when}${p.status === "cancelled" ? " (cancelled)" : ""}`,
  "feed.unavailable": () => "Calendar feeds are not set up on this network.",
  "feed.personalUrl": (p: { url: string }) =>
    `Your private calendar (add it to Google Calendar, Outlook or Thunderbird by URL): ${p.url} — keep it to yourself; "!convene feed --new" replaces it if it leaks.`,
  "feed.url": (p: { url: string }) => `Calendar feed (share it only inside the network): ${p.url}`,
  "tz.set": (p: { zone: string; now: string }) => `Your time zone is now ${p.zone} (it is ${p.now} there).`,

  // Slot suggestions.
  "suggest.header": (p: { regions: string[]; minutes: number }) =>
    `Best slots for ${formatList(L, p.regions)} (${formatDuration(L, p.minutes)}):`,
  "suggest.option": (p: { n: number; utc: string; edge: string }) =>
    `Option ${p.n} (${p.utc} UTC), ${p.edge}:`,
  "suggest.inCoreHours": () => "inside everyone's core hours",
  "suggest.edgeFor": (p: { regions: string[] }) =>
    `at the edge of the working day for ${formatList(L, p.regions)}`,
  "suggest.hint": () =>
    'Schedule one with !convene schedule "<title>" <date> <time> UTC for <duration> with <regions>.',
  "suggest.needWith": () =>
    'after the duration, say who with "with <regions or networks>", e.g. "with east-africa, mena".',
  "suggest.badPeriod": () => 'write the period as "between 2026-12-01 and 2026-12-14".',
  "suggest.periodRange": (p: { maxDays: number }) =>
    `the period must end after it starts and last at most ${p.maxDays} days.`,
  "error.badSuggest": (p: { problem: string }) => `I could not suggest slots: ${p.problem}`,

  // Calendar feeds.
  "feed.regionName": (p: { network: string; region: string }) => `${p.network}: convenings in ${p.region}`,
  "feed.personalName": (p: { network: string }) => `${p.network}: my convenings`,
  "feed.invitedRegions": (p: { regions: readonly string[] }) =>
    `Invited regions: ${formatList(L, p.regions)}`,
  "feed.yourAnswer": (p: { standing: Standing }) => `Your answer: ${STANDINGS[p.standing]}`,
  "feed.cancelledTitle": (p: { title: string }) => `Cancelled: ${p.title}`,
} as const;

/** The shape every catalogue has: the same keys, each taking the same values. */
export type Messages = { readonly [K in keyof typeof en]: (typeof en)[K] };
