/**
 * Why a `<when>` was refused, as data: the bot words it in the reader's language
 * (`render-when-error.ts` is the English wording). Refusals for ambiguity carry every
 * reading as a resolved option, so the reply can offer them to pick from instead of
 * asking the person to guess what the bot would accept.
 */
import type { ZoneProblem } from "./read-zone.ts";

/** Which reading of an ambiguous `<when>` an option is. */
export type OptionNote =
  /** `03/12/2026` read day first (3 December) or month first (12 March). */
  | "day-first"
  | "month-first"
  /** A bare hour (`3`) read as morning (03:00) or afternoon (15:00). */
  | "morning"
  | "afternoon"
  /** A time without a date. */
  | "today"
  | "tomorrow"
  /** `tuesday` said on a Tuesday: today or in a week. */
  | "this-week"
  | "next-week"
  /** `next tuesday`: the first Tuesday after today, or the Tuesday of next calendar week. */
  | "coming"
  | "of-next-week"
  /** A local time the clocks skip: the reading before the jump and the one after it. */
  | "before-change"
  | "after-change"
  /** A local time the clocks show twice: the first and the second time. */
  | "first"
  | "second"
  /** An ISO offset disagreeing with the zone: the instant as written, or the local time in the zone. */
  | "as-written"
  | "in-zone";

/** One fully resolved reading the person can pick. */
export interface WhenOption {
  /** ISO-8601 UTC instant, as stored in the convening. */
  readonly start: string;
  readonly zone: string;
  /** The local reading with its offset, e.g. "2026-03-29T01:30+01:00". */
  readonly local: string;
  readonly note: OptionNote;
}

/** A refused `<when>`. `token` fields quote the person's words that caused it. */
export type WhenError =
  | { readonly kind: "empty" }
  /** A word that is neither a date, a time nor a zone. */
  | { readonly kind: "unrecognised"; readonly token: string }
  | {
      readonly kind: "invalid-date";
      readonly token: string;
      readonly reason: "no-such-month" | "no-such-day" | "two-digit-year";
    }
  | { readonly kind: "invalid-time"; readonly token: string }
  | ZoneProblem
  /** A date but no time of day. */
  | { readonly kind: "missing-time"; readonly token: string }
  /** A time but no date (`12:00`): options are today (if still ahead) and tomorrow. */
  | { readonly kind: "missing-date"; readonly token: string; readonly options: readonly WhenOption[] }
  /** Several readings of the words themselves (`03/12/2026`, `3`, `next tuesday`). */
  | {
      readonly kind: "ambiguous";
      readonly what: "date" | "hour" | "weekday";
      readonly token: string;
      readonly options: readonly WhenOption[];
    }
  /** The clocks skip this local time (spring DST change). */
  | {
      readonly kind: "nonexistent-local-time";
      /** "2026-03-29T02:30" */
      readonly local: string;
      readonly zone: string;
      /** Wall clock just before and after the jump, "02:00" and "03:00". */
      readonly clocksFrom: string;
      readonly clocksTo: string;
      readonly options: readonly WhenOption[];
    }
  /** The clocks show this local time twice (autumn DST change). */
  | {
      readonly kind: "repeated-local-time";
      readonly local: string;
      readonly zone: string;
      /** Wall clock just before and after the change, "03:00" and "02:00". */
      readonly clocksFrom: string;
      readonly clocksTo: string;
      readonly options: readonly WhenOption[];
    }
  /** An ISO time whose offset is not the zone's offset at that instant. */
  | {
      readonly kind: "offset-conflict";
      readonly token: string;
      readonly zone: string;
      readonly writtenOffset: string;
      readonly zoneOffset: string;
      readonly options: readonly WhenOption[];
    }
  | { readonly kind: "in-the-past"; readonly start: string; readonly zone: string; readonly local: string }
  /** Words left over after a complete `<when>` (only from `parseWhen`, which reads the whole text). */
  | { readonly kind: "extra-words"; readonly words: readonly string[] };

export type WhenErrorKind = WhenError["kind"];
