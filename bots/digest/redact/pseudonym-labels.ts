/**
 * The words the engine writes into an item: pseudonyms and the line that stands for removed
 * media. The caller passes them in the digest's language; English is the default.
 */

export interface RedactionLabels {
  /** The label of the n-th person (from 0) given a pseudonym in an item. */
  readonly pseudonym: (index: number) => string;
  /** The line that replaces a media message (image, file, voice note). */
  readonly media: string;
}

/** A, B, …, Z, AA, AB, …: as many letters as needed, like spreadsheet columns. */
export function letterSequence(index: number): string {
  let rest = index;
  let letters = "";
  do {
    letters = String.fromCharCode(65 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26) - 1;
  } while (rest >= 0);
  return letters;
}

export const ENGLISH_LABELS: RedactionLabels = {
  pseudonym: (index) => `Participant ${letterSequence(index)}`,
  media: "[media removed]",
};
