import { describe, expect, it } from "vitest";
import { formatDuration } from "../../../../../bots/convene/i18n/format-values.ts";
import { LOCALES, resolveLocale } from "../../../../../bots/convene/i18n/locales.ts";
import {
  CATALOGUES,
  type MessageArgs,
  type MessageKey,
  t,
} from "../../../../../bots/convene/i18n/translate.ts";

/**
 * Values for every message. The type makes this list complete: adding a message to the
 * catalogue without a sample here does not compile, so every message is exercised below.
 */
const SAMPLES: { readonly [K in MessageKey]: MessageArgs<K> } = {
  "card.cancelled": [],
  "card.cancelledReason": [{ reason: "Roads flooded" }],
  "card.when": [],
  "card.localTime": [{ label: "East Africa", time: "Thu 3 Dec, 14:00 EAT" }],
  "card.duration": [{ minutes: 90 }],
  "card.repeats": [{ frequency: "WEEKLY", interval: 2, count: 17 }],
  "card.languages": [{ languages: ["sw", "ar"] }],
  "card.capacity": [{ capacity: 23 }],
  "card.noCapacity": [],
  "card.answers": [{ going: 11, waitlist: 13, maybe: 17, no: 19 }],
  "card.howToAnswer": [{ yes: "👍", maybe: "🤔", no: "👎" }],
  "card.orCommand": [{ command: "!rsvp c7k2p yes" }],
  "card.answersClosed": [],
  "card.id": [{ id: "c7k2p" }],
  "rsvp.confirmed": [{ title: "Youth roundtable" }],
  "rsvp.waitlisted": [{ title: "Youth roundtable", position: 7 }],
  "rsvp.promoted": [{ title: "Youth roundtable" }],
  "rsvp.demoted": [{ title: "Youth roundtable", position: 7 }],
  "rsvp.withdrewPlace": [{ title: "Youth roundtable" }],
  "rsvp.leftWaitlist": [{ title: "Youth roundtable" }],
  "rsvp.notedMaybe": [{ title: "Youth roundtable" }],
  "rsvp.notedNo": [{ title: "Youth roundtable" }],
  "rsvp.unchanged": [{ title: "Youth roundtable", standing: "waitlisted" }],
  "reminder.startsIn": [{ title: "Youth roundtable", minutes: 60 }],
  "reminder.startingNow": [{ title: "Youth roundtable" }],
  "reminder.startedAgo": [{ title: "Youth roundtable", minutes: 20 }],
  "cancel.notice": [{ title: "Youth roundtable", reason: "Roads flooded" }],
  "refusal.onlyOrganisersSchedule": [],
  "refusal.onlyOrganiserChanges": [{ id: "c7k2p" }],
  "error.unknownConvening": [{ id: "c7k2p" }],
  "error.cancelledNoAnswers": [{ title: "Youth roundtable" }],
  "error.pastNoAnswers": [{ title: "Youth roundtable" }],
  "error.unknownAnswer": [{ answer: "perhaps" }],
  "error.notInvited": [{ title: "Youth roundtable" }],
  "error.internal": [],
  "error.badSchedule": [{ problem: "no <when>" }],
  "error.badWhen": [{ problem: "no <when>" }],
  "error.badSuggest": [{ problem: "no <duration>" }],
  "suggest.header": [{ regions: ["East Africa", "MENA"], minutes: 90 }],
  "suggest.option": [{ n: 1, utc: "2026-12-03 12:00", edge: "inside everyone's core hours" }],
  "suggest.inCoreHours": [],
  "suggest.edgeFor": [{ regions: ["Europe"] }],
  "suggest.hint": [],
  "suggest.needWith": [],
  "suggest.badPeriod": [],
  "suggest.periodRange": [{ maxDays: 92 }],
  "error.badZone": [{ zone: "Mars/Olympus" }],
  "schedule.done": [{ id: "c7k2p", title: "Listening <circle>" }],
  "reschedule.done": [{ id: "c7k2p", title: "Listening <circle>" }],
  "reschedule.notice": [{ title: "Listening <circle>", when: "Thu 3 Dec, 14:00" }],
  "cancel.done": [{ id: "c7k2p", title: "Listening <circle>" }],
  "cancel.already": [{ title: "Listening <circle>" }],
  "list.empty": [],
  "list.heading": [],
  "list.item": [{ id: "c7k2p", title: "Listening <circle>", when: "Thu 3 Dec, 14:00", status: "cancelled" }],
  "feed.unavailable": [],
  "feed.personalUrl": [{ url: "http://hub.example/calendars/abc.ics" }],
  "feed.url": [{ url: "http://hub.example/calendars/abc.ics" }],
  "tz.set": [{ zone: "Africa/Nairobi", now: "14:00" }],
  "feed.regionName": [{ network: "Horn Network", region: "East Africa" }],
  "feed.personalName": [{ network: "Horn Network" }],
  "feed.invitedRegions": [{ regions: ["East Africa", "Sahel"] }],
  "feed.yourAnswer": [{ standing: "going" }],
  "feed.cancelledTitle": [{ title: "Youth roundtable" }],
};

// Values that are formatted rather than shown as given (durations, an interval of words).
const FORMATTED = new Set(["status", "minutes", "interval", "frequency", "languages", "regions", "standing"]);

const KEYS = Object.keys(SAMPLES) as MessageKey[];

/**
 * French puts (narrow) no-break spaces before ":" and between a number and its unit; which
 * one ICU uses changes between CLDR versions, so French text is compared with plain spaces.
 */
function spaced(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ");
}

// Looping over keys loses the link between a key and its values that `t` checks; SAMPLES
// was checked key by key above.
const translate = t as (locale: string, key: MessageKey, ...values: readonly unknown[]) => string;

function render(locale: string, key: MessageKey): string {
  return translate(locale, key, ...SAMPLES[key]);
}

describe("the catalogues", () => {
  it.each(LOCALES)("%s has exactly the English keys", (locale) => {
    expect(Object.keys(CATALOGUES[locale]).sort()).toEqual(Object.keys(CATALOGUES.en).sort());
    expect(KEYS.sort()).toEqual(Object.keys(CATALOGUES.en).sort());
  });

  it.each(LOCALES.flatMap((locale) => KEYS.map((key) => [locale, key] as const)))(
    "%s %s says something and keeps every value it is given",
    (locale, key) => {
      const text = render(locale, key);
      expect(text.trim()).not.toBe("");
      expect(text).not.toMatch(/undefined|NaN|\[object|\$\{/);
      for (const [name, value] of Object.entries(SAMPLES[key][0] ?? {})) {
        if (FORMATTED.has(name)) continue;
        expect(text).toContain(String(value));
      }
    },
  );

  it.each(KEYS.map((key) => [key]))("%s is translated into French", (key) => {
    expect(render("fr", key)).not.toBe(render("en", key));
  });

  it("formats lists and language names in the reader's language", () => {
    expect(render("en", "card.languages")).toBe("Languages: Swahili and Arabic");
    expect(spaced(render("fr", "card.languages"))).toBe("Langues : swahili et arabe");
    expect(render("en", "feed.invitedRegions")).toBe("Invited regions: East Africa and Sahel");
  });

  it("describes series in words", () => {
    expect(t("en", "card.repeats", { frequency: "WEEKLY", interval: 1, count: 6 })).toBe(
      "Repeats every week, 6 times",
    );
    expect(t("en", "card.repeats", { frequency: "MONTHLY", interval: 2, until: "1 Mar 2027" })).toBe(
      "Repeats every 2 months, until 1 Mar 2027",
    );
    expect(t("fr", "card.repeats", { frequency: "DAILY", interval: 3 })).toBe("Se répète tous les 3 jours");
  });

  it("gives the cancellation reason only when there is one", () => {
    expect(t("en", "cancel.notice", { title: "Roundtable" })).toBe("“Roundtable” has been cancelled.");
    expect(t("en", "cancel.notice", { title: "Roundtable", reason: "Storm" })).toBe(
      "“Roundtable” has been cancelled. Reason: Storm",
    );
  });
});

describe("reminders", () => {
  it.each([
    [1440, "Reminder: “Roundtable” starts in 24 hours."],
    [60, "Reminder: “Roundtable” starts in 1 hour."],
    [15, "Reminder: “Roundtable” starts in 15 minutes."],
    [4320, "Reminder: “Roundtable” starts in 3 days."],
  ])("renders %i minutes ahead", (minutes, text) => {
    expect(t("en", "reminder.startsIn", { title: "Roundtable", minutes })).toBe(text);
  });

  it("renders them in French", () => {
    expect(spaced(t("fr", "reminder.startsIn", { title: "Atelier", minutes: 1440 }))).toBe(
      "Rappel : « Atelier » commence dans 24 heures.",
    );
  });
});

describe("formatDuration", () => {
  it.each([
    ["en", 0, "0 minutes"],
    ["en", 1, "1 minute"],
    ["en", 45, "45 minutes"],
    ["en", 60, "1 hour"],
    ["en", 90, "1 hour, 30 minutes"],
    ["en", 1440, "24 hours"],
    ["en", 2879, "47 hours, 59 minutes"],
    ["en", 2880, "2 days"],
    ["en", 3000, "2 days, 2 hours"],
    ["en", 10_081, "7 days, 1 minute"],
    ["fr", 60, "1 heure"],
    ["fr", 90, "1 heure et 30 minutes"],
    ["fr", 1440, "24 heures"],
    ["fr", 2880, "2 jours"],
  ])("%s: %i minutes is %j", (locale, minutes, text) => {
    expect(spaced(formatDuration(locale, minutes))).toBe(text);
  });
});

describe("locales", () => {
  it.each([
    ["en", "en"],
    ["fr", "fr"],
    ["fr-CA", "fr"],
    ["FR_be", "fr"],
    ["en-GB", "en"],
    ["sw", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("resolves %j to %s", (tag, locale) => {
    expect(resolveLocale(tag)).toBe(locale);
  });

  it("falls back to English for a language without a catalogue", () => {
    for (const key of KEYS) expect(render("sw", key)).toBe(render("en", key));
    expect(render("fr-CA", "card.when")).toBe("Quand");
  });

  it("checks keys and values at compile time", () => {
    // Never called: tsc fails if any of these lines stops being an error.
    const typeChecks = (): void => {
      // @ts-expect-error: not a message
      t("en", "card.nope");
      // @ts-expect-error: missing the title
      t("en", "rsvp.confirmed", {});
      // @ts-expect-error: position must be a number
      t("en", "rsvp.waitlisted", { title: "x", position: "2" });
      // @ts-expect-error: the message takes no values
      t("en", "card.when", { extra: 1 });
    };
    expect(typeChecks).toBeTypeOf("function");
  });
});
