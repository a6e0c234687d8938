/**
 * NAB's windowed scoring, written from its published description (Lavin & Ahmad 2015, "Evaluating
 * Real-time Anomaly Detection Algorithms"; NAB README):
 *  - the first 15% of each file (at most 750 points) is a probationary period: detections there
 *    are not scored;
 *  - inside a labelled window only the first detection counts, rewarded by a scaled sigmoid of its
 *    position: A_tp * sigma(y) / sigma(-1) with sigma(y) = 2/(1+e^(5y)) - 1 and y = -(right - i + 1)/width,
 *    so detecting at the window's start earns the full tp weight and at its end almost nothing;
 *  - a detection outside every window costs A_fp * sigma(y): -1 when no window precedes it, less
 *    when it trails a window closely (y = distance past the window's end / (width - 1));
 *  - a window with no detection costs A_fn;
 *  - corpus scores are normalized: 100 * (S - S_null) / (S_perfect - S_null), where the null
 *    detector detects nothing and the perfect one detects every window at its first point.
 */
import type { CostProfile } from './corpus.ts';

export function scaledSigmoid(y: number): number {
  if (y > 3) return -1;
  return 2 / (1 + Math.exp(5 * y)) - 1;
}

const MAX_TP = scaledSigmoid(-1);

export function probationLength(n: number, fraction = 0.15): number {
  return Math.min(Math.floor(fraction * n), Math.floor(fraction * 5000));
}

export interface FileScore {
  score: number;
  tp: number;
  fp: number;
  fn: number;
}

/**
 * Raw NAB score of one file for a set of detections (indices of points flagged, ascending).
 * `windows` are inclusive index ranges, sorted and disjoint.
 */
export function scoreFile(
  length: number, windows: ReadonlyArray<readonly [number, number]>, detections: ArrayLike<number>, profile: CostProfile,
): FileScore {
  const probation = probationLength(length);
  let score = 0;
  let tp = 0;
  let fp = 0;
  let w = 0; // next window not yet passed
  const detected = new Array<boolean>(windows.length).fill(false);
  for (let k = 0; k < detections.length; k++) {
    const i = detections[k]!;
    if (i < probation) continue;
    while (w < windows.length && windows[w]![1] < i) w++;
    if (w < windows.length && windows[w]![0] <= i) {
      if (detected[w]) continue;
      detected[w] = true;
      const [start, end] = windows[w]!;
      const width = end - start + 1;
      score += (scaledSigmoid(-(end - i + 1) / width) * profile.tpWeight) / MAX_TP;
      tp++;
      continue;
    }
    // false positive: weighted by distance past the preceding window, if any
    fp++;
    if (w === 0) {
      score -= profile.fpWeight;
    } else {
      const [pStart, pEnd] = windows[w - 1]!;
      const width = pEnd - pStart + 1;
      score += scaledSigmoid(Math.abs(pEnd - i) / (width - 1)) * profile.fpWeight;
    }
  }
  const fn = detected.filter((d) => !d).length;
  score -= fn * profile.fnWeight;
  return { score, tp, fp, fn };
}

/** Null and perfect raw scores of a file under a profile. */
export function fileBounds(windowCount: number, profile: CostProfile): { nullScore: number; perfect: number } {
  return { nullScore: -windowCount * profile.fnWeight, perfect: windowCount * profile.tpWeight };
}

/** Normalized corpus score from summed raw, null and perfect scores. */
export function normalize(raw: number, nullScore: number, perfect: number): number {
  return (100 * (raw - nullScore)) / (perfect - nullScore);
}
