/**
 * A bot's persistent E2EE identity. One Matrix account and one device per bot, surviving
 * restarts. In the bot's state directory (e.g. `.devnet/bots/convene/`):
 *
 * - `session.json.enc`: user id, device id, access token (AES-256-GCM under the store key);
 * - `crypto-store.v8`, `crypto-store.log`, `sync-store.v8`: the bot's IndexedDB databases
 *   (Rust crypto store, sync store), sealed the same way: a snapshot of the crypto store, its
 *   changes since, and the sync store (incremental-store.ts);
 * - `lock`: one process per identity.
 *
 * Beside it, `<stateDir>.recovery-key`: the secret storage recovery key, sealed, kept outside
 * the directory so a lost store can be recovered (cross-signing keys, room key backup).
 */
export { openBotSession, type OpenBotSessionOptions, type OpenBotSessionDeps } from "./open-bot-session.ts";
export type { BotSession } from "./bot-session.ts";
export type { IdentityError, IdentityErrorKind } from "./identity-error.ts";
export { fixedDeviceId } from "./device-id.ts";
export { botStatePaths, type BotStatePaths } from "./bot-state-paths.ts";
