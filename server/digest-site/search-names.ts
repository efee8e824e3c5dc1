/**
 * The names an item can be found by besides its text: its topics' labels in every language
 * of the config and its regions' names, so "recrutement" finds an item about online
 * recruitment whatever language its messages are in.
 */
import type { PublishedDigestItem } from "../../lib/digest-index/index.ts";
import type { DigestSiteNetwork } from "./digest-site-network.ts";

export function searchNamesOf(network: DigestSiteNetwork): (item: PublishedDigestItem) => readonly string[] {
  const topicLabels = new Map(network.routing.topics.map((topic) => [topic.id, Object.values(topic.labels)]));
  const regionNames = new Map(network.regions.map((region) => [region.id, region.name]));
  return (item) => [
    ...item.topics.flatMap((id) => topicLabels.get(id) ?? []),
    ...item.regions.flatMap((id) => {
      const name = regionNames.get(id);
      return name === undefined ? [] : [name];
    }),
  ];
}
