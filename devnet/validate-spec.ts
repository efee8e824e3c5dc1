/**
 * Check a DevnetSpec before touching anything: ids unique and usable as directory names,
 * addresses parseable and not shared, accounts pointing at known homeservers.
 */
import { type Result, ok, err } from "../lib/result.ts";
import type { DevnetError, DevnetSpec } from "./types.ts";
import { type HomeserverAddresses, homeserverAddresses } from "./homeserver-paths.ts";

export function validateSpec(spec: DevnetSpec): Result<Map<string, HomeserverAddresses>, DevnetError> {
  const bad = (message: string): { ok: false; error: DevnetError } =>
    err({ kind: "bad-spec", message: `Devnet spec: ${message}.` });
  const addresses = new Map<string, HomeserverAddresses>();
  const bound = new Map<string, string>();
  for (const hs of spec.homeservers) {
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(hs.id))
      return bad(`homeserver id "${hs.id}" must be lowercase letters, digits, - or _`);
    if (addresses.has(hs.id) || hs.id === "redis" || hs.id === "secrets")
      return bad(`homeserver id "${hs.id}" is used twice or reserved`);
    const parsed = homeserverAddresses(hs);
    if (!parsed.ok) return bad(parsed.error);
    for (const { host, port } of [parsed.value.client, parsed.value.federation]) {
      const key = `${host}:${port}`;
      const other = bound.get(key);
      if (other !== undefined) return bad(`${key} is used by both ${other} and ${hs.id}`);
      bound.set(key, hs.id);
    }
    addresses.set(hs.id, parsed.value);
  }
  const accounts = new Set<string>();
  for (const account of spec.accounts) {
    if (!addresses.has(account.homeserverId))
      return bad(`account "${account.localpart}" names unknown homeserver "${account.homeserverId}"`);
    const key = `${account.homeserverId}/${account.localpart}`;
    if (accounts.has(key))
      return bad(`account "${account.localpart}" on ${account.homeserverId} is listed twice`);
    accounts.add(key);
  }
  return ok(addresses);
}
