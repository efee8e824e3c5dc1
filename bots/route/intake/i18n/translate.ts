/**
 * `t(locale, key, params)`: the one way intake turns a message key into words. Every
 * catalogue has the English one's type, so a key missing in one language cannot compile.
 */
import { type Locale, resolveLocale } from "./locales.ts";
import { type Messages, en } from "./messages-en.ts";
import { fr } from "./messages-fr.ts";

export type MessageKey = keyof Messages;

/** The values a message takes: none, or one object of named values. */
export type MessageArgs<K extends MessageKey> = Parameters<Messages[K]>;

export const CATALOGUES: Readonly<Record<Locale, Messages>> = { en, fr };

/** The message `key` in the catalogue for `locale` (English when the locale has none). */
export function t<K extends MessageKey>(locale: string, key: K, ...args: MessageArgs<K>): string {
  // Indexing a mapped type by a generic key loses the link between key and arguments;
  // the signature above is what keeps callers honest.
  const message = CATALOGUES[resolveLocale(locale)][key] as (...values: MessageArgs<K>) => string;
  return message(...args);
}
