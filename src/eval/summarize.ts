/**
 * Turns scored samples into a suite report: overall metrics, breakdowns by family, context, language
 * and source file, ROC curves per source, and latency percentiles.
 */
import { groupMetrics, percentile, rocCurve, thresholdAtFpr, type RocPoint } from './metrics.ts';
import type { LoadError, Suite } from './datasets.ts';
import type { ScanFailure } from './score.ts';
import type { GroupMetrics, LabelledSample, ScoredSample } from './types.ts';

/** The false-positive budget of the headline "catch rate at 1% FPR". */
export const CATCH_FPR_BUDGET = 0.01;
const kMaxRocPoints = 300;

export interface LatencySummary {
  count: number;
  p50Us: number | null;
  p99Us: number | null;
  meanUs: number | null;
  maxUs: number | null;
}

export interface RocSeries {
  /** Source file (or the suite) the curve belongs to. */
  label: string;
  /** How the curve was formed: both classes from the source, or the source's one class against the suite's other. */
  pairing: 'own' | 'vs-suite-benign' | 'vs-suite-attacks' | 'suite';
  auc: number | null;
  points: RocPoint[];
}

export interface SuiteReport {
  name: string;
  files: string[];
  loadErrors: LoadError[];
  scanFailures: ScanFailure[];
  /** Score above which the suite's benign rows stay within the 1% FPR budget. */
  thresholdAt1PctFpr: number | null;
  overall: GroupMetrics;
  byFamily: Record<string, GroupMetrics>;
  byContext: Record<string, GroupMetrics>;
  byLang: Record<string, GroupMetrics>;
  bySource: Record<string, GroupMetrics>;
  latency: LatencySummary;
  /** Latency by input size (UTF-8 bytes), since a 100 KB filing and a one-line prompt are not comparable. */
  latencyBySize: Record<string, LatencySummary>;
  roc: RocSeries[];
  /** Which findings fired on flagged benign rows (false positives), most frequent first: where to look first. */
  falsePositiveFindings: FindingCount[];
  /** Which findings fired on caught attacks, most frequent first. */
  truePositiveFindings: FindingCount[];
}

export interface FindingCount {
  id: string;
  /** Rows on which the finding fired (once per row). */
  rows: number;
  /** Rows per source file. */
  bySource: Record<string, number>;
}

const kTopFindings = 15;

/** Counts finding ids over the rows selected by `pick`, per source too; top `kTopFindings`. */
export function countFindings(scored: readonly ScoredSample[], pick: (s: ScoredSample) => boolean): FindingCount[] {
  const counts = new Map<string, FindingCount>();
  for (const s of scored) {
    if (!pick(s)) continue;
    const ids = s.findingIds && s.findingIds.length > 0 ? s.findingIds : ['(no finding: score only)'];
    for (const id of ids) {
      let c = counts.get(id);
      if (!c) counts.set(id, (c = { id, rows: 0, bySource: {} }));
      c.rows++;
      c.bySource[s.sample.source] = (c.bySource[s.sample.source] ?? 0) + 1;
    }
  }
  return [...counts.values()].sort((a, b) => b.rows - a.rows || a.id.localeCompare(b.id)).slice(0, kTopFindings);
}

/** Size buckets for latency, by UTF-8 bytes of the text. */
export const SIZE_BUCKETS: { label: string; maxBytes: number }[] = [
  { label: '<1 KB', maxBytes: 1024 },
  { label: '1-4 KB', maxBytes: 4096 },
  { label: '4-16 KB', maxBytes: 16384 },
  { label: '>16 KB', maxBytes: Number.POSITIVE_INFINITY },
];

export function sizeBucket(text: string): string {
  const bytes = Buffer.byteLength(text, 'utf8');
  return SIZE_BUCKETS.find((b) => bytes < b.maxBytes)!.label;
}

function latencyBySize(scored: readonly ScoredSample[]): Record<string, LatencySummary> {
  const out: Record<string, LatencySummary> = {};
  for (const b of SIZE_BUCKETS) {
    const xs = scored.filter((s) => sizeBucket(s.sample.text) === b.label).map((s) => s.latencyUs);
    if (xs.length > 0) out[b.label] = summarizeLatency(xs);
  }
  return out;
}

export function summarizeLatency(latenciesUs: readonly number[]): LatencySummary {
  const count = latenciesUs.length;
  let sum = 0;
  let max = 0;
  for (const v of latenciesUs) {
    sum += v;
    if (v > max) max = v;
  }
  return {
    count,
    p50Us: percentile(latenciesUs, 50),
    p99Us: percentile(latenciesUs, 99),
    meanUs: count === 0 ? null : sum / count,
    maxUs: count === 0 ? null : max,
  };
}

/** Groups scored samples by a key and computes each group's metrics, keys sorted. */
export function breakdown(
  scored: readonly ScoredSample[],
  key: (s: LabelledSample) => string,
  suiteThreshold: number | null,
): Record<string, GroupMetrics> {
  const groups = new Map<string, ScoredSample[]>();
  for (const s of scored) {
    const k = key(s.sample);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(s);
  }
  const out: Record<string, GroupMetrics> = {};
  for (const k of [...groups.keys()].sort()) out[k] = groupMetrics(groups.get(k)!, suiteThreshold);
  return out;
}

/** Keeps at most `max` points of a curve, always including both ends, so JSON and SVG stay small. */
export function downsample(points: readonly RocPoint[], max: number = kMaxRocPoints): RocPoint[] {
  if (points.length <= max) return [...points];
  const out: RocPoint[] = [];
  const step = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * step)]!);
  return out;
}

function scoresOf(scored: readonly ScoredSample[], attack: boolean): number[] {
  return scored.filter((s) => s.sample.attack === attack).map((s) => s.score);
}

function rocSeries(scored: readonly ScoredSample[], suite: Suite): RocSeries[] {
  const suiteAttacks = scoresOf(scored, true);
  const suiteBenign = scoresOf(scored, false);
  const series: RocSeries[] = [];
  const make = (label: string, pairing: RocSeries['pairing'], pos: number[], neg: number[]): void => {
    const points = rocCurve(pos, neg);
    if (points.length === 0) return;
    series.push({ label, pairing, auc: aucOf(points), points: downsample(points) });
  };
  make(suite.name, 'suite', suiteAttacks, suiteBenign);
  for (const source of suite.files) {
    const own = scored.filter((s) => s.sample.source === source);
    const pos = scoresOf(own, true);
    const neg = scoresOf(own, false);
    if (pos.length > 0 && neg.length > 0) make(source, 'own', pos, neg);
    else if (pos.length > 0) make(source, 'vs-suite-benign', pos, suiteBenign);
    else if (neg.length > 0) make(source, 'vs-suite-attacks', suiteAttacks, neg);
  }
  return series;
}

/** Trapezoidal area under a full (0,0)→(1,1) curve; equals the Mann–Whitney AUC for an unsampled curve. */
function aucOf(points: readonly RocPoint[]): number {
  let area = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    area += ((b.fpr - a.fpr) * (a.tpr + b.tpr)) / 2;
  }
  return area;
}

export function summarizeSuite(suite: Suite, scored: readonly ScoredSample[], failures: ScanFailure[]): SuiteReport {
  const threshold = thresholdAtFpr(scoresOf(scored, false), CATCH_FPR_BUDGET);
  return {
    name: suite.name,
    files: suite.files,
    loadErrors: suite.errors,
    scanFailures: failures,
    thresholdAt1PctFpr: threshold,
    overall: groupMetrics(scored, threshold),
    byFamily: breakdown(scored, (s) => s.family, threshold),
    byContext: breakdown(scored, (s) => s.context, threshold),
    byLang: breakdown(scored, (s) => s.lang, threshold),
    bySource: breakdown(scored, (s) => s.source, threshold),
    latency: summarizeLatency(scored.map((s) => s.latencyUs)),
    latencyBySize: latencyBySize(scored),
    roc: rocSeries(scored, suite),
    falsePositiveFindings: countFindings(scored, (s) => !s.sample.attack && s.flagged),
    truePositiveFindings: countFindings(scored, (s) => s.sample.attack && s.flagged),
  };
}
