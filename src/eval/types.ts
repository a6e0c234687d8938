/**
 * Types shared by the evaluation: what a detector must offer, what a labelled sample looks like,
 * and what one scored sample carries. Kept free of runtime code.
 */
import type { Context, ScanInput, ScanResult } from '../types.ts';

/**
 * Anything the evaluation can score. The tollgate engine satisfies it; so does a stub in the tests
 * and an adapter around a peer detector in bench/peers.ts.
 */
export interface Detector {
  scan(input: ScanInput): Promise<Pick<ScanResult, 'flagged' | 'score'> & Partial<ScanResult>>;
}

/** One labelled text from corpus/ or ../shared/datasets/eval/, normalized to the fields the metrics group by. */
export interface LabelledSample {
  id: string;
  text: string;
  /** true for an attack, false for benign. */
  attack: boolean;
  /** corpus `family`, or the shared file's `category`. */
  family: string;
  context: Context;
  /** ISO-ish language code; `und` when the row does not say. */
  lang: string;
  /** The file the row came from, e.g. `corpus/direct-injection.jsonl`. */
  source: string;
  /** The user's request the agent was serving (corpus `task` or shared `meta.user_task`). */
  task?: string;
  /** Rows sharing a group (an injected document and its clean twin) are split together by the trainer. */
  group?: string;
}

/** A sample after the detector has seen it. */
export interface ScoredSample {
  sample: LabelledSample;
  flagged: boolean;
  /** Risk score in [0, 1]; higher means more likely an attack. */
  score: number;
  /** Wall time of the `scan` call in microseconds, measured by the evaluation. */
  latencyUs: number;
  /** Finding families the detector reported (for per-mutation / per-vector tables). */
  findingFamilies: string[];
  /** Finding ids the detector reported (signature or rule ids), deduplicated. */
  findingIds?: string[];
}

/** The metrics of one group of samples. `null` where a metric is undefined (e.g. FPR with no benign rows). */
export interface GroupMetrics {
  attacks: number;
  benign: number;
  truePositives: number;
  falsePositives: number;
  tpr: number | null;
  fpr: number | null;
  precision: number | null;
  f1: number | null;
  rocAuc: number | null;
  /** Share of the group's attacks scored above the suite's 1%-FPR score threshold. */
  catchAt1PctFpr: number | null;
}
