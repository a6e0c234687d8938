/**
 * The CI gate's logic, kept pure so it can be tested on a metrics object: flatten an evaluation into
 * named numbers, compare them with bench/thresholds.json, and say which metric failed and by how much.
 */
import { basename } from 'node:path';
import type { EvalJson } from './evaluate.ts';
import type { GroupMetrics } from './types.ts';

/** One reviewed bound. `min` for rates that must stay high, `max` for FPR-type metrics that must stay low. */
export interface Threshold {
  metric: string;
  min?: number;
  max?: number;
  /** Skip (not fail) when ../shared/datasets is absent. Defaults to true for metrics named `shared.*`. */
  needsShared?: boolean;
  /** Why this bound, and what it was measured at when set. */
  why?: string;
}

export type Metrics = Record<string, number | null | undefined>;

export interface GateFailure {
  metric: string;
  value: number | null;
  bound: number | null;
  kind: 'below-min' | 'above-max' | 'missing';
}

export interface GateOutcome {
  passed: { metric: string; value: number }[];
  failures: GateFailure[];
  skipped: { metric: string; reason: string }[];
}

const kGroupKeys: (keyof GroupMetrics)[] = ['tpr', 'fpr', 'precision', 'f1', 'rocAuc', 'catchAt1PctFpr', 'attacks', 'benign'];

/** Validates the parsed thresholds file; every error names the entry and what is wrong. */
export function parseThresholds(json: unknown): Threshold[] {
  const list = (json as { thresholds?: unknown })?.thresholds;
  if (!Array.isArray(list)) throw new TypeError('thresholds file must be an object with a "thresholds" array');
  return list.map((entry, i) => {
    const t = entry as Threshold;
    if (typeof t?.metric !== 'string' || t.metric === '') throw new TypeError(`thresholds[${i}].metric must be a non-empty string`);
    if (t.min === undefined && t.max === undefined) throw new TypeError(`thresholds[${i}] (${t.metric}) needs "min" or "max"`);
    for (const k of ['min', 'max'] as const) {
      if (t[k] !== undefined && (typeof t[k] !== 'number' || !Number.isFinite(t[k]))) {
        throw new TypeError(`thresholds[${i}].${k} (${t.metric}) must be a finite number, got ${JSON.stringify(t[k])}`);
      }
    }
    return t;
  });
}

function groupKey(name: string): string {
  return basename(name).replace(/\.jsonl$/, '');
}

function putGroup(out: Metrics, prefix: string, m: GroupMetrics): void {
  for (const k of kGroupKeys) out[`${prefix}.${k}`] = m[k];
}

/**
 * Flattens an evaluation into named numbers:
 * `<suite>.<metric>`, `<suite>.source.<file>.<metric>`, `<suite>.family|context|lang.<group>.<metric>`,
 * `<suite>.scanFailures`, `<suite>.loadErrors`, `latency.p50Us|p99Us`, `section.<id>.<key>`.
 * Suites are `corpus`, `corpus-heldout` (rows the semantic model did not train on) and `shared`; files are named without folder and `.jsonl`.
 */
export function flattenEval(evalJson: EvalJson): Metrics {
  const out: Metrics = {};
  for (const s of evalJson.suites) {
    putGroup(out, s.name, s.overall);
    out[`${s.name}.scanFailures`] = s.scanFailures.length;
    out[`${s.name}.loadErrors`] = s.loadErrors.length;
    for (const [k, m] of Object.entries(s.bySource)) putGroup(out, `${s.name}.source.${groupKey(k)}`, m);
    for (const [k, m] of Object.entries(s.byFamily)) putGroup(out, `${s.name}.family.${k}`, m);
    for (const [k, m] of Object.entries(s.byContext)) putGroup(out, `${s.name}.context.${k}`, m);
    for (const [k, m] of Object.entries(s.byLang)) putGroup(out, `${s.name}.lang.${k}`, m);
  }
  if (evalJson.training) {
    out['training.evalRowsInTraining'] = evalJson.training.evalRowsInTraining;
    out['training.corpusRowsHeldOut'] = evalJson.training.corpusRowsHeldOut;
  }
  out['latency.p50Us'] = evalJson.latency.p50Us;
  out['latency.p99Us'] = evalJson.latency.p99Us;
  for (const [id, rec] of Object.entries(evalJson.sections)) {
    for (const [k, v] of Object.entries(rec.metrics)) out[`section.${id}.${k}`] = v;
  }
  return out;
}

/** Compares metrics with thresholds. A missing or null metric fails unless it needs shared data that is absent. */
export function checkGate(metrics: Metrics, thresholds: readonly Threshold[], opts: { sharedPresent: boolean }): GateOutcome {
  const outcome: GateOutcome = { passed: [], failures: [], skipped: [] };
  for (const t of thresholds) {
    const needsShared = t.needsShared ?? t.metric.startsWith('shared.');
    if (needsShared && !opts.sharedPresent) {
      outcome.skipped.push({ metric: t.metric, reason: '../shared/datasets absent' });
      continue;
    }
    const value = metrics[t.metric];
    if (value === undefined || value === null || Number.isNaN(value)) {
      outcome.failures.push({ metric: t.metric, value: null, bound: t.min ?? t.max ?? null, kind: 'missing' });
      continue;
    }
    if (t.min !== undefined && value < t.min) {
      outcome.failures.push({ metric: t.metric, value, bound: t.min, kind: 'below-min' });
    } else if (t.max !== undefined && value > t.max) {
      outcome.failures.push({ metric: t.metric, value, bound: t.max, kind: 'above-max' });
    } else {
      outcome.passed.push({ metric: t.metric, value });
    }
  }
  return outcome;
}

/** One line per failure, naming the metric, its value and the bound it broke. */
export function describeFailure(f: GateFailure): string {
  if (f.kind === 'missing') return `${f.metric}: missing (no value measured; bound ${f.bound})`;
  const op = f.kind === 'below-min' ? '<' : '>';
  const word = f.kind === 'below-min' ? 'minimum' : 'maximum';
  return `${f.metric}: ${f.value!.toFixed(4)} ${op} ${word} ${f.bound}`;
}

/** The compact record appended to bench/history.jsonl: thresholded metrics plus the headline ones. */
export function historyRecord(
  metrics: Metrics,
  thresholds: readonly Threshold[],
  outcome: GateOutcome,
  meta: { commit: string; date: string; sharedPresent: boolean },
): Record<string, unknown> {
  const keep = new Set<string>(thresholds.map((t) => t.metric));
  for (const k of Object.keys(metrics)) {
    if (/^(corpus|corpus-heldout|shared)\.(tpr|fpr|precision|f1|rocAuc|catchAt1PctFpr)$/.test(k) || k.startsWith('latency.') || k.startsWith('speed.')) keep.add(k);
    if (/^shared\.source\.[^.]+\.(tpr|fpr)$/.test(k)) keep.add(k);
  }
  const picked: Record<string, number | null> = {};
  for (const k of [...keep].sort()) {
    const v = metrics[k];
    picked[k] = v === undefined || Number.isNaN(v) ? null : v;
  }
  return {
    commit: meta.commit,
    date: meta.date,
    pass: outcome.failures.length === 0,
    sharedPresent: meta.sharedPresent,
    failures: outcome.failures.map((f) => f.metric),
    metrics: picked,
  };
}
