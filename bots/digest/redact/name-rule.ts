/**
 * The names of people who did not consent to be named: pseudonymous authors, members who
 * are mentioned, and authors who refused. Each is replaced by the person's pseudonym.
 */
import type { RedactionRule } from "./redaction-rule.ts";

export const personNameRule: RedactionRule = {
  id: "person-name",
  kind: "person-name",
  description: "Names of people who did not consent to be named (whole or in part, Latin or Arabic script)",
  replacement: "person-label",
  pass: 2,
  priority: 40,
  find: (text, people) => people.findNames(text),
};
