import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.ts';
import { rng, T0, MINUTE } from './helpers.ts';

async function runCli(args: string[], input: string): Promise<{ code: number; lines: Record<string, unknown>[]; stderr: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  stdin.end(input);
  const code = await main(['anomaly', ...args], { stdin, stdout, stderr, env: {} });
  return { code, lines: out.trim() === '' ? [] : out.trim().split('\n').map((l) => JSON.parse(l)), stderr: err };
}

describe('tollgate anomaly', () => {
  it('writes one line per point, in order, and flags a spike in the right series', async () => {
    const r = rng(31);
    const lines: string[] = [];
    for (let i = 0; i < 200; i++) {
      lines.push(JSON.stringify({ metric: 'cpu', ts: T0 + i * MINUTE, value: 50 + r.normal() }));
      lines.push(JSON.stringify({ metric: 'mem', ts: new Date(T0 + i * MINUTE).toISOString(), value: 1000 + r.normal() * 10 }));
    }
    lines.push(JSON.stringify({ id: 'spike', metric: 'cpu', ts: T0 + 200 * MINUTE, value: 95 }));
    lines.push(JSON.stringify({ id: 'calm', metric: 'mem', ts: T0 + 200 * MINUTE, value: 1001 }));
    const { code, lines: out } = await runCli(['--series-key', 'metric'], lines.join('\n') + '\n');
    expect(code).toBe(0);
    expect(out).toHaveLength(402);
    for (const o of out) {
      expect(Object.keys(o).filter((k) => k !== 'id')).toEqual(['score', 'flagged', 'findings']);
      expect(o.score).toBeGreaterThanOrEqual(0);
      expect(o.score).toBeLessThanOrEqual(1);
    }
    expect(out.slice(100, 400).filter((o) => o.flagged).length).toBe(0);
    expect(out[400]).toMatchObject({ id: 'spike', flagged: true });
    expect((out[400]!.findings as { detector: string }[]).map((f) => f.detector)).toContain('welford');
    expect(out[401]).toMatchObject({ id: 'calm', flagged: false, findings: [] });
  });

  it('a malformed line yields an error line in its place, the stream goes on, exit status 1', async () => {
    const input = [
      JSON.stringify({ id: 1, s: 'a', ts: T0, value: 1 }),
      '{not json',
      JSON.stringify({ id: 'no-ts', s: 'a', value: 2 }),
      JSON.stringify({ id: 'bad-value', s: 'a', ts: T0 + 2, value: 'x' }),
      JSON.stringify({ id: 'no-key', ts: T0 + 3, value: 1 }),
      JSON.stringify({ s: 'a', ts: 'not a time', value: 1 }),
      '[1,2]',
      JSON.stringify({ id: 'ok', s: 'a', ts: T0 + 4, value: 3 }),
    ].join('\n');
    const { code, lines } = await runCli(['--series-key', 's'], input);
    expect(code).toBe(1);
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatchObject({ id: 1, flagged: false });
    expect(lines[1]).toMatchObject({ id: 2, error: expect.stringMatching(/not valid JSON/) });
    expect(lines[2]).toMatchObject({ id: 'no-ts', error: expect.stringMatching(/"ts" is missing/) });
    expect(lines[3]).toMatchObject({ id: 'bad-value', error: expect.stringMatching(/"value" must be a finite number, got "x"/) });
    expect(lines[4]).toMatchObject({ id: 'no-key', error: expect.stringMatching(/"s" \(the series key\)/) });
    expect(lines[5]).toMatchObject({ id: 6, error: expect.stringMatching(/not an ISO-8601 time or epoch ms: "not a time"/) });
    expect(lines[6]).toMatchObject({ id: 7, error: expect.stringMatching(/must be a JSON object, got an array/) });
    expect(lines[7]).toMatchObject({ id: 'ok', score: 0, flagged: false, findings: [] });
  });

  it('requires --series-key and checks flag values', async () => {
    const a = await runCli([], '');
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--series-key FIELD is required/);
    const b = await runCli(['--series-key', 's', '--threshold', '3'], '');
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--threshold must be a number in \(0, 1\], got '3'/);
  });
});
