/**
 * Showing a loaded config to a person or a log. The loaded config holds secret references,
 * not values; this also turns any `Secret` that found its way in into "REDACTED", so a dump
 * can never print one.
 */
import type { NetworkConfig, SecretRef } from "./network-config.ts";
import { listBots } from "./queries.ts";
import { Secret } from "./secrets.ts";

/** A JSON-ready copy of the config in which secrets appear only as references. */
export function redactConfigForDisplay(config: NetworkConfig): unknown {
  return redactValue(config);
}

function redactValue(value: unknown): unknown {
  if (value instanceof Secret) return "REDACTED";
  if (Array.isArray(value)) return value.map(redactValue);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, redactValue(entry)]));
  }
  return value;
}

/** Where a secret is referenced: its key path and the reference. */
export interface SecretRefUse {
  readonly path: string;
  readonly ref: SecretRef;
}

/** Every secret reference in the config, with its key path. */
export function listSecretRefs(config: NetworkConfig): SecretRefUse[] {
  const uses: SecretRefUse[] = [];
  for (const { name, bot } of listBots(config)) {
    uses.push({ path: `bots.${name}.password`, ref: bot.password });
    uses.push({ path: `bots.${name}.storeKey`, ref: bot.storeKey });
  }
  if (config.secrets.hubSessionKey !== undefined) {
    uses.push({ path: "secrets.hubSessionKey", ref: config.secrets.hubSessionKey });
  }
  return uses;
}
