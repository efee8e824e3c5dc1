/**
 * Bring the devnet up: install Synapse if needed, start every homeserver that is not already
 * running and healthy (in parallel), make sure Redis answers, then create the spec's accounts.
 * Safe to call again: running servers are kept, dead ones restarted, new accounts added.
 */
import { createHmac, randomBytes } from "node:crypto";
import { mkdir, readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type Result, ok, err } from "../lib/result.ts";
import { userId } from "../lib/matrix-ids.ts";
import type {
  DevnetAccountSpec,
  DevnetError,
  DevnetHomeserverSpec,
  DevnetSpec,
  DevnetState,
  DevnetStateAccount,
  DevnetStateHomeserver,
} from "./types.ts";
import { checkHomeserverPorts } from "./check-homeserver-ports.ts";
import { type HomeserverAddresses, homeserverPaths } from "./homeserver-paths.ts";
import { lockDevnet } from "./lock-devnet.ts";
import { isOurProcess } from "./inspect-process.ts";
import { ensureSynapseInstalled } from "./install-synapse.ts";
import { prepareHomeserver } from "./prepare-homeserver.ts";
import { ensureRedis } from "./redis.ts";
import { registerUser } from "./register-user.ts";
import { startHomeserver, synapseCommandMarker } from "./start-homeserver.ts";
import { readState, writeState } from "./state.ts";
import { stopProcess } from "./stop-process.ts";
import { validateSpec } from "./validate-spec.ts";
import { synapseHealthy } from "./wait-ready.ts";

export interface UpDeps {
  log: (line: string) => void;
}

/** Starts (or completes) the devnet described by `spec`; returns what is running. */
export async function up(spec: DevnetSpec, deps: UpDeps): Promise<Result<DevnetState, DevnetError>> {
  const dir = resolve(spec.dir);
  const valid = validateSpec(spec);
  if (!valid.ok) return valid;
  try {
    await mkdir(dir, { recursive: true });
  } catch (cause) {
    return err({
      kind: "io-failed",
      message: `Cannot create the devnet directory ${dir}: ${String(cause)}.`,
      cause,
    });
  }
  const lock = await lockDevnet(dir, deps.log);
  if (!lock.ok) return lock;
  try {
    return await upLocked(dir, spec, valid.value, deps);
  } finally {
    await lock.value();
  }
}

async function upLocked(
  dir: string,
  spec: DevnetSpec,
  addressesById: ReadonlyMap<string, HomeserverAddresses>,
  deps: UpDeps,
): Promise<Result<DevnetState, DevnetError>> {
  const previous = await readState(dir);

  // Sort homeservers into "already running as specified" and "to start".
  const running = new Map<string, number>();
  for (const hs of spec.homeservers) {
    const old = previous?.homeservers.find((h) => h.id === hs.id);
    if (old === undefined || old.serverName !== hs.serverName || old.clientUrl !== hs.clientUrl) continue;
    if (
      isOurProcess(old.pid, synapseCommandMarker(homeserverPaths(dir, hs.id))) &&
      (await synapseHealthy(hs.clientUrl))
    )
      running.set(hs.id, old.pid);
  }
  // A homeserver the spec re-addresses must be replaced, or its old process would be orphaned.
  // One the spec does not name at all is left running and kept in state: `npm start` (the
  // network's regions) and the tests (the regions plus an outsider) share one devnet, and
  // `down` still stops everything.
  const specIds = new Set(spec.homeservers.map((hs) => hs.id));
  const unnamed = (previous?.homeservers ?? []).filter((old) => !specIds.has(old.id));
  for (const old of previous?.homeservers ?? []) {
    if (!specIds.has(old.id) || running.has(old.id)) continue;
    if (!isOurProcess(old.pid, synapseCommandMarker(homeserverPaths(dir, old.id)))) continue;
    deps.log(`${old.id}: stopping Synapse (pid ${old.pid}), it is not running as the spec describes.`);
    await stopProcess(old.pid);
  }
  const toStart = spec.homeservers.filter((hs) => !running.has(hs.id));
  for (const hs of toStart) {
    const addresses = addressesById.get(hs.id);
    if (addresses === undefined) continue;
    const free = await checkHomeserverPorts(hs.id, addresses);
    if (!free.ok) return free;
  }

  const startedAt = Date.now();
  const [synapse, redis] = await Promise.all([
    toStart.length > 0 ? ensureSynapseInstalled(deps) : Promise.resolve(undefined),
    ensureRedis(dir, spec.redisUrl, previous?.redis, deps.log),
  ]);
  if (!redis.ok) return redis;
  // All or nothing for this call: a Redis started just now must not outlive a failed `up` untracked.
  const stopNewRedis = async (): Promise<void> => {
    const fresh = redis.value;
    if (fresh.managed && fresh.pid !== undefined && fresh.pid !== previous?.redis.pid)
      await stopProcess(fresh.pid);
  };
  if (synapse !== undefined && !synapse.ok) {
    await stopNewRedis();
    return synapse;
  }

  if (synapse !== undefined) {
    deps.log(
      `Starting ${toStart.map((hs) => hs.id).join(", ")} (Synapse, logs under ${dir}/<id>/homeserver.log)...`,
    );
    const outcomes = await Promise.all(
      toStart.map(async (hs) => {
        const addresses = addressesById.get(hs.id);
        if (addresses === undefined) throw new Error(`bug: no addresses for validated homeserver ${hs.id}`);
        const prepared = await prepareHomeserver(dir, hs, addresses);
        if (!prepared.ok) return prepared;
        const started = await startHomeserver(synapse.value.python, hs, prepared.value);
        if (started.ok)
          deps.log(`${hs.id}: ready on ${hs.clientUrl} (federation ${hs.serverName}), pid ${started.value}.`);
        return started.ok ? ok({ id: hs.id, pid: started.value }) : started;
      }),
    );
    const failure = outcomes.find((outcome) => !outcome.ok);
    if (failure !== undefined) {
      // All or nothing for this call: don't leave half a network running untracked.
      await Promise.all(
        outcomes.map(async (outcome) => (outcome.ok ? stopProcess(outcome.value.pid) : true)),
      );
      await stopNewRedis();
      return err(failure.error);
    }
    for (const outcome of outcomes) if (outcome.ok) running.set(outcome.value.id, outcome.value.pid);
    deps.log(`Homeservers ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
  }

  const homeservers = [
    ...spec.homeservers.map((hs) => stateHomeserver(dir, hs, running.get(hs.id))),
    ...unnamed,
  ];
  // A no-op `up` keeps the original start time.
  const unchanged = toStart.length === 0 && previous !== undefined && previous.stoppedAt === undefined;
  const state: DevnetState = {
    homeservers,
    redis: redis.value,
    accounts: previous?.accounts ?? [],
    startedAt: unchanged ? previous.startedAt : new Date().toISOString(),
  };
  const saved = await saveState(dir, state);
  if (!saved.ok) return saved;

  const accounts = await registerAccounts(spec.accounts, homeservers, previous?.accounts ?? []);
  const finalState: DevnetState = { ...state, accounts: accounts.accounts };
  const savedAgain = await saveState(dir, finalState);
  if (!savedAgain.ok) return savedAgain;
  return accounts.error === undefined ? ok(finalState) : err(accounts.error);
}

async function saveState(dir: string, state: DevnetState): Promise<Result<void, DevnetError>> {
  try {
    await writeState(dir, state);
    return ok(undefined);
  } catch (cause) {
    return err({
      kind: "io-failed",
      message: `Cannot write the devnet state file in ${dir}: ${String(cause)}.`,
      cause,
    });
  }
}

function stateHomeserver(
  dir: string,
  hs: DevnetHomeserverSpec,
  pid: number | undefined,
): DevnetStateHomeserver {
  const paths = homeserverPaths(dir, hs.id);
  return {
    id: hs.id,
    serverName: hs.serverName,
    clientUrl: hs.clientUrl,
    ...(pid === undefined ? {} : { pid }),
    dir: paths.dir,
    logFile: paths.logFile,
    registrationSharedSecretFile: paths.registrationSharedSecretFile,
  };
}

/**
 * Registers every account ("already taken" counts as done). Passwords come from the spec, else
 * earlier state, else are derived from the homeserver's registration secret: stable across `up`
 * runs even if state.json is lost, as long as the homeserver (and its accounts) is kept.
 * Accounts in earlier state but no longer in the spec are kept: they still exist on the server.
 * Returns the accounts settled so far even on failure, so they are recorded.
 */
async function registerAccounts(
  accounts: readonly DevnetAccountSpec[],
  homeservers: readonly DevnetStateHomeserver[],
  known: readonly DevnetStateAccount[],
): Promise<{ accounts: DevnetStateAccount[]; error?: DevnetError }> {
  const result = new Map(known.map((account) => [`${account.homeserverId}/${account.localpart}`, account]));
  // Sequential per homeserver (SQLite serialises writes anyway), parallel across homeservers.
  const perServer = await Promise.all(
    homeservers.map(async (hs): Promise<DevnetError | undefined> => {
      for (const account of accounts.filter((a) => a.homeserverId === hs.id)) {
        const key = `${hs.id}/${account.localpart}`;
        let password = account.password ?? result.get(key)?.password;
        if (password === undefined) {
          const secret = await readFile(hs.registrationSharedSecretFile, "utf8").catch(() => undefined);
          password =
            secret === undefined
              ? randomBytes(18).toString("base64url")
              : derivePassword(secret.trim(), account.localpart);
        }
        const admin = account.admin ?? false;
        const registered = await registerUser(hs, account.localpart, password, {
          admin,
          ...(account.displayName === undefined ? {} : { displayName: account.displayName }),
        });
        if (!registered.ok && registered.error.reason !== "user-in-use") return registered.error;
        result.set(key, {
          homeserverId: hs.id,
          userId: userId(account.localpart, hs.serverName),
          localpart: account.localpart,
          password,
          admin,
        });
      }
      return undefined;
    }),
  );
  const error = perServer.find((outcome) => outcome !== undefined);
  return { accounts: [...result.values()], ...(error === undefined ? {} : { error }) };
}

function derivePassword(secret: string, localpart: string): string {
  return createHmac("sha256", secret)
    .update(`devnet-password\0${localpart}`)
    .digest("base64url")
    .slice(0, 24);
}
