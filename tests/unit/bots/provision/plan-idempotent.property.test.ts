/**
 * Property: for any edit of the example that still loads (people added or taken out of
 * networks, rooms dropped or renamed, organisers reshuffled, history visibility changed), a
 * plan against homeservers that already match the desired state writes nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { desiredNetwork } from "../../../../bots/provision/desired-state.ts";
import { countWrites, planChanges } from "../../../../bots/provision/plan.ts";
import { parseConfigText } from "../../../../config/index.ts";
import type { UserId } from "../../../../lib/matrix-ids.ts";
import { EXAMPLE_TEXT, FILE_NAME } from "../../config/example-config.ts";
import { observedFrom } from "./observed-from.ts";

interface Raw {
  people: { id: string; displayName: string; region: string; languages: string[]; networks: string[] }[];
  rooms: { id: string; name: string; kind: string; historyVisibility?: string }[];
  roles: { steering: string[]; organisers: string[]; moderators: string[] };
}

const edit = fc.record({
  addPeople: fc.array(
    fc.record({
      region: fc.constantFrom("east-africa", "mena", "europe"),
      networks: fc.subarray(["wasl", "gsx", "strong-cities", "youth-activists"]),
    }),
    { maxLength: 4 },
  ),
  unnetwork: fc.array(fc.nat(), { maxLength: 3 }),
  dropRooms: fc.array(fc.nat(), { maxLength: 3 }),
  rename: fc.option(fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 30 })), { nil: undefined }),
  history: fc.option(fc.tuple(fc.nat(), fc.constantFrom("invited", "joined", "shared")), { nil: undefined }),
  organisers: fc.subarray(["amina-yusuf", "omar-masri", "jonas-weber", "grace-wanjiru"]),
});

describe("planChanges against matching homeservers", () => {
  it("is all unchanged for any example edit that loads", () => {
    let loadedCount = 0;
    fc.assert(
      fc.property(edit, (change) => {
        const raw = parse(EXAMPLE_TEXT) as Raw;
        change.addPeople.forEach((person, index) =>
          raw.people.push({
            id: `new-person-${index}`,
            displayName: `New ${index}`,
            languages: ["en"],
            ...person,
          }),
        );
        for (const index of change.unnetwork) raw.people[index % raw.people.length]!.networks = [];
        // The steering room is required (and the triage room), so only other rooms are dropped.
        for (const index of change.dropRooms) {
          const droppable = raw.rooms.filter((room) => room.kind !== "steering");
          const victim = droppable[index % droppable.length];
          if (victim !== undefined) raw.rooms.splice(raw.rooms.indexOf(victim), 1);
        }
        if (change.rename !== undefined)
          raw.rooms[change.rename[0] % raw.rooms.length]!.name = change.rename[1];
        if (change.history !== undefined) {
          const room = raw.rooms[change.history[0] % raw.rooms.length]!;
          if (room.kind !== "public-digest") room.historyVisibility = change.history[1];
        }
        raw.roles.organisers = change.organisers;
        const loaded = parseConfigText(stringify(raw), FILE_NAME);
        // Most edits that drop a referenced person or room do not load; those are skipped.
        if (!loaded.ok) return;
        loadedCount += 1;
        const desired = desiredNetwork(loaded.value);
        const result = planChanges(desired, observedFrom(desired), {
          prune: true,
          provisionerUserId: "@provisioner-bot:127.0.0.11:18448" as UserId,
        });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const actions = new Set(
          result.value.servers.flatMap((server) => server.rooms.map((room) => room.action)),
        );
        expect([...actions]).toEqual(["unchanged"]);
        expect(countWrites(result.value)).toBe(0);
      }),
      { numRuns: 60 },
    );
    // Guard against a vacuous property: enough edits must load for it to mean anything.
    expect(loadedCount).toBeGreaterThan(10);
  });
});
