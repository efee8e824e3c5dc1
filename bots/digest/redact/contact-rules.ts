/**
 * E-mail addresses, as written and as people disguise them from scrapers
 * ("amina [at] example [dot] org"), with Unicode local parts and domains.
 */
import { type RedactionRule, matchesOf } from "./redaction-rule.ts";

// An apostrophe only inside the local part ("o'brien"), so "l'adresse" before it is not taken.
const LOCAL = String.raw`[\p{L}\p{N}\p{M}_%+\-]+(?:['.][\p{L}\p{N}\p{M}_%+\-]+)*`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}\-]*[\p{L}\p{N}\p{M}])?`;
const EMAIL = String.raw`(?<![\p{L}\p{N}\p{M}._%+\-'])${LOCAL}@(?:${LABEL}\.)+\p{L}{2,}(?![\p{L}\p{N}\p{M}])`;

const AT = String.raw`\s?[\[(]\s?(?:at|@|chez)\s?[\])]\s?`;
const DOT = String.raw`\s?[\[(]\s?(?:dot|point|\.)\s?[\])]\s?`;
const DISGUISED = String.raw`(?<![\p{L}\p{N}\p{M}._%+\-'])${LOCAL}${AT}${LABEL}(?:(?:${DOT}|\.)${LABEL})*${DOT}\p{L}{2,}(?![\p{L}\p{N}\p{M}])`;

export const emailRule: RedactionRule = {
  id: "email",
  kind: "email",
  description: "E-mail addresses",
  pattern: EMAIL,
  replacement: "placeholder",
  pass: 1,
  priority: 70,
  find: (text) => matchesOf(new RegExp(EMAIL, "giu"), text),
};

export const disguisedEmailRule: RedactionRule = {
  id: "email-disguised",
  kind: "email",
  description: 'E-mail addresses written to fool scrapers: "amina [at] example [dot] org"',
  pattern: DISGUISED,
  replacement: "placeholder",
  pass: 1,
  priority: 70,
  find: (text) => matchesOf(new RegExp(DISGUISED, "giu"), text),
};
