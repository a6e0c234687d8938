/**
 * Markdown rendering of the evaluation: a summary table per suite, breakdowns by source, family,
 * context and language, links to the SVG charts, then every plug-in section.
 */
import type { TrainingOverlap } from './evaluate.ts';
import type { FindingCount, LatencySummary, SuiteReport } from './summarize.ts';
import type { GroupMetrics } from './types.ts';

export interface RenderedSection {
  id: string;
  title: string;
  status: 'ok' | 'skipped' | 'failed';
  markdown: string;
}

export interface ReportHeader {
  generatedAt: string;
  commit: string;
  node: string;
  engineMode: string;
  durationS: number;
  sharedPresent: boolean;
  training: TrainingOverlap | null;
  /** Chart files (relative to the report) keyed by what they show. */
  charts: { title: string; file: string }[];
}

export function pct(v: number | null): string {
  return v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`;
}

export function num(v: number | null, digits = 3): string {
  return v === null ? 'n/a' : v.toFixed(digits);
}

export function us(v: number | null): string {
  if (v === null) return 'n/a';
  return v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(0)} µs`;
}

const kGroupHeader =
  '| attacks | benign | catch (TPR) | FPR | precision | F1 | ROC AUC | catch @1% FPR |\n|---:|---:|---:|---:|---:|---:|---:|---:|';

function groupCells(m: GroupMetrics): string {
  return `| ${m.attacks} | ${m.benign} | ${pct(m.tpr)} | ${pct(m.fpr)} | ${pct(m.precision)} | ${num(m.f1)} | ${num(m.rocAuc)} | ${pct(m.catchAt1PctFpr)} |`;
}

/** A breakdown table: first column is the group name (escaped pipes), then the metric columns. */
export function groupTable(title: string, groups: Record<string, GroupMetrics>): string {
  const lines = [`| ${title} ${kGroupHeader.split('\n')[0]}`, `|---${kGroupHeader.split('\n')[1]}`];
  for (const [name, m] of Object.entries(groups)) lines.push(`| ${name.replace(/\|/g, '\\|')} ${groupCells(m)}`);
  return lines.join('\n');
}

function findingTable(rows: readonly FindingCount[]): string {
  const lines = ['| finding | rows | by source |', '|---|---:|---|'];
  for (const r of rows) {
    const where = Object.entries(r.bySource)
      .sort((a, b) => b[1] - a[1])
      .map(([src, n]) => `${src.split('/').pop()!.replace(/\.jsonl$/, '')} ${n}`)
      .join(', ');
    lines.push(`| \`${r.id}\` | ${r.rows} | ${where} |`);
  }
  return lines.join('\n');
}

function latencyLine(l: LatencySummary): string {
  return `p50 ${us(l.p50Us)}, p99 ${us(l.p99Us)}, mean ${us(l.meanUs)}, max ${us(l.maxUs)} over ${l.count} scans`;
}

export function renderReport(header: ReportHeader, suites: readonly SuiteReport[], sections: readonly RenderedSection[]): string {
  const out: string[] = [];
  out.push('# tollgate evaluation', '');
  out.push(
    `Generated ${header.generatedAt} at commit \`${header.commit}\` by \`npm run eval\` (Node ${header.node}, engine ${header.engineMode}, ${header.durationS.toFixed(1)} s).`,
    '',
    'Catch rate (TPR), FPR, precision and F1 use the engine\'s own `flagged` decision (precision and F1 are n/a in a group with only one class). ROC AUC uses its `score`. ' +
      '"Catch @1% FPR" is the share of attacks scoring above the score threshold at which the suite\'s benign rows stay within 1% false positives; ' +
      'the threshold is set per suite (not per group) because small groups cannot place a 1% point. It is a measurement, not an engine setting. ' +
      'Latency is the wall time of each inline `engine.scan` call measured by the evaluation, in one thread, sequentially.',
    '',
  );
  if (!header.sharedPresent) out.push('`../shared/datasets/eval/` is absent: only the project corpus was scored.', '');
  const t = header.training;
  if (t) {
    out.push(
      `**Training overlap.** The semantic model was trained on ${t.corpusRowsTrainedOn} of the corpus rows scored here; ` +
        `${t.corpusRowsHeldOut} were held out by the trainer (${t.heldOutPercent}% of groups, twins kept together). ` +
        (t.corpusRowsTrainedOn > 0 ? 'So the `corpus` row is largely in-sample; `corpus-heldout` is the honest corpus figure. ' : '') +
        (t.evalRowsInTraining === 0
          ? 'No evaluation-only row is among the training inputs.'
          : `**${t.evalRowsInTraining} evaluation-only rows are among the training inputs (${t.evalFilesInTraining.join(', ')}): those figures are contaminated.**`) +
        (t.corpusFilesChangedSinceTraining.length > 0
          ? ` ${t.corpusFilesChangedSinceTraining.length} corpus file(s) changed since the model was trained (${t.corpusFilesChangedSinceTraining.join(', ')}), so the held-out split is approximate until \`npm run train\` is rerun.`
          : ''),
      '',
    );
  } else {
    out.push('No trained semantic model manifest found: no training overlap to report.', '');
  }
  out.push('## Summary', '');
  out.push(`| suite ${kGroupHeader.split('\n')[0]} p50 | p99 |`, `|---${kGroupHeader.split('\n')[1]}---:|---:|`);
  for (const s of suites) out.push(`| ${s.name} ${groupCells(s.overall)} ${us(s.latency.p50Us)} | ${us(s.latency.p99Us)} |`);
  out.push('');
  for (const chart of header.charts) out.push(`![${chart.title}](${chart.file})`, '');
  for (const s of suites) {
    out.push(`## ${s.name}`, '');
    out.push(`Files: ${s.files.map((f) => `\`${f}\``).join(', ') || 'none'}. Latency: ${latencyLine(s.latency)}.`, '');
    out.push(`1%-FPR score threshold: ${s.thresholdAt1PctFpr === null ? 'n/a (no benign rows)' : s.thresholdAt1PctFpr.toFixed(4)}.`, '');
    if (s.loadErrors.length > 0) {
      out.push(`**${s.loadErrors.length} malformed line(s) skipped**, e.g.:`, '');
      for (const e of s.loadErrors.slice(0, 5)) out.push(`- \`${e.source}:${e.line}\`: ${e.message}`);
      out.push('');
    }
    if (s.scanFailures.length > 0) {
      out.push(`**${s.scanFailures.length} scan(s) threw and are excluded**, e.g.:`, '');
      for (const f of s.scanFailures.slice(0, 5)) out.push(`- \`${f.id}\` (${f.source}): ${f.message}`);
      out.push('');
    }
    const sizes = Object.entries(s.latencyBySize);
    if (sizes.length > 0) {
      out.push('### Latency by input size', '', '| size | scans | p50 | p99 | max |', '|---|---:|---:|---:|---:|');
      for (const [label, l] of sizes) out.push(`| ${label} | ${l.count} | ${us(l.p50Us)} | ${us(l.p99Us)} | ${us(l.maxUs)} |`);
      out.push('');
    }
    if (s.falsePositiveFindings.length > 0) {
      out.push('### Findings behind false positives', '', 'Finding ids on flagged benign rows (a row counts once per id), most frequent first.', '');
      out.push(findingTable(s.falsePositiveFindings), '');
    }
    if (s.truePositiveFindings.length > 0) {
      out.push('### Findings on caught attacks', '');
      out.push(findingTable(s.truePositiveFindings), '');
    }
    out.push('### By source file', '', groupTable('source', s.bySource), '');
    out.push('### By family', '', groupTable('family', s.byFamily), '');
    out.push('### By context', '', groupTable('context', s.byContext), '');
    out.push('### By language', '', groupTable('lang', s.byLang), '');
  }
  for (const section of sections) {
    out.push(`## ${section.title}`, '');
    if (section.status !== 'ok') out.push(`_Section ${section.status}._`, '');
    if (section.markdown) out.push(section.markdown.trim(), '');
  }
  return out.join('\n');
}
