/**
 * Ordering candidate slots fairly. With `burden[r]` the unsocial sessions region r has
 * already had, a slot is judged by the burdens it would leave, sorted from the heaviest
 * down and compared lexicographically (leximin): the slot whose heaviest-burdened region
 * ends up lightest wins, then the next heaviest, and so on. A slot unsocial for nobody
 * never loses to one unsocial for somebody; between slots unsocial for one region each,
 * the one burdening the least-burdened region wins, which is what rotates the early
 * mornings and late evenings through a series. Ties go to the lower discomfort, then the
 * earlier slot.
 */
import type { RegionHours } from "../time/working-hours.ts";
import { isoUtc } from "../time/local-time.ts";
import type { Candidate } from "./slot-candidates.ts";
import type { SuggestedSlot } from "./suggest-request.ts";

/** Negative when `a` is fairer than `b` (both sorted descending, same length). */
export function compareLeximin(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The burdens after a slot with these unsocial flags, heaviest first. */
export function burdenAfter(burden: readonly number[], unsocial: readonly boolean[]): number[] {
  return burden.map((value, index) => value + (unsocial[index] === true ? 1 : 0)).sort((x, y) => y - x);
}

/** `candidates` from fairest to least fair given `burden` (a new array). */
export function rankCandidates(candidates: readonly Candidate[], burden: readonly number[]): Candidate[] {
  // Slots burdening the same regions share a key; compute each key's vector once.
  const vectors = new Map<string, number[]>();
  const vectorOf = (candidate: Candidate): number[] => {
    let vector = vectors.get(candidate.unsocialKey);
    if (vector === undefined) {
      vector = burdenAfter(burden, candidate.unsocial);
      vectors.set(candidate.unsocialKey, vector);
    }
    return vector;
  };
  return [...candidates].sort(
    (a, b) => compareLeximin(vectorOf(a), vectorOf(b)) || a.discomfort - b.discomfort || a.start - b.start,
  );
}

/** A candidate as the bot receives it. */
export function toSuggestedSlot(candidate: Candidate, regions: readonly RegionHours[]): SuggestedSlot {
  const fits = regions.map((region, index) => ({
    region: region.id,
    marginMinutes: candidate.margins[index] ?? 0,
    unsocial: candidate.unsocial[index] === true,
  }));
  return {
    start: isoUtc(candidate.start),
    end: isoUtc(candidate.end),
    regions: fits,
    unsocialFor: fits.filter((fit) => fit.unsocial).map((fit) => fit.region),
    discomfort: Math.round(candidate.discomfort * 1000) / 1000,
  };
}
