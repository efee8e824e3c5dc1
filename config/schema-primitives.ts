/**
 * Leaf schemas shared by the config sections. Each error message says what was expected and
 * quotes what was found, since organisers edit the YAML by hand.
 */
import { z } from "zod";
import { parseServerName, type ServerName } from "../lib/matrix-ids.ts";
import { isIanaTimeZone } from "../lib/time-zones.ts";
import { parseDuration } from "./parse-duration.ts";

/** A string schema that adds one custom issue when `problemWith` returns a message. */
function checkedString(problemWith: (value: string) => string | undefined) {
  return z.string().superRefine((value, ctx) => {
    const problem = problemWith(value);
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
  });
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Language, optional script, optional region: "en", "ar", "pt-BR", "zh-Hans-CN". Enough for
// tagging requests and picking translations; full BCP 47 (variants, extensions) is not needed.
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$/;
const HH_MM = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/;
// The Matrix spec grammar for new user ids (kept in step with lib/matrix-ids.ts).
const LOCALPART = /^[a-z0-9._=\-/+]+$/;

/** A kebab-case id such as "east-africa". */
export const idSchema = checkedString((value) =>
  KEBAB.test(value)
    ? undefined
    : `expected a kebab-case id (lowercase letters and digits joined by single hyphens, e.g. "east-africa"), found "${value}"`,
);

/** A language tag: "en", "sw", "pt-BR", "zh-Hans". */
export const languageSchema = checkedString((value) =>
  LANGUAGE.test(value)
    ? undefined
    : `expected a language code such as "en", "ar" or "pt-BR", found "${value}"`,
);

/** An IANA time zone name the runtime knows, e.g. "Africa/Nairobi". */
export const timeZoneSchema = checkedString((value) =>
  isIanaTimeZone(value) ? undefined : `"${value}" is not an IANA time zone (e.g. "Africa/Nairobi")`,
);

/** A 24-hour clock time "HH:MM". */
export const clockTimeSchema = checkedString((value) =>
  HH_MM.test(value) ? undefined : `expected a 24-hour time "HH:MM" such as "09:00", found "${value}"`,
);

/** A Matrix user localpart (the part between "@" and ":"). */
export const localpartSchema = checkedString((value) =>
  LOCALPART.test(value)
    ? undefined
    : `expected a Matrix user name (lowercase letters, digits and . _ = - / +), found "${value}"`,
);

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const weekdaySchema = z.enum(WEEKDAYS, {
  error: (issue) => `expected a day ${WEEKDAYS.join(", ")}, found ${JSON.stringify(issue.input)}`,
});

/** A Matrix server name ("example.org", "127.0.0.11:18448"), branded. */
export const serverNameSchema = z.string().transform((value, ctx): ServerName => {
  const parsed = parseServerName(value);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: "custom", message: parsed.error });
  return z.NEVER;
});

/** An http(s) URL without a trailing slash, so consumers can append paths. */
export const httpUrlSchema = z.string().transform((value, ctx) => {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) {
    ctx.addIssue({ code: "custom", message: `expected an http:// or https:// URL, found "${value}"` });
    return z.NEVER;
  }
  return value.replace(/\/+$/, "");
});

/** A duration string ("30m", "4h", "2d") parsed to milliseconds. */
export const durationSchema = z.string().transform((value, ctx) => {
  const parsed = parseDuration(value);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: "custom", message: parsed.error });
  return z.NEVER;
});

/** A non-empty, trimmed-looking human text (names, labels). */
export const textSchema = z.string().min(1, { error: "expected a non-empty text, found an empty string" });

/** A positive whole number. */
export const positiveIntSchema = z.int().min(1);
