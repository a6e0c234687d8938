// Welford's running mean and variance: numerically stable, exact in one pass.
import { F_COUNT, F_W_MEAN, F_W_M2 } from './layout';
import { sigmaFloor } from './params';

/** z-score of `x` against the mean/variance of the points before it (0 until two points are seen). */
// @ts-ignore: decorator
@inline export function welfordScore(rec: usize, x: f64): f64 {
  const n = load<f64>(rec + F_COUNT);
  if (n < 2) return 0;
  const mean = load<f64>(rec + F_W_MEAN);
  const sd = Math.sqrt(load<f64>(rec + F_W_M2) / (n - 1));
  return (x - mean) / max(sd, sigmaFloor(mean));
}

/** Folds `x` in; F_COUNT is advanced by the caller once all detectors have run. */
// @ts-ignore: decorator
@inline export function welfordUpdate(rec: usize, x: f64): void {
  const n = load<f64>(rec + F_COUNT) + 1;
  const mean = load<f64>(rec + F_W_MEAN);
  const d = x - mean;
  const newMean = mean + d / n;
  store<f64>(rec + F_W_MEAN, newMean);
  store<f64>(rec + F_W_M2, load<f64>(rec + F_W_M2) + d * (x - newMean));
}
