// Surprise stage: turns the detectors' threshold ratios into "how unusual is the recent output for
// this series". raw = min(max_d |stat_d| / threshold_d, clip); a short EWMA of raw is compared with
// the long-run EWMA mean and spread of raw: z = (short - mean) / (sd + 0.001). Series whose
// detectors are always noisy thus need more than their usual noise to alert (in the spirit of
// Numenta's anomaly likelihood, computed here with O(1) state).
import { F_COUNT, F_S_SHORT, F_S_MEAN, F_S_VAR, F_S_LAST } from './layout';

/**
 * Folds `raw` in and returns the surprise z (0 before `minCount` points). Sets *fired via the
 * return sign convention: the caller compares z with the threshold and calls surpriseAlerted.
 */
// @ts-ignore: decorator
@inline export function surpriseStep(rec: usize, raw: f64, shortAlpha: f64, longAlpha: f64, minCount: f64): f64 {
  const n = load<f64>(rec + F_COUNT); // points before this one
  let sh = load<f64>(rec + F_S_SHORT);
  sh = n == 0 ? raw : sh + shortAlpha * (raw - sh);
  store<f64>(rec + F_S_SHORT, sh);
  const mean = load<f64>(rec + F_S_MEAN);
  const v = load<f64>(rec + F_S_VAR);
  const z = n > minCount ? (sh - mean) / (Math.sqrt(v) + 0.001) : 0;
  const a = (n + 1) * longAlpha < 1 ? 1 / (n + 1) : longAlpha;
  const d = raw - mean;
  store<f64>(rec + F_S_MEAN, mean + a * d);
  store<f64>(rec + F_S_VAR, (1 - a) * (v + a * d * d));
  return z;
}

/** True if an alert at point `n` (0-based) is outside the refractory period of the last one. */
// @ts-ignore: decorator
@inline export function surpriseMayAlert(rec: usize, n: f64, refractory: f64): bool {
  const last = load<f64>(rec + F_S_LAST);
  return last == 0 || n + 1 - last > refractory;
}

// @ts-ignore: decorator
@inline export function surpriseAlerted(rec: usize, n: f64): void {
  store<f64>(rec + F_S_LAST, n + 1);
}
