/**
 * Names of a bot's IndexedDB databases. All bots of a process share one fake-indexeddb, so
 * each open session gets databases of its own, under a prefix made of the bot id (readable),
 * a hash of the state directory and a random instance tag. The instance tag matters when a
 * process closes a session and opens it again (tests, a runtime restarting one bot): the Rust
 * crypto store closes its IndexedDB connection only when its WASM objects are garbage
 * collected, so the old databases may stay open, and blocked, for a while; fresh names never
 * wait for them. Snapshot files store names relative to the prefix.
 */
import { createHash, randomBytes } from "node:crypto";

/** The database names of one bot identity. */
export interface BotDatabases {
  /** `cryptoDatabasePrefix` for initRustCrypto (it appends `::matrix-sdk-crypto` etc.). */
  readonly cryptoPrefix: string;
  /** `dbName` for IndexedDBStore (it prepends `matrix-js-sdk:`). */
  readonly syncStoreName: string;
  /** The sync store's database name (`matrix-js-sdk:` + `syncStoreName`). */
  readonly syncDatabase: string;
  /** True for the names of this identity's databases, and only those. */
  readonly belongs: (name: string) => boolean;
  /** A name of this identity's as stored in a snapshot file (without the prefix). */
  readonly toStoredName: (name: string) => string;
  /** A name from a snapshot file as this identity's database name. */
  readonly fromStoredName: (stored: string) => string;
}

const SYNC = "sync";
const CRYPTO = "crypto";

/** Fresh database names for a session of bot `botId` whose state lives in `stateDir`. */
export function botDatabases(botId: string, stateDir: string): BotDatabases {
  const dirHash = createHash("sha256").update(stateDir).digest("hex").slice(0, 8);
  const cryptoPrefix = `meridian-${botId}-${dirHash}-${randomBytes(3).toString("hex")}`;
  const syncStoreName = `${cryptoPrefix}-sync`;
  const syncDbName = `matrix-js-sdk:${syncStoreName}`;
  return {
    cryptoPrefix,
    syncStoreName,
    syncDatabase: syncDbName,
    belongs: (name) => name === syncDbName || name.startsWith(`${cryptoPrefix}::`),
    toStoredName: (name) => (name === syncDbName ? SYNC : `${CRYPTO}${name.slice(cryptoPrefix.length)}`),
    fromStoredName: (stored) =>
      stored === SYNC ? syncDbName : `${cryptoPrefix}${stored.slice(CRYPTO.length)}`,
  };
}
