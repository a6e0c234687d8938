import { describe, expect, it } from 'vitest';
import { SeriesDetector, createSeriesDetector, MASK_INVALID } from '../../src/anomaly/series-detector.ts';
import { rng, T0, MINUTE, HOUR } from './helpers.ts';

function series(n: number, f: (i: number) => number, key = 's', stepMs = MINUTE) {
  return Array.from({ length: n }, (_, i) => ({ key, ts: T0 + i * stepMs, value: f(i) }));
}

describe('Welford', () => {
  it('running mean and variance equal the exact two-pass values', () => {
    const r = rng(1);
    const xs = Array.from({ length: 5000 }, () => 1e6 + r.normal() * 3);
    const det = createSeriesDetector();
    det.observeBatch(xs.map((value, i) => ({ key: 'a', ts: T0 + i, value })));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    expect(det.field('a', 'count')).toBe(5000);
    expect(det.field('a', 'welfordMean')).toBeCloseTo(mean, 8);
    expect(det.field('a', 'welfordM2') / (xs.length - 1)).toBeCloseTo(variance, 8);
  });

  it('scores each point against the points before it: z = (x - mean) / sd', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30];
    const det = createSeriesDetector({ warmup: 10, detectors: ['welford'], thresholds: { welford: 3 } });
    const out = det.observeBatch(xs.map((value, i) => ({ key: 'a', ts: T0 + i, value })));
    const prior = xs.slice(0, 10);
    const m = prior.reduce((a, b) => a + b, 0) / 10;
    const sd = Math.sqrt(prior.reduce((a, b) => a + (b - m) ** 2, 0) / 9);
    const z = (30 - m) / sd;
    const last = out[10]!;
    expect(last.flagged).toBe(true);
    expect(last.findings[0]!.detector).toBe('welford');
    expect(last.findings[0]!.value).toBeCloseTo(z, 3);
    // the score maps |z| / threshold = r to r^4 / (1 + r^4)
    const ratio = z / 3;
    expect(last.score).toBeCloseTo(ratio ** 4 / (1 + ratio ** 4), 3);
    expect(out.slice(0, 10).every((p) => p.score === 0 && !p.flagged)).toBe(true);
  });
});

describe('EWMA', () => {
  it('matches mean += a*d, var = (1-a)*(var + a*d^2) with a = max(alpha, 1/n)', () => {
    const r = rng(2);
    const alpha = 0.1;
    const xs = Array.from({ length: 300 }, (_, i) => 50 + 10 * Math.sin(i / 20) + r.normal());
    const det = createSeriesDetector({ ewmaAlpha: alpha });
    det.observeBatch(xs.map((value, i) => ({ key: 'e', ts: T0 + i, value })));
    let mean = xs[0]!;
    let v = 0;
    xs.slice(1).forEach((x, i) => {
      const a = Math.max(alpha, 1 / (i + 2));
      const d = x - mean;
      mean += a * d;
      v = (1 - a) * (v + a * d * d);
    });
    expect(det.field('e', 'ewmaMean')).toBeCloseTo(mean, 9);
    expect(det.field('e', 'ewmaVar')).toBeCloseTo(v, 9);
  });

  it('starts as the exact running mean and population variance', () => {
    const det = createSeriesDetector({ ewmaAlpha: 0.01 });
    det.observeBatch([2, 4, 9].map((value, i) => ({ key: 'w', ts: T0 + i, value })));
    expect(det.field('w', 'ewmaMean')).toBeCloseTo(5, 12);
    expect(det.field('w', 'ewmaVar')).toBeCloseTo(((2 - 5) ** 2 + (4 - 5) ** 2 + (9 - 5) ** 2) / 3, 12);
  });
});

describe('robust z from the P² median/MAD sketch', () => {
  it('is exact for the first five points and converges on a large sample', () => {
    const det = createSeriesDetector();
    det.observeBatch([5, 1, 4, 2, 3].map((value, i) => ({ key: 'p', ts: T0 + i, value })));
    expect(det.robustCentre('p').median).toBe(3);
    const r = rng(3);
    det.observeBatch(Array.from({ length: 20000 }, (_, i) => ({ key: 'u', ts: T0 + i, value: r.uniform() })));
    const { median, mad } = det.robustCentre('u');
    // uniform(0,1): median 0.5, median absolute deviation 0.25
    expect(Math.abs(median - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(mad - 0.25)).toBeLessThan(0.03);
  });

  it('flags an outlier by (x - median) / (1.4826 * MAD) and ignores heavy but normal tails', () => {
    const r = rng(4);
    const det = createSeriesDetector({ detectors: ['robust'], thresholds: { robust: 6 } });
    const pts = series(3000, () => 100 + r.normal());
    pts.push({ key: 's', ts: T0 + 3000 * MINUTE, value: 112 });
    const out = det.observeBatch(pts);
    expect(out.slice(100, 3000).filter((p) => p.flagged).length).toBe(0);
    const last = out[3000]!;
    expect(last.flagged).toBe(true);
    // sigma is 1, so the robust z is close to 12
    expect(last.findings[0]!.value).toBeGreaterThan(10);
    expect(last.findings[0]!.value).toBeLessThan(14);
  });
});

describe('CUSUM', () => {
  it('fires within a few points of a 3-sigma level shift (expected delay h / (delta - k))', () => {
    const r = rng(5);
    const h = 8;
    const k = 0.5;
    const det = createSeriesDetector({ detectors: ['cusum'], thresholds: { cusum: h }, cusumK: k, cusumAlpha: 0.01 });
    const step = 600;
    const out = det.observeBatch(series(700, (i) => (i >= step ? 3 : 0) + r.normal()));
    const before = out.slice(200, step).filter((p) => p.flagged).length;
    expect(before).toBe(0);
    const first = out.findIndex((p, i) => i >= step && p.flagged);
    // h / (delta - k) = 3.2 points; allow noise
    expect(first).toBeGreaterThanOrEqual(step);
    expect(first - step).toBeLessThanOrEqual(6);
    expect(out[first]!.findings[0]).toMatchObject({ detector: 'cusum', statistic: 'cusum_sum', threshold: h });
    expect(out[first]!.findings[0]!.value).toBeGreaterThanOrEqual(h);
  });

  it('signs a downward shift negative', () => {
    const r = rng(6);
    const det = createSeriesDetector({ detectors: ['cusum'] });
    const out = det.observeBatch(series(700, (i) => (i >= 600 ? -4 : 0) + r.normal()));
    const hit = out.find((p, i) => i >= 600 && p.flagged)!;
    expect(hit.findings[0]!.value).toBeLessThan(0);
  });
});

describe('rate monitor', () => {
  it('flags a surge in arrivals against the sliding-window baseline', () => {
    const det = createSeriesDetector({ detectors: ['rate'], rateWindowMs: 60_000, thresholds: { rate: 5 } });
    // one point a second for 20 minutes: each 60 s window holds about 60 points
    const steady = Array.from({ length: 1200 }, (_, i) => ({ key: 'r', ts: T0 + i * 1000, value: 1 }));
    const out = det.observeBatch(steady);
    expect(out.slice(100).filter((p) => p.flagged).length).toBe(0);
    // then 20 a second: the window count passes mean + 5 * max(sd, sqrt(mean)) = 60 + 5*sqrt(60) ≈ 99 quickly
    const burst = Array.from({ length: 200 }, (_, i) => ({ key: 'r', ts: T0 + 1_200_000 + i * 50, value: 1 }));
    const b = det.observeBatch(burst);
    const first = b.findIndex((p) => p.flagged);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(60);
    expect(b[first]!.findings[0]!.detector).toBe('rate');
  });
});

describe('seasonal baseline', () => {
  it('flags a value that is normal for the day but wrong for the hour', () => {
    const r = rng(7);
    const level = (ts: number) => 100 + 50 * Math.sin((2 * Math.PI * ((ts / HOUR) % 24)) / 24);
    const det = createSeriesDetector({ detectors: ['seasonal', 'welford'], seasonality: 'hour-of-week' });
    const pts = Array.from({ length: 28 * 24 * 4 }, (_, i) => {
      const ts = T0 + i * 15 * MINUTE;
      return { key: 'd', ts, value: level(ts) + r.normal() };
    });
    const out = det.observeBatch(pts);
    expect(out.slice(2000).filter((p) => p.flagged).length).toBe(0);
    // 18:00 is the trough (about 50); the daily peak value 150 at that hour is a seasonal anomaly only
    const ts = T0 + 28 * 24 * HOUR + 18 * HOUR + 1;
    const hit = det.observe('d', ts, 150);
    expect(hit.flagged).toBe(true);
    expect(hit.findings.map((f) => f.detector)).toEqual(['seasonal']);
  });
});

describe('surprise stage', () => {
  it('alerts on a burst of unusual detector output and respects the refractory period', () => {
    const r = rng(8);
    const det = createSeriesDetector({
      detectors: ['surprise'],
      surprise: { feed: ['welford'] },
      thresholds: { welford: 5, surprise: 2.5 },
      refractoryPoints: 50,
    });
    const out = det.observeBatch(series(1200, (i) => (i >= 1000 && i < 1020 ? 12 : 0) + r.normal()));
    const alerts = out.map((p, i) => (p.flagged ? i : -1)).filter((i) => i >= 0);
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0]).toBeGreaterThanOrEqual(1000);
    expect(alerts[0]).toBeLessThan(1005);
    for (let j = 1; j < alerts.length; j++) expect(alerts[j]! - alerts[j - 1]!).toBeGreaterThan(50);
    expect(out[alerts[0]!]!.findings.map((f) => f.detector)).toEqual(['surprise']);
  });
});

describe('many series', () => {
  it('keeps series independent and grows capacity without losing state', () => {
    const det = new SeriesDetector({ initialSeries: 1, batchPoints: 7 });
    const pts = [];
    for (let i = 0; i < 50; i++) for (let s = 0; s < 100; s++) pts.push({ key: `k${s}`, ts: T0 + i * 1000, value: s * 10 + (i % 2) });
    det.observeBatch(pts);
    expect(det.seriesCount).toBe(100);
    for (const s of [0, 37, 99]) {
      expect(det.field(`k${s}`, 'count')).toBe(50);
      expect(det.field(`k${s}`, 'welfordMean')).toBeCloseTo(s * 10 + 0.5, 9);
    }
    expect(det.stateBytesPerSeries).toBeGreaterThan(0);
    expect(det.stateBytesPerSeries).toBeLessThan(2048);
  });

  it('observeArrays gives the same scores as observeBatch', () => {
    const r = rng(9);
    const n = 5000;
    const slots = new Int32Array(n);
    const ts = new Float64Array(n);
    const values = new Float64Array(n);
    const pts = [];
    for (let i = 0; i < n; i++) {
      slots[i] = i % 13;
      ts[i] = T0 + i * 1000;
      values[i] = r.normal() + (i % 997 === 0 ? 9 : 0);
      pts.push({ key: String(i % 13), ts: ts[i]!, value: values[i]! });
    }
    const a = new SeriesDetector();
    a.ensureSeries(13);
    const scores = new Float32Array(n);
    a.observeArrays(slots, ts, values, scores);
    const b = new SeriesDetector();
    for (let s = 0; s < 13; s++) b.slotOf(String(s));
    const out = b.observeBatch(pts);
    for (let i = 0; i < n; i += 17) expect(out[i]!.score).toBeCloseTo(scores[i]!, 3);
  });

  it('observeArrays skips non-finite points without touching the series', () => {
    const det = new SeriesDetector();
    det.slotOf('a');
    const scores = new Float32Array(3);
    const masks = new Uint32Array(3);
    det.observeArrays(Int32Array.from([0, 0, 0]), Float64Array.from([T0, T0 + 1, Number.NaN]), Float64Array.from([1, Number.NaN, 2]), scores, masks);
    expect(det.field('a', 'count')).toBe(1);
    expect(det.field('a', 'welfordMean')).toBe(1);
    expect([...masks]).toEqual([0, MASK_INVALID, MASK_INVALID]);
  });

  it('rejects bad points and options with messages naming the value', () => {
    const det = createSeriesDetector();
    expect(() => det.observe('a', T0, Number.NaN)).toThrow(/point\.value must be a finite number, got NaN/);
    expect(() => det.observe('a', Number.POSITIVE_INFINITY, 1)).toThrow(/point\.ts/);
    expect(() => createSeriesDetector({ detectors: ['nope' as never] })).toThrow(/unknown detector 'nope'/);
    expect(() => createSeriesDetector({ ewmaAlpha: 2 })).toThrow(/ewmaAlpha is out of range: 2/);
  });
});

describe('seasonal buckets and resets', () => {
  it('half-hour-of-day buckets separate 00:10 from 00:40 of the same hour', () => {
    const det = createSeriesDetector({ detectors: ['seasonal'], seasonality: 'half-hour-of-day', seasonMinCount: 3 });
    const r = rng(41);
    // for 20 days: 10 at hh:10, 50 at hh:40 (two half-hour slices of the same hour)
    for (let d = 0; d < 20; d++) {
      for (let h = 0; h < 24; h++) {
        det.observe('h', T0 + d * 24 * HOUR + h * HOUR + 10 * MINUTE, 10 + r.normal() * 0.5);
        det.observe('h', T0 + d * 24 * HOUR + h * HOUR + 40 * MINUTE, 50 + r.normal() * 0.5);
      }
    }
    const day = T0 + 20 * 24 * HOUR;
    expect(det.observe('h', day + 3 * HOUR + 10 * MINUTE, 10).flagged).toBe(false);
    expect(det.observe('h', day + 3 * HOUR + 40 * MINUTE, 50).flagged).toBe(false);
    // 50 in the :10 slice is far outside that slice's baseline
    const hit = det.observe('h', day + 4 * HOUR + 10 * MINUTE, 50);
    expect(hit.flagged).toBe(true);
    expect(hit.findings[0]!.detector).toBe('seasonal');
    expect(hit.findings[0]!.value).toBeGreaterThan(20);
  });

  it('reset forgets a series', () => {
    const det = createSeriesDetector();
    det.observeBatch(series(100, (i) => i));
    expect(det.field('s', 'count')).toBe(100);
    det.reset('s');
    expect(det.field('s', 'count')).toBe(0);
    det.observe('s', T0, 7);
    expect(det.field('s', 'welfordMean')).toBe(7);
  });

  it('rate monitor: an idle gap longer than the window does not make the next arrival a surge', () => {
    const det = createSeriesDetector({ detectors: ['rate'], rateWindowMs: 60_000 });
    const pts = Array.from({ length: 600 }, (_, i) => ({ key: 'g', ts: T0 + i * 1000, value: 1 }));
    det.observeBatch(pts);
    // ten silent minutes, then the usual one point a second
    const after = det.observeBatch(Array.from({ length: 120 }, (_, i) => ({ key: 'g', ts: T0 + 1_200_000 + i * 1000, value: 1 })));
    expect(after.filter((p) => p.flagged)).toEqual([]);
  });
});
