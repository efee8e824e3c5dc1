/**
 * Topic and region filters, read from the query string. Only ids the network config knows
 * are kept: anything else is dropped, so a filter link can never echo arbitrary text into a
 * page, nor make the page cache keep one copy per made-up value.
 */
import type { PublishedDigestItem } from "../../lib/digest-index/index.ts";
import type { DigestSiteNetwork } from "./digest-site-network.ts";

export type ItemFilter = { readonly topic?: string; readonly region?: string };

/** The filter a query asks for, keeping only known topic and region ids. */
export function readItemFilter(network: DigestSiteNetwork, topic: unknown, region: unknown): ItemFilter {
  const knownTopic =
    typeof topic === "string" && network.routing.topics.some(({ id }) => id === topic) ? topic : undefined;
  const knownRegion =
    typeof region === "string" && network.regions.some(({ id }) => id === region) ? region : undefined;
  return {
    ...(knownTopic === undefined ? {} : { topic: knownTopic }),
    ...(knownRegion === undefined ? {} : { region: knownRegion }),
  };
}

export function isFiltered(filter: ItemFilter): boolean {
  return filter.topic !== undefined || filter.region !== undefined;
}

/** The items matching both the topic and the region asked for (either may be absent). */
export function filterItems<T extends PublishedDigestItem>(items: readonly T[], filter: ItemFilter): T[] {
  const { topic, region } = filter;
  return items.filter(
    (item) =>
      (topic === undefined || item.topics.includes(topic)) &&
      (region === undefined || item.regions.includes(region)),
  );
}
