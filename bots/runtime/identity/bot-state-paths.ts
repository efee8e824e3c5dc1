/** Where one bot keeps its state. */
import path from "node:path";

/** The files of one bot identity. */
export interface BotStatePaths {
  readonly stateDir: string;
  readonly sessionFile: string;
  /** The crypto store's last full snapshot (incremental-store.ts). */
  readonly storeFile: string;
  /** The crypto store's changes since that snapshot. */
  readonly logFile: string;
  /** The sync store. */
  readonly syncFile: string;
  readonly lockFile: string;
  /** Beside the state directory, not in it: it must survive losing the state directory. */
  readonly recoveryKeyFile: string;
}

/** The files for `stateDir`; the recovery key defaults to `<stateDir>.recovery-key`. */
export function botStatePaths(stateDir: string, recoveryKeyFile?: string): BotStatePaths {
  const dir = path.resolve(stateDir);
  return {
    stateDir: dir,
    sessionFile: path.join(dir, "session.json.enc"),
    storeFile: path.join(dir, "crypto-store.v8"),
    logFile: path.join(dir, "crypto-store.log"),
    syncFile: path.join(dir, "sync-store.v8"),
    lockFile: path.join(dir, "lock"),
    recoveryKeyFile: recoveryKeyFile === undefined ? `${dir}.recovery-key` : path.resolve(recoveryKeyFile),
  };
}
