import { describe, expect, it } from 'vitest';
import { detectLeaks, mergeSpans, redact, redactLeaks } from '../../src/leak/index.ts';
import { TokenFactory } from './fixtures/tokens.ts';

const t = new TokenFactory(31);

describe('redact', () => {
  const key = t.awsAccessKey();
  const card = t.card('4');
  const text = `AWS_ACCESS_KEY_ID=${key}\nrefund card ${card} today`;
  const findings = detectLeaks(text);

  it('mask keeps the length and every offset, hides the value', () => {
    const out = redact(text, findings, { mode: 'mask' });
    expect(out.length).toBe(text.length);
    expect(out).not.toContain(key);
    expect(out).not.toContain(card);
    expect(out.slice(0, 18)).toBe('AWS_ACCESS_KEY_ID=');
    expect(out.indexOf('\n')).toBe(text.indexOf('\n'));
    expect(out).toContain('*'.repeat(20));
  });
  it('hash gives a stable short tag per value (HMAC with a key)', () => {
    const a = redact(text, findings, { mode: 'hash' });
    expect(a).toMatch(/AWS_ACCESS_KEY_ID=\[aws-access-key:[0-9a-f]{8}\]/);
    expect(redact(text, findings, { mode: 'hash' })).toBe(a);
    expect(redact(text, findings, { mode: 'hash', hashKey: 'k1' })).not.toBe(a);
    expect(a).not.toContain(key);
  });
  it('remove deletes the spans', () => {
    expect(redact(text, findings, { mode: 'remove' })).toBe('AWS_ACCESS_KEY_ID=\nrefund card  today');
  });
  it('merges overlapping spans and keeps adjacent ones apart', () => {
    expect(mergeSpans('abcdefghij', [{ start: 2, end: 5 }, { start: 4, end: 8 }, { start: 8, end: 9 }]).map((s) => [s.start, s.end])).toEqual([[2, 8], [8, 9]]);
    expect(redact('abcdefghij', [{ start: 2, end: 5, rule: 'x' }, { start: 4, end: 8, rule: 'y' }], { mode: 'hash' })).toMatch(/^ab\[x:[0-9a-f]{8}\]ij$/);
  });
  it('redacts a secret inside a base64 blob in the original text', () => {
    const secret = t.mixed('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 40);
    const blob = Buffer.from(`exchange_api_secret=${secret}`).toString('base64');
    const input = `tool_output: {"cfg": "${blob}"}`;
    const { text: out, findings: f } = redactLeaks(input);
    expect(f.some((x) => x.details?.encoding === 'base64')).toBe(true);
    expect(out).toBe(input.replace(blob, '*'.repeat(blob.length)));
  });
  it('rejects a bad mode and out-of-range spans with messages naming them', () => {
    expect(() => redact('abc', [], { mode: 'blur' as 'mask' })).toThrow(/mode must be one of mask, hash, remove, got "blur"/);
    expect(() => redact('abc', [{ start: 1, end: 9, rule: 'email' }])).toThrow(/finding 0 \(email\) has span \[1, 9\) outside the text of length 3/);
  });
});
