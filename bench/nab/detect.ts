/** Runs tollgate's streaming detectors over NAB files: one series slot per file. */
import { SeriesDetector, type SeriesDetectorOptions } from '../../src/anomaly/series-detector.ts';
import type { NabFile } from './corpus.ts';

export interface FileStats {
  /** module score per point */
  score: Float32Array;
  /** per point, 7 statistics (welford, ewma, robust, cusum, rate, seasonal, surprise) */
  stats: Float32Array;
  /** fired-detector bit mask per point */
  masks: Uint32Array;
}

export function runDetectors(file: NabFile, options: SeriesDetectorOptions): FileStats {
  const det = new SeriesDetector({ ...options, initialSeries: 1 });
  const n = file.values.length;
  const slots = new Int32Array(n);
  const score = new Float32Array(n);
  const stats = new Float32Array(n * 7);
  const masks = new Uint32Array(n);
  det.observeArrays(slots, file.ts, file.values, score, masks, stats);
  return { score, stats, masks };
}
