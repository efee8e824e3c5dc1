import type { RedactionConfig } from "../../../../../config/network-config.ts";
import {
  type Person,
  type RedactionRule,
  type RuleSet,
  indexPeople,
  rulesFromConfig,
} from "../../../../../bots/digest/redact/index.ts";

export const CONFIG: RedactionConfig = {
  removeMatrixIds: true,
  removeEmailAddresses: true,
  removePhoneNumbers: true,
  removeUrls: false,
  removePeopleNames: true,
  placeholder: "[removed]",
  extraPatterns: [],
};

export function configWith(changes: Partial<RedactionConfig>): RedactionConfig {
  return { ...CONFIG, ...changes };
}

export function ruleSet(config: RedactionConfig = CONFIG): RuleSet {
  const rules = rulesFromConfig(config);
  if (!rules.ok) throw new Error(JSON.stringify(rules.error));
  return rules.value;
}

export function rule(id: string, config: RedactionConfig = configWith({ removeUrls: true })): RedactionRule {
  const found = ruleSet(config).rules.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no rule ${id}`);
  return found;
}

/** The substrings one rule finds in `text`, in order. */
export function found(ruleId: string, text: string, people: readonly Person[] = []): string[] {
  return rule(ruleId)
    .find(text, indexPeople(people))
    .map(({ start, end }) => text.slice(start, end));
}

export const amina: Person = {
  key: "@amina:example.org",
  names: ["Amina Yusuf", "Mina"],
  userId: "@amina:example.org",
  disposition: "pseudonym",
};
export const omar: Person = {
  key: "@omar.h:example.org",
  names: ["Omar Hassan", "عمر الحسن"],
  userId: "@omar.h:example.org",
  disposition: "member",
};
export const fatuma: Person = {
  key: "@fatuma:example.org",
  names: ["Fatuma Ali"],
  userId: "@fatuma:example.org",
  disposition: "named",
};
export const xavier: Person = {
  key: "@xavier:example.org",
  names: ["Xavier Dupont"],
  userId: "@xavier:example.org",
  disposition: "excluded-author",
};
export const layla: Person = {
  key: "@layla:example.org",
  names: ["ليلى عبد الله", "Layla Abdallah"],
  userId: "@layla:example.org",
  disposition: "member",
};
export const PEOPLE: readonly Person[] = [amina, omar, fatuma, xavier, layla];
