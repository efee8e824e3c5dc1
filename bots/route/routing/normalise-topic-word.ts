/**
 * The comparable form of a topic word, so that what a practitioner types on a phone matches
 * the configured vocabulary: "Réintégration", "reintegration" and "#re-integration!" must
 * not need three aliases.
 */

// Combining marks left after canonical decomposition: Latin accents and Arabic harakat,
// which people type inconsistently.
const MARKS = /\p{M}/gu;
// Hyphens, underscores and runs of spaces separate the same words in ids, aliases and labels.
const SEPARATORS = /[\s_\p{Pd}]+/gu;
// Hashtags, quotes and trailing full stops come with the word but are not part of it.
const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * `word` lower-cased, without diacritics or surrounding punctuation, with hyphens,
 * underscores and whitespace as single spaces. Empty when nothing word-like is left.
 */
export function normaliseTopicWord(word: string): string {
  return word
    .normalize("NFKD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(SEPARATORS, " ")
    .replace(EDGES, "")
    .normalize("NFC");
}
