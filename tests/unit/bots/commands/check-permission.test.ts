import { describe, expect, it } from "vitest";
import {
  type Permission,
  type Role,
  checkPermission,
  describePermission,
} from "../../../../bots/runtime/commands/check-permission.ts";

const organisersOr50: Permission = { roles: ["organisers"], minPowerLevel: 50 };
const steeringOrOrganisers: Permission = { roles: ["steering", "organisers"] };
const power100: Permission = { minPowerLevel: 100 };

// [permission, roles held, power level, admitted]
const matrix: [Permission, Role[], number, boolean][] = [
  ["anyone", [], 0, true],
  ["anyone", [], -10, true],
  [organisersOr50, ["organisers"], 0, true],
  [organisersOr50, ["member"], 50, true],
  [organisersOr50, ["member"], 100, true],
  [organisersOr50, ["member"], 49, false],
  [organisersOr50, ["steering", "moderators", "experts", "member"], 0, false],
  [steeringOrOrganisers, ["steering"], 0, true],
  [steeringOrOrganisers, ["organisers"], 0, true],
  [steeringOrOrganisers, ["moderators"], 100, false],
  [power100, ["steering"], 99, false],
  [power100, [], 100, true],
  [{ roles: ["member"] }, ["member"], 0, true],
  [{ roles: ["member"] }, [], 100, false],
];

describe("checkPermission", () => {
  it.each(matrix)(
    "%j with roles %j and power %i → admitted %s",
    (permission, roles, powerLevel, admitted) => {
      const result = checkPermission(permission, { roles: new Set(roles), powerLevel });
      expect(result.ok).toBe(admitted);
    },
  );

  it("says what would have admitted the person", () => {
    expect(checkPermission(organisersOr50, { roles: new Set(), powerLevel: 0 })).toEqual({
      ok: false,
      error: { kind: "refused", neededRoles: ["organisers"], neededPowerLevel: 50 },
    });
  });

  it.each<[Permission, string]>([
    ["anyone", "anyone"],
    [organisersOr50, "the organisers role or power level 50 in this room"],
    [steeringOrOrganisers, "the steering or organisers role"],
    [{ roles: ["steering", "organisers", "moderators"] }, "the steering, organisers or moderators role"],
    [power100, "power level 100 in this room"],
  ])("describes %j as %s", (permission, words) => {
    expect(describePermission(permission)).toBe(words);
  });
});
