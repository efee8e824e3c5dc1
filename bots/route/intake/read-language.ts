/**
 * Reading the language a requester wants help in. Any well-formed tag of a real language is
 * accepted, even one nobody in the network speaks: routing then falls through to triage and
 * says why, which is where a gap in the network should surface, rather than the requester
 * being turned away.
 */
import type { NetworkConfig } from "../../../config/network-config.ts";
import { type Result, ok, err } from "../../../lib/result.ts";
import { normaliseTopicWord } from "../routing/index.ts";
import type { IntakeProblem } from "./intake-problem.ts";

// The config's own language tag shape (config/schema-primitives.ts): language, optional
// script, optional region. Kept equal so a request's tag compares with experts' tags.
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$/;
// Names are compared in these languages besides the language's own name ("Kiswahili").
const NAME_LOCALES = ["en", "fr"];

/**
 * `value` as a canonical tag ("pt_br" is "pt-BR", "fre" is "fr"), if it is one whose
 * language is configured or known to ICU: any three letters are well-formed, but "yes" or
 * "abc" is a slip, not a language.
 */
function canonicalTag(value: string, configured: ReadonlySet<string>): string | undefined {
  try {
    const [tag] = Intl.getCanonicalLocales(value.trim().replace(/_/g, "-"));
    if (tag === undefined || !LANGUAGE.test(tag)) return undefined;
    const primary = tag.split("-")[0] ?? tag;
    const known = configured.has(tag) || configured.has(primary) || nameIn("en", primary) !== undefined;
    return known ? tag : undefined;
  } catch {
    return undefined;
  }
}

/** Every language the config mentions: only these are recognised by name. */
function configuredLanguages(config: NetworkConfig): Set<string> {
  return new Set([
    ...config.network.languages,
    ...config.regions.flatMap((region) => region.languages),
    ...config.people.flatMap((person) => person.languages),
    ...config.roles.experts.flatMap((expert) => expert.languages),
  ]);
}

function nameIn(locale: string, tag: string): string | undefined {
  try {
    return new Intl.DisplayNames([locale], { type: "language", fallback: "none" }).of(tag);
  } catch {
    return undefined;
  }
}

function namesOf(tag: string): string[] {
  return [...NAME_LOCALES, tag].flatMap((locale) => nameIn(locale, tag) ?? []);
}

/** The tag `value` names: a tag in any case, or the name of a configured language ("French"). */
export function readLanguage(config: NetworkConfig, value: string): Result<string, IntakeProblem> {
  const configured = configuredLanguages(config);
  const tag = canonicalTag(value, configured);
  if (tag !== undefined) return ok(tag);
  const typed = normaliseTopicWord(value);
  if (typed.length > 0) {
    for (const known of configured) {
      if (namesOf(known).some((name) => normaliseTopicWord(name) === typed)) return ok(known);
    }
  }
  return err({ kind: "bad-language", value });
}
