// Nearest known attacks: an exemplar matrix of unit-length embeddings (rows of EMBED_DIM f32).
// The search runs in two stages. A copy quantized to i8 (a quarter of the bytes) is scanned with
// i16 SIMD dot products for a shortlist, then the shortlist is re-scored exactly in f32. The
// full f32 matrix (1.5 MB for 6,000 rows) no longer fits in cache beside the scoring weights, so a
// scan over it is bound by memory bandwidth; the i8 copy is what makes the flagged path cheap.
import { EMBED_DIM } from './layout';

let matrix: usize = 0;
let quantized: usize = 0;
let capRows: i32 = 0;
let rows: i32 = 0;
let best: usize = 0; // k pairs (i32 row, f32 sim)
let shortlist: usize = 0; // SHORTLIST pairs (i32 row, i32 quantized dot)
let queryQ: usize = 0; // EMBED_DIM i16
const MAX_K: i32 = 16;
/** Candidates kept by the quantized stage; the i8 error (about 0.01 in cosine) cannot reorder rows this far apart. */
const SHORTLIST: i32 = 48;
const QSCALE: f32 = 127;

export function exemplarsReserve(n: i32): usize {
  if (n > capRows) {
    matrix = heap.alloc(<usize>n * <usize>EMBED_DIM * 4);
    quantized = heap.alloc(<usize>n * <usize>EMBED_DIM);
    capRows = n;
  }
  ensureBuffers();
  rows = 0;
  return matrix;
}

function ensureBuffers(): void {
  if (best == 0) best = heap.alloc(<usize>MAX_K * 8);
  if (shortlist == 0) shortlist = heap.alloc(<usize>SHORTLIST * 8);
  if (queryQ == 0) queryQ = heap.alloc(<usize>EMBED_DIM * 2);
}

@inline function quantize(v: f32): i32 {
  const q = <i32>f32.nearest(v * QSCALE);
  return q > 127 ? 127 : q < -127 ? -127 : q;
}

/** Sets the row count and builds the i8 copy of the rows written at exemplarsReserve()'s pointer. */
export function exemplarsSetCount(n: i32): void {
  rows = n < capRows ? n : capRows;
  const total = <usize>rows * <usize>EMBED_DIM;
  for (let i: usize = 0; i < total; i++) store<i8>(quantized + i, <i8>quantize(load<f32>(matrix + (i << 2))));
}

export function nearestResultPtr(): usize {
  ensureBuffers();
  return best;
}

@inline function exactDot(row: i32, query: usize): f32 {
  const rp = matrix + <usize>row * <usize>EMBED_DIM * 4;
  let acc0 = f32x4.splat(0);
  let acc1 = f32x4.splat(0);
  for (let d = 0; d < EMBED_DIM; d += 8) {
    acc0 = f32x4.add(acc0, f32x4.mul(v128.load(rp + (<usize>d << 2)), v128.load(query + (<usize>d << 2))));
    acc1 = f32x4.add(acc1, f32x4.mul(v128.load(rp + (<usize>d << 2), 16), v128.load(query + (<usize>d << 2), 16)));
  }
  const acc = f32x4.add(acc0, acc1);
  return f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3);
}

/** Inserts (key, value) into a list sorted by value, descending, of at most `cap` pairs; returns the new length. */
@inline function insertSorted(list: usize, have: i32, cap: i32, key: i32, value: u32, isFloat: bool): i32 {
  if (have == cap) {
    const last = list + (<usize>(cap - 1) << 3);
    const better = isFloat ? load<f32>(last, 4) < reinterpret<f32>(value) : load<i32>(last, 4) < <i32>value;
    if (!better) return have;
  }
  let pos = have < cap ? have : cap - 1;
  while (pos > 0) {
    const prev = list + (<usize>(pos - 1) << 3);
    const better = isFloat ? load<f32>(prev, 4) < reinterpret<f32>(value) : load<i32>(prev, 4) < <i32>value;
    if (!better) break;
    store<u64>(list + (<usize>pos << 3), load<u64>(prev));
    pos--;
  }
  store<i32>(list + (<usize>pos << 3), key);
  store<u32>(list + (<usize>pos << 3), value, 4);
  return have < cap ? have + 1 : have;
}

/** Top-k rows by dot product with the query (both unit length = cosine). Returns how many were written. */
export function nearest(query: usize, k: i32): i32 {
  if (k > MAX_K) k = MAX_K;
  ensureBuffers();
  for (let d = 0; d < EMBED_DIM; d++) store<i16>(queryQ + (<usize>d << 1), <i16>quantize(load<f32>(query + (<usize>d << 2))));
  // EMBED_DIM is 64: the query is eight i16x8 vectors, held in locals for the whole scan.
  const q0 = v128.load(queryQ);
  const q1 = v128.load(queryQ, 16);
  const q2 = v128.load(queryQ, 32);
  const q3 = v128.load(queryQ, 48);
  const q4 = v128.load(queryQ, 64);
  const q5 = v128.load(queryQ, 80);
  const q6 = v128.load(queryQ, 96);
  const q7 = v128.load(queryQ, 112);
  let have = 0;
  for (let r = 0; r < rows; r++) {
    const rp = quantized + <usize>r * <usize>EMBED_DIM;
    const a = v128.load(rp);
    const b = v128.load(rp, 16);
    const c = v128.load(rp, 32);
    const e = v128.load(rp, 48);
    let acc = i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_s(a), q0);
    acc = i32x4.add(acc, i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_s(a), q1));
    acc = i32x4.add(acc, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_s(b), q2));
    acc = i32x4.add(acc, i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_s(b), q3));
    acc = i32x4.add(acc, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_s(c), q4));
    acc = i32x4.add(acc, i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_s(c), q5));
    acc = i32x4.add(acc, i32x4.dot_i16x8_s(i16x8.extend_low_i8x16_s(e), q6));
    acc = i32x4.add(acc, i32x4.dot_i16x8_s(i16x8.extend_high_i8x16_s(e), q7));
    const dot = i32x4.extract_lane(acc, 0) + i32x4.extract_lane(acc, 1) + i32x4.extract_lane(acc, 2) + i32x4.extract_lane(acc, 3);
    have = insertSorted(shortlist, have, SHORTLIST, r, <u32>dot, false);
  }
  // Exact re-scoring of the shortlist.
  let out = 0;
  for (let i = 0; i < have; i++) {
    const row = load<i32>(shortlist + (<usize>i << 3));
    out = insertSorted(best, out, k, row, reinterpret<u32>(exactDot(row, query)), true);
  }
  return out;
}
