/**
 * Detection metrics computed from labelled scores: confusion counts, TPR/FPR/precision/F1, ROC AUC,
 * the ROC curve, catch rate at a fixed false-positive budget, and latency percentiles.
 * Pure functions over numbers so they can be checked against naive oracles in test/eval.
 */
import type { GroupMetrics, ScoredSample } from './types.ts';

/** Ratio that is `null` rather than NaN when the denominator is empty. */
function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * ROC AUC as the Mann–Whitney statistic: the probability that a random attack scores above a random
 * benign sample, ties counting one half. Computed from average ranks in O(n log n).
 * Returns null when either class is empty.
 */
export function rocAuc(attackScores: readonly number[], benignScores: readonly number[]): number | null {
  const nPos = attackScores.length;
  const nNeg = benignScores.length;
  if (nPos === 0 || nNeg === 0) return null;
  const all: { score: number; attack: boolean }[] = [];
  for (const s of attackScores) all.push({ score: s, attack: true });
  for (const s of benignScores) all.push({ score: s, attack: false });
  all.sort((a, b) => a.score - b.score);
  let rankSumPos = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]!.score === all[i]!.score) j++;
    // Ranks i+1..j share their average so ties count one half.
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]!.attack) rankSumPos += averageRank;
    i = j;
  }
  const u = rankSumPos - (nPos * (nPos + 1)) / 2;
  return u / (nPos * nNeg);
}

export interface RocPoint {
  fpr: number;
  tpr: number;
  /** Samples scoring at or above this value are flagged at this point. */
  threshold: number;
}

/**
 * The ROC curve: one point per distinct score, from (0,0) (nothing flagged) to (1,1) (everything flagged).
 * Empty when either class is empty.
 */
export function rocCurve(attackScores: readonly number[], benignScores: readonly number[]): RocPoint[] {
  const nPos = attackScores.length;
  const nNeg = benignScores.length;
  if (nPos === 0 || nNeg === 0) return [];
  const all: { score: number; attack: boolean }[] = [];
  for (const s of attackScores) all.push({ score: s, attack: true });
  for (const s of benignScores) all.push({ score: s, attack: false });
  all.sort((a, b) => b.score - a.score);
  const points: RocPoint[] = [{ fpr: 0, tpr: 0, threshold: Number.POSITIVE_INFINITY }];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < all.length; ) {
    const score = all[i]!.score;
    while (i < all.length && all[i]!.score === score) {
      if (all[i]!.attack) tp++;
      else fp++;
      i++;
    }
    points.push({ fpr: fp / nNeg, tpr: tp / nPos, threshold: score });
  }
  return points;
}

/**
 * The score threshold that keeps the false-positive rate at or below `maxFpr`: a sample is flagged
 * when its score is strictly greater than the returned value. With n benign scores at most
 * floor(maxFpr·n) of them lie strictly above it. Null when there are no benign scores.
 */
export function thresholdAtFpr(benignScores: readonly number[], maxFpr: number): number | null {
  if (!(maxFpr >= 0 && maxFpr <= 1)) throw new RangeError(`maxFpr must be in [0, 1], got ${maxFpr}`);
  if (benignScores.length === 0) return null;
  const sorted = [...benignScores].sort((a, b) => b - a);
  const allowed = Math.floor(maxFpr * sorted.length + 1e-9);
  if (allowed >= sorted.length) return Number.NEGATIVE_INFINITY;
  return sorted[allowed]!;
}

/** Share of attack scores strictly above `threshold`; null when there are no attacks or no threshold. */
export function catchRateAbove(attackScores: readonly number[], threshold: number | null): number | null {
  if (threshold === null || attackScores.length === 0) return null;
  let caught = 0;
  for (const s of attackScores) if (s > threshold) caught++;
  return caught / attackScores.length;
}

/** Catch rate (TPR) at the score threshold giving at most `maxFpr` false positives on the benign scores. */
export function catchAtFpr(
  attackScores: readonly number[],
  benignScores: readonly number[],
  maxFpr: number,
): number | null {
  return catchRateAbove(attackScores, thresholdAtFpr(benignScores, maxFpr));
}

/** Nearest-rank percentile (p in [0, 100]); null for an empty list. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile p must be in [0, 100], got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * All metrics of one group. TPR/FPR/precision/F1 use the detector's own `flagged` decision;
 * ROC AUC uses the score; catch at 1% FPR uses `suiteThreshold` (the 1%-FPR threshold computed over
 * the whole suite's benign rows), because a small group has too few benign rows to place a 1% point.
 */
export function groupMetrics(scored: readonly ScoredSample[], suiteThreshold: number | null): GroupMetrics {
  const attackScores: number[] = [];
  const benignScores: number[] = [];
  let tp = 0;
  let fp = 0;
  for (const s of scored) {
    if (s.sample.attack) {
      attackScores.push(s.score);
      if (s.flagged) tp++;
    } else {
      benignScores.push(s.score);
      if (s.flagged) fp++;
    }
  }
  const tpr = ratio(tp, attackScores.length);
  // Precision needs both classes: in an attack-only group FP is 0 by construction, not by merit.
  const precision = attackScores.length === 0 || benignScores.length === 0 ? null : ratio(tp, tp + fp);
  const f1 =
    tpr === null || precision === null ? null : tpr + precision === 0 ? 0 : (2 * tpr * precision) / (tpr + precision);
  return {
    attacks: attackScores.length,
    benign: benignScores.length,
    truePositives: tp,
    falsePositives: fp,
    tpr,
    fpr: ratio(fp, benignScores.length),
    precision,
    f1,
    rocAuc: rocAuc(attackScores, benignScores),
    catchAt1PctFpr: catchRateAbove(attackScores, suiteThreshold),
  };
}
