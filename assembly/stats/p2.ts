// P² quantile estimator (Jain & Chlamtac, 1985): five markers track a quantile in O(1) memory.
// Markers: heights q[0..4] (f64) and positions n[0..4] (u32, 1-based). Desired positions follow from the
// count alone, n'_i = 1 + (count - 1) * f_i with f = [0, p/2, p, (1+p)/2, 1], so they are not stored.

// Heights are f64; positions are whole numbers, kept as u32 (exact to 4 billion points).
// @ts-ignore: decorator
@inline function q(at: usize, i: i32): f64 { return load<f64>(at + (<usize>i << 3)); }
// @ts-ignore: decorator
@inline function setQ(at: usize, i: i32, v: f64): void { store<f64>(at + (<usize>i << 3), v); }
// @ts-ignore: decorator
@inline function pos(at: usize, i: i32): f64 { return <f64>load<u32>(at + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline function setPos(at: usize, i: i32, v: f64): void { store<u32>(at + (<usize>i << 2), <u32>v); }

/**
 * Adds `x` as the `count`-th observation (1-based) to the sketch at (qAt, nAt) tracking quantile p.
 * During the first five observations the heights are kept as a sorted list.
 */
// @ts-ignore: decorator
@inline export function p2Add(qAt: usize, nAt: usize, count: f64, x: f64, p: f64): void {
  if (count <= 5) {
    // insertion into the sorted prefix of length count-1
    let i = <i32>count - 1;
    while (i > 0 && q(qAt, i - 1) > x) {
      setQ(qAt, i, q(qAt, i - 1));
      i--;
    }
    setQ(qAt, i, x);
    if (count == 5) {
      for (let j = 0; j < 5; j++) setPos(nAt, j, <f64>(j + 1));
    }
    return;
  }
  // Steady state: markers in locals, one load and one store each. Which cell x falls into is
  // counted without branches (x is data: its branches would mispredict half the time).
  let q0 = q(qAt, 0);
  let q1 = q(qAt, 1);
  let q2 = q(qAt, 2);
  let q3 = q(qAt, 3);
  let q4 = q(qAt, 4);
  const n0: f64 = 1;
  let n1 = pos(nAt, 1);
  let n2 = pos(nAt, 2);
  let n3 = pos(nAt, 3);
  const n4 = count; // the last marker always sits on the newest observation's rank
  q0 = min(q0, x);
  q4 = max(q4, x);
  n1 += <f64>(x < q1);
  n2 += <f64>(x < q2);
  n3 += <f64>(x < q3);
  const c1 = count - 1;
  // marker 1 (quantile p/2), then 2 (p), then 3 ((1+p)/2), each seeing its neighbours' new values
  let d = 1 + c1 * (p * 0.5) - n1;
  if ((d >= 1 && n2 - n1 > 1) || (d <= -1 && n0 - n1 < -1)) {
    const s: f64 = d > 0 ? 1 : -1;
    q1 = adjust(q0, q1, q2, n0, n1, n2, s);
    n1 += s;
  }
  d = 1 + c1 * p - n2;
  if ((d >= 1 && n3 - n2 > 1) || (d <= -1 && n1 - n2 < -1)) {
    const s: f64 = d > 0 ? 1 : -1;
    q2 = adjust(q1, q2, q3, n1, n2, n3, s);
    n2 += s;
  }
  d = 1 + c1 * ((1 + p) * 0.5) - n3;
  if ((d >= 1 && n4 - n3 > 1) || (d <= -1 && n2 - n3 < -1)) {
    const s: f64 = d > 0 ? 1 : -1;
    q3 = adjust(q2, q3, q4, n2, n3, n4, s);
    n3 += s;
  }
  setQ(qAt, 0, q0);
  setQ(qAt, 1, q1);
  setQ(qAt, 2, q2);
  setQ(qAt, 3, q3);
  setQ(qAt, 4, q4);
  setPos(nAt, 1, n1);
  setPos(nAt, 2, n2);
  setPos(nAt, 3, n3);
  setPos(nAt, 4, n4);
}

/** Moves a middle marker one position by s (+1/-1): piecewise-parabolic, linear if that leaves the bracket. */
// @ts-ignore: decorator
@inline function adjust(qPrev: f64, qi: f64, qNext: f64, nPrev: f64, ni: f64, nNext: f64, s: f64): f64 {
  const cand = qi + (s / (nNext - nPrev)) *
    ((ni - nPrev + s) * (qNext - qi) / (nNext - ni) + (nNext - ni - s) * (qi - qPrev) / (ni - nPrev));
  if (qPrev < cand && cand < qNext) return cand;
  return s > 0 ? qi + (qNext - qi) / (nNext - ni) : qi - (qPrev - qi) / (nPrev - ni);
}

/** Current estimate of the tracked quantile (exact order statistic while count <= 5). */
export function p2Estimate(qAt: usize, count: f64, p: f64): f64 {
  if (count <= 0) return 0;
  if (count < 5) {
    const idx = <i32>Math.floor((count - 1) * p + 0.5);
    return q(qAt, idx);
  }
  return q(qAt, 2);
}
