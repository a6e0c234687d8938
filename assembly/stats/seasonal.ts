// Seasonality-aware baseline: one EWMA (mean, variance) per hour of day, split weekday/weekend,
// so a value is compared with what is usual at that hour rather than with the whole day.
import { F_SEASON, SEASON_STRIDE } from './layout';
import { sigmaFloor } from './params';

const MS_PER_HOUR: f64 = 3600000;

const MS_PER_SLICE: f64 = 1800000;

/**
 * Bucket 0..47 for a timestamp in ms since the epoch (UTC). Mode 0: hour + 24 on Saturday and
 * Sunday (weekly human cycles). Mode 1: half-hour slice of the day (finer daily cycles).
 */
// Floors of exact f64 divisions, not i64 div/rem (tens of cycles each on the hot path); every
// quantity is a whole number well inside 2^53, so the results are exact, including on boundaries.
// @ts-ignore: decorator
@inline export function seasonBucket(ts: f64, mode: i32): i32 {
  if (mode == 1) {
    const slices = Math.floor(ts / MS_PER_SLICE);
    return <i32>(slices - Math.floor(slices / 48) * 48);
  }
  const hours = Math.floor(ts / MS_PER_HOUR);
  const days = Math.floor(hours / 24);
  const hour = <i32>(hours - days * 24);
  const day = <i32>(days - Math.floor(days / 7) * 7); // 1970-01-01 was a Thursday (day 0 here)
  const weekend = day == 2 || day == 3; // Saturday, Sunday
  return hour + (weekend ? 24 : 0);
}

/** Scores `x` against its bucket (from seasonBucket) (0 until the bucket has `minCount` visits), then updates it. */
export function seasonalStep(rec: usize, bucket: i32, x: f64, alpha: f64, minCount: f64, clip: f64): f64 {
  const at = rec + F_SEASON + <usize>bucket * SEASON_STRIDE;
  const count = <f64>load<f32>(at, 8);
  let z: f64 = 0;
  if (count == 0) {
    store<f32>(at, <f32>x);
    store<f32>(at, 0, 4);
    store<f32>(at, 1, 8);
    return 0;
  }
  const mean = <f64>load<f32>(at);
  const v = <f64>load<f32>(at, 4);
  const sd = max(Math.sqrt(v), sigmaFloor(mean));
  if (count >= minCount) z = (x - mean) / sd;
  let d = x - mean;
  // exact running mean/variance for a young bucket, EWMA once it has 1/alpha visits
  const a = (count + 1) * alpha < 1 ? 1 / (count + 1) : alpha;
  if (clip > 0 && v > 0 && a == alpha) {
    const lim = clip * Math.sqrt(v);
    d = min(max(d, -lim), lim);
  }
  store<f32>(at, <f32>(mean + a * d));
  store<f32>(at, <f32>((1 - a) * (v + a * d * d)), 4);
  store<f32>(at, <f32>min(count + 1, 65535.0), 8);
  return z;
}
