/** The digest bot's catalogues, and the one it writes to a person or a room in. */
import type { NetworkConfig } from "../../../config/network-config.ts";
import { personByUserId } from "../../../config/queries.ts";
import { type DigestTexts, en } from "./digest-texts-en.ts";
import { fr } from "./digest-texts-fr.ts";

export type { ConsentRequest, DigestTexts, PreviewPost } from "./digest-texts-en.ts";

const CATALOGUES: Readonly<Record<string, DigestTexts>> = { en, fr };

function primary(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
}

/** The first of `tags` the bot has words in, else the network's language, else English. */
export function localeFor(tags: readonly string[], fallback: string): string {
  const spoken = [...tags, fallback].map(primary).find((tag) => tag in CATALOGUES);
  return spoken ?? "en";
}

export function localeOfUser(config: NetworkConfig, user: string): string {
  return localeFor(personByUserId(config, user)?.languages ?? [], config.network.defaultLanguage);
}

export function textsFor(locale: string): DigestTexts {
  return CATALOGUES[primary(locale)] ?? en;
}
