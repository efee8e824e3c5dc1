/**
 * Redaction for the public digest: personal data is removed from an item before anyone
 * approves it, and checked for again before it is published. Pure: no Matrix, no I/O.
 */
export type {
  Disposition,
  MessageKind,
  Person,
  QuotedMessage,
  RedactedItem,
  RedactedMessage,
  Replacement,
} from "./quoted-item.ts";
export type {
  RedactionRule,
  ReplacementPolicy,
  RuleKind,
  RuleMatch,
  RuleProblem,
  RuleSet,
} from "./redaction-rule.ts";
export { type PeopleIndex, indexPeople } from "./people-index.ts";
export { rulesFromConfig } from "./rules-from-config.ts";
export { type RedactionSpan, findSpans } from "./resolve-overlaps.ts";
export { ENGLISH_LABELS, type RedactionLabels, letterSequence } from "./pseudonym-labels.ts";
export { MEDIA_RULE_ID, redactItem } from "./redact-item.ts";
export { MARK_CLOSE, MARK_OPEN, renderPreview, renderPublished } from "./render-preview.ts";
export { type PersonalDataFinding, findPersonalData } from "./find-personal-data.ts";
export { MIN_NAME_LENGTH, MIN_PART_LENGTH } from "./name-variants.ts";
