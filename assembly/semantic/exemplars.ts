// Nearest known attacks: an exemplar matrix of unit-length embeddings (rows of EMBED_DIM f32) searched
// by dot product with f32x4 SIMD, keeping the best k in a small sorted list.
import { EMBED_DIM } from './layout';

let matrix: usize = 0;
let capRows: i32 = 0;
let rows: i32 = 0;
let best: usize = 0; // k pairs (i32 row, f32 sim)
const MAX_K: i32 = 16;

export function exemplarsReserve(n: i32): usize {
  if (n > capRows) {
    matrix = heap.alloc(<usize>n * <usize>EMBED_DIM * 4);
    capRows = n;
  }
  if (best == 0) best = heap.alloc(<usize>MAX_K * 8);
  rows = 0;
  return matrix;
}

export function exemplarsSetCount(n: i32): void {
  rows = n < capRows ? n : capRows;
}

export function nearestResultPtr(): usize {
  if (best == 0) best = heap.alloc(<usize>MAX_K * 8);
  return best;
}

/** Top-k rows by dot product with the query (both unit length = cosine). Returns how many were written. */
export function nearest(query: usize, k: i32): i32 {
  if (k > MAX_K) k = MAX_K;
  if (best == 0) best = heap.alloc(<usize>MAX_K * 8);
  let have = 0;
  for (let r = 0; r < rows; r++) {
    const row = matrix + <usize>r * <usize>EMBED_DIM * 4;
    // Four independent accumulators: one chain of dependent adds would wait on the add latency.
    let acc0 = f32x4.splat(0);
    let acc1 = f32x4.splat(0);
    let acc2 = f32x4.splat(0);
    let acc3 = f32x4.splat(0);
    for (let d = 0; d < EMBED_DIM; d += 16) {
      const rp = row + (<usize>d << 2);
      const qp = query + (<usize>d << 2);
      acc0 = f32x4.add(acc0, f32x4.mul(v128.load(rp), v128.load(qp)));
      acc1 = f32x4.add(acc1, f32x4.mul(v128.load(rp, 16), v128.load(qp, 16)));
      acc2 = f32x4.add(acc2, f32x4.mul(v128.load(rp, 32), v128.load(qp, 32)));
      acc3 = f32x4.add(acc3, f32x4.mul(v128.load(rp, 48), v128.load(qp, 48)));
    }
    const acc = f32x4.add(f32x4.add(acc0, acc1), f32x4.add(acc2, acc3));
    const sim = f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3);
    if (have == k && sim <= load<f32>(best + (<usize>(k - 1) << 3), 4)) continue;
    let pos = have < k ? have : k - 1;
    while (pos > 0 && load<f32>(best + (<usize>(pos - 1) << 3), 4) < sim) {
      store<i32>(best + (<usize>pos << 3), load<i32>(best + (<usize>(pos - 1) << 3)));
      store<f32>(best + (<usize>pos << 3), load<f32>(best + (<usize>(pos - 1) << 3), 4), 4);
      pos--;
    }
    store<i32>(best + (<usize>pos << 3), r);
    store<f32>(best + (<usize>pos << 3), sim, 4);
    if (have < k) have++;
  }
  return have;
}
