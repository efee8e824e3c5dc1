/**
 * The personas of the authorisation matrix, resolved in the example network: their user ids,
 * the roles the config gives them (rolesFromConfig, as the bots read them) and their power
 * level in an East African regional room (as the provisioner sets it, or changed by hand).
 *
 * Every person in the example holds some role, so two plain practitioners are added to it:
 * one in East Africa, one in MENA. Nothing else in the example changes.
 */
import { type NetworkConfig, type PersonConfig, parseConfigText } from "../../../config/index.ts";
import { type UserId, parseUserId } from "../../../lib/matrix-ids.ts";
import type { Role } from "../../../bots/runtime/commands/index.ts";
import { rolesFromConfig } from "../../../bots/runtime/roles/roles-of.ts";
import { rolesOf } from "../../../bots/provision/members-of-room.ts";
import { levelForRoles } from "../../../bots/provision/power-levels.ts";
import { FILE_NAME, editedExample } from "../config/example-config.ts";
import { PERSONA_IDS, type PersonaId } from "./authorisation-expectations.ts";

/** The added plain practitioners (config person ids). */
export const PLAIN_MEMBER = "wanjiku-kamau";
export const OTHER_REGION_MEMBER = "karim-mansour";

/** The example network with the two plain practitioners. */
export function personaNetwork(): NetworkConfig {
  const text = editedExample((doc) => {
    doc.addIn(["people"], {
      id: PLAIN_MEMBER,
      displayName: "Wanjiku Kamau",
      region: "east-africa",
      languages: ["sw", "en"],
    });
    doc.addIn(["people"], {
      id: OTHER_REGION_MEMBER,
      displayName: "Karim Mansour",
      region: "mena",
      languages: ["ar", "fr"],
    });
  });
  const loaded = parseConfigText(text, FILE_NAME);
  if (!loaded.ok) throw new Error(`persona network does not load: ${JSON.stringify(loaded.error, null, 2)}`);
  return loaded.value;
}

/** One persona as the bots see them. */
export interface Persona {
  readonly id: PersonaId;
  readonly userId: UserId;
  /** Their config entry; undefined for the outsider and the bot. */
  readonly person: PersonConfig | undefined;
  readonly roles: ReadonlySet<Role>;
  /** Power level in an East African regional room. */
  readonly powerLevel: number;
}

type Who =
  | { readonly kind: "person"; readonly id: string; readonly powerLevel?: number }
  | { readonly kind: "outsider" }
  | { readonly kind: "bot" };

/** Who each persona is in the example network. */
const WHO: Readonly<Record<PersonaId, Who>> = {
  outsider: { kind: "outsider" },
  "other-region-member": { kind: "person", id: OTHER_REGION_MEMBER },
  member: { kind: "person", id: PLAIN_MEMBER },
  expert: { kind: "person", id: "jonas-weber" },
  organiser: { kind: "person", id: "grace-wanjiru" },
  moderator: { kind: "person", id: "hodan-abdi" },
  steering: { kind: "person", id: "layla-haddad" },
  bot: { kind: "bot" },
  "member-power-100": { kind: "person", id: PLAIN_MEMBER, powerLevel: 100 },
  "steering-power-0": { kind: "person", id: "layla-haddad", powerLevel: 0 },
};

function userIdOf(text: string): UserId {
  const parsed = parseUserId(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** A Matrix account on East Africa's homeserver that the config does not list. */
export function outsiderId(config: NetworkConfig): UserId {
  const region = config.regions.find((candidate) => candidate.id === "east-africa");
  if (region === undefined) throw new Error("the example has no east-africa region");
  return userIdOf(`@stranger:${region.homeserver.serverName}`);
}

/** Every persona, in PERSONA_IDS order. */
export function resolvePersonas(config: NetworkConfig): readonly Persona[] {
  const rolesOfUser = rolesFromConfig(config);
  return PERSONA_IDS.map((id): Persona => {
    const who = WHO[id];
    if (who.kind === "outsider") {
      const userId = outsiderId(config);
      return { id, userId, person: undefined, roles: rolesOfUser(userId), powerLevel: 0 };
    }
    if (who.kind === "bot") {
      const { userId } = config.bots.route;
      return {
        id,
        userId,
        person: undefined,
        roles: rolesOfUser(userId),
        powerLevel: config.powerLevels.bots,
      };
    }
    const person = config.people.find((candidate) => candidate.id === who.id);
    if (person === undefined) throw new Error(`the persona network has no ${who.id}`);
    const provisioned = levelForRoles(rolesOf(config, person), "regional", config.powerLevels);
    return {
      id,
      userId: person.userId,
      person,
      roles: rolesOfUser(person.userId),
      powerLevel: who.powerLevel ?? provisioned,
    };
  });
}

/** The persona with this id. */
export function personaOf(personas: readonly Persona[], id: PersonaId): Persona {
  const found = personas.find((persona) => persona.id === id);
  if (found === undefined) throw new Error(`no persona ${id}`);
  return found;
}
