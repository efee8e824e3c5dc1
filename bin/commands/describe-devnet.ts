/** The text `npm start` and `meridian devnet up` print: where everything is and how to log in. */
import type { NetworkConfig } from "../../config/index.ts";
import type { DevnetState } from "../../devnet/index.ts";

export function describeDevnet(state: DevnetState, config: NetworkConfig, hubUrl?: string): string {
  const lines: string[] = ["", "Meridian devnet is up.", ""];
  if (hubUrl !== undefined) lines.push(`  Hub            ${hubUrl}  (ready: ${hubUrl}/ready)`, "");
  lines.push("  Homeservers (client API, federation over TLS):");
  // The network's regions only: the devnet may also hold test-only homeservers.
  const width = Math.max(...config.regions.map((r) => r.name.length)) + 2;
  for (const region of config.regions) {
    const hs = state.homeservers.find((h) => h.id === region.id);
    if (hs !== undefined)
      lines.push(`    ${region.name.padEnd(width)} ${hs.clientUrl.padEnd(26)} ${hs.serverName}`);
  }
  lines.push(`  Redis          ${state.redis.url}${state.redis.managed ? "" : " (external)"}`, "");
  lines.push("  Demo logins (user id / password), one per region shown; all are in .devnet/state.json:");
  const people = new Map(config.people.map((p) => [p.userId as string, p]));
  const shown = new Set<string>();
  for (const account of state.accounts) {
    const person = people.get(account.userId);
    if (person === undefined || shown.has(account.homeserverId)) continue;
    shown.add(account.homeserverId);
    lines.push(`    ${person.displayName.padEnd(22)} ${account.userId.padEnd(34)} ${account.password}`);
  }
  lines.push("", "  Use any Matrix client (e.g. Element) with a homeserver URL above, or curl the hub.", "");
  return lines.join("\n");
}
