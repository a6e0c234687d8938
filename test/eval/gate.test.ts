import { describe, expect, it } from 'vitest';
import { checkGate, describeFailure, historyRecord, parseThresholds, type Metrics } from '../../src/eval/gate.ts';

const measured: Metrics = {
  'corpus.tpr': 0.93,
  'corpus.fpr': 0.012,
  'shared.tpr': 0.71,
  'shared.source.notinject.fpr': 0.05,
  'speed.scanVsRegExp': 4.2,
};

const thresholds = parseThresholds({
  thresholds: [
    { metric: 'corpus.tpr', min: 0.9 },
    { metric: 'corpus.fpr', max: 0.02 },
    { metric: 'shared.tpr', min: 0.65 },
    { metric: 'shared.source.notinject.fpr', max: 0.1 },
    { metric: 'speed.scanVsRegExp', min: 3 },
  ],
});

describe('checkGate', () => {
  it('passes when every metric is within its bound', () => {
    const out = checkGate(measured, thresholds, { sharedPresent: true });
    expect(out.failures).toEqual([]);
    expect(out.passed.map((p) => p.metric)).toHaveLength(5);
  });

  it('fails and names every metric whose minimum is raised above the measured value', () => {
    const raised = thresholds.map((t) => (t.min !== undefined ? { ...t, min: (measured[t.metric] as number) + 0.001 } : t));
    const out = checkGate(measured, raised, { sharedPresent: true });
    expect(out.failures.map((f) => f.metric).sort()).toEqual(['corpus.tpr', 'shared.tpr', 'speed.scanVsRegExp']);
    expect(out.failures.every((f) => f.kind === 'below-min')).toBe(true);
    expect(describeFailure(out.failures[0]!)).toMatch(/^corpus\.tpr: 0\.9300 < minimum 0\.931$/);
  });

  it('fails an FPR-type metric above its maximum', () => {
    const out = checkGate({ ...measured, 'corpus.fpr': 0.03 }, thresholds, { sharedPresent: true });
    expect(out.failures).toEqual([{ metric: 'corpus.fpr', value: 0.03, bound: 0.02, kind: 'above-max' }]);
    expect(describeFailure(out.failures[0]!)).toBe('corpus.fpr: 0.0300 > maximum 0.02');
  });

  it('skips, not fails, shared-data thresholds when ../shared is absent', () => {
    const local: Metrics = { 'corpus.tpr': 0.93, 'corpus.fpr': 0.012, 'speed.scanVsRegExp': 4.2 };
    const out = checkGate(local, thresholds, { sharedPresent: false });
    expect(out.failures).toEqual([]);
    expect(out.skipped.map((s) => s.metric).sort()).toEqual(['shared.source.notinject.fpr', 'shared.tpr']);
  });

  it('fails a metric that was not measured at all', () => {
    const { ['speed.scanVsRegExp']: _dropped, ...rest } = measured;
    const out = checkGate({ ...rest, 'corpus.tpr': null }, thresholds, { sharedPresent: true });
    expect(out.failures.map((f) => [f.metric, f.kind])).toEqual([
      ['corpus.tpr', 'missing'],
      ['speed.scanVsRegExp', 'missing'],
    ]);
  });
});

describe('parseThresholds', () => {
  it('names the bad entry', () => {
    expect(() => parseThresholds({})).toThrow(/"thresholds" array/);
    expect(() => parseThresholds({ thresholds: [{ metric: 'corpus.tpr' }] })).toThrow(/thresholds\[0\] \(corpus\.tpr\) needs "min" or "max"/);
    expect(() => parseThresholds({ thresholds: [{ metric: 'a', min: 'high' }] })).toThrow(/thresholds\[0\]\.min \(a\) must be a finite number, got "high"/);
    expect(() => parseThresholds({ thresholds: [{ min: 1 }] })).toThrow(/thresholds\[0\]\.metric must be a non-empty string/);
  });
});

describe('historyRecord', () => {
  it('keeps the thresholded and headline metrics with commit, date and outcome', () => {
    const out = checkGate(measured, thresholds, { sharedPresent: true });
    const rec = historyRecord({ ...measured, 'corpus.family.x.tpr': 0.5 }, thresholds, out, { commit: 'abc', date: '2026-01-01', sharedPresent: true });
    expect(rec).toMatchObject({ commit: 'abc', date: '2026-01-01', pass: true, failures: [] });
    expect(Object.keys(rec.metrics as object)).toContain('shared.source.notinject.fpr');
    expect(Object.keys(rec.metrics as object)).not.toContain('corpus.family.x.tpr');
  });
});
