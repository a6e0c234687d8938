import { describe, expect, it } from 'vitest';
import { parseSampleLines, validateSample } from '../../src/corpus/index.ts';

const good = {
  id: 'x-1',
  text: 'Place a limit order for 100 AAPL at 190.',
  label: 'benign',
  family: 'benign_desk',
  owasp: 'LLM01',
  context: 'user_prompt',
  lang: 'en',
};

const messages = (v: unknown): string[] => validateSample(v).map((p) => p.message);

describe('validateSample', () => {
  it('accepts a well-formed row', () => {
    expect(validateSample(good)).toEqual([]);
  });

  it('names the field and the bad value', () => {
    expect(messages({ ...good, label: 'spam' })).toEqual([`field "label" must be one of "attack", "benign", got "spam"`]);
    expect(messages({ ...good, context: 'email' })[0]).toMatch(/^field "context" must be one of "user_prompt", .* got "email"$/);
    expect(messages({ ...good, owasp: 'LLM11' })).toEqual(['field "owasp" must be an OWASP LLM Top 10 id LLM01..LLM10, got "LLM11"']);
    expect(messages({ ...good, family: 'Direct Injection' })[0]).toMatch(/^field "family" must be snake_case/);
    expect(messages({ ...good, lang: 'English' })[0]).toMatch(/^field "lang" must be an ISO 639 code/);
    expect(messages({ ...good, text: 42 })).toEqual(['field "text" must be a string, got number 42']);
    expect(messages({ ...good, text: '   ' })).toEqual(['field "text" must not be empty or whitespace only']);
  });

  it('reports every missing required field at once', () => {
    const fields = validateSample({ text: 'hello' }).map((p) => p.field);
    expect(fields.sort()).toEqual(['context', 'family', 'id', 'label', 'lang', 'owasp']);
  });

  it('rejects unknown fields by name, so a typo is not silently dropped', () => {
    expect(messages({ ...good, lable: 'attack' })[0]).toMatch(/^field "lable" is not a corpus field/);
  });

  it('requires a task for documents and tool outputs only', () => {
    expect(messages({ ...good, context: 'retrieved_doc' })).toEqual([
      `field "task" is required when context is "retrieved_doc" (the user's request the agent was serving)`,
    ]);
    expect(validateSample({ ...good, context: 'tool_output', task: 'Get the quote' })).toEqual([]);
    expect(messages({ ...good, task: '' })).toEqual(['field "task" must be a non-empty string, got ""']);
  });

  it('takes a technique as one tag or a list of tags', () => {
    expect(validateSample({ ...good, technique: 'base64' })).toEqual([]);
    expect(validateSample({ ...good, technique: ['base64', 'zero_width'] })).toEqual([]);
    expect(messages({ ...good, technique: [] })).toEqual(['field "technique" must not be an empty array']);
    expect(messages({ ...good, technique: 'Base 64' })[0]).toMatch(/^field "technique" must be a snake_case tag/);
  });

  it('allows a missing id only when asked', () => {
    const { id: _id, ...noId } = good;
    expect(messages(noId)).toEqual(['field "id" is required']);
    expect(validateSample(noId, { allowMissingId: true })).toEqual([]);
  });

  it('says what a non-object row is', () => {
    expect(messages([1, 2])).toEqual(['row must be a JSON object, got an array']);
    expect(messages(null)).toEqual(['row must be a JSON object, got null']);
  });
});

describe('parseSampleLines', () => {
  it('reports problems with their 1-based line numbers and keeps the good rows', () => {
    const text = [JSON.stringify(good), '', '{not json', JSON.stringify({ ...good, id: 'x-2', label: 'maybe' })].join('\n');
    const { rows, problems } = parseSampleLines(text, 'f.jsonl');
    expect(rows.map((r) => [r.line, r.sample.id])).toEqual([[1, 'x-1']]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ file: 'f.jsonl', line: 3 });
    expect(problems[0]!.message).toMatch(/^not valid JSON/);
    expect(problems[1]).toMatchObject({ line: 4, id: 'x-2', message: 'field "label" must be one of "attack", "benign", got "maybe"' });
  });
});
