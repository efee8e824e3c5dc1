/** Resolves once the client has completed its first sync, or says why it did not in time. */
import { ClientEvent, SyncState, type MatrixClient } from "matrix-js-sdk";
import { type Result, err, ok } from "../../lib/result.ts";

export function waitForFirstSync(client: MatrixClient, timeoutMs: number): Promise<Result<void, string>> {
  return new Promise((resolve) => {
    const state = client.getSyncState();
    if (state === SyncState.Prepared || state === SyncState.Syncing) {
      resolve(ok(undefined));
      return;
    }
    const timer = setTimeout(() => {
      client.off(ClientEvent.Sync, onSync);
      resolve(err(`no sync with the homeserver within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    function onSync(next: SyncState): void {
      if (next !== SyncState.Prepared && next !== SyncState.Syncing) return;
      clearTimeout(timer);
      client.off(ClientEvent.Sync, onSync);
      resolve(ok(undefined));
    }
    client.on(ClientEvent.Sync, onSync);
  });
}
