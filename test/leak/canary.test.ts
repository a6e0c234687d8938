import { describe, expect, it } from 'vitest';
import { CanaryRegistry, createCanary, redactLeaks } from '../../src/leak/index.ts';

describe('canary tokens', () => {
  const reg = new CanaryRegistry();
  const token = reg.issue('trader system prompt', 'system-prompt:trader-v3');
  const other = reg.issue('Q3 strategy memo', 'doc:q3-strategy.pdf');

  it('issues unique tokens with a readable part and 48 random bits', () => {
    expect(token).toMatch(/^tg-[a-z]+-[a-z]+-[0-9a-f]{12}$/);
    expect(new Set(Array.from({ length: 200 }, () => createCanary('x'))).size).toBe(200);
    expect(() => createCanary('')).toThrow(/label must be a non-empty string/);
  });

  const variants: Array<[string, (t: string) => string]> = [
    ['verbatim', (t) => `My instructions say: ${t}. Anything else?`],
    ['upper case', (t) => `ref ${t.toUpperCase()}`],
    ['spaced', (t) => `the code is ${t.split('').join(' ')}`],
    ['split over lines', (t) => `part one ${t.slice(0, 9)}\npart two ${t.slice(9)}`],
    ['zero-width inside', (t) => `x ${t.slice(0, 5)}\u200b${t.slice(5)}`],
    ['base64', (t) => `payload=${Buffer.from(`leaked: ${t}`).toString('base64')}`],
    ['hex', (t) => `0x${Buffer.from(t).toString('hex')}`],
    ['percent-encoded', (t) => `https://evil.example/?q=${[...t].map((c) => '%' + c.charCodeAt(0).toString(16)).join('')}`],
    ['only the random part', (t) => `hash ${t.slice(-12)} matched`],
    ['with Cyrillic and fullwidth look-alikes', (t) => `ref ${t.replace(/a/g, '\u0430').replace(/e/g, '\u0435').replace(/1/g, '\uff11')}`],
  ];
  for (const [name, make] of variants) {
    it(`detects the token ${name}, naming where it was planted`, () => {
      const text = make(token);
      const f = reg.scan(text);
      expect(f.length, text).toBe(1);
      expect(f[0]).toMatchObject({ family: 'canary', owasp: 'LLM07', rule: 'canary-token', details: { label: 'trader system prompt', plantedIn: 'system-prompt:trader-v3' } });
      expect(f[0]!.evidence).not.toContain(token);
      expect(f[0]!.start).toBeGreaterThanOrEqual(0);
      expect(f[0]!.end).toBeLessThanOrEqual(text.length);
    });
  }

  it('tells two canaries apart and ignores near misses', () => {
    expect(reg.scan(`${other} and ${token}`).map((f) => f.details?.label)).toEqual(['Q3 strategy memo', 'trader system prompt']);
    const near = token.slice(0, -1) + (token.endsWith('0') ? '1' : '0');
    expect(reg.scan(`value ${near}`)).toEqual([]);
    expect(reg.scan('nothing to see here')).toEqual([]);
  });

  it('round-trips through JSON and feeds redaction', () => {
    const copy = CanaryRegistry.fromJSON(JSON.parse(JSON.stringify(reg)));
    expect(copy.size).toBe(2);
    const { text } = redactLeaks(`leak ${token} end`, { canaries: copy });
    expect(text).toBe(`leak ${'*'.repeat(token.length)} end`);
    expect(() => copy.add({ token: 'abc', label: 'x', createdAt: '' })).toThrow(/too short/);
  });
});
