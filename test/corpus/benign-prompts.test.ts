import { describe, expect, it } from 'vitest';
import { benignDocInstructions, benignUserPrompt, type BenignRow } from '../../scripts/corpus-gen/benign-prompts.ts';
import { Rng } from '../../scripts/corpus-gen/rng.ts';

function draw(make: (rng: Rng) => BenignRow[], n: number, seed = 42): BenignRow[] {
  const rng = new Rng(seed);
  const out: BenignRow[] = [];
  for (let i = 0; i < n; i++) out.push(...make(rng));
  return out;
}

describe('benign user prompts (scripts/corpus-gen/benign-prompts.ts)', () => {
  const rows = draw(benignUserPrompt, 1500);

  it('are benign user prompts with no unfilled slot, grouped by request template', () => {
    for (const r of rows) {
      expect(r.label).toBe('benign');
      expect(r.context).toBe('user_prompt');
      expect(r.text, r.text).not.toMatch(/\{[A-Za-z_]+(:Cap)?\}/);
      expect(r.group).toMatch(/^gen-benign_prompts-[a-z]{2}-t\d+$/);
    }
    // Enough templates that a held-out split by group still sees unseen requests.
    expect(new Set(rows.map((r) => r.group)).size).toBeGreaterThan(120);
  });

  it('cover long multi-sentence prompts, role-play frames and several languages, as real prompts do', () => {
    const en = rows.filter((r) => r.lang === 'en');
    const long = en.filter((r) => (r.text.match(/[.?!](\s|$)/g) ?? []).length >= 3);
    expect(long.length / en.length).toBeGreaterThan(0.3);
    expect(en.filter((r) => /^(You are|Act as|Pretend|Imagine|Let's|For this chat|From now on|Can you be|I'd like you to play|Please act)/.test(r.text)).length / en.length).toBeGreaterThan(0.2);
    const langs = new Set(rows.map((r) => r.lang));
    for (const l of ['en', 'es', 'de', 'fr', 'zh', 'ja', 'ru', 'ko', 'ar', 'hi']) expect(langs.has(l as BenignRow['lang']), l).toBe(true);
  });

  it('is deterministic for a seed', () => {
    expect(draw(benignUserPrompt, 50, 7).map((r) => r.text)).toEqual(draw(benignUserPrompt, 50, 7).map((r) => r.text));
  });
});

describe('benign documents with instructions to the reader', () => {
  it('carry a task and a data context, and address the reader', () => {
    const rows = draw(benignDocInstructions, 300);
    for (const r of rows) {
      expect(['retrieved_doc', 'tool_output']).toContain(r.context);
      expect(r.task && r.task.length > 5).toBe(true);
      expect(r.text).not.toMatch(/\{[A-Za-z_]+(:Cap)?\}/);
    }
    expect(rows.filter((r) => /\byou(r)?\b/i.test(r.text)).length / rows.length).toBeGreaterThan(0.5);
    expect(new Set(rows.map((r) => r.text)).size).toBeGreaterThan(250);
  });
});
