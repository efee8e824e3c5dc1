/**
 * Picking one slot per session so unsocial sessions are spread across regions. "Spread" is
 * meant precisely: with burden[r] = the unsocial sessions region r carries (history
 * included), the plan minimises, in this order, (1) the heaviest burden max_r burden[r],
 * (2) the total, (3) the sum of squares (the most even split of that total), (4) the total
 * discomfort. So whenever some plan keeps every region at or below ceil(k/r) unsocial
 * sessions (k sessions, r regions), the chosen one does too.
 *
 * Choosing each session's fairest slot in turn (greedy) is usually optimal but not always:
 * it cannot see that a later session will have no choice but to burden some region again.
 * So the greedy plan is only the starting point of a depth-first search over the sessions'
 * options, pruned by a bound on the score and memoised on (session, burdens), which proves
 * or improves it. A node budget bounds the search for very large cases; past it, the best
 * plan found (never worse than greedy) is returned with `exact: false`.
 */
import type { Candidate } from "./slot-candidates.ts";
import { rankCandidates } from "./rank-slots.ts";

export const DEFAULT_SEARCH_BUDGET = 200_000;

export interface PlanChoice {
  /** One candidate per session, in session order. */
  readonly choice: readonly Candidate[];
  /** False when the budget ran out before the plan was proven optimal. */
  readonly exact: boolean;
}

/** (heaviest, total, sum of squares, discomfort); smaller is better, compared in order. */
type Score = readonly [number, number, number, number];

function compareScores(a: Score, b: Score): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function scoreOf(burden: readonly number[], discomfort: number): Score {
  let max = 0;
  let total = 0;
  let squares = 0;
  for (const value of burden) {
    max = Math.max(max, value);
    total += value;
    squares += value * value;
  }
  return [max, total, squares, discomfort];
}

function count(flags: readonly boolean[]): number {
  return flags.reduce((sum, flag) => sum + (flag ? 1 : 0), 0);
}

function addBurden(burden: readonly number[], candidate: Candidate): number[] {
  return burden.map((value, index) => value + (candidate.unsocial[index] === true ? 1 : 0));
}

/** Each session's fairest option given the burdens so far (the search's starting point). */
export function greedyPlan(
  options: readonly (readonly Candidate[])[],
  history: readonly number[],
): Candidate[] {
  let burden = [...history];
  return options.map((sessionOptions) => {
    const [choice] = rankCandidates(sessionOptions, burden);
    if (choice === undefined) throw new Error("a session without options");
    burden = addBurden(burden, choice);
    return choice;
  });
}

/**
 * The fairest plan: one of `options[s]` for each session s (every session must have one),
 * starting from the `history` burdens (per region, in the candidates' region order).
 */
export function chooseFairestPlan(
  options: readonly (readonly Candidate[])[],
  history: readonly number[],
  budget = DEFAULT_SEARCH_BUDGET,
): PlanChoice {
  const sessions = options.length;
  // Fewest regions a session must burden, from each session to the end: a bound on the total.
  const restMinimum = options.map(() => 0);
  for (let session = sessions - 1; session >= 0; session--)
    restMinimum[session] =
      Math.min(...(options[session] ?? []).map((option) => count(option.unsocial))) +
      (restMinimum[session + 1] ?? 0);

  let bestChoice: readonly Candidate[] = greedyPlan(options, history);
  let bestScore = scoreOf(
    bestChoice.reduce<readonly number[]>(addBurden, history),
    bestChoice.reduce((sum, choice) => sum + choice.discomfort, 0),
  );

  let nodes = 0;
  let exhausted = false;
  const seen = new Map<string, number>();
  const path: Candidate[] = [];
  const search = (session: number, burden: readonly number[], spent: number): void => {
    if (++nodes > budget) {
      exhausted = true;
      return;
    }
    const score = scoreOf(burden, spent);
    // Every part of the score only grows along a path, so this bound never overestimates.
    const bound: Score = [score[0], score[1] + (restMinimum[session] ?? 0), score[2], score[3]];
    if (compareScores(bound, bestScore) >= 0) return;
    if (session === sessions) {
      bestScore = score;
      bestChoice = [...path];
      return;
    }
    // The rest of the plan depends only on (session, burdens): a cheaper earlier visit wins.
    const key = `${session}|${burden.join(",")}`;
    const earlier = seen.get(key);
    if (earlier !== undefined && earlier <= spent) return;
    seen.set(key, spent);
    for (const option of rankCandidates(options[session] ?? [], burden)) {
      if (exhausted) return;
      path.push(option);
      search(session + 1, addBurden(burden, option), spent + option.discomfort);
      path.pop();
    }
  };
  search(0, history, 0);
  return { choice: bestChoice, exact: !exhausted };
}
