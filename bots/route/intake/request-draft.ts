/**
 * A practice request as the requester described it, before routing: what both the one-line
 * `!request` and the guided exchange produce. It becomes a `PracticeRequest` once the
 * requester's person id is added; the text and the anonymity choice travel beside it.
 */
import type { NetworkConfig, PersonConfig, Urgency } from "../../../config/network-config.ts";
import { localeForSpeaker } from "./i18n/locales.ts";

export interface RequestDraft {
  /** A configured topic id. */
  readonly topic: string;
  /** A well-formed language tag ("fr", "pt-BR"); nobody in the network need speak it. */
  readonly language: string;
  /** A configured region id. */
  readonly region: string;
  readonly urgency: Urgency;
  readonly anonymous: boolean;
  /** The request itself, trimmed; plaintext from a possibly encrypted room. */
  readonly text: string;
}

/** Who is asking, as far as intake needs it: defaults and the language to reply in. */
export interface IntakeContext {
  /** The requester's region id: the request's region unless they name another. */
  readonly region: string;
  /** The language tag replies are written in (resolved to a catalogue, English by default). */
  readonly locale: string;
  /** The requester's languages, preferred first: the first is the request's default language. */
  readonly languages: readonly string[];
}

/** The context for a configured person: their region, and replies in the first language they speak that intake has. */
export function intakeContextFor(config: NetworkConfig, person: PersonConfig): IntakeContext {
  return {
    region: person.region,
    locale: localeForSpeaker(person.languages, config.network.defaultLanguage),
    languages: person.languages,
  };
}
