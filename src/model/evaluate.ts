/**
 * Measures the semantic scorer on the evaluation-only files of ../shared/datasets (it only RUNS the
 * model on them: nothing here feeds back into training or thresholds), with the ablation switches and
 * the mutation families. `npx tsx src/model/evaluate.ts [--weights DIR] [--ablation] [--mutations] [--limit N]`
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../types.ts';
import { SemanticModel, type ScoreOptions } from './model.ts';
import { attackSources, translationVariants, variants } from '../../scripts/mutate.ts';

export interface EvalRow {
  text: string;
  label: 'attack' | 'benign';
  context: Context;
  task?: string;
}

export interface FileResult {
  file: string;
  attacks: number;
  caught: number;
  benign: number;
  falsePositives: number;
  catchRate: number;
  fpRate: number;
}

export function loadEvalRows(path: string, limit = Infinity): EvalRow[] {
  const rows: EvalRow[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let r: any;
    try {
      r = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof r.text !== 'string') continue;
    const task = r.meta?.user_task ?? r.task;
    rows.push({ text: r.text, label: r.label === 'attack' ? 'attack' : 'benign', context: r.context ?? 'user_prompt', ...(typeof task === 'string' ? { task } : {}) });
  }
  if (rows.length <= limit) return rows;
  // Even subsample, deterministic.
  const out: EvalRow[] = [];
  const stride = rows.length / limit;
  for (let i = 0; i < limit; i++) out.push(rows[Math.floor(i * stride)]);
  return out;
}

export function evaluateRows(model: SemanticModel, file: string, rows: EvalRow[], options: ScoreOptions = {}): FileResult {
  let attacks = 0;
  let caught = 0;
  let benign = 0;
  let fp = 0;
  for (const r of rows) {
    const s = model.score({ text: r.text, context: r.context, task: r.task }, { nearest: false, ...options });
    if (r.label === 'attack') {
      attacks++;
      if (s.flagged) caught++;
    } else {
      benign++;
      if (s.flagged) fp++;
    }
  }
  return { file, attacks, caught, benign, falsePositives: fp, catchRate: attacks ? caught / attacks : NaN, fpRate: benign ? fp / benign : NaN };
}

export const kAblations: Record<string, ScoreOptions> = {
  full: {},
  'no segments': { segments: false },
  'no task': { task: false },
  'no structural (inference)': { structural: false },
  'no context thresholds': { contextThresholds: false },
  'no decoding': { decode: false },
};

function pct(x: number): string {
  return Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`;
}

export function summaryTable(results: FileResult[]): string {
  const lines = ['| file | attacks caught | benign flagged |', '|---|---|---|'];
  let a = 0;
  let c = 0;
  let b = 0;
  let f = 0;
  for (const r of results) {
    lines.push(`| ${r.file} | ${r.attacks ? `${pct(r.catchRate)} (${r.caught}/${r.attacks})` : '—'} | ${r.benign ? `${pct(r.fpRate)} (${r.falsePositives}/${r.benign})` : '—'} |`);
    a += r.attacks;
    c += r.caught;
    b += r.benign;
    f += r.falsePositives;
  }
  lines.push(`| **all** | ${pct(c / a)} (${c}/${a}) | ${pct(f / b)} (${f}/${b}) |`);
  return lines.join('\n');
}

/** Catch rate of the held-out corpus attacks, unmutated and per obfuscation family (plus translations). */
export function mutationTable(model: SemanticModel, root: string, limit = 400): string {
  const attacks = attackSources(root, [], true).slice(0, limit);
  const byFamily = new Map<string, { n: number; caught: number }>();
  const rows = [...variants(attacks), ...translationVariants()];
  for (const v of rows) {
    const r = model.score({ text: v.text as string, context: v.context as Context, task: v.task as string | undefined }, { nearest: false });
    const key = v.technique as string;
    const e = byFamily.get(key) ?? { n: 0, caught: 0 };
    e.n++;
    if (r.flagged) e.caught++;
    byFamily.set(key, e);
  }
  const base = byFamily.get('none');
  const lines = ['| family | caught | vs unmutated |', '|---|---|---|'];
  for (const [k, e] of byFamily) {
    const rate = e.caught / e.n;
    const delta = base && k !== 'none' ? `${((rate - base.caught / base.n) * 100).toFixed(1)} pts` : '';
    lines.push(`| ${k} | ${pct(rate)} (${e.caught}/${e.n}) | ${delta} |`);
  }
  return lines.join('\n');
}

export interface SemanticReport {
  metrics: Record<string, number | null>;
  markdown: string;
}

/**
 * The full semantic report: per-file results at the shipped thresholds, the ablation (on an even
 * subsample of `ablationRows` rows per file to keep `npm run eval` short) and the mutation families.
 */
export function semanticReport(root: string, ablationRows = 800, dir?: string): SemanticReport | null {
  const evalDir = join(root, '../shared/datasets/eval');
  if (!existsSync(evalDir)) return null;
  const model = SemanticModel.loadSync(dir);
  const files = readdirSync(evalDir).filter((f) => f.endsWith('.jsonl')).sort();
  const metrics: Record<string, number | null> = {};
  const full = files.map((f) => evaluateRows(model, f.replace(/\.jsonl$/, ''), loadEvalRows(join(evalDir, f))));
  for (const r of full) {
    if (r.attacks) metrics[`${r.file}.catchRate`] = round4(r.catchRate);
    if (r.benign) metrics[`${r.file}.fpRate`] = round4(r.fpRate);
  }
  const md: string[] = ['Shipped model, per-context thresholds, `task` from `meta.user_task` where present.', '', summaryTable(full), ''];
  md.push(`Ablation (even subsample of up to ${ablationRows} rows per file; structural ablation zeroes the structural part at inference, no retraining):`, '');
  md.push('| variant | attacks caught | benign flagged | NotInject flagged |', '|---|---|---|---|');
  const subsets = files.map((f) => ({ file: f.replace(/\.jsonl$/, ''), rows: loadEvalRows(join(evalDir, f), ablationRows) }));
  for (const [name, options] of Object.entries(kAblations)) {
    const res = subsets.map(({ file, rows }) => evaluateRows(model, file, rows, options));
    const a = res.reduce((n, r) => n + r.attacks, 0);
    const c = res.reduce((n, r) => n + r.caught, 0);
    const b = res.reduce((n, r) => n + r.benign, 0);
    const f = res.reduce((n, r) => n + r.falsePositives, 0);
    const ni = res.find((r) => r.file === 'notinject');
    const key = name.replace(/[^a-z]+/g, '_');
    metrics[`ablation.${key}.catchRate`] = round4(c / a);
    metrics[`ablation.${key}.fpRate`] = round4(f / b);
    md.push(`| ${name} | ${pct(c / a)} | ${pct(f / b)} | ${ni ? pct(ni.fpRate) : '—'} |`);
  }
  md.push('', 'Mutation families (held-out corpus attacks):', '', mutationTable(model, root));
  return { metrics, markdown: md.join('\n') };
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const get = (n: string): string | undefined => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : undefined);
  const dir = get('--weights');
  const limit = Number(get('--limit') ?? 'Infinity');
  const evalDir = join(process.cwd(), '../shared/datasets/eval');
  if (!existsSync(evalDir)) {
    console.log('../shared/datasets/eval is absent; nothing to measure');
    return;
  }
  if (argv.includes('--report')) {
    console.log(semanticReport(process.cwd(), Number(get('--ablation-rows') ?? '800'), dir)?.markdown);
    return;
  }
  const model = SemanticModel.loadSync(dir);
  const files = readdirSync(evalDir).filter((f) => f.endsWith('.jsonl')).sort();
  const data = files.map((f) => ({ file: f.replace(/\.jsonl$/, ''), rows: loadEvalRows(join(evalDir, f), limit) }));
  if (argv.includes('--mutations')) {
    console.log('\n### catch rate per mutation family (held-out corpus attacks, each in its own context)\n');
    console.log(mutationTable(model, process.cwd()));
  }
  const variants = argv.includes('--ablation') ? kAblations : { full: {} };
  for (const [name, options] of Object.entries(variants)) {
    const t0 = performance.now();
    const results = data.map(({ file, rows }) => evaluateRows(model, file, rows, options));
    console.log(`\n### ${name} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
    console.log(summaryTable(results));
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
