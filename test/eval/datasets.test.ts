import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { languageCode, loadSharedEval, parseJsonLines, SHARED_EVAL_DIR, toSample } from '../../src/eval/datasets.ts';

describe('toSample', () => {
  it('reads the corpus shape', () => {
    const s = toSample(
      { id: 'c1', text: 'hello', label: 'attack', family: 'goal_hijack', context: 'tool_output', lang: 'de', task: 'summarize' },
      'corpus/x.jsonl',
      3,
    );
    expect(s).toEqual({ id: 'c1', text: 'hello', attack: true, family: 'goal_hijack', context: 'tool_output', lang: 'de', source: 'corpus/x.jsonl', task: 'summarize' });
  });

  it('reads the shared shape: category as family, meta.language as a code, meta.user_task as task', () => {
    const s = toSample(
      { id: 's1', text: 't', label: 'benign', category: 'benign', context: 'retrieved_doc', meta: { language: 'Hindi', user_task: 'answer the question' } },
      'shared.jsonl',
      1,
    );
    expect(s).toMatchObject({ family: 'benign', lang: 'hi', task: 'answer the question', attack: false });
  });

  it('names the bad field', () => {
    expect(toSample({ text: 1, label: 'attack' }, 'f', 1)).toBe('"text" must be a string, got number');
    expect(toSample({ text: 'x', label: 'evil' }, 'f', 1)).toBe('"label" must be "attack" or "benign", got "evil"');
    expect(toSample({ text: 'x', label: 'benign', context: 'email' }, 'f', 1)).toMatch(/"context" must be one of user_prompt, .* got "email"/);
    expect(toSample([1], 'f', 1)).toBe('row is not a JSON object');
  });
});

describe('parseJsonLines', () => {
  it('fails a malformed line with its line number and keeps the rest', () => {
    const text = ['{"text":"a","label":"attack"}', '{not json', '', '{"text":"b","label":"nope"}', '{"text":"c","label":"benign"}'].join('\n');
    const { samples, errors } = parseJsonLines(text, 'f.jsonl');
    expect(samples.map((s) => s.text)).toEqual(['a', 'c']);
    expect(samples[0]!.id).toBe('f.jsonl:1');
    expect(errors.map((e) => e.line)).toEqual([2, 4]);
    expect(errors[0]!.message).toMatch(/^invalid JSON/);
  });
});

describe('languageCode', () => {
  it('maps names to codes and passes codes through', () => {
    expect(languageCode('Filipino/Tagalog')).toBe('tl');
    expect(languageCode('EN')).toBe('en');
  });
});

describe.skipIf(!existsSync(SHARED_EVAL_DIR))('shared eval files', () => {
  it('load without malformed lines', () => {
    const suite = loadSharedEval()!;
    expect(suite.errors).toEqual([]);
    expect(suite.samples.some((s) => s.attack)).toBe(true);
    expect(suite.samples.some((s) => !s.attack)).toBe(true);
  });
});

describe('loadSharedEval', () => {
  it('returns null when the folder is absent', () => {
    expect(loadSharedEval('/nonexistent/tollgate/shared')).toBeNull();
  });
});
