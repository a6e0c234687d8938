import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine.ts';
import { detectLeaks } from '../../src/leak/index.ts';
import { leakExamples } from './fixtures/examples.ts';

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
});
