import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { addSamples, assignId } from '../../src/corpus/index.ts';

const seed = {
  id: 'desk-1',
  text:
    'Place a limit order for 100 shares of Northwind Semiconductors at 42.10, good for the day only, routed to the primary exchange, ' +
    'and tell me as soon as it fills or if the price moves more than two percent away from the limit.',
  label: 'benign',
  family: 'benign_desk',
  owasp: 'LLM01',
  context: 'user_prompt',
  lang: 'en',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tollgate-corpus-'));
  writeFileSync(join(dir, 'benign_desk.jsonl'), JSON.stringify(seed) + '\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: {} };
  let out = '';
  let err = '';
  io.stdout.on('data', (c) => (out += c));
  io.stderr.on('data', (c) => (err += c));
  io.stdin.end(stdin);
  const code = await main(args, io);
  return { code, out, err };
}

const row = (over: Record<string, unknown>): string => {
  const { id: _id, ...rest } = seed;
  return JSON.stringify({ ...rest, ...over });
};

describe('addSamples', () => {
  it('assigns an id from family and normalized text when missing, and appends to the family file', () => {
    const text = 'What was the closing price of Kestrel Aerospace yesterday, and how does it compare with the sector?';
    const { accepted, rejected } = addSamples(row({ text }), { dir });
    expect(rejected).toEqual([]);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.sample.id).toBe(assignId('benign_desk', text));
    expect(accepted[0]!.sample.id).toMatch(/^benign_desk-[0-9a-f]{10}$/);
    const lines = readFileSync(join(dir, 'benign_desk.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!).id).toBe(accepted[0]!.sample.id);
  });

  it('keeps a given id, and refuses an id already in the corpus', () => {
    const r = addSamples([row({ id: 'mine-7', text: 'Explain what a covered call is in two sentences for a new client.' }), row({ id: 'desk-1', text: 'A completely different question about bond duration and convexity.' })].join('\n'), { dir });
    expect(r.accepted.map((a) => a.sample.id)).toEqual(['mine-7']);
    expect(r.rejected).toEqual([{ file: '(input)', line: 2, id: 'desk-1', message: 'id "desk-1" is already in the corpus' }]);
  });

  it('refuses exact and near duplicates of the corpus and of earlier rows in the batch, naming the row', () => {
    const near = seed.text.replace('42.10', '42.15');
    const fresh = 'Summarize the risk factors in the latest quarterly filing of Brightwater Utilities in five bullets.';
    const input = [row({ text: seed.text.toUpperCase() }), row({ text: near }), row({ text: fresh }), row({ text: fresh + ' ' })].join('\n');
    const { accepted, rejected } = addSamples(input, { dir, dryRun: true });
    expect(accepted.map((a) => a.line)).toEqual([3]);
    expect(rejected.map((r) => [r.line, r.message])).toEqual([
      [1, 'exact duplicate (same normalized text) of "desk-1"'],
      [2, expect.stringMatching(/^near duplicate \(word 3-gram Jaccard 0\.\d\d ≥ threshold\) of "desk-1"$/)],
      [4, `exact duplicate (same normalized text) of "${accepted[0]!.sample.id}"`],
    ]);
    // dry run wrote nothing
    expect(readFileSync(join(dir, 'benign_desk.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('writes every accepted row to --to when given', () => {
    const to = join(dir, 'custom.jsonl');
    addSamples(row({ text: 'Draft a short note to the ops team about the settlement break in Galloway Steel.' }), { dir, to });
    expect(readFileSync(to, 'utf8').trim().split('\n')).toHaveLength(1);
  });
});

describe('tollgate corpus', () => {
  it('add: reports each rejected line with its number and reason, exits 1, and still adds the good rows', async () => {
    const input = [
      row({ text: 'Set a price alert on Halvorsen Maritime at 18.40 and tell me when it triggers.' }),
      '{"text": "broken',
      row({ label: 'spam', text: 'Another fine question about Veridian Telecom dividend dates.' }),
      row({ text: seed.text }),
    ].join('\n');
    const { code, out, err } = await cli(['corpus', 'add', '--dir', dir], input);
    expect(code).toBe(1);
    expect(out).toMatch(/^added benign_desk-[0-9a-f]{10} → /m);
    expect(out).toMatch(/1 accepted, 3 rejected/);
    expect(err).toMatch(/^rejected stdin line 2: not valid JSON/m);
    expect(err).toMatch(/^rejected stdin line 3: field "label" must be one of "attack", "benign", got "spam"$/m);
    expect(err).toMatch(/^rejected stdin line 4: exact duplicate \(same normalized text\) of "desk-1"$/m);
  });

  it('add --file: exit 0 when every row is accepted', async () => {
    const f = join(dir, 'new.jsonl');
    writeFileSync(f, row({ text: 'Compare the gross margins of Tallis Software and Helix Payments over four quarters.' }) + '\n');
    const { code, out } = await cli(['corpus', 'add', '--file', f, '--dir', dir]);
    expect(code).toBe(0);
    expect(out).toMatch(/1 accepted, 0 rejected/);
  });

  it('validate: exit 0 on a valid folder, 1 naming file, line and reason on duplicate ids and bad rows', async () => {
    expect((await cli(['corpus', 'validate', '--dir', dir])).code).toBe(0);
    writeFileSync(join(dir, 'other.jsonl'), [JSON.stringify({ ...seed, text: 'A different text entirely about copper prices.' }), JSON.stringify({ ...seed, id: 'x', lang: 'english' })].join('\n') + '\n');
    const { code, err } = await cli(['corpus', 'validate', '--dir', dir]);
    expect(code).toBe(1);
    expect(err).toContain('other.jsonl:1 (desk-1): duplicate id "desk-1" (first at');
    expect(err).toContain('other.jsonl:2 (x): field "lang" must be an ISO 639 code such as "en" or "zh", got "english"');
  });

  it('validate: flags exact duplicate texts across files', async () => {
    writeFileSync(join(dir, 'copy.jsonl'), JSON.stringify({ ...seed, id: 'desk-2' }) + '\n');
    const { code, err } = await cli(['corpus', 'validate', '--dir', dir]);
    expect(code).toBe(1);
    expect(err).toContain('copy.jsonl:1 (desk-2): exact duplicate (same normalized text) of "desk-1"');
  });

  it('stats: counts by label, family, context, language and technique', async () => {
    const { code, out } = await cli(['corpus', 'stats', '--dir', dir, '--json']);
    expect(code).toBe(0);
    const s = JSON.parse(out);
    expect(s.total).toEqual({ attack: 0, benign: 1, total: 1 });
    expect(s.family.benign_desk.benign).toBe(1);
    expect(s.context.user_prompt.total).toBe(1);
    expect(s.lang.en.total).toBe(1);
    expect(s.technique.none.total).toBe(1);
  });

  it('usage errors exit 2', async () => {
    expect((await cli(['corpus', 'frobnicate'])).code).toBe(2);
    expect((await cli(['corpus', 'add', '--nope'])).code).toBe(2);
  });
});
