// Arrival-rate monitor: a ring of RING_BUCKETS time buckets covering a sliding window; each point
// counts one arrival. When the ring advances, the finished window's count feeds an EWMA baseline,
// and the current window count is scored against it with a Poisson-style variance floor.
import { F_R_BUCKET, F_R_SUM, F_R_MEAN, F_R_VAR, F_R_SEEN, F_RING, RING_BUCKETS } from './layout';

// @ts-ignore: decorator
@inline function ringAt(rec: usize, b: i64): usize {
  return rec + F_RING + (<usize>(b & (RING_BUCKETS - 1)) << 2);
}

/** Counts an arrival at `ts` and returns the surge z-score of the window count (>= 0 only). */
export function rateStep(rec: usize, ts: f64, windowMs: f64, alpha: f64): f64 {
  const width = windowMs / <f64>RING_BUCKETS;
  const b = <i64>Math.floor(ts / width);
  const seen = load<f64>(rec + F_R_SEEN);
  let cur = <i64>load<f64>(rec + F_R_BUCKET);
  let sum = load<f64>(rec + F_R_SUM);
  if (seen < 0) {
    // first arrival for this series
    cur = b;
    store<f64>(rec + F_R_SEEN, 0);
  } else if (b > cur) {
    // record the finished window, then clear the buckets that slid out (at most RING_BUCKETS)
    let n = load<f64>(rec + F_R_SEEN);
    let mean = load<f64>(rec + F_R_MEAN);
    let v = load<f64>(rec + F_R_VAR);
    if (n == 0) {
      mean = sum;
      v = 0;
    } else {
      const d = sum - mean;
      mean += alpha * d;
      v = (1 - alpha) * (v + alpha * d * d);
    }
    n += 1;
    const steps = b - cur;
    if (steps >= <i64>RING_BUCKETS) {
      for (let i = 0; i < RING_BUCKETS; i++) store<f32>(rec + F_RING + (<usize>i << 2), 0);
      sum = 0;
      // an idle gap of a whole window is itself a zero-count window
      const d0 = 0 - mean;
      mean += alpha * d0;
      v = (1 - alpha) * (v + alpha * d0 * d0);
      n += 1;
    } else {
      for (let s: i64 = 1; s <= steps; s++) {
        const at = ringAt(rec, cur + s);
        sum -= <f64>load<f32>(at);
        store<f32>(at, 0);
      }
    }
    store<f64>(rec + F_R_MEAN, mean);
    store<f64>(rec + F_R_VAR, v);
    store<f64>(rec + F_R_SEEN, n);
    cur = b;
  }
  // a late point (b < cur) is counted in the current bucket
  const at = ringAt(rec, cur);
  store<f32>(at, load<f32>(at) + 1);
  sum += 1;
  store<f64>(rec + F_R_SUM, sum);
  store<f64>(rec + F_R_BUCKET, <f64>cur);
  const n = load<f64>(rec + F_R_SEEN);
  if (n < 2) return 0;
  const mean = load<f64>(rec + F_R_MEAN);
  const sd = Math.sqrt(max(load<f64>(rec + F_R_VAR), max(mean, 1.0)));
  return max(0.0, (sum - mean) / sd);
}
