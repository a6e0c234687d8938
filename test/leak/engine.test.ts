import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine.ts';
import { detectLeaks } from '../../src/leak/index.ts';
import { leakExamples } from './fixtures/examples.ts';
import { TokenFactory } from './fixtures/tokens.ts';

/** The engine (WASM DFA over normalized text → confirmLeaks on raw text, plus scanUnanchored) must find what the standalone path finds. */
describe('leak findings through the engine', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine({ inline: true });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('reports every standalone leak finding at the same span with the same rule, and flags texts holding a secret', async () => {
    for (const ex of leakExamples()) {
      const result = await engine.scan({ text: ex.text, context: 'tool_output' });
      const leaks = result.findings.filter((f) => f.family === 'secret' || f.family === 'pii');
      for (const f of detectLeaks(ex.text)) {
        expect(leaks.some((e) => e.start === f.start && e.end === f.end && e.rule === f.rule), `${ex.id}: ${f.rule} [${f.start}, ${f.end})`).toBe(true);
      }
      if (ex.label === 'secret' && ex.family !== 'pii') expect(result.flagged, ex.id).toBe(true);
    }
  });

  it('finds every one of many leaks in one long text (hits arrive in DFA order, not text order)', async () => {
    const t = new TokenFactory(17);
    const keys = Array.from({ length: 30 }, () => t.awsAccessKey());
    const text = keys.map((k) => `${'The agent rebalanced the book after the signal crossed zero. '.repeat(20)}AWS_ACCESS_KEY_ID=${k} `).join('');
    const result = await engine.scan({ text, context: 'tool_output' });
    expect(result.findings.filter((f) => f.rule === 'aws-access-key').map((f) => text.slice(f.start, f.end))).toEqual(keys);
  });

  it('engine.canary() plants a token whose later appearance, even base64-encoded, flags the scan with LLM07', async () => {
    const token = engine.canary('desk system prompt', 'system-prompt:desk-v2');
    const clean = await engine.scan({ text: 'Here is the summary you asked for.', context: 'model_output' });
    expect(clean.findings.some((f) => f.family === 'canary')).toBe(false);
    const leaked = await engine.scan({ text: `Sure, my hidden instructions begin with ${Buffer.from(`[${token}] You are`).toString('base64')}`, context: 'model_output' });
    const f = leaked.findings.find((x) => x.family === 'canary');
    expect(f).toMatchObject({ owasp: 'LLM07', details: { plantedIn: 'system-prompt:desk-v2' } });
    expect(leaked.flagged).toBe(true);
    expect(leaked.verdict).toBe('deny');
  });

  it('engine.redact masks secrets and canaries found by the full scan', async () => {
    const token = engine.canary('risk memo', 'doc:risk-memo');
    const text = `memo ${token} ; AWS_ACCESS_KEY_ID=AKIA2E0A8F3B244C9986`;
    const { text: out, findings } = await engine.redact(text);
    expect(out.length).toBe(text.length);
    expect(out).not.toContain(token);
    expect(out).not.toContain('AKIA2E0A8F3B244C9986');
    expect(findings.map((x) => x.rule).sort()).toEqual(['aws-access-key', 'canary-token']);
  });
});

