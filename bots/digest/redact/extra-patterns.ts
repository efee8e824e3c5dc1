/**
 * The config's own patterns (local place names, project code names). The config schema has
 * already compiled them, but the engine does not trust that: a pattern it cannot compile is
 * reported, and the caller refuses to redact rather than publish with a rule missing.
 */
import { type Result, err, ok } from "../../../lib/result.ts";
import { type RedactionRule, type RuleProblem, matchesOf } from "./redaction-rule.ts";

function extraRule(pattern: string, index: number): Result<RedactionRule, RuleProblem> {
  const id = `extra-${index + 1}`;
  try {
    // Compiled once here to report errors; `find` compiles its own copy, since a global
    // expression carries its position from one search to the next.
    new RegExp(pattern, "gu");
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return err({ ruleId: id, pattern, detail });
  }
  return ok({
    id,
    kind: "extra",
    description: `Extra pattern ${index + 1} from the config`,
    pattern,
    replacement: "placeholder",
    pass: 1,
    priority: 30,
    find: (text) => matchesOf(new RegExp(pattern, "gu"), text),
  });
}

/** A rule per extra pattern, or every pattern that could not be compiled. */
export function extraRules(patterns: readonly string[]): Result<RedactionRule[], RuleProblem[]> {
  const results = patterns.map(extraRule);
  const problems = results.flatMap((result) => (result.ok ? [] : [result.error]));
  return problems.length > 0
    ? err(problems)
    : ok(results.flatMap((result) => (result.ok ? [result.value] : [])));
}
