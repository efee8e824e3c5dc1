/** The example network and two requesters: Amina (East Africa, English) and Claire (Europe, French). */
import { personById } from "../../../../../config/queries.ts";
import { type IntakeContext, intakeContextFor } from "../../../../../bots/route/intake/index.ts";
import { loadExample } from "../../../config/example-config.ts";

export const config = loadExample();

function contextOf(personId: string): IntakeContext {
  const person = personById(config, personId);
  if (person === undefined) throw new Error(`no person ${personId} in the example`);
  return intakeContextFor(config, person);
}

export const amina = contextOf("amina-yusuf");
export const claire = contextOf("claire-dubois");

/** A request text long enough to be taken, as words. */
export const TEXT = "A young man in our programme is being contacted online by a recruiter";
export const TEXT_WORDS = TEXT.split(" ");

export const NBSP = "\u00a0";
