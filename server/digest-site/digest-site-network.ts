/**
 * What the digest site needs from the network config: names for the header and feeds,
 * region and topic names for labels and filters, and the directory (regions with their
 * languages and homeservers, networks with their regions). The loaded NetworkConfig fits.
 */

export type DigestSiteNetwork = {
  readonly network: {
    readonly id: string;
    readonly name: string;
    readonly defaultLanguage: string;
    readonly languages: readonly string[];
  };
  readonly regions: readonly {
    readonly id: string;
    readonly name: string;
    readonly languages: readonly string[];
    readonly homeserver: { readonly serverName: string };
  }[];
  readonly networks: readonly {
    readonly id: string;
    readonly name: string;
    readonly description?: string;
    readonly regions: readonly string[];
  }[];
  readonly routing: { readonly topics: readonly TopicLabels[] };
};

type TopicLabels = { readonly id: string; readonly labels: Readonly<Record<string, string>> };

/**
 * `network` as a {@link DigestSiteNetwork} when it has everything the site reads, for a
 * composition root given a narrower network type (tests pass a few fields only).
 */
export function asDigestSiteNetwork(network: unknown): DigestSiteNetwork | undefined {
  if (!isRecord(network) || !isRecord(network["network"]) || !isRecord(network["routing"])) return undefined;
  const info = network["network"];
  const fits =
    typeof info["id"] === "string" &&
    typeof info["name"] === "string" &&
    typeof info["defaultLanguage"] === "string" &&
    isStrings(info["languages"]) &&
    everyRecord(
      network["regions"],
      (region) =>
        typeof region["id"] === "string" &&
        typeof region["name"] === "string" &&
        isStrings(region["languages"]) &&
        isRecord(region["homeserver"]) &&
        typeof region["homeserver"]["serverName"] === "string",
    ) &&
    everyRecord(
      network["networks"],
      (group) =>
        typeof group["id"] === "string" &&
        typeof group["name"] === "string" &&
        (group["description"] === undefined || typeof group["description"] === "string") &&
        isStrings(group["regions"]),
    ) &&
    everyRecord(
      network["routing"]["topics"],
      (topic) => typeof topic["id"] === "string" && isRecord(topic["labels"]),
    );
  return fits ? (network as DigestSiteNetwork) : undefined;
}

/** The names the pages show for topic and region ids, in one locale. */
export type SiteLabels = {
  topic(id: string): string;
  region(id: string): string;
  readonly topics: readonly { readonly id: string; readonly label: string }[];
  readonly regions: readonly { readonly id: string; readonly label: string }[];
};

/**
 * Topic labels in `locale`, else in the network's default language, else the id; region
 * names as configured (the config has one name per region). An id the config no longer
 * knows (an item published before a topic was renamed) shows as itself.
 */
export function siteLabelsOf(network: DigestSiteNetwork, locale: string): SiteLabels {
  const topics = network.routing.topics.map((topic) => ({
    id: topic.id,
    label: topic.labels[locale] ?? topic.labels[network.network.defaultLanguage] ?? topic.id,
  }));
  const regions = network.regions.map((region) => ({ id: region.id, label: region.name }));
  const topicNames = new Map(topics.map(({ id, label }) => [id, label]));
  const regionNames = new Map(regions.map(({ id, label }) => [id, label]));
  return {
    topic: (id) => topicNames.get(id) ?? id,
    region: (id) => regionNames.get(id) ?? id,
    topics,
    regions,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isStrings(value: unknown): boolean {
  return Array.isArray(value) && value.every((entry) => typeof entry === "string");
}

function everyRecord(value: unknown, check: (entry: Record<string, unknown>) => boolean): boolean {
  return Array.isArray(value) && value.every((entry) => isRecord(entry) && check(entry));
}
