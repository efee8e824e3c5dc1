/** The router intake's words: catalogues, `t`, and the locale-aware formatting they use. */
export { formatAnd, formatCount, formatOr, languageName } from "./format-values.ts";
export { FALLBACK_LOCALE, LOCALES, type Locale, localeForSpeaker, resolveLocale } from "./locales.ts";
export type { Messages } from "./messages-en.ts";
export { CATALOGUES, type MessageArgs, type MessageKey, t } from "./translate.ts";
