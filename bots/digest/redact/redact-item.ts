/**
 * Redacts an item before anyone approves it: drops the messages of authors who refused,
 * replaces media with a line, and replaces what the rules find in each message. Pseudonyms
 * are handed out in order of first appearance (an author before the people their message
 * mentions), so the same person is the same "Participant A" everywhere in the item.
 */
import type { RedactionConfig } from "../../../config/network-config.ts";
import { type Result, err, ok } from "../../../lib/result.ts";
import { type PeopleIndex, indexPeople } from "./people-index.ts";
import { ENGLISH_LABELS, type RedactionLabels } from "./pseudonym-labels.ts";
import type { Person, QuotedMessage, RedactedItem, RedactedMessage, Replacement } from "./quoted-item.ts";
import type { RuleProblem, RuleSet } from "./redaction-rule.ts";
import { type RedactionSpan, findSpans } from "./resolve-overlaps.ts";
import { rulesFromConfig } from "./rules-from-config.ts";

export const MEDIA_RULE_ID = "media";

interface Labeller {
  /** The person's name if they consented to be named, else their pseudonym (assigned now if new). */
  labelOf(key: string): { readonly label: string; readonly pseudonymous: boolean };
  readonly pseudonyms: ReadonlyMap<string, string>;
}

function createLabeller(people: PeopleIndex, labels: RedactionLabels): Labeller {
  const pseudonyms = new Map<string, string>();
  const labelOf = (key: string) => {
    const person = people.byKey(key);
    const name = person?.disposition === "named" ? person.names[0]?.trim() : undefined;
    if (name !== undefined && name !== "") return { label: name, pseudonymous: false };
    let pseudonym = pseudonyms.get(key);
    if (pseudonym === undefined) {
      pseudonym = labels.pseudonym(pseudonyms.size);
      pseudonyms.set(key, pseudonym);
    }
    return { label: pseudonym, pseudonymous: true };
  };
  return { labelOf, pseudonyms };
}

function replacementFor(span: RedactionSpan, placeholder: string, labeller: Labeller): string {
  if (span.replacement === "person-label" && span.personKey !== undefined)
    return labeller.labelOf(span.personKey).label;
  return placeholder;
}

function redactText(
  message: QuotedMessage,
  rules: RuleSet,
  people: PeopleIndex,
  labeller: Labeller,
): { readonly text: string; readonly replacements: Replacement[] } {
  const replacements: Replacement[] = [];
  let text = "";
  let from = 0;
  for (const span of findSpans(message.text, rules.rules, people)) {
    const replacement = replacementFor(span, rules.placeholder, labeller);
    text += message.text.slice(from, span.start);
    replacements.push({
      messageId: message.messageId,
      ruleId: span.ruleId,
      start: text.length,
      end: text.length + replacement.length,
      replacement,
    });
    text += replacement;
    from = span.end;
  }
  return { text: text + message.text.slice(from), replacements };
}

/** Media is never published: a caption or file name is as likely to name someone as the picture. */
function mediaLine(
  message: QuotedMessage,
  labels: RedactionLabels,
): { readonly text: string; readonly replacements: Replacement[] } {
  const { messageId } = message;
  const text = labels.media;
  return {
    text,
    replacements: [{ messageId, ruleId: MEDIA_RULE_ID, start: 0, end: text.length, replacement: text }],
  };
}

/**
 * The item as it would be published, with every replacement located in the output, or the
 * config's unusable extra patterns (nothing is redacted with a rule missing).
 */
export function redactItem(
  messages: readonly QuotedMessage[],
  people: readonly Person[],
  config: RedactionConfig,
  labels: RedactionLabels = ENGLISH_LABELS,
): Result<RedactedItem, readonly RuleProblem[]> {
  const rules = rulesFromConfig(config);
  if (!rules.ok) return err(rules.error);
  const index = indexPeople(people);
  const labeller = createLabeller(index, labels);
  const redacted: RedactedMessage[] = [];
  const replacements: Replacement[] = [];

  for (const message of messages) {
    if (index.byKey(message.authorKey)?.disposition === "excluded-author") continue;
    const author = labeller.labelOf(message.authorKey);
    const { text, replacements: found } =
      message.kind === "media"
        ? mediaLine(message, labels)
        : redactText(message, rules.value, index, labeller);
    redacted.push({
      messageId: message.messageId,
      authorLabel: author.label,
      authorPseudonymous: author.pseudonymous,
      text,
    });
    replacements.push(...found);
  }
  return ok({ messages: redacted, replacements, pseudonyms: labeller.pseudonyms });
}
