/**
 * The publication gate's check: what any rule would still remove from a text about to be
 * published. Empty means clean; the gate refuses anything else, and refuses too when the
 * rules cannot be built, since "no findings" from a partial rule set proves nothing.
 */
import type { RedactionConfig } from "../../../config/network-config.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import { indexPeople } from "./people-index.ts";
import type { Person } from "./quoted-item.ts";
import type { RuleProblem } from "./redaction-rule.ts";
import { findSpans } from "./resolve-overlaps.ts";
import { rulesFromConfig } from "./rules-from-config.ts";

export interface PersonalDataFinding {
  readonly ruleId: string;
  readonly start: number;
  readonly end: number;
  /** The text found, for the gate's report to the steering group (never for logs). */
  readonly text: string;
}

export function findPersonalData(
  text: string,
  people: readonly Person[],
  config: RedactionConfig,
): Result<readonly PersonalDataFinding[], readonly RuleProblem[]> {
  const rules = rulesFromConfig(config);
  if (!rules.ok) return err(rules.error);
  const spans = findSpans(text, rules.value.rules, indexPeople(people));
  return ok(spans.map(({ ruleId, start, end }) => ({ ruleId, start, end, text: text.slice(start, end) })));
}
