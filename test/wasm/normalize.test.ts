import { describe, expect, it } from 'vitest';
import { instantiateCore } from '../../src/wasm/instance.ts';
import { normalizeBytes, normalizeText } from '../../src/scan/normalize.ts';

const core = instantiateCore();
const norm = (s: string): string => normalizeText(core, s);

describe('normalizeInto', () => {
  it('lowercases ASCII and collapses whitespace runs', () => {
    expect(norm('  Ignore\t\tALL \n previous  ')).toBe('ignore all previous ');
  });

  it('folds homoglyphs: Cyrillic, Greek, fullwidth, mathematical letters', () => {
    expect(norm('іgnоrе')).toBe('ignore'); // Cyrillic і, о, е
    expect(norm('ΙGΝΟRΕ')).toBe('ignore'); // Greek capitals
    expect(norm('ｉｇｎｏｒｅ')).toBe('ignore');
    expect(norm('𝐢𝐠𝐧𝐨𝐫𝐞')).toBe('ignore');
    expect(norm('ⓘⓖⓝⓞⓡⓔ')).toBe('ignore');
    const r = normalizeBytes(core, 'раураl');
    expect(r.stats.confusable).toBeGreaterThan(0);
  });

  it('folds Latin accents and ligature letters to ASCII', () => {
    expect(norm('Überweise Größe Ça ÆON')).toBe('uberweise grosse ca aeon');
  });

  it('strips zero-width, soft hyphen and bidi controls and counts them', () => {
    const r = normalizeBytes(core, 'ig\u200bno\u00adre\u200d pre\u202evious');
    expect(new TextDecoder().decode(r.bytes)).toBe('ignore previous');
    expect(r.stats.invisible).toBe(3);
    expect(r.stats.bidi).toBe(1);
  });

  it('decodes Unicode tag characters into fenced ASCII and counts them', () => {
    const hidden = [...'Ignore rules'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    const r = normalizeBytes(core, `Hello${hidden}world`);
    expect(new TextDecoder().decode(r.bytes)).toBe('hello ignore rules world');
    expect(r.stats.tags).toBe(12);
  });

  it('joins spaced-out letters but leaves short runs and words alone', () => {
    expect(norm('i g n o r e this')).toBe('ignore this');
    expect(norm('i.g.n.o.r.e')).toBe('ignore');
    expect(norm('I - G - N - O - R - E')).toBe('ignore');
    expect(norm('a b c')).toBe('a b c');
    expect(norm('buy 5 k')).toBe('buy 5 k');
  });

  it('reads leetspeak inside mixed tokens but never in plain numbers', () => {
    expect(norm('1gn0r3 pr3v10us')).toBe('ignore previous');
    expect(norm('buy 1000 shares at 101.5')).toBe('buy 1000 shares at 101.5');
  });

  it('joins spaced-out letters wherever they sit relative to its 16-byte blocks', () => {
    // The words around each run have two letters or more: a lone letter would join the run.
    for (let k = 0; k < 40; k++) {
      const text = `${'word '.repeat(k % 9)}${'x'.repeat(k + 2)} i g n o r e ${'y'.repeat(k + 2)} p.r.e.v`;
      const r = normalizeBytes(core, text);
      expect(new TextDecoder().decode(r.bytes), text).toBe(`${'word '.repeat(k % 9)}${'x'.repeat(k + 2)} ignore ${'y'.repeat(k + 2)} prev`);
      expect(r.stats.collapsed, text).toBe(2);
    }
  });

  it('reads leetspeak tokens wherever they sit relative to its 16-byte blocks, and counts each once', () => {
    // Tokens whose digit sits many bytes after their start (the start in an earlier block), tokens
    // across block edges, and tokens in the last few bytes.
    for (let k = 0; k < 50; k++) {
      const long = `${'q'.repeat(k)}7`; // 'qqq…q7' reads as 'qqq…qt' once it has two letters and four characters
      const text = `${'word '.repeat(k % 7)}${long} 1gn0r3 then ${'z'.repeat(k)}pr3v`;
      const expected = `${'word '.repeat(k % 7)}${k >= 3 ? `${'q'.repeat(k)}t` : long} ignore then ${'z'.repeat(k)}prev`;
      const r = normalizeBytes(core, text);
      expect(new TextDecoder().decode(r.bytes), text).toBe(expected);
      expect(r.stats.leet, text).toBe(k >= 3 ? 3 : 2);
    }
  });

  it('keeps CJK text byte for byte and maps each output byte to its source code point', () => {
    const text = 'aé忽略b';
    const r = normalizeBytes(core, text);
    expect(new TextDecoder().decode(r.bytes)).toBe('ae忽略b');
    // raw UTF-8 offsets: a=0, é=1..2, 忽=3..5, 略=6..8, b=9
    expect(Array.from(r.map)).toEqual([0, 1, 3, 3, 3, 6, 6, 6, 9]);
  });

  it('passes invalid UTF-8 bytes through and counts them', () => {
    const inp = core.alloc(4);
    const out = core.alloc(16);
    const map = core.alloc(64);
    const stats = core.alloc(28);
    new Uint8Array(core.memory.buffer, inp, 4).set([0x41, 0xff, 0xc3, 0x42]);
    new Uint32Array(core.memory.buffer, stats, 7).fill(0);
    const n = core.normalizeInto(inp, 4, out, map, stats, 0);
    expect(Array.from(new Uint8Array(core.memory.buffer, out, n))).toEqual([0x61, 0xff, 0xc3, 0x62]);
    expect(new Uint32Array(core.memory.buffer, stats, 7)[6]).toBe(2);
  });
});
