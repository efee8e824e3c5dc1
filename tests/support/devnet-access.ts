/**
 * What integration tests need from the shared devnet: its homeservers by id, fresh unique
 * users (tests isolate by unique users, never by resetting shared servers), and the network
 * config the devnet was built from.
 */
import { randomBytes } from "node:crypto";
import { registerUser, type DevnetState, type DevnetStateHomeserver } from "../../devnet/index.ts";
import { loadConfigFile, formatConfigIssues, type NetworkConfig } from "../../config/index.ts";
import { EXAMPLE_CONFIG_PATH } from "./paths.ts";

export interface TestUser {
  userId: string;
  password: string;
  accessToken: string;
  deviceId: string;
}

export function homeserverOf(devnet: DevnetState, id: string): DevnetStateHomeserver {
  const homeserver = devnet.homeservers.find((hs) => hs.id === id);
  if (homeserver === undefined) throw new Error(`the devnet has no homeserver "${id}"`);
  return homeserver;
}

export async function registerTestUser(
  homeserver: DevnetStateHomeserver,
  localpart: string,
): Promise<TestUser> {
  const password = randomBytes(12).toString("base64url");
  const registered = await registerUser(homeserver, localpart, password);
  if (!registered.ok) throw new Error(`could not register ${localpart}: ${registered.error.message}`);
  return { ...registered.value, password };
}

let cachedConfig: NetworkConfig | undefined;

export async function loadTestNetworkConfig(): Promise<NetworkConfig> {
  if (cachedConfig !== undefined) return cachedConfig;
  const loaded = await loadConfigFile(EXAMPLE_CONFIG_PATH);
  if (!loaded.ok) throw new Error(`the example config does not load:\n${formatConfigIssues(loaded.error)}`);
  cachedConfig = loaded.value;
  return cachedConfig;
}
