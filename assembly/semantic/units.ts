// Unit logits: every segment and window of up to `maxWindow` adjacent segments, from the segment
// records scoreSegments wrote. The same f64 arithmetic, in the same order, as the reference in
// test/model/fixtures/unit-scorer.ts (the JS scorer it replaced), so the results are bit-identical
// (test/model/head.test.ts); here it runs next to the records instead of reading them through a
// typed-array view per field.
//
// A unit's hashed part is the sum of its segments' dot products over sqrt(feature count + 1); its
// structural part the weights times log1p of the summed structural counts (only slots that are
// non-zero in some segment of the unit are visited).
import { NUM_STRUCT, SEG_RECORD_F32 } from './layout';

// log1p of the host's Math: counts are small integers looked up in a table the host fills with the
// same function, and anything else calls it, so no result depends on a second log1p implementation.
@external("env", "log1p")
declare function hostLog1p(x: f64): f64;

const LOG1P_TABLE: i32 = 1024;

let params: usize = 0; // f64: bias0, bias1, then NUM_STRUCT weights of head 0, NUM_STRUCT of head 1
let log1pTable: usize = 0; // f64 x LOG1P_TABLE
let slots: usize = 0; // i32 per segment x NUM_STRUCT: indices of its non-zero slots
let slotCount: usize = 0; // i32 per segment
let sums: usize = 0; // f64 x NUM_STRUCT
let touched: usize = 0; // i32 x NUM_STRUCT * 3
let outIntent: usize = 0; // f64 per unit
let outDirective: usize = 0; // f64 per unit
let outRel: usize = 0; // f64 per unit
let outFirst: usize = 0; // i32 per unit
let outSize: usize = 0; // i32 per unit
let segCap: i32 = 0;
let unitCap: i32 = 0;

/** Where the host writes bias and structural weights (f64); allocates the fixed buffers once. */
export function headParamsPtr(): usize {
  if (params == 0) {
    params = heap.alloc(<usize>(2 + 2 * NUM_STRUCT) << 3);
    log1pTable = heap.alloc(<usize>LOG1P_TABLE << 3);
    sums = heap.alloc(<usize>NUM_STRUCT << 3);
    memory.fill(sums, 0, <usize>NUM_STRUCT << 3);
    touched = heap.alloc(<usize>(NUM_STRUCT * 3) << 2);
  }
  return params;
}

/** Where the host writes log1p(0..1023) (f64). */
export function log1pTablePtr(): usize {
  headParamsPtr();
  return log1pTable;
}

@inline function log1pCount(x: f64): f64 {
  if (x < <f64>LOG1P_TABLE && x == <f64><i32>x && x >= 0) return load<f64>(log1pTable + (<usize><i32>x << 3));
  return hostLog1p(x);
}

function ensure(segments: i32, units: i32): void {
  if (segments > segCap) {
    segCap = segments * 2;
    slots = heap.alloc(<usize>segCap * <usize>NUM_STRUCT * 4);
    slotCount = heap.alloc(<usize>segCap * 4);
  }
  if (units > unitCap) {
    unitCap = units * 2;
    outIntent = heap.alloc(<usize>unitCap << 3);
    outDirective = heap.alloc(<usize>unitCap << 3);
    outRel = heap.alloc(<usize>unitCap << 3);
    outFirst = heap.alloc(<usize>unitCap << 2);
    outSize = heap.alloc(<usize>unitCap << 2);
  }
}

@inline function rec(records: usize, s: i32, field: i32): f64 {
  return <f64>load<f32>(records + ((<usize>s * <usize>SEG_RECORD_F32 + <usize>field) << 2));
}

/** Scores the units of `segments` records at `records`; returns the unit count (results at the out* pointers). */
export function scoreUnits(records: usize, segments: i32, maxWindow: i32, useStruct: bool): i32 {
  headParamsPtr();
  ensure(segments, segments * maxWindow);
  for (let i = 0; i < segments; i++) {
    let c = 0;
    for (let k = 0; k < NUM_STRUCT; k++) {
      if (load<f32>(records + ((<usize>i * <usize>SEG_RECORD_F32 + 4 + <usize>k) << 2)) != 0) {
        store<i32>(slots + ((<usize>i * <usize>NUM_STRUCT + <usize>c) << 2), k);
        c++;
      }
    }
    store<i32>(slotCount + (<usize>i << 2), c);
  }
  const b0 = load<f64>(params);
  const b1 = load<f64>(params, 8);
  const sw0 = params + 16;
  const sw1 = sw0 + (<usize>NUM_STRUCT << 3);
  let u = 0;
  for (let i = 0; i < segments; i++) {
    let d0: f64 = 0;
    let d1: f64 = 0;
    let n: f64 = 0;
    let rel: f64 = -1;
    let nt = 0;
    for (let k = 1; k <= maxWindow && i + k <= segments; k++) {
      const s = i + k - 1;
      d0 += rec(records, s, 0);
      d1 += rec(records, s, 1);
      n += rec(records, s, 2);
      const r3 = rec(records, s, 3);
      if (r3 > rel) rel = r3;
      let z0 = b0;
      let z1 = b1;
      if (useStruct) {
        const sc = load<i32>(slotCount + (<usize>s << 2));
        for (let j = 0; j < sc; j++) {
          const slot = load<i32>(slots + ((<usize>s * <usize>NUM_STRUCT + <usize>j) << 2));
          const p = sums + (<usize>slot << 3);
          const old = load<f64>(p);
          if (old == 0) {
            store<i32>(touched + (<usize>nt << 2), slot);
            nt++;
          }
          store<f64>(p, old + rec(records, s, 4 + slot));
        }
        for (let j = 0; j < nt; j++) {
          const slot = load<i32>(touched + (<usize>j << 2));
          const v = log1pCount(load<f64>(sums + (<usize>slot << 3)));
          z0 += load<f64>(sw0 + (<usize>slot << 3)) * v;
          z1 += load<f64>(sw1 + (<usize>slot << 3)) * v;
        }
      }
      const inv = 1 / Math.sqrt(n + 1);
      store<f64>(outIntent + (<usize>u << 3), z0 + d0 * inv);
      store<f64>(outDirective + (<usize>u << 3), z1 + d1 * inv);
      store<f64>(outRel + (<usize>u << 3), rel);
      store<i32>(outFirst + (<usize>u << 2), i);
      store<i32>(outSize + (<usize>u << 2), k);
      u++;
    }
    for (let j = 0; j < nt; j++) store<f64>(sums + (<usize>load<i32>(touched + (<usize>j << 2)) << 3), 0);
  }
  return u;
}

export function unitIntentPtr(): usize { return outIntent; }
export function unitDirectivePtr(): usize { return outDirective; }
export function unitRelatednessPtr(): usize { return outRel; }
export function unitFirstPtr(): usize { return outFirst; }
export function unitSizePtr(): usize { return outSize; }
