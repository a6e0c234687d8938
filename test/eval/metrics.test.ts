import { describe, expect, it } from 'vitest';
import { catchAtFpr, groupMetrics, percentile, rocAuc, rocCurve, thresholdAtFpr } from '../../src/eval/metrics.ts';
import type { ScoredSample } from '../../src/eval/types.ts';

/** Naive Mann–Whitney: compare every attack with every benign score, ties count one half. */
function naiveAuc(pos: number[], neg: number[]): number {
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

/** Deterministic pseudo-random numbers so failures reproduce. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function trapezoid(points: { fpr: number; tpr: number }[]): number {
  let a = 0;
  for (let i = 1; i < points.length; i++) a += ((points[i]!.fpr - points[i - 1]!.fpr) * (points[i]!.tpr + points[i - 1]!.tpr)) / 2;
  return a;
}

describe('rocAuc', () => {
  it('equals the naive Mann–Whitney statistic on random scores with many ties', () => {
    const rand = lcg(7);
    for (let trial = 0; trial < 30; trial++) {
      const pos = Array.from({ length: 1 + Math.floor(rand() * 60) }, () => Math.round(rand() * 10) / 10 + 0.1);
      const neg = Array.from({ length: 1 + Math.floor(rand() * 60) }, () => Math.round(rand() * 10) / 10);
      expect(rocAuc(pos, neg)).toBeCloseTo(naiveAuc(pos, neg), 12);
    }
  });

  it('is 1 for perfect separation, 0 for inverted, 0.5 when everything ties', () => {
    expect(rocAuc([0.9, 0.8], [0.1, 0.2])).toBe(1);
    expect(rocAuc([0.1], [0.9])).toBe(0);
    expect(rocAuc([0.5, 0.5], [0.5])).toBe(0.5);
  });

  it('is null when a class is empty', () => {
    expect(rocAuc([], [0.1])).toBeNull();
    expect(rocAuc([0.1], [])).toBeNull();
  });
});

describe('rocCurve', () => {
  it('runs from (0,0) to (1,1), is monotone, and its trapezoid area equals the AUC', () => {
    const rand = lcg(11);
    const pos = Array.from({ length: 80 }, () => Math.round(rand() * 20) / 20);
    const neg = Array.from({ length: 50 }, () => Math.round(rand() * 14) / 20);
    const pts = rocCurve(pos, neg);
    expect(pts[0]).toMatchObject({ fpr: 0, tpr: 0 });
    expect(pts.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
    for (let i = 1; i < pts.length; i++) {
      expect(pts[i]!.fpr).toBeGreaterThanOrEqual(pts[i - 1]!.fpr);
      expect(pts[i]!.tpr).toBeGreaterThanOrEqual(pts[i - 1]!.tpr);
    }
    expect(trapezoid(pts)).toBeCloseTo(naiveAuc(pos, neg), 12);
  });
});

describe('catch rate at 1% FPR', () => {
  it('allows exactly floor(1% of benign) false positives on a constructed case', () => {
    // 200 benign: 198 at 0.1, two at 0.9 and 0.8 -> 1% allows 2 above the threshold.
    const neg = [...Array(198).fill(0.1), 0.9, 0.8];
    const t = thresholdAtFpr(neg, 0.01);
    expect(t).toBe(0.1);
    // Attacks above 0.1 are caught; the one tying the threshold is not.
    expect(catchAtFpr([0.95, 0.5, 0.2, 0.1], neg, 0.01)).toBe(0.75);
  });

  it('uses a stricter threshold when the benign tail is heavier than the budget', () => {
    // 100 benign: 1% allows one; the second-highest (0.7) becomes the threshold.
    const neg = [...Array(97).fill(0), 0.6, 0.7, 0.95];
    expect(thresholdAtFpr(neg, 0.01)).toBe(0.7);
    expect(catchAtFpr([0.99, 0.8, 0.7, 0.65], neg, 0.01)).toBe(0.5);
  });

  it('never lets the false-positive share exceed the budget on random data', () => {
    const rand = lcg(3);
    for (let trial = 0; trial < 20; trial++) {
      const neg = Array.from({ length: 50 + Math.floor(rand() * 500) }, () => Math.round(rand() * 50) / 50);
      const t = thresholdAtFpr(neg, 0.01)!;
      expect(neg.filter((s) => s > t).length / neg.length).toBeLessThanOrEqual(0.01);
    }
  });

  it('is null without benign or attack scores and rejects a bad budget', () => {
    expect(catchAtFpr([0.5], [], 0.01)).toBeNull();
    expect(catchAtFpr([], [0.5], 0.01)).toBeNull();
    expect(() => thresholdAtFpr([0.1], 1.5)).toThrow(/maxFpr must be in \[0, 1\], got 1.5/);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile(xs, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('groupMetrics', () => {
  const mk = (attack: boolean, flagged: boolean, score: number): ScoredSample => ({
    sample: { id: 'x', text: '', attack, family: 'f', context: 'user_prompt', lang: 'en', source: 's' },
    flagged,
    score,
    latencyUs: 1,
    findingFamilies: [],
  });

  it('computes TPR, FPR, precision and F1 from the flagged decision', () => {
    const rows = [mk(true, true, 0.9), mk(true, true, 0.8), mk(true, false, 0.2), mk(false, true, 0.7), mk(false, false, 0.1), mk(false, false, 0.1), mk(false, false, 0)];
    const m = groupMetrics(rows, 0.5);
    expect(m).toMatchObject({ attacks: 3, benign: 4, truePositives: 2, falsePositives: 1 });
    expect(m.tpr).toBeCloseTo(2 / 3);
    expect(m.fpr).toBeCloseTo(1 / 4);
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo(2 / 3);
    expect(m.catchAt1PctFpr).toBeCloseTo(2 / 3);
    expect(m.rocAuc).toBeCloseTo(naiveAuc([0.9, 0.8, 0.2], [0.7, 0.1, 0.1, 0]));
  });

  it('reports null, not NaN, for metrics a one-class group cannot have', () => {
    const m = groupMetrics([mk(false, false, 0.1)], null);
    expect(m.tpr).toBeNull();
    expect(m.fpr).toBe(0);
    expect(m.precision).toBeNull();
    expect(m.rocAuc).toBeNull();
    expect(m.catchAt1PctFpr).toBeNull();
  });
});

describe('groupMetrics on an attack-only group', () => {
  it('leaves precision and F1 undefined instead of a vacuous 100%', () => {
    const row: ScoredSample = {
      sample: { id: 'a', text: '', attack: true, family: 'f', context: 'user_prompt', lang: 'en', source: 's' },
      flagged: true,
      score: 0.9,
      latencyUs: 1,
      findingFamilies: [],
    };
    const m = groupMetrics([row], 0.5);
    expect(m.tpr).toBe(1);
    expect(m.precision).toBeNull();
    expect(m.f1).toBeNull();
  });
});
