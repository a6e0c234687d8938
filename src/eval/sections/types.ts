/**
 * The plug-in shape for report sections. Each section lives in its own file under src/eval/sections/,
 * is listed once in src/eval/sections/index.ts, and returns its metrics (stored in eval.json under
 * `sections.<id>` and offered to the gate as `section.<id>.<key>`) and a Markdown block for eval.md.
 */
import type { SuiteReport } from '../summarize.ts';
import type { Detector, ScoredSample } from '../types.ts';

export interface ScoredSuite {
  report: SuiteReport;
  scored: ScoredSample[];
}

export interface SectionContext {
  /** The engine under evaluation (inline). Sections needing more than `scan` may feature-test for methods. */
  engine: Detector;
  /** Every suite already scored by the main evaluation (corpus, and shared-eval when present). */
  suites: ScoredSuite[];
  /** True when ../shared/datasets/ exists; sections reading it must return null or a skip note otherwise. */
  sharedPresent: boolean;
  /** bench/results/ — where a section may write its own SVGs (link them relatively from its markdown). */
  resultsDir: string;
}

/** Flat numbers only, so the gate can compare them; nested objects are not flattened. */
export type SectionMetrics = Record<string, number | null>;

export interface SectionOutput {
  metrics: SectionMetrics;
  /** Markdown body (no top-level heading: the report adds `## <title>`). */
  markdown: string;
  /** Anything else worth keeping in eval.json (tables, per-row detail). */
  details?: unknown;
}

export interface EvalSection {
  /** Short kebab-case id; the key in eval.json and the gate prefix `section.<id>.`. */
  id: string;
  title: string;
  /** Returns null to skip (e.g. its data is absent); throwing marks the section failed in the report. */
  run(ctx: SectionContext): Promise<SectionOutput | null>;
}
