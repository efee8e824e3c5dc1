/**
 * What the calendar feeds need from the network config: its id (which scopes event UIDs),
 * names for calendar titles and descriptions, its language, and which networks (groups of
 * regions) contain which regions. The loaded NetworkConfig fits as is.
 */
import type { FeedContext } from "../../bots/convene/calendar/index.ts";

export type HubNetwork = {
  readonly network: { readonly id: string; readonly name: string; readonly defaultLanguage: string };
  readonly regions: readonly { readonly id: string; readonly name: string }[];
  readonly networks: readonly { readonly id: string; readonly regions: readonly string[] }[];
};

/** How feeds of `config`'s network are written: in its default language, regions by name. */
export function feedContextOf(config: HubNetwork): FeedContext {
  return {
    network: config.network.id,
    networkName: config.network.name,
    locale: config.network.defaultLanguage,
    regionNames: Object.fromEntries(config.regions.map((region) => [region.id, region.name])),
  };
}

/** The networks a region belongs to: their convenings invite it too. */
export function networksOfRegion(config: HubNetwork, regionId: string): string[] {
  return config.networks.filter((network) => network.regions.includes(regionId)).map(({ id }) => id);
}
