/**
 * The linear heads' arithmetic, shared by training (scripts/train.ts) and scoring (model.ts) so both
 * compute a unit's logit the same way. A unit is one segment or a window of 2-3 adjacent segments;
 * its hashed part is the sum of the segments' raw dot products over sqrt(feature count + 1), its
 * structural part the weights times log1p of the summed structural counts.
 */
import { NUM_STRUCT, SEG_RECORD_F32 } from './wasm.ts';

export const HEAD_INTENT = 0; // override, jailbreak, extraction, exfiltration, hijack intent (every context)
export const HEAD_DIRECTIVE = 1; // an instruction or question addressed to the assistant (data contexts)

export interface HeadParams {
  bias: number[]; // one per head (NUM_HEADS)
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

