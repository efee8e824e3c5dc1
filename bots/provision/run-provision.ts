/**
 * `meridian provision plan|apply`, as a function: log the provisioner in on every region's
 * homeserver, observe, plan, and (for apply) carry the plan out. The CLI, `npm start`, the
 * integration tests and `bench/provision` all come through here.
 */
import type { NetworkConfig } from "../../config/network-config.ts";
import { readSecret } from "../../config/secrets.ts";
import { type ServerName, userId } from "../../lib/matrix-ids.ts";
import { type Result, err, ok } from "../../lib/result.ts";
import { type ApplyReport, applyPlan } from "./apply-plan.ts";
import { desiredNetwork } from "./desired-state.ts";
import type { DesiredNetwork } from "./managed-room.ts";
import {
  type MatrixHttpError,
  type RequestCounter,
  createRequestCounter,
  repeatedWrites,
} from "./matrix-http.ts";
import { observeNetwork } from "./observe-network.ts";
import type { ObservedNetwork } from "./observed-state.ts";
import { type Plan, type PlanRefusal, countWrites, planChanges } from "./plan.ts";
import { type ProvisionerApi, loginProvisioner } from "./provisioner-api.ts";

export interface ProvisionOptions {
  readonly mode: "plan" | "apply";
  readonly prune: boolean;
  readonly secretsDir: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Progress lines while applying. */
  readonly progress?: (line: string) => void;
}

/** Requests made, by phase. */
export interface RequestFigures {
  readonly login: number;
  readonly observeReads: number;
  readonly applyWrites: number;
  readonly applyReads: number;
  /** Writes made more than once for the same state (should be none). */
  readonly repeatedWrites: ReadonlyMap<string, number>;
}

export interface ProvisionOutcome {
  readonly desired: DesiredNetwork;
  readonly observed: ObservedNetwork;
  readonly plan: Plan;
  readonly plannedWrites: number;
  /** Only after an apply. */
  readonly report?: ApplyReport;
  readonly requests: RequestFigures;
}

export type ProvisionError =
  | { readonly kind: "no-provisioner"; readonly message: string }
  | { readonly kind: "secret"; readonly message: string }
  | { readonly kind: "homeserver"; readonly message: string; readonly error: MatrixHttpError }
  | { readonly kind: "refused"; readonly message: string; readonly refusals: readonly PlanRefusal[] };

/** Logs in the provisioner on each homeserver of the config. */
export async function loginAll(
  config: NetworkConfig,
  options: Pick<ProvisionOptions, "secretsDir" | "env">,
  counter: RequestCounter,
): Promise<Result<Map<ServerName, ProvisionerApi>, ProvisionError>> {
  const bot = config.bots.provisioner;
  if (bot === undefined)
    return err({
      kind: "no-provisioner",
      message: "the config has no bots.provisioner: add one (localpart, region, password) to provision",
    });
  const password = await readSecret(bot.password, {
    secretsDir: options.secretsDir,
    env: options.env ?? process.env,
  });
  if (!password.ok) return err({ kind: "secret", message: `bots.provisioner.password: ${password.error}` });
  const homeservers = new Map(
    config.regions.map((region) => [region.homeserver.serverName, region.homeserver]),
  );
  const apis = new Map<ServerName, ProvisionerApi>();
  for (const [serverName, homeserver] of homeservers) {
    const api = await loginProvisioner({
      clientUrl: homeserver.clientUrl,
      serverName,
      userId: userId(bot.localpart, serverName),
      localpart: bot.localpart,
      password: password.value.reveal(),
      counter,
    });
    if (!api.ok)
      return err({
        kind: "homeserver",
        message: `the provisioner ${userId(bot.localpart, serverName)} could not log in on ${homeserver.clientUrl}: ${api.error.errcode} ${api.error.message}`,
        error: api.error,
      });
    apis.set(serverName, api.value);
  }
  return ok(apis);
}

export async function runProvision(
  config: NetworkConfig,
  options: ProvisionOptions,
): Promise<Result<ProvisionOutcome, ProvisionError>> {
  const counter = createRequestCounter();
  const apis = await loginAll(config, options, counter);
  if (!apis.ok) return apis;
  const login = counter.reads + counter.writes;
  const readsBefore = counter.reads;
  const desired = desiredNetwork(config);
  const observed = await observeNetwork([...apis.value.values()]);
  if (!observed.ok)
    return err({
      kind: "homeserver",
      message: `reading the rooms failed: ${observed.error.method} ${observed.error.path}: ${observed.error.errcode} ${observed.error.message}`,
      error: observed.error,
    });
  const observeReads = counter.reads - readsBefore;
  const [first] = apis.value.values();
  const planned = planChanges(desired, observed.value, {
    prune: options.prune,
    // Any of the accounts: they all hold the same level everywhere.
    provisionerUserId: first?.userId ?? desired.admins[0] ?? userId("provisioner", "localhost" as ServerName),
  });
  if (!planned.ok)
    return err({
      kind: "refused",
      message: `${planned.error.length} change(s) refused`,
      refusals: planned.error,
    });
  const writesBefore = counter.writes;
  const report =
    options.mode === "apply"
      ? await applyPlan(planned.value, desired, {
          apis: apis.value,
          progress: options.progress ?? (() => undefined),
        })
      : undefined;
  return ok({
    desired,
    observed: observed.value,
    plan: planned.value,
    plannedWrites: countWrites(planned.value),
    ...(report !== undefined && { report }),
    requests: {
      login,
      observeReads,
      applyWrites: counter.writes - writesBefore,
      applyReads: counter.reads - readsBefore - observeReads,
      repeatedWrites: repeatedWrites(counter),
    },
  });
}
