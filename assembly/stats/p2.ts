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
export function p2Add(qAt: usize, nAt: usize, count: f64, x: f64, p: f64): void {
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
  let k: i32;
  if (x < q(qAt, 0)) {
    setQ(qAt, 0, x);
    k = 0;
  } else if (x >= q(qAt, 4)) {
    setQ(qAt, 4, x);
    k = 3;
  } else {
    k = 0;
    while (k < 3 && x >= q(qAt, k + 1)) k++;
  }
  for (let j = k + 1; j < 5; j++) setPos(nAt, j, pos(nAt, j) + 1);
  const c1 = count - 1;
  for (let i = 1; i <= 3; i++) {
    const f = i == 1 ? p * 0.5 : i == 2 ? p : (1 + p) * 0.5;
    const want = 1 + c1 * f;
    const ni = pos(nAt, i);
    const nPrev = pos(nAt, i - 1);
    const nNext = pos(nAt, i + 1);
    const d = want - ni;
    if ((d >= 1 && nNext - ni > 1) || (d <= -1 && nPrev - ni < -1)) {
      const s: f64 = d > 0 ? 1 : -1;
      const qi = q(qAt, i);
      const qPrev = q(qAt, i - 1);
      const qNext = q(qAt, i + 1);
      // piecewise-parabolic prediction; fall back to linear when it leaves the bracket
      let cand = qi + (s / (nNext - nPrev)) *
        ((ni - nPrev + s) * (qNext - qi) / (nNext - ni) + (nNext - ni - s) * (qi - qPrev) / (ni - nPrev));
      if (!(qPrev < cand && cand < qNext)) {
        cand = s > 0 ? qi + (qNext - qi) / (nNext - ni) : qi - (qPrev - qi) / (nPrev - ni);
      }
      setQ(qAt, i, cand);
      setPos(nAt, i, ni + s);
    }
  }
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
