import { describe, expect, it } from 'vitest';
import { ScanCoalescer } from '../../src/server/coalescer.ts';
import type { ScanInput, ScanResult } from '../../src/types.ts';
import type { BatchEntry } from '../../src/server/detector.ts';

const ok = (text: string): ScanResult => ({ flagged: text.includes('bad'), verdict: text.includes('bad') ? 'deny' : 'allow', score: 0, findings: [], timings: { totalUs: 1 } });

describe('ScanCoalescer', () => {
  it('groups scans issued in one turn, spreads them over the workers, and answers each its own result', async () => {
    const calls: string[][] = [];
    const c = new ScanCoalescer(async (inputs: ScanInput[]): Promise<BatchEntry[]> => {
      calls.push(inputs.map((i) => i.text));
      return inputs.map((i) => (i.text === 'boom' ? { error: 'worker died', code: 'TG_ERR_WORKER' } : ok(i.text)));
    }, (e) => new Error(`entry failed: ${e.error}`), { maxBatch: 16, workers: 2 });
    const texts = ['a', 'bad b', 'c', 'boom', 'e'];
    const settled = await Promise.allSettled(texts.map((text) => c.scan({ text })));
    expect(calls).toEqual([['a', 'bad b', 'c'], ['boom', 'e']]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value.verdict : (s.reason as Error).message))).toEqual(['allow', 'deny', 'allow', 'entry failed: worker died', 'allow']);
    // A lone request later is sent alone.
    await c.scan({ text: 'later' });
    expect(calls[2]).toEqual(['later']);
  });

  it('rejects every request of a batch whose call fails', async () => {
    const c = new ScanCoalescer(async () => {
      throw new Error('pool closed');
    }, (e) => new Error(e.error));
    const results = await Promise.allSettled([c.scan({ text: 'x' }), c.scan({ text: 'y' })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
