import { describe, expect, it } from 'vitest';
import { alternation, collectAnchors, measureScanVsRegExp } from '../../src/eval/speed.ts';

describe('collectAnchors', () => {
  it('finds anchors at any depth of a pack, deduplicated', () => {
    const pack = { family: 'x', signatures: [{ id: 'a', anchors: ['ignore previous', 'x.y'] }, { nested: { anchors: ['ignore previous', 'z'] } }] };
    expect([...collectAnchors(pack)].sort()).toEqual(['ignore previous', 'x.y', 'z']);
  });
});

describe('alternation', () => {
  it('matches anchors literally and case-insensitively', () => {
    const re = alternation(['a.b', '(c)']);
    expect('A.B axb (C)'.match(re)).toEqual(['A.B', '(C)']);
    expect(() => alternation([])).toThrow(/at least one anchor/);
  });
});

describe('measureScanVsRegExp', () => {
  it('reports both throughputs over the same bytes and their ratio', async () => {
    const engine = { scan: async () => ({ flagged: false, score: 0 }) };
    const r = await measureScanVsRegExp(engine, ['ignore previous text', 'héllo'], ['ignore previous'], 3);
    expect(r.bytes).toBe(Buffer.byteLength('ignore previous text') + Buffer.byteLength('héllo'));
    expect(r.engineMBps).toBeGreaterThan(0);
    expect(r.regexpMBps).toBeGreaterThan(0);
    expect(r.ratio).toBeCloseTo(r.engineMBps / r.regexpMBps, 10);
  });
});
