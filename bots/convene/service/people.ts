/**
 * Who a convening concerns, in config terms: the people of its invited regions and networks,
 * each person's language and zone. Pure over the config (and a person's saved zone).
 */
import type { NetworkConfig, PersonConfig } from "../../../config/network-config.ts";
import { personByUserId } from "../../../config/queries.ts";
import type { UserId } from "../../../lib/matrix-ids.ts";
import { LOCALES, type Locale, resolveLocale } from "../i18n/index.ts";
import type { Convening } from "../model/convening.ts";

/** True when the person belongs to an invited region or network. */
export function isInvited(config: NetworkConfig, convening: Convening, user: UserId): boolean {
  const person = personByUserId(config, user);
  if (person === undefined) return false;
  return (
    convening.regions.includes(person.region) ||
    person.networks.some((network) => convening.networks.includes(network))
  );
}

/**
 * The language the bot answers a person in: the first of theirs it speaks, else the network's.
 * Someone who lists Somali, French and English reads French, not the fallback for Somali.
 */
export function localeOf(config: NetworkConfig, user: UserId): Locale {
  const person: PersonConfig | undefined = personByUserId(config, user);
  const spoken = person?.languages.find((tag) =>
    LOCALES.some((locale) => locale === tag.trim().toLowerCase().split(/[-_]/)[0]),
  );
  return resolveLocale(spoken ?? config.network.defaultLanguage);
}

/** The zone a person sees times in: their own setting, their config zone, their region's. */
export function zoneOf(config: NetworkConfig, user: UserId, saved: string | undefined): string {
  if (saved !== undefined) return saved;
  const person = personByUserId(config, user);
  const region = config.regions.find((candidate) => candidate.id === person?.region);
  return person?.timeZone ?? region?.timeZones[0] ?? "UTC";
}

/** The regions a convening reaches: invited ones plus those of invited networks, config order. */
export function regionsReached(
  config: NetworkConfig,
  convening: Pick<Convening, "regions" | "networks">,
): string[] {
  const ids = new Set(convening.regions);
  for (const network of config.networks)
    if (convening.networks.includes(network.id)) for (const region of network.regions) ids.add(region);
  return config.regions.filter((region) => ids.has(region.id)).map((region) => region.id);
}
