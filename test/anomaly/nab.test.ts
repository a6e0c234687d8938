import { describe, expect, it } from 'vitest';
import { scoreFile, scaledSigmoid, probationLength, fileBounds, normalize } from '../../bench/nab/scorer.ts';
import { loadCorpus, loadProfiles, splitHalves, nabAvailable, parseNabTime, NAB_DIR } from '../../bench/nab/corpus.ts';

const standard = { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 };

describe('NAB scoring (reimplemented)', () => {
  it('scaled sigmoid: full reward at the window start, about zero at its end, -1 far after', () => {
    expect(scaledSigmoid(-1)).toBeCloseTo(2 / (1 + Math.exp(-5)) - 1, 12);
    expect(scaledSigmoid(0)).toBeCloseTo(0, 12);
    expect(scaledSigmoid(3.5)).toBe(-1);
    expect(probationLength(4032)).toBe(604);
    expect(probationLength(20000)).toBe(750);
  });

  it('scores true positives by position, ignores later detections in a window, charges FPs and FNs', () => {
    const n = 2000;
    const windows: [number, number][] = [[1000, 1099], [1500, 1599]];
    // the first point of each window: the perfect detector
    expect(scoreFile(n, windows, [1000, 1500], standard).score).toBeCloseTo(2, 12);
    // nothing: both windows missed
    expect(scoreFile(n, windows, [], standard)).toEqual({ score: -2, tp: 0, fp: 0, fn: 2 });
    // detecting at the middle of the first window: sigma(-(1099 - 1050 + 1)/100) / sigma(-1)
    const mid = scoreFile(n, windows, [1050, 1051, 1060], standard);
    expect(mid.tp).toBe(1);
    expect(mid.fn).toBe(1);
    expect(mid.score).toBeCloseTo(scaledSigmoid(-0.5) / scaledSigmoid(-1) - 1, 12);
    // a false positive before any window costs the full fp weight; one in probation costs nothing
    expect(scoreFile(n, windows, [10, 400], standard).score).toBeCloseTo(-2 - 0.11, 12);
    // just after a window it costs less than far after it
    const near = scoreFile(n, windows, [1000, 1500, 1105], standard).score - 2;
    const far = scoreFile(n, windows, [1000, 1500, 1400], standard).score - 2;
    expect(near).toBeLessThan(0);
    expect(far).toBeLessThan(near);
    expect(near).toBeCloseTo(0.11 * scaledSigmoid(6 / 99), 12);
  });

  it('normalizes between the null (0) and perfect (100) detectors', () => {
    const b = fileBounds(3, standard);
    expect(b).toEqual({ nullScore: -3, perfect: 3 });
    expect(normalize(b.nullScore, b.nullScore, b.perfect)).toBe(0);
    expect(normalize(b.perfect, b.nullScore, b.perfect)).toBe(100);
    expect(parseNabTime('2014-04-10 07:15:00.000000')).toBe(Date.UTC(2014, 3, 10, 7, 15));
  });
});

describe.skipIf(!nabAvailable())(`NAB corpus at ${NAB_DIR}`, () => {
  it('loads 58 files and 116 windows inside their series; the split is fixed and disjoint', () => {
    const files = loadCorpus();
    expect(files).toHaveLength(58);
    expect(files.reduce((a, f) => a + f.windows.length, 0)).toBe(116);
    for (const f of files) {
      for (const [a, b] of f.windows) {
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThan(f.values.length);
        expect(a).toBeLessThan(b);
      }
    }
    const { tune, holdout } = splitHalves(files);
    expect(tune).toHaveLength(29);
    expect(holdout).toHaveLength(29);
    expect(new Set([...tune, ...holdout].map((f) => f.name)).size).toBe(58);
    expect(tune[0]!.name).toBe('artificialNoAnomaly/art_daily_no_noise.csv');
    const profiles = loadProfiles();
    expect(profiles.standard).toEqual(standard);
    expect(profiles.reward_low_FN_rate!.fnWeight).toBe(2);
  });
});
