/**
 * Runs a detector over a suite, one sample at a time in the caller's thread, timing every call.
 * Sequential on purpose: the latency figures are per-scan latencies, not pool throughput.
 */
import { performance } from 'node:perf_hooks';
import type { ScanInput } from '../types.ts';
import type { Detector, LabelledSample, ScoredSample } from './types.ts';

export interface ScanFailure {
  id: string;
  source: string;
  message: string;
}

export interface ScoreOptions {
  /** Scans of a short text before timing starts, so the first timed scans are not in V8's baseline tier. */
  warmupScans?: number;
  /** Called every `progressEvery` samples with (done, total). */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

const kDefaultScoreOptions = { warmupScans: 50, progressEvery: 1000 };

/** Builds the scan input the engine expects: text, context, and the user's task when the row has one. */
export function toScanInput(sample: LabelledSample): ScanInput {
  const input: ScanInput = { text: sample.text, context: sample.context };
  if (sample.task !== undefined) input.task = sample.task;
  return input;
}

/**
 * Scores every sample. A scan that throws is recorded as a failure and left out of the metrics
 * (so it can neither help nor hurt silently); the caller reports the failure count.
 */
export async function scoreSamples(
  detector: Detector,
  samples: readonly LabelledSample[],
  options: ScoreOptions = {},
): Promise<{ scored: ScoredSample[]; failures: ScanFailure[] }> {
  const { warmupScans, progressEvery } = { ...kDefaultScoreOptions, ...options };
  for (let i = 0; i < warmupScans; i++) {
    await detector.scan({ text: `warm-up scan ${i}: please summarize the quarterly report`, context: 'user_prompt' });
  }
  const scored: ScoredSample[] = [];
  const failures: ScanFailure[] = [];
  for (let i = 0; i < samples.length; i++) {
    const sample = samples[i]!;
    const input = toScanInput(sample);
    const started = performance.now();
    try {
      const result = await detector.scan(input);
      const latencyUs = (performance.now() - started) * 1000;
      scored.push({
        sample,
        flagged: result.flagged,
        score: result.score,
        latencyUs,
        findingFamilies: [...new Set((result.findings ?? []).map((f) => f.family))],
        findingIds: [...new Set((result.findings ?? []).map((f) => f.id))],
      });
    } catch (err) {
      failures.push({ id: sample.id, source: sample.source, message: (err as Error).message });
    }
    if (options.onProgress && (i + 1) % progressEvery === 0) options.onProgress(i + 1, samples.length);
  }
  return { scored, failures };
}
