/** `ct(locale, key, params)`: the router's case words in the person's language (English otherwise). */
import { type Locale, resolveLocale } from "../../intake/i18n/index.ts";
import { type CaseMessages, en } from "./case-messages-en.ts";
import { fr } from "./case-messages-fr.ts";

export type { RequestFacts } from "./case-messages-en.ts";
export type CaseMessageKey = keyof CaseMessages;

const CATALOGUES: Readonly<Record<Locale, CaseMessages>> = { en, fr };

export function ct<K extends CaseMessageKey>(
  locale: string,
  key: K,
  ...args: Parameters<CaseMessages[K]>
): string {
  // See intake/i18n/translate.ts: the signature keeps callers honest, the cast bridges the lookup.
  const message = CATALOGUES[resolveLocale(locale)][key] as (
    ...values: Parameters<CaseMessages[K]>
  ) => string;
  return message(...args);
}
