import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeStats, kCorpusJsonSchema, readCorpus, validateCorpus, type CorpusSample } from '../../src/corpus/index.ts';
import { CONTEXTS } from '../../src/types.ts';
import { DEFAULT_SEED, GENERATED_ID_PREFIX, generateCorpus, serialize, writeCorpus } from '../../scripts/generate-corpus.ts';

const tmp = mkdtempSync(join(tmpdir(), 'tollgate-gen-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// One generation shared by the tests below; a second one checks determinism.
const first = generateCorpus(DEFAULT_SEED);
const rows: CorpusSample[] = Object.values(first.files).flat();

describe('generated corpus', () => {
  it('meets the counts: 1,500+ attack and 1,500+ benign, 5+ languages, every context with both labels', () => {
    const s = computeStats(rows);
    expect(s.total.attack).toBeGreaterThanOrEqual(1500);
    expect(s.total.benign).toBeGreaterThanOrEqual(1500);
    expect(s.total.benign).toBeGreaterThanOrEqual(s.total.attack);
    for (const lang of ['en', 'zh', 'es', 'de', 'ja']) expect(s.lang[lang]?.attack, lang).toBeGreaterThanOrEqual(100);
    for (const ctx of CONTEXTS) {
      expect(s.context[ctx]?.attack, ctx).toBeGreaterThan(50);
      expect(s.context[ctx]?.benign, ctx).toBeGreaterThan(50);
    }
    for (const family of ['direct_injection', 'indirect_retrieved', 'indirect_tool', 'jailbreak', 'prompt_extraction', 'exfiltration', 'goal_hijack', 'hard_negative']) {
      expect(s.family[family]?.total, family).toBeGreaterThan(100);
    }
  });

  it('gives every indirect attack a clean twin: same group and task, benign, the same document minus the injection', () => {
    const byGroup = new Map<string, CorpusSample[]>();
    for (const r of rows) if (r.group !== undefined) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r]);
    const indirect = rows.filter((r) => r.label === 'attack' && (r.context === 'retrieved_doc' || r.context === 'tool_output'));
    expect(indirect.length).toBeGreaterThan(800);
    for (const attack of indirect) {
      expect(attack.group, attack.id).toBeDefined();
      expect(attack.task, attack.id).toBeTruthy();
      const twins = byGroup.get(attack.group!)!.filter((r) => r.label === 'benign');
      expect(twins, attack.id).toHaveLength(1);
      const twin = twins[0]!;
      expect(twin.task).toBe(attack.task);
      expect(twin.context).toBe(attack.context);
      expect(twin.text.length).toBeLessThan(attack.text.length);
      // Removing one contiguous span from the attack gives the twin.
      let p = 0;
      while (p < twin.text.length && twin.text[p] === attack.text[p]) p++;
      let q = 0;
      while (q < twin.text.length - p && twin.text[twin.text.length - 1 - q] === attack.text[attack.text.length - 1 - q]) q++;
      expect(p + q, attack.id).toBe(twin.text.length);
    }
  });

  it('is valid under the schema, with unique ids and no exact duplicates, and the id prefix the generator owns', () => {
    writeCorpus(join(tmp, 'a'), first);
    const report = validateCorpus(join(tmp, 'a'));
    expect(report.problems).toEqual([]);
    expect(report.rows).toBe(rows.length);
    expect(rows.every((r) => r.id.startsWith(GENERATED_ID_PREFIX))).toBe(true);
    expect(JSON.parse(readFileSync(join(tmp, 'a', 'schema.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(kCorpusJsonSchema)));
  });

  it('is deterministic: generating twice writes the same bytes', () => {
    writeCorpus(join(tmp, 'b'), generateCorpus(DEFAULT_SEED));
    const files = readdirSync(join(tmp, 'a')).sort();
    expect(readdirSync(join(tmp, 'b')).sort()).toEqual(files);
    const digest = (dir: string, f: string): string => createHash('sha256').update(readFileSync(join(dir, f))).digest('hex');
    for (const f of files) expect(digest(join(tmp, 'b'), f), f).toBe(digest(join(tmp, 'a'), f));
  });

  it('keeps rows added by researchers (ids not starting with gen-) when it regenerates in place', () => {
    const dir = join(tmp, 'keep');
    const tiny = { files: { jailbreak: first.files.jailbreak!.slice(0, 3) }, dropped: {} };
    writeCorpus(dir, tiny);
    const mine = JSON.stringify({ id: 'jailbreak-0123456789', text: 'A researcher wrote this one.', label: 'attack', family: 'jailbreak', owasp: 'LLM01', context: 'user_prompt', lang: 'en' });
    appendFileSync(join(dir, 'jailbreak.jsonl'), mine + '\n');
    writeCorpus(dir, tiny);
    const lines = readFileSync(join(dir, 'jailbreak.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(mine);
  });

  it('matches the committed corpus/ (regenerate with `npm run corpus:generate` after changing a template)', () => {
    for (const [family, generated] of Object.entries(first.files)) {
      const file = join('corpus', `${family}.jsonl`);
      expect(existsSync(file), file).toBe(true);
      const committed = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.includes(`"id":"${GENERATED_ID_PREFIX}`))
        .join('\n');
      expect(committed + '\n' === serialize(generated), file).toBe(true);
    }
  });
});

const shared = '../shared/datasets';
describe.skipIf(!existsSync(shared))('corpus texts are the team\'s own', () => {
  it('no corpus text equals a shared dataset row after lower-casing and whitespace folding', () => {
    const norm = (t: string): string => t.toLowerCase().split(/\s+/).filter(Boolean).join(' ');
    const ours = new Set(readCorpus('corpus').rows.map((r) => norm(r.sample.text)));
    const copies: string[] = [];
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.jsonl')) {
          for (const line of readFileSync(p, 'utf8').split('\n')) {
            if (!line) continue;
            try {
              const t = (JSON.parse(line) as { text?: unknown }).text;
              if (typeof t === 'string' && ours.has(norm(t))) copies.push(`${p}: ${t.slice(0, 60)}`);
            } catch {
              // not a text row
            }
          }
        }
      }
    };
    walk(shared);
    expect(copies).toEqual([]);
  });
});
