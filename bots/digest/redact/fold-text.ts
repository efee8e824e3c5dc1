/**
 * Folding for name matching: "Aïcha" and "Aicha", "أمينة" and "امينه" are the same name as
 * people type it (accents and hamza are often left out, ة and ه swapped). ى and ي are kept
 * apart although Egyptian spelling swaps them: folded together, "Ali" (علي) would take every
 * "on" (على) in Arabic text. The fold
 * maps each UTF-16 unit to exactly one unit, so an offset found in the folded text is the
 * offset in the original: the replacement lands on what the person actually wrote.
 */

const ARABIC_FOLDS: Readonly<Record<string, string>> = {
  "\u0623": "\u0627", // أ → ا
  "\u0625": "\u0627", // إ → ا
  "\u0622": "\u0627", // آ → ا
  "\u0671": "\u0627", // ٱ → ا
  "\u0629": "\u0647", // ة → ه
  "\u06cc": "\u064a", // ی (Persian yeh) → ي
  "\u06a9": "\u0643", // ک (Persian kaf) → ك
};

function foldUnit(unit: string): string {
  const arabic = ARABIC_FOLDS[unit];
  if (arabic !== undefined) return arabic;
  // Latin letters with diacritics decompose to a base letter and marks; keep the base.
  const base = unit.normalize("NFD").charAt(0);
  return base !== unit && /^[A-Za-z]$/u.test(base) ? base : unit;
}

/** The folded text, the same length as `text` in UTF-16 units. */
export function foldText(text: string): string {
  let folded = "";
  // Unit by unit: a surrogate half has no decomposition, and no letter that folds lies outside the BMP.
  for (let at = 0; at < text.length; at++) folded += foldUnit(text.charAt(at));
  return folded;
}
