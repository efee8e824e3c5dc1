/**
 * "Did you mean": the known names closest to what was typed, by edit distance with
 * transpositions (the commonest typo on phones), so `!convene shedule` suggests
 * `convene schedule` and `!hepl` suggests `help`.
 */

// Typed text longer than any name is not a typo of one; capping keeps the cost bounded.
const MAX_COMPARED = 64;

/** Optimal string alignment distance between `a` and `b` (case-sensitive). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * Up to `limit` candidates close to `typed` (case-insensitive), nearest first. `typed` may
 * be a function giving the text to compare with each candidate. A candidate
 * qualifies when its distance is at most a third of its length (at least 2), or when the
 * typed text is a prefix of it (people stop typing early).
 */
export function nearestNames(
  typed: string | ((candidate: string) => string),
  candidates: readonly string[],
  limit = 3,
): readonly string[] {
  const scored: { name: string; score: number }[] = [];
  for (const name of candidates) {
    // Multi-word names are compared with as many typed words as they have.
    const wanted = (typeof typed === "string" ? typed : typed(name)).toLowerCase();
    if (wanted.length === 0 || wanted.length > MAX_COMPARED) continue;
    const lower = name.toLowerCase();
    const distance = editDistance(wanted, lower);
    const threshold = Math.max(2, Math.floor(lower.length / 3));
    if (distance <= threshold) scored.push({ name, score: distance });
    else if (wanted.length >= 2 && lower.startsWith(wanted)) scored.push({ name, score: threshold + 0.5 });
  }
  scored.sort((x, y) => x.score - y.score || x.name.localeCompare(y.name));
  return scored.slice(0, limit).map((entry) => entry.name);
}
