/**
 * Where a case goes next, with what the router knows right now: open cases per expert (from
 * the records in memory), each step's round-robin cursor (Redis: ids only), and who may not
 * be offered the case again.
 */
import {
  type Cursor,
  type ExpertStep,
  type Route,
  type RoutingState,
  chooseExpert,
  routeRequest,
  routingChain,
} from "../routing/index.ts";
import { type CaseRecord, type RouteTarget, excludedExperts, practiceRequestOf } from "../case/index.ts";
import type { CaseRecords } from "./case-records.ts";
import type { RouteDeps } from "./route-deps.ts";

export interface Router {
  route(
    record: CaseRecord,
    target: RouteTarget,
    exclude: readonly string[],
    requesterPerson: string | undefined,
  ): Promise<Route>;
  storeCursor(cursor: Cursor): Promise<void>;
}

const OPEN_STATES = new Set(["routed", "accepted"]);

export function createRouter(deps: RouteDeps, records: CaseRecords): Router {
  const cursorsKey = `${deps.prefix}:cursors`;

  const state = async (record: CaseRecord, exclude: readonly string[]): Promise<RoutingState> => {
    const openCases = new Map<string, number>();
    for (const other of records.all())
      if (OPEN_STATES.has(other.state))
        for (const expert of other.experts) openCases.set(expert, (openCases.get(expert) ?? 0) + 1);
    const cursors = new Map(Object.entries(await deps.redis.hgetall(cursorsKey)));
    return { openCases, cursors, excluded: new Set([...exclude, ...excludedExperts(record)]) };
  };

  return {
    async route(record, target, exclude, requesterPerson) {
      const request = practiceRequestOf(record, requesterPerson);
      const routing = await state(record, exclude);
      if (target.kind === "chain") return routeRequest(deps.config, request, routing, target.from);
      // A pool steering named: its members, whatever the rules say; nobody there means triage.
      const step: ExpertStep = { kind: "cross-regional-pool", pool: target.pool };
      const choice = chooseExpert(deps.config, step, request, routing);
      if (choice.ok) return { kind: "expert", ...choice.value, step, position: record.position, passed: [] };
      return {
        kind: "triage",
        room: deps.config.routing.fallback.triageRoom,
        position: routingChain(deps.config, request).length - 1,
        passed: [{ position: record.position, step, reason: choice.error.reason }],
      };
    },
    async storeCursor(cursor) {
      await deps.redis.hset(cursorsKey, cursor.key, cursor.expert);
    },
  };
}
