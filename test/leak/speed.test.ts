/**
 * Contracts the leak pass's speed work relies on (speed itself is measured in bench/leak.bench.ts):
 * - the interleaved anchor automaton reports exactly the hits of a plain one-character-at-a-time scan;
 * - the unanchored pass's word hash read from the code buffer is mnemonic.ts's `wordHash`;
 * - the extra detectors (unanchored-extra.ts) still report through the gate the pass puts in front of them;
 * - the path/URL test no longer backtracks exponentially (it used to hang on base64 after a slash).
 */
import { describe, expect, it } from 'vitest';
import { detectLeaks } from '../../src/leak/index.ts';
import { AnchorMatcher } from '../../src/leak/prefilter.ts';
import { anchoredRules } from '../../src/leak/detect.ts';
import { wordHash } from '../../src/leak/mnemonic.ts';
import { acquireCodes, isPlaceholder, looksLikePathOrUrl, releaseCodes } from '../../src/leak/text.ts';
import { codesWordHash, scanUnanchoredSpans } from '../../src/leak/unanchored.ts';
import { scanExtraSpans } from '../../src/leak/unanchored-extra.ts';
import type { LeakSpan } from '../../src/leak/span.ts';
import { ALNUM, B64, TokenFactory } from './fixtures/tokens.ts';

/** The reference: the same automaton semantics, one character at a time, written plainly. */
function naiveHits(text: string): Array<{ signatureId: string; start: number; end: number }> {
  const out: Array<{ signatureId: string; start: number; end: number }> = [];
  // ASCII folding only (String#toLowerCase can change the length: 'İ' becomes two code units)
  const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  for (const r of anchoredRules()) {
    for (const a of new Set(r.anchors)) {
      for (let i = lower.indexOf(a); i !== -1; i = lower.indexOf(a, i + 1)) {
        // the automaton folds ASCII only: a non-ASCII character inside the match breaks it
        const raw = text.slice(i, i + a.length);
        if (/[^\x00-\x7f]/.test(raw)) continue;
        out.push({ signatureId: r.id, start: i, end: i + a.length });
      }
    }
  }
  return out;
}

const key = (h: { signatureId: string; start: number; end: number }): string => `${h.start}:${h.end}:${h.signatureId}`;

describe('anchor automaton (four interleaved streams, byte classes)', () => {
  const matcher = new AnchorMatcher(anchoredRules());
  const anchors = anchoredRules().flatMap((r) => r.anchors);
  const t = new TokenFactory(91);

  it('finds the same hits as a plain scan, including anchors across the quarter borders', () => {
    for (let round = 0; round < 40; round++) {
      const parts: string[] = [];
      const size = round % 4 === 0 ? 300 : 20_000;
      let len = 0;
      while (len < size) {
        const r = t.int(8);
        const p =
          r < 3
            ? anchors[t.int(anchors.length)]!
            : r === 3
              ? anchors[t.int(anchors.length)]!.toUpperCase()
              : r === 4
                ? String.fromCharCode(0x100 + t.int(0x3000))
                : r === 5
                  ? 'é'
                  : t.str('abcdefghijklmnopqrstuvwxyz_-.: =', 1 + t.int(6));
        parts.push(p);
        len += p.length;
      }
      const text = parts.join('');
      const got = matcher.findAll(text).map(key).sort();
      const want = naiveHits(text).map(key).sort();
      expect(got).toEqual(want);
    }
  });

  it('reports hits in text order of their end (what confirmSpans expects without sorting)', () => {
    const text = `api_key=${'x'.repeat(5000)} token ghp_abc AKIAXYZ secret: ${'y'.repeat(9000)} x-mbx-apikey: z`;
    const ends = matcher.findAll(text).map((h) => h.end);
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
  });
});

describe('unanchored pass', () => {
  it('hashes words from the code buffer exactly as mnemonic.ts does', () => {
    const words = ['abandon', 'Zoo', 'ÁBACO', 'ábaco', 'あいこくしん', '的', 'čerpadlo', 'MIXEDcase', ''];
    for (const w of words) {
      const codes = acquireCodes(w);
      try {
        expect(codesWordHash(codes, 0, w.length)).toBe(wordHash(w, 0, w.length));
      } finally {
        releaseCodes();
      }
    }
  });

  it('still reports what the extra detectors find (IPv4, IPv6, other-script phrases) through its gate', () => {
    const texts = [
      'client 81.2.69.142 connected',
      'peer [2a00:1450:4001:81b::200e]:443 and 8.8.8.8',
      'upstream=2606:4700:4700::1111;',
      'сесть пугать роспись монета трогать директор физика экран степень бояться рюкзак порыв',
      'no addresses here: 12:30 and v1.2.3 and a:b',
    ];
    for (const text of texts) {
      const direct: LeakSpan[] = [];
      scanExtraSpans(text, direct);
      const viaPass = scanUnanchoredSpans(text).filter((s) => direct.some((d) => d.start === s.start && d.end === s.end && d.rule === s.rule));
      expect(viaPass.length).toBe(direct.length);
    }
  });

  it('finds a phrase inside a long text of prose whose words are mostly not looked up', () => {
    const t = new TokenFactory(5);
    const phrase = t.mnemonic(12);
    const prose = 'The agent rebalanced the position after the momentum signal crossed zero and the desk approved it. ';
    const text = prose.repeat(400) + `restore with ${phrase}. ` + prose.repeat(400);
    const found = detectLeaks(text).filter((f) => f.rule === 'bip39-mnemonic');
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(phrase);
  });
});

describe('placeholder test', () => {
  it('still knows the longest placeholder word (its length bounds the pattern) and templates', () => {
    expect(isPlaceholder('replace_api_password123_goes_here')).toBe(true);
    expect(isPlaceholder('your-api-key-here')).toBe(true);
    expect(isPlaceholder('${API_KEY}')).toBe(true);
    expect(isPlaceholder('{{ .Values.token }}')).toBe(true);
    expect(isPlaceholder('<your token>')).toBe(true);
    expect(isPlaceholder('%API_TOKEN%')).toBe(true);
    expect(isPlaceholder('kQ8vN2xR7tLp4wZs9bYc')).toBe(false);
  });
});

describe('path test does not backtrack', () => {
  it('answers at once on long runs after a slash that fail at their end', () => {
    const t = new TokenFactory(3);
    // 200 characters: the old pattern needed about 2^n steps here and never returned.
    const value = `/${t.mixed(ALNUM, 200)}+`;
    expect(looksLikePathOrUrl(value)).toBe(false);
    expect(looksLikePathOrUrl('/usr/local/bin/node')).toBe(true);
    expect(looksLikePathOrUrl('./a/b//c')).toBe(false);
    expect(detectLeaks(`API_KEY=/${t.mixed(B64, 60)}+x`)).toBeDefined();
  });
});
