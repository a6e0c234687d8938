// Exponentially weighted mean and variance: mean += a*d; var = (1-a)*(var + a*d^2), d = x - mean,
// with a = max(alpha, 1/n) for the n-th point: while n < 1/alpha this is the exact running mean and
// (population) variance, so a young series is not judged against a variance still growing from 0.
import { sigmaFloor } from './params';

/** z-score of `x` against an EWMA pair stored at (meanAt, varAt). */
// @ts-ignore: decorator
@inline export function ewmaScore(meanAt: usize, varAt: usize, x: f64): f64 {
  const mean = load<f64>(meanAt);
  return (x - mean) / max(Math.sqrt(load<f64>(varAt)), sigmaFloor(mean));
}

/**
 * Folds `x` in as the (n+1)-th point; the first seeds the mean with x and the variance with 0.
 * `clip` > 0 winsorizes the deviation at clip standard deviations, so one spike cannot inflate
 * the baseline enough to hide the next one.
 */
// @ts-ignore: decorator
@inline export function ewmaUpdate(meanAt: usize, varAt: usize, x: f64, alpha: f64, n: f64, clip: f64): void {
  if (n == 0) {
    store<f64>(meanAt, x);
    store<f64>(varAt, 0);
    return;
  }
  const mean = load<f64>(meanAt);
  const v = load<f64>(varAt);
  let d = x - mean;
  // steady state skips the division: 1/(n+1) > alpha only while n + 1 < 1/alpha
  const a = (n + 1) * alpha < 1 ? 1 / (n + 1) : alpha;
  if (clip > 0 && v > 0 && a == alpha) {
    const lim = clip * Math.sqrt(v);
    d = min(max(d, -lim), lim);
  }
  store<f64>(meanAt, mean + a * d);
  store<f64>(varAt, (1 - a) * (v + a * d * d));
}
