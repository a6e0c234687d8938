import { describe, expect, it } from 'vitest';
import { breakdown, countFindings, downsample, sizeBucket } from '../../src/eval/summarize.ts';
import type { ScoredSample } from '../../src/eval/types.ts';

const row = (attack: boolean, flagged: boolean, source: string, ids: string[], lang = 'en'): ScoredSample => ({
  sample: { id: `${source}-${ids.join()}`, text: 'x', attack, family: attack ? 'inj' : 'benign', context: 'user_prompt', lang, source },
  flagged,
  score: flagged ? 0.9 : 0.1,
  latencyUs: 1,
  findingFamilies: [],
  findingIds: ids,
});

describe('countFindings', () => {
  it('counts each finding once per false-positive row, per source, most frequent first', () => {
    const rows = [
      row(false, true, 'a.jsonl', ['sig.x', 'sig.y']),
      row(false, true, 'b.jsonl', ['sig.x']),
      row(false, false, 'b.jsonl', ['sig.z']),
      row(true, true, 'a.jsonl', ['sig.z']),
      row(false, true, 'a.jsonl', []),
    ];
    const fp = countFindings(rows, (s) => !s.sample.attack && s.flagged);
    expect(fp.map((c) => [c.id, c.rows])).toEqual([
      ['sig.x', 2],
      ['(no finding: score only)', 1],
      ['sig.y', 1],
    ]);
    expect(fp[0]!.bySource).toEqual({ 'a.jsonl': 1, 'b.jsonl': 1 });
  });
});

describe('breakdown', () => {
  it('groups by key in sorted order', () => {
    const g = breakdown([row(true, true, 's', [], 'zh'), row(false, false, 's', [], 'de'), row(true, false, 's', [], 'zh')], (s) => s.lang, null);
    expect(Object.keys(g)).toEqual(['de', 'zh']);
    expect(g.zh!.tpr).toBe(0.5);
  });
});

describe('downsample and sizeBucket', () => {
  it('keeps both ends of a long curve', () => {
    const pts = Array.from({ length: 1000 }, (_, i) => ({ fpr: i / 999, tpr: i / 999, threshold: 1 - i / 999 }));
    const d = downsample(pts, 10);
    expect(d).toHaveLength(10);
    expect(d[0]).toBe(pts[0]);
    expect(d[9]).toBe(pts[999]);
  });

  it('buckets by UTF-8 bytes, not UTF-16 length', () => {
    expect(sizeBucket('a'.repeat(1023))).toBe('<1 KB');
    expect(sizeBucket('é'.repeat(600))).toBe('1-4 KB');
  });
});
