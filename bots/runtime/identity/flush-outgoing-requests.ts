/**
 * Sends the crypto machine's queued requests (device keys upload, one-time keys, key
 * queries) now, before the client is started. The SDK normally sends them after each sync,
 * but we bootstrap cross-signing before the first sync, and the server rejects a signature
 * on a device whose keys it has never seen: the new device would stay unverified.
 *
 * matrix-js-sdk has no public call for this. Its RustCrypto (the object behind getCrypto())
 * keeps an `outgoingRequestsManager` whose `doProcessOutgoingRequests()` resolves once the
 * queue is drained, and implements the sync callback `markAllTrackedUsersAsDirty()`. We use
 * them when they are there and log when they are not (an SDK upgrade renamed them), rather
 * than fail the start: the SDK sends the same requests after the first sync anyway.
 */
import type { CryptoApi } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { Logger } from "../../../lib/logger.ts";

interface RustCryptoInternals {
  readonly outgoingRequestsManager?: { doProcessOutgoingRequests?: () => Promise<void> };
  readonly markAllTrackedUsersAsDirty?: () => Promise<void>;
}

/** Sends queued crypto requests, if this SDK version lets us. */
export async function flushOutgoingCryptoRequests(crypto: CryptoApi, log: Logger): Promise<void> {
  const manager = (crypto as RustCryptoInternals).outgoingRequestsManager;
  if (typeof manager?.doProcessOutgoingRequests !== "function") {
    log.warn(
      "cannot send crypto requests before the first sync (SDK internals changed); cross-signing may lag",
    );
    return;
  }
  await manager.doProcessOutgoingRequests();
}

/**
 * Queries the keys of the users the crypto store tracks (for a new bot: only itself) again,
 * so the store learns of signatures just uploaded (its own device, cross-signed). Without it
 * the store would learn only when the device list next changes, which may be never.
 */
export async function refreshTrackedKeys(crypto: CryptoApi, log: Logger): Promise<void> {
  const internals = crypto as RustCryptoInternals;
  if (typeof internals.markAllTrackedUsersAsDirty !== "function") {
    log.warn("cannot refresh tracked device keys (SDK internals changed)");
    return;
  }
  await internals.markAllTrackedUsersAsDirty.call(crypto);
  await flushOutgoingCryptoRequests(crypto, log);
}
