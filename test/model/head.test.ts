import { describe, expect, it } from 'vitest';
import { type HeadParams, UnitScorer, unitLogits } from '../../src/model/head.ts';
import { NUM_STRUCT, SEG_RECORD_F32 } from '../../src/model/wasm.ts';

describe('UnitScorer', () => {
  it('matches the reference unitLogits on random records', () => {
    let seed = 42;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const params: HeadParams = { bias: [-1.5, 0.25], structWeights: Array.from({ length: 2 * NUM_STRUCT }, () => rand() * 2 - 1), task: [0, 1, 0, 0] };
    const segments = 17;
    const records = new Float32Array(segments * SEG_RECORD_F32);
    for (let s = 0; s < segments; s++) {
      const r = s * SEG_RECORD_F32;
      records[r] = rand() * 10 - 5;
      records[r + 1] = rand() * 10 - 5;
      records[r + 2] = Math.floor(rand() * 500);
      records[r + 3] = rand() < 0.3 ? -1 : rand();
      for (let k = 0; k < NUM_STRUCT; k++) records[r + 4 + k] = rand() < 0.2 ? Math.floor(rand() * 4) : 0;
    }
    const scorer = new UnitScorer();
    scorer.run(records, segments, params, 3, true);
    expect(scorer.count).toBe(segments * 3 - 3);
    for (let u = 0; u < scorer.count; u++) {
      const ref = unitLogits(records, scorer.first[u], scorer.size[u], params);
      expect(scorer.intent[u]).toBeCloseTo(ref.intent, 9);
      expect(scorer.directive[u]).toBeCloseTo(ref.directive, 9);
      expect(scorer.relatedness[u]).toBeCloseTo(ref.relatedness, 6);
    }
  });
});
