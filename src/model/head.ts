/**
 * The linear heads' arithmetic, shared by training (scripts/train.ts) and scoring (model.ts) so both
 * compute a unit's logit the same way. A unit is one segment or a window of 2-3 adjacent segments;
 * its hashed part is the sum of the segments' raw dot products over sqrt(feature count + 1), its
 * structural part the weights times log1p of the summed structural counts.
 */
import { NUM_HEADS, NUM_STRUCT, SEG_RECORD_F32 } from './wasm.ts';

export const HEAD_INTENT = 0; // override, jailbreak, extraction, exfiltration, hijack intent (every context)
export const HEAD_DIRECTIVE = 1; // an instruction or question addressed to the assistant (data contexts)

export interface HeadParams {
  bias: number[]; // NUM_HEADS
  /** NUM_HEADS x NUM_STRUCT, head-major. */
  structWeights: number[];
  /** Task-aware stage for the directive head: z' = a0 + a1 z + a2 t*rel + a3 t*(1-rel)*sigmoid(z). */
  task: number[];
}

export function structValue(sum: number): number {
  return Math.log1p(sum);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Task-aware directive logit from the plain directive logit and the unit's relatedness (rel < 0: no task). */
export function taskAware(params: HeadParams, z: number, rel: number): number {
  // Indexed reads: array destructuring runs the iterator protocol, an allocation per call (per unit).
  const a = params.task;
  if (rel < 0) return a[0]! + a[1]! * z;
  return a[0]! + a[1]! * z + a[2]! * rel + a[3]! * (1 - rel) * sigmoid(z);
}

export interface UnitLogits {
  intent: number;
  directive: number;
  /** Max relatedness to the task over the unit's segments; -1 without a task. */
  relatedness: number;
}

/**
 * Logits of the unit made of segments [first, first + size) from WASM scoreSegments records.
 * `useStruct` = false drops the structural part (ablation only).
 */
export function unitLogits(records: Float32Array, first: number, size: number, params: HeadParams, useStruct = true): UnitLogits {
  let d0 = 0;
  let d1 = 0;
  let n = 0;
  let rel = -1;
  const base = first * SEG_RECORD_F32;
  for (let s = 0; s < size; s++) {
    const r = base + s * SEG_RECORD_F32;
    d0 += records[r];
    d1 += records[r + 1];
    n += records[r + 2];
    if (records[r + 3] > rel) rel = records[r + 3];
  }
  const inv = 1 / Math.sqrt(n + 1);
  let z0 = params.bias[0] + d0 * inv;
  let z1 = params.bias[1] + d1 * inv;
  if (useStruct) {
    const sw = params.structWeights;
    for (let k = 0; k < NUM_STRUCT; k++) {
      let sum = 0;
      for (let s = 0; s < size; s++) sum += records[base + s * SEG_RECORD_F32 + 4 + k];
      if (sum === 0) continue;
      const v = structValue(sum);
      z0 += sw[k] * v;
      z1 += sw[NUM_STRUCT + k] * v;
    }
  }
  return { intent: z0, directive: z1, relatedness: rel };
}

// log1p of the small integer counts structural slots hold (sums over up to three segments).
const kLog1p = new Float64Array(1024).map((_, i) => Math.log1p(i));
function log1pCount(x: number): number {
  return x < 1024 && x === (x | 0) ? kLog1p[x] : Math.log1p(x);
}

/**
 * Logits of every unit (segments and windows of up to `maxWindow` segments) of one text, written into
 * reusable arrays: the hot path of a scan. Same arithmetic as unitLogits, but the structural part only
 * visits each segment's non-zero slots.
 */
export class UnitScorer {
  intent = new Float64Array(256);
  directive = new Float64Array(256);
  relatedness = new Float64Array(256);
  first = new Int32Array(256);
  size = new Int32Array(256);
  count = 0;
  #slots = new Int32Array(256 * NUM_STRUCT);
  #slotCount = new Int32Array(256);
  #sum = new Float64Array(NUM_STRUCT);
  #touched = new Int32Array(NUM_STRUCT * 3);

  #ensure(segments: number, units: number): void {
    if (this.#slotCount.length < segments) {
      this.#slotCount = new Int32Array(segments * 2);
      this.#slots = new Int32Array(segments * 2 * NUM_STRUCT);
    }
    if (this.intent.length < units) {
      const n = units * 2;
      this.intent = new Float64Array(n);
      this.directive = new Float64Array(n);
      this.relatedness = new Float64Array(n);
      this.first = new Int32Array(n);
      this.size = new Int32Array(n);
    }
  }

  run(records: Float32Array, segments: number, params: HeadParams, maxWindow: number, useStruct: boolean): void {
    this.#ensure(segments, segments * maxWindow);
    const slots = this.#slots;
    const slotCount = this.#slotCount;
    for (let i = 0; i < segments; i++) {
      let c = 0;
      const base = i * SEG_RECORD_F32 + 4;
      for (let k = 0; k < NUM_STRUCT; k++) if (records[base + k] !== 0) slots[i * NUM_STRUCT + c++] = k;
      slotCount[i] = c;
    }
    const sw = params.structWeights;
    const b0 = params.bias[0];
    const b1 = params.bias[1];
    const sum = this.#sum;
    const touched = this.#touched;
    let u = 0;
    for (let i = 0; i < segments; i++) {
      let d0 = 0;
      let d1 = 0;
      let n = 0;
      let rel = -1;
      let nt = 0;
      for (let k = 1; k <= maxWindow && i + k <= segments; k++) {
        const s = i + k - 1;
        const r = s * SEG_RECORD_F32;
        d0 += records[r];
        d1 += records[r + 1];
        n += records[r + 2];
        if (records[r + 3] > rel) rel = records[r + 3];
        let z0 = b0;
        let z1 = b1;
        if (useStruct) {
          const sc = slotCount[s];
          for (let j = 0; j < sc; j++) {
            const slot = slots[s * NUM_STRUCT + j];
            if (sum[slot] === 0) touched[nt++] = slot;
            sum[slot] += records[r + 4 + slot];
          }
          for (let j = 0; j < nt; j++) {
            const slot = touched[j];
            const v = log1pCount(sum[slot]);
            z0 += sw[slot] * v;
            z1 += sw[NUM_STRUCT + slot] * v;
          }
        }
        const inv = 1 / Math.sqrt(n + 1);
        this.intent[u] = z0 + d0 * inv;
        this.directive[u] = z1 + d1 * inv;
        this.relatedness[u] = rel;
        this.first[u] = i;
        this.size[u] = k;
        u++;
      }
      for (let j = 0; j < nt; j++) sum[touched[j]] = 0;
    }
    this.count = u;
  }
}

void NUM_HEADS;
