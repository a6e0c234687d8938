/**
 * The whole evaluation in one call: load the suites, score them through a detector, summarize,
 * run the plug-in sections, and write bench/results/eval.json, eval.md and the SVG charts.
 * scripts/eval.ts and scripts/gate.ts are thin wrappers around `runEvaluation`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCorpus, loadSharedEval, PROJECT_ROOT, type Suite } from './datasets.ts';
import { renderReport, type RenderedSection } from './report-md.ts';
import { scoreSamples } from './score.ts';
import { kSections } from './sections/index.ts';
import type { EvalSection, ScoredSuite, SectionMetrics } from './sections/types.ts';
import { summarizeLatency, summarizeSuite, type LatencySummary, type RocSeries, type SuiteReport } from './summarize.ts';
import { latencyHistogramSvg, rocSvg } from './svg.ts';
import { loadTrainingManifest, staleInputs, trainedOn, type TrainingManifest } from './training-split.ts';
import type { Detector } from './types.ts';

export const RESULTS_DIR = join(PROJECT_ROOT, 'bench', 'results');

export interface EvalOptions {
  engine: Detector;
  /** Label for the report, e.g. "inline". */
  engineMode?: string;
  corpusDir?: string;
  /** Shared eval folder; `null` forces it off. Default ../shared/datasets/eval. */
  sharedDir?: string | null;
  resultsDir?: string;
  sections?: readonly EvalSection[];
  /** The semantic model's training manifest; default: read src/model/weights/manifest.json; null: none. */
  trainingManifest?: TrainingManifest | null;
  /** Write eval.json, eval.md and SVGs (default true). */
  writeFiles?: boolean;
  log?: (line: string) => void;
}

export interface SectionRecord {
  id: string;
  title: string;
  status: 'ok' | 'skipped' | 'failed';
  metrics: SectionMetrics;
  error?: string;
  details?: unknown;
}

/** The shape of bench/results/eval.json. */
export interface EvalJson {
  generatedAt: string;
  commit: string;
  node: string;
  engineMode: string;
  durationS: number;
  sharedPresent: boolean;
  /** Overlap with the semantic model's training data, from its manifest; null without a trained model. */
  training: TrainingOverlap | null;
  latency: LatencySummary;
  suites: SuiteReport[];
  sections: Record<string, SectionRecord>;
}

export interface TrainingOverlap {
  heldOutPercent: number;
  corpusRowsTrainedOn: number;
  corpusRowsHeldOut: number;
  /** Rows of evaluation-only files that appear among the training inputs: must be 0. */
  evalRowsInTraining: number;
  evalFilesInTraining: string[];
  /** Corpus files changed since training: their split is approximate. */
  corpusFilesChangedSinceTraining: string[];
}

/** Short commit sha of the working tree, `+dirty` when tracked files differ; "unknown" outside git. */
export function currentCommit(cwd: string = PROJECT_ROOT): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd, encoding: 'utf8' }).trim();
    return sha;
  } catch {
    return 'unknown';
  }
}

function chartName(suite: string): string {
  return `roc-${suite.replace(/[^a-z0-9-]+/gi, '-')}.svg`;
}

/** Legend text: the file name, and how a one-class file was paired with the rest of its suite. */
function chartCurve(series: RocSeries): RocSeries {
  const name = series.pairing === 'suite' ? `${series.label} (all files)` : basename(series.label).replace(/\.jsonl$/, '');
  const suffix = series.pairing === 'vs-suite-benign' ? ' vs suite benign' : series.pairing === 'vs-suite-attacks' ? ' vs suite attacks' : '';
  return { ...series, label: name + suffix };
}

export async function runEvaluation(options: EvalOptions): Promise<{ json: EvalJson; markdown: string }> {
  const log = options.log ?? (() => {});
  const resultsDir = options.resultsDir ?? RESULTS_DIR;
  const started = performance.now();
  const suites: Suite[] = [loadCorpus(options.corpusDir)];
  const shared = options.sharedDir === null ? null : loadSharedEval(options.sharedDir);
  if (shared) suites.push(shared);
  else log('shared eval data absent: scoring the corpus only');

  const scoredSuites: ScoredSuite[] = [];
  for (const suite of suites) {
    log(`scoring ${suite.name}: ${suite.samples.length} samples from ${suite.files.length} file(s)` +
      (suite.errors.length ? `, ${suite.errors.length} malformed line(s) skipped` : ''));
    const { scored, failures } = await scoreSamples(options.engine, suite.samples, {
      onProgress: (done, total) => log(`  ${suite.name}: ${done}/${total}`),
      progressEvery: 2000,
    });
    scoredSuites.push({ report: summarizeSuite(suite, scored, failures), scored });
  }

  // Every scan once (before the held-out view below re-lists corpus rows).
  const allLatencies = scoredSuites.flatMap((s) => s.scored.map((x) => x.latencyUs));

  // The corpus is allowed training data: split out the rows the trainer held out, and check that no
  // evaluation-only row was trained on.
  const manifest = options.trainingManifest === undefined ? loadTrainingManifest() : options.trainingManifest;
  let training: TrainingOverlap | null = null;
  if (manifest) {
    training = { heldOutPercent: manifest.heldOutPercent, corpusRowsTrainedOn: 0, corpusRowsHeldOut: 0, evalRowsInTraining: 0, evalFilesInTraining: [], corpusFilesChangedSinceTraining: [] };
    const corpusSuite = suites.find((s) => s.name === 'corpus');
    if (corpusSuite) training.corpusFilesChangedSinceTraining = staleInputs(manifest, corpusSuite.files);
    const corpusIndex = scoredSuites.findIndex((s) => s.report.name === 'corpus');
    for (const s of scoredSuites) {
      for (const x of s.scored) {
        const seen = trainedOn(x.sample, manifest, s.report.name === 'corpus');
        if (s.report.name === 'corpus') {
          if (seen) training.corpusRowsTrainedOn++;
          else training.corpusRowsHeldOut++;
        } else if (seen) {
          training.evalRowsInTraining++;
          if (!training.evalFilesInTraining.includes(x.sample.source)) training.evalFilesInTraining.push(x.sample.source);
        }
      }
    }
    if (corpusIndex >= 0) {
      const corpus = suites[corpusIndex]!;
      const held = scoredSuites[corpusIndex]!.scored.filter((x) => !trainedOn(x.sample, manifest, true));
      const heldIds = new Set(held.map((x) => x.sample.id));
      const heldSuite: Suite = { ...corpus, name: 'corpus-heldout', samples: corpus.samples.filter((x) => heldIds.has(x.id)) };
      const failures = scoredSuites[corpusIndex]!.report.scanFailures.filter((f) => heldIds.has(f.id));
      scoredSuites.splice(corpusIndex + 1, 0, { report: summarizeSuite(heldSuite, held, failures), scored: held });
    }
  }

  const sectionRecords: Record<string, SectionRecord> = {};
  const rendered: RenderedSection[] = [];
  for (const section of options.sections ?? kSections) {
    try {
      const out = await section.run({ engine: options.engine, suites: scoredSuites, sharedPresent: shared !== null, resultsDir });
      if (out === null) {
        sectionRecords[section.id] = { id: section.id, title: section.title, status: 'skipped', metrics: {} };
        rendered.push({ id: section.id, title: section.title, status: 'skipped', markdown: '' });
      } else {
        sectionRecords[section.id] = { id: section.id, title: section.title, status: 'ok', metrics: out.metrics, details: out.details };
        rendered.push({ id: section.id, title: section.title, status: 'ok', markdown: out.markdown });
      }
    } catch (err) {
      const message = (err as Error).message;
      sectionRecords[section.id] = { id: section.id, title: section.title, status: 'failed', metrics: {}, error: message };
      rendered.push({ id: section.id, title: section.title, status: 'failed', markdown: `Error: ${message}` });
    }
  }

  const latency = summarizeLatency(allLatencies);
  const json: EvalJson = {
    generatedAt: new Date().toISOString(),
    commit: currentCommit(),
    node: process.versions.node,
    engineMode: options.engineMode ?? 'inline',
    durationS: (performance.now() - started) / 1000,
    sharedPresent: shared !== null,
    training,
    latency,
    suites: scoredSuites.map((s) => s.report),
    sections: sectionRecords,
  };
  const charts = [
    ...json.suites.map((s) => ({ title: `ROC curves, ${s.name}`, file: chartName(s.name) })),
    { title: 'Scan latency histogram', file: 'latency.svg' },
  ];
  const markdown = renderReport(
    { generatedAt: json.generatedAt, commit: json.commit, node: json.node, engineMode: json.engineMode, durationS: json.durationS, sharedPresent: json.sharedPresent, training: json.training, charts },
    json.suites,
    rendered,
  );
  if (options.writeFiles !== false) {
    mkdirSync(resultsDir, { recursive: true });
    for (const s of json.suites) {
      writeFileSync(join(resultsDir, chartName(s.name)), rocSvg(`ROC curves, ${s.name} (score-based)`, s.roc.map(chartCurve)));
    }
    const markers = [];
    if (latency.p50Us !== null) markers.push({ label: 'p50', us: latency.p50Us });
    if (latency.p99Us !== null) markers.push({ label: 'p99', us: latency.p99Us });
    writeFileSync(join(resultsDir, 'latency.svg'), latencyHistogramSvg('tollgate inline scan latency, all suites', allLatencies, markers));
    writeFileSync(join(resultsDir, 'eval.json'), JSON.stringify(json, null, 2) + '\n');
    writeFileSync(join(resultsDir, 'eval.md'), markdown);
  }
  return { json, markdown };
}
