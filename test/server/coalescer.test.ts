import { describe, expect, it } from 'vitest';
import { ScanCoalescer } from '../../src/server/coalescer.ts';
import type { ScanInput, ScanResult } from '../../src/types.ts';
import type { BatchEntry } from '../../src/server/detector.ts';

const ok = (text: string): ScanResult => ({ flagged: text.includes('bad'), verdict: text.includes('bad') ? 'deny' : 'allow', score: 0, findings: [], timings: { totalUs: 1 } });

/**
 * A coalescer over one worker whose batches are held until `release()`, with inline assist; records
 * what went to the worker (`batches`) and what was scanned inline (`inline`).
 */
function assisted(options: { inlineMaxChars?: number }) {
  const batches: string[][] = [];
  const inline: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const c = new ScanCoalescer(
    async (inputs: ScanInput[]): Promise<BatchEntry[]> => {
      batches.push(inputs.map((i) => i.text));
      await held;
      return inputs.map((i) => ok(i.text));
    },
    (e) => new Error(e.error),
    { workers: 1, ...options, scanInline: async (input) => (inline.push(input.text), ok(input.text)) },
  );
  return { c, batches, inline, release };
}

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

  it('with inline assist, scans on the calling thread what arrives while every worker is busy', async () => {
    const { c, batches, inline, release } = assisted({});
    const first = [c.scan({ text: 'a' }), c.scan({ text: 'bad b' })];
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([['a', 'bad b']]);
    // The only worker is busy: these two are scanned inline, in arrival order, one per turn.
    const later = await Promise.all([c.scan({ text: 'c' }), c.scan({ text: 'bad d' })]);
    expect(inline).toEqual(['c', 'bad d']);
    expect(later.map((r) => r.verdict)).toEqual(['allow', 'deny']);
    release();
    expect((await Promise.all(first)).map((r) => r.verdict)).toEqual(['allow', 'deny']);
    expect([c.batchedCount, c.inlineCount]).toEqual([2, 2]);
    // Worker free again: the next request goes to it, not inline.
    await c.scan({ text: 'e' });
    expect(batches[1]).toEqual(['e']);
    expect(inline).toHaveLength(2);
  });

  it('never scans a text longer than inlineMaxChars inline: it waits for a worker', async () => {
    const { c, batches, inline, release } = assisted({ inlineMaxChars: 10 });
    const busy = c.scan({ text: 'first' });
    await new Promise((r) => setImmediate(r));
    const long = c.scan({ text: 'a long document text' });
    const short = c.scan({ text: 'short' });
    expect((await short).verdict).toBe('allow');
    expect(inline).toEqual(['short']);
    expect(c.waiting).toBe(1);
    release();
    await Promise.all([busy, long]);
    expect(batches).toEqual([['first'], ['a long document text']]);
  });

  it('refuses a non-positive batch size, worker count or depth, naming it', () => {
    const f = async (): Promise<BatchEntry[]> => [];
    expect(() => new ScanCoalescer(f, (e) => new Error(e.error), { maxBatch: 0 })).toThrow(/maxBatch must be a positive integer, got 0/);
    expect(() => new ScanCoalescer(f, (e) => new Error(e.error), { depth: 1.5 })).toThrow(/depth/);
  });

  it('rejects every request of a batch whose call fails', async () => {
    const c = new ScanCoalescer(async () => {
      throw new Error('pool closed');
    }, (e) => new Error(e.error));
    const results = await Promise.allSettled([c.scan({ text: 'x' }), c.scan({ text: 'y' })]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
