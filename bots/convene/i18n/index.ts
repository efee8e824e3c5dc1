/** The convene bot's words: catalogues, `t`, and the locale-aware formatting they use. */
export { formatDuration, formatLanguages, formatList, languageName } from "./format-values.ts";
export type { Locale } from "./locales.ts";
export { FALLBACK_LOCALE, LOCALES, resolveLocale } from "./locales.ts";
export type { Messages, RecurrenceParams } from "./messages-en.ts";
export type { MessageArgs, MessageKey } from "./translate.ts";
export { CATALOGUES, t } from "./translate.ts";
