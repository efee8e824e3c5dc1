/** The language the router answers a person in: the first of theirs it has words in, else the network's. */
import type { NetworkConfig } from "../../../config/network-config.ts";
import { personByUserId } from "../../../config/queries.ts";
import { type Locale, localeForSpeaker } from "../intake/i18n/index.ts";

export function replyLocale(config: NetworkConfig, user: string): Locale {
  return localeForSpeaker(personByUserId(config, user)?.languages ?? [], config.network.defaultLanguage);
}
