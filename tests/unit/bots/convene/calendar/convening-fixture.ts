/** A convening to start tests from; each test overrides what it is about. */
import type { UserId } from "../../../../../lib/matrix-ids.ts";
import type { Convening, ConveningTime } from "../../../../../bots/convene/model/convening.ts";

export const ORGANISER = "@amina:ea.example.org" as UserId;

export function aConvening(
  overrides: Partial<Omit<Convening, "time">> & { time?: Partial<ConveningTime> } = {},
): Convening {
  const { time, ...rest } = overrides;
  return {
    id: "c7k2p",
    title: "Youth outreach roundtable",
    organiser: ORGANISER,
    time: { start: "2026-12-03T11:00:00.000Z", zone: "Africa/Nairobi", durationMinutes: 90, ...time },
    regions: ["east-africa", "west-africa"],
    networks: ["horn"],
    capacity: 12,
    languages: ["en", "fr"],
    status: "scheduled",
    sequence: 2,
    createdAt: "2026-11-01T09:00:00.000Z",
    updatedAt: "2026-11-02T10:30:00.000Z",
    ...rest,
  };
}

export function user(localpart: string): UserId {
  return `@${localpart}:ea.example.org` as UserId;
}
