/**
 * The rules a network's redaction config asks for, in a fixed order. Social links and
 * @handles are always on: a profile link names a person as surely as their name, and the
 * config's `removeUrls` is about ordinary links to sources.
 */
import type { RedactionConfig } from "../../../config/network-config.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import { disguisedEmailRule, emailRule } from "./contact-rules.ts";
import { extraRules } from "./extra-patterns.ts";
import { handleRule, socialLinkRule, urlRule } from "./link-rules.ts";
import { matrixLinkRule, matrixRoomRule, matrixUserRule } from "./matrix-rules.ts";
import { personNameRule } from "./name-rule.ts";
import { phoneRule } from "./phone-rule.ts";
import type { RedactionRule, RuleProblem, RuleSet } from "./redaction-rule.ts";

export function rulesFromConfig(config: RedactionConfig): Result<RuleSet, readonly RuleProblem[]> {
  const extra = extraRules(config.extraPatterns);
  if (!extra.ok) return err(extra.error);
  const rules: RedactionRule[] = [
    ...(config.removeMatrixIds ? [matrixLinkRule, matrixUserRule, matrixRoomRule] : []),
    socialLinkRule,
    ...(config.removeUrls ? [urlRule] : []),
    ...(config.removeEmailAddresses ? [emailRule, disguisedEmailRule] : []),
    ...(config.removePhoneNumbers ? [phoneRule] : []),
    handleRule,
    ...(config.removePeopleNames ? [personNameRule] : []),
    ...extra.value,
  ];
  return ok({ rules, placeholder: config.placeholder });
}
