import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { URGENCIES } from "../../../../../config/schema.ts";
import {
  type PracticeRequest,
  type RoutingState,
  chooseExpert,
  isEligible,
  routeRequest,
  routingChain,
  stepMembers,
} from "../../../../../bots/route/routing/index.ts";
import { example } from "./routing-fixtures.ts";

const people = example.people.map((person) => person.id);
const cursorKeys = [
  ...example.routing.pools.map((pool) => pool.id),
  ...example.regions.flatMap((region) => example.routing.topics.map((t) => `region:${region.id}/${t.id}`)),
];

const requests: fc.Arbitrary<PracticeRequest> = fc.record(
  {
    topic: fc.constantFrom(...example.routing.topics.map((topic) => topic.id), "not-a-topic"),
    language: fc.constantFrom("en", "fr", "ar", "sw", "so", "am", "de", "pt-BR"),
    region: fc.constantFrom(...example.regions.map((region) => region.id)),
    urgency: fc.constantFrom(...URGENCIES),
    requester: fc.constantFrom(...people),
  },
  { requiredKeys: ["topic", "language", "region", "urgency"] },
);

const states: fc.Arbitrary<RoutingState> = fc
  .record({
    open: fc.dictionary(fc.constantFrom(...people), fc.nat(20)),
    cursors: fc.dictionary(fc.constantFrom(...cursorKeys), fc.constantFrom(...people, "gone")),
    excluded: fc.subarray(people),
  })
  .map(({ open, cursors, excluded }) => ({
    openCases: new Map(Object.entries(open)),
    cursors: new Map(Object.entries(cursors)),
    excluded: new Set(excluded),
  }));

const expertOf = (person: string) => example.roles.experts.find((expert) => expert.person === person);

describe("routing properties", () => {
  it("ends every chain with the triage room, once", () => {
    fc.assert(
      fc.property(requests, (request) => {
        const chain = routingChain(example, request);
        expect(chain.at(-1)).toEqual({ kind: "triage", room: example.routing.fallback.triageRoom });
        expect(chain.filter((step) => step.kind === "triage")).toHaveLength(1);
        const pools = chain.flatMap((step) => ("pool" in step ? [step.pool] : []));
        expect(new Set(pools).size).toBe(pools.length);
      }),
    );
  });

  it("chooses only eligible experts of the step, never excluded ones nor the requester", () => {
    fc.assert(
      fc.property(requests, states, fc.nat(8), (request, state, from) => {
        const route = routeRequest(example, request, state, from);
        const chain = routingChain(example, request);
        if (route.kind === "triage") {
          expect(route.position).toBe(chain.length - 1);
          return;
        }
        const expert = expertOf(route.expert);
        expect(expert && isEligible(expert, request)).toBe(true);
        expect(state.excluded.has(route.expert)).toBe(false);
        expect(route.expert).not.toBe(request.requester);
        expect(route.position).toBeGreaterThanOrEqual(from);
        expect(chain[route.position]).toEqual(route.step);
        expect(stepMembers(example, route.step).map((member) => member.person)).toContain(route.expert);
      }),
    );
  });

  it("always reaches triage once everyone is excluded", () => {
    fc.assert(
      fc.property(requests, states, (request, state) => {
        const everyone = { ...state, excluded: new Set(people) };
        expect(routeRequest(example, request, everyone).kind).toBe("triage");
      }),
    );
  });

  it("gives least-loaded pools to someone with the fewest open cases among those available", () => {
    const leastLoaded = example.routing.pools.filter((pool) => pool.strategy === "least-loaded");
    fc.assert(
      fc.property(requests, states, fc.constantFrom(...leastLoaded), (request, state, pool) => {
        const step = { kind: "rule-pool", pool: pool.id, rule: 0 } as const;
        const result = chooseExpert(example, step, request, state);
        if (!result.ok) return;
        const load = (person: string) => state.openCases.get(person) ?? 0;
        const available = stepMembers(example, step).filter(
          (expert) =>
            isEligible(expert, request) &&
            !state.excluded.has(expert.person) &&
            expert.person !== request.requester,
        );
        expect(load(result.value.expert)).toBe(Math.min(...available.map((expert) => load(expert.person))));
      }),
    );
  });

  it("lets round-robin reach every available expert before anyone twice", () => {
    fc.assert(
      fc.property(requests, states, (request, state) => {
        const step = { kind: "rule-pool", pool: "youth", rule: 0 } as const;
        const cursors = new Map(state.cursors);
        const picks: string[] = [];
        for (let turn = 0; turn < 4; turn++) {
          const result = chooseExpert(example, step, request, { ...state, cursors });
          if (!result.ok) return;
          picks.push(result.value.expert);
          cursors.set(result.value.cursor.key, result.value.cursor.expert);
        }
        const distinct = new Set(picks).size;
        for (let turn = 0; turn < picks.length; turn++) expect(picks[turn]).toBe(picks[turn % distinct]);
      }),
    );
  });
});
