/**
 * The devnet: local Synapse homeservers federating over loopback, plus Redis. A library;
 * the CLI (`meridian devnet up|down|status`) and the integration-test global setup call it.
 */
export { up, type UpDeps } from "./up.ts";
export { down, type DownDeps } from "./down.ts";
export { status } from "./status.ts";
export { readState } from "./state.ts";
export { registerUser, type RegisteredUser, type RegisterError } from "./register-user.ts";
export {
  SYNAPSE_VERSION,
  ensureSynapseInstalled,
  synapseInstallDir,
  type SynapseInstall,
} from "./install-synapse.ts";
export type {
  DevnetAccountSpec,
  DevnetError,
  DevnetHomeserverSpec,
  DevnetSpec,
  DevnetState,
  DevnetStateAccount,
  DevnetStateHomeserver,
  DevnetStateRedis,
  DevnetStatus,
  ProcessHealth,
} from "./types.ts";
