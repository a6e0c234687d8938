import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { TokenFactory } from './fixtures/tokens.ts';

async function runCli(args: string[], input: string): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await main(args, { stdin: Readable.from([input]), stdout, stderr, env: {} });
  return { code, out, err };
}

describe('tollgate redact', () => {
  const t = new TokenFactory(41);
  const key = t.githubPat();

  it('masks stdin text to stdout by default, keeping its length', async () => {
    const input = `GITHUB_TOKEN=${key}\nall good\n`;
    const r = await runCli(['redact'], input);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`GITHUB_TOKEN=${'*'.repeat(key.length)}\nall good\n`);
  });
  it('--mode hash and --mode remove', async () => {
    expect((await runCli(['redact', '--mode', 'hash'], `t ${key}`)).out).toMatch(/^t \[github-token:[0-9a-f]{8}\]$/);
    expect((await runCli(['redact', '--mode=remove'], `t ${key} end`)).out).toBe('t  end');
  });
  it('--jsonl writes one line per input in order; a malformed line fails that line only (exit 1)', async () => {
    const input = [JSON.stringify({ id: 'a', text: `key ${key}` }), '{not json', JSON.stringify({ id: 'c', text: 42 }), JSON.stringify({ id: 'd', text: 'clean' })].join('\n');
    const r = await runCli(['redact', '--jsonl'], input);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 2, 'c', 'd']);
    expect(lines[0].text).toBe(`key ${'*'.repeat(key.length)}`);
    expect(lines[0].findings[0]).toMatchObject({ rule: 'github-token', family: 'secret', start: 4 });
    expect(lines[1].error).toMatch(/not valid JSON/);
    expect(lines[2].error).toMatch(/"text" must be a string, got number/);
    expect(lines[3]).toEqual({ id: 'd', text: 'clean', findings: [] });
    expect(r.code).toBe(1);
  });
  it('rejects an unknown mode with a usage error naming it (exit 2)', async () => {
    const r = await runCli(['redact', '--mode', 'blur'], 'x');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--mode must be one of mask, hash, remove, got 'blur'/);
  });
});
