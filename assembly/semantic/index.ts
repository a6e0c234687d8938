// ABI of the semantic scorer (build/semantic.wasm). Only numbers cross the boundary; the host writes
// UTF-8 into the input region and reads results from the regions whose pointers these functions return.
// See src/model/wasm.ts for the host side and the meaning of each region.
import { EMBED_DIM, NUM_BUCKETS, NUM_HEADS, NUM_STRUCT, SEG_RECORD_F32 } from './layout';
import {
  MODE_EMBED, MODE_EXTRACT, MODE_SCORE, MODE_TASK, clearTask as clearTaskVec, dot0, dot1, embedBuf, ensureScratch,
  finishTask, initStatic, nFeat, nOut, outPtr as featOutPtr, phraseHash, processSegment, relatednessAndReset,
  setMode, structBuf, weights,
} from './features';
import { lexInit, lexPut } from './lexicon';
export { exemplarsReserve, exemplarsSetCount, nearest, nearestResultPtr } from './exemplars';
export { headParamsPtr, log1pTablePtr, scoreUnits, unitDirectivePtr, unitFirstPtr, unitIntentPtr, unitRelatednessPtr, unitSizePtr } from './units';

export const SEMANTIC_ABI_VERSION: i32 = 1;

let input: usize = 0;
let inputCap: i32 = 0;
let segTable: usize = 0;
let records: usize = 0;
let segCap: i32 = 0;
let ready = false;

function init(): void {
  if (ready) return;
  initStatic(NUM_BUCKETS, NUM_HEADS);
  lexInit();
  ensureScratch(4096);
  ready = true;
}

export function abiVersion(): i32 { return SEMANTIC_ABI_VERSION; }
export function numBuckets(): i32 { return NUM_BUCKETS; }
export function numHeads(): i32 { return NUM_HEADS; }
export function numStruct(): i32 { return NUM_STRUCT; }
export function embedDim(): i32 { return EMBED_DIM; }
export function segRecordF32(): i32 { return SEG_RECORD_F32; }

/** Makes room for an input of `inputBytes` UTF-8 bytes and returns where to write it (memory may grow). */
export function reserveInput(inputBytes: i32): usize {
  init();
  if (inputBytes > inputCap) {
    let c = inputCap == 0 ? 65536 : inputCap;
    while (c < inputBytes) c <<= 1;
    input = heap.alloc(<usize>c);
    inputCap = c;
  }
  return input;
}

/** Makes room for `n` segments; returns the segment table (i32 byte start, end per segment). */
export function reserveSegments(n: i32): usize {
  init();
  if (n > segCap) {
    let c = segCap == 0 ? 1024 : segCap;
    while (c < n) c <<= 1;
    segTable = heap.alloc(<usize>c * 8);
    records = heap.alloc(<usize>c * <usize>SEG_RECORD_F32 * 4);
    segCap = c;
  }
  return segTable;
}

/**
 * Converts the segment table from UTF-16 indices into the input (ordered: start0, end0, start1, ...)
 * to byte offsets, walking the UTF-8 input once: a 4-byte sequence is two UTF-16 units (a boundary
 * that falls inside it moves to its end), anything else one. Out-of-order boundaries restart the
 * walk. The same numbers utf8Offsets in src/model/wasm.ts gives at those indices (the test's reference).
 */
export function segmentUnitsToBytes(n: i32, inputBytes: i32): void {
  let b = 0;
  let u = 0;
  for (let k = 0; k < n * 2; k++) {
    const p = segTable + (<usize>k << 2);
    const to = load<i32>(p);
    if (to < u) {
      b = 0;
      u = 0;
    }
    while (u < to && b < inputBytes) {
      const lead = <u32>load<u8>(input + <usize>b);
      if (lead < 0x80) { b += 1; u += 1; }
      else if (lead < 0xe0) { b += 2; u += 1; }
      else if (lead < 0xf0) { b += 3; u += 1; }
      else { b += 4; u += 2; }
    }
    store<i32>(p, b);
  }
}

export function recordsPtr(): usize { return records; }
export function weightsPtr(): usize { init(); return weights; }
export function structPtr(): usize { init(); return structBuf; }
export function featuresPtr(): usize { init(); return featOutPtr(); }
export function embeddingPtr(): usize { init(); return embedBuf; }

export function lexClear(): void { init(); lexInit(); }

/** Adds the phrase at input[start, end) to the lexicon with category bits `mask`. Returns 0 if the phrase is unusable. */
export function lexAdd(start: i32, end: i32, mask: u32): i32 {
  init();
  const h = phraseHash(input + <usize>start, input + <usize>end);
  if (h == 0) return 0;
  return lexPut(h, mask) ? 1 : -1;
}

/** Extracts the sparse features of input[start, end) (u32: bucket | sign bit) at featuresPtr(). Returns the count. */
export function extract(start: i32, end: i32): i32 {
  init();
  setMode(MODE_EXTRACT);
  processSegment(input + <usize>start, input + <usize>end);
  setMode(MODE_SCORE);
  return nOut;
}

/** Feature count of the last extract/score call (the normaliser for the hashed part). */
export function lastFeatureCount(): i32 { return nFeat; }

/**
 * Scores `n` segments listed in the segment table. Each record: dot per head (unnormalised), feature
 * count, task relatedness (-1 without a task), then NUM_STRUCT structural counts.
 */
export function scoreSegments(n: i32): void {
  init();
  setMode(MODE_SCORE);
  for (let i = 0; i < n; i++) {
    const s = load<i32>(segTable + (<usize>i << 3));
    const e = load<i32>(segTable + (<usize>i << 3), 4);
    processSegment(input + <usize>s, input + <usize>e);
    const rec = records + <usize>i * <usize>SEG_RECORD_F32 * 4;
    store<f32>(rec, dot0);
    store<f32>(rec, dot1, 4);
    store<f32>(rec, <f32>nFeat, 8);
    store<f32>(rec, relatednessAndReset(), 12);
    memory.copy(rec + 16, structBuf, <usize>NUM_STRUCT * 4);
  }
}

/** Sets the user's task from input[start, end) for relatedness; an empty range clears it. */
export function setTask(start: i32, end: i32): void {
  init();
  clearTaskVec();
  if (end <= start) return;
  setMode(MODE_TASK);
  processSegment(input + <usize>start, input + <usize>end);
  setMode(MODE_SCORE);
  finishTask();
}

export function clearTask(): void { init(); clearTaskVec(); }

/** Unit-length random-projection embedding of input[start, end) at embeddingPtr(). */
export function embed(start: i32, end: i32): usize {
  init();
  setMode(MODE_EMBED);
  processSegment(input + <usize>start, input + <usize>end);
  setMode(MODE_SCORE);
  let s: f32 = 0;
  for (let d = 0; d < EMBED_DIM; d++) { const v = load<f32>(embedBuf + (<usize>d << 2)); s += v * v; }
  if (s > 0) {
    const inv: f32 = 1.0 / Mathf.sqrt(s);
    for (let d = 0; d < EMBED_DIM; d++) { const p = embedBuf + (<usize>d << 2); store<f32>(p, load<f32>(p) * inv); }
  }
  return embedBuf;
}
