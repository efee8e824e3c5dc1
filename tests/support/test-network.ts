/**
 * A private copy of the example network for one test file: its own network id (so markers
 * never collide with `npm start`'s network or another test's), its own accounts (people,
 * bots and a provisioner on every homeserver, all registered on the devnet), and passwords
 * passed through environment-style secret references instead of files.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { type Document, parseDocument } from "yaml";
import { formatConfigIssues, type NetworkConfig, parseConfigText } from "../../config/index.ts";
import { type DevnetState, type DevnetStateHomeserver, registerUser } from "../../devnet/index.ts";
import { mapWithConcurrency } from "../../lib/map-with-concurrency.ts";
import {
  type ProvisionOutcome,
  type ProvisionError,
  runProvision,
} from "../../bots/provision/run-provision.ts";
import type { Result } from "../../lib/result.ts";
import { homeserverOf, registerTestUser, type TestUser } from "./devnet-access.ts";
import { EXAMPLE_CONFIG_PATH } from "./paths.ts";

const PROVISIONER_ENV = "MERIDIAN_TEST_PROVISIONER_PASSWORD";
const BOT_NAMES = ["convene", "route", "digest", "provisioner"] as const;

export interface TestNetwork {
  readonly tag: string;
  /** The config as first provisioned. */
  readonly config: NetworkConfig;
  /** Accounts by user id (people and bots), with passwords and access tokens. */
  readonly accounts: ReadonlyMap<string, TestUser>;
  /** The same network with `edit` applied to its YAML (same tag, same accounts). */
  configWith(edit: (doc: Document) => void): NetworkConfig;
  provision(
    mode: "plan" | "apply",
    options?: { prune?: boolean; config?: NetworkConfig },
  ): Promise<Result<ProvisionOutcome, ProvisionError>>;
}

function tagged(doc: Document, tag: string): void {
  doc.setIn(["network", "id"], `test-${tag}`);
  const people = doc.getIn(["people"]) as { items: unknown[] };
  people.items.forEach((_item, index) => {
    const id = String(doc.getIn(["people", index, "id"]));
    doc.setIn(["people", index, "localpart"], `${id}-${tag}`);
  });
  for (const bot of BOT_NAMES) {
    doc.setIn(["bots", bot, "localpart"], `${bot}-${tag}`);
    doc.setIn(["bots", bot, "password"], doc.createNode({ env: PROVISIONER_ENV }));
    doc.setIn(["bots", bot, "storeKey"], doc.createNode({ env: PROVISIONER_ENV }));
  }
}

function load(text: string): NetworkConfig {
  const loaded = parseConfigText(text, "test-network.yaml");
  if (!loaded.ok) throw new Error(`the test network does not load:\n${formatConfigIssues(loaded.error)}`);
  return loaded.value;
}

/** The devnet homeserver serving a region (regions may share one). */
function homeserverOfRegion(
  devnet: DevnetState,
  config: NetworkConfig,
  regionId: string,
): DevnetStateHomeserver {
  const region = config.regions.find((candidate) => candidate.id === regionId);
  const found = devnet.homeservers.find((hs) => hs.serverName === region?.homeserver.serverName);
  return found ?? homeserverOf(devnet, regionId);
}

/**
 * Registers a fresh copy of a network's accounts (the example's, or those of `baseText`, a
 * config in the example's shape) and returns the network.
 */
export async function createTestNetwork(devnet: DevnetState, baseText?: string): Promise<TestNetwork> {
  const tag = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const base = baseText ?? readFileSync(EXAMPLE_CONFIG_PATH, "utf8");
  const textWith = (edit: (doc: Document) => void): string => {
    const doc = parseDocument(base);
    tagged(doc, tag);
    edit(doc);
    return doc.toString();
  };
  const config = load(textWith(() => undefined));
  const provisionerPassword = randomBytes(12).toString("base64url");
  const accounts = new Map<string, TestUser>();
  const register = async (region: string, localpart: string): Promise<void> => {
    const user = await registerTestUser(homeserverOfRegion(devnet, config, region), localpart);
    accounts.set(user.userId, user);
  };
  // A few at a time: Synapse hashes each password, and 200 at once would only queue.
  await mapWithConcurrency(config.people, 8, (person) => register(person.region, person.localpart));
  for (const name of ["convene", "route", "digest"] as const)
    await register(config.bots[name].region, config.bots[name].localpart);
  const provisioner = config.bots.provisioner;
  if (provisioner === undefined) throw new Error("the example network has a provisioner");
  for (const region of new Set(config.regions.map((r) => homeserverOfRegion(devnet, config, r.id)))) {
    const registered = await registerUser(
      homeserverOf(devnet, region.id),
      provisioner.localpart,
      provisionerPassword,
    );
    if (!registered.ok) throw new Error(`could not register the provisioner: ${registered.error.message}`);
  }
  return {
    tag,
    config,
    accounts,
    configWith: (edit) => load(textWith(edit)),
    provision: (mode, options = {}) =>
      runProvision(options.config ?? config, {
        mode,
        prune: options.prune ?? false,
        secretsDir: "/nonexistent",
        env: { [PROVISIONER_ENV]: provisionerPassword },
      }),
  };
}
