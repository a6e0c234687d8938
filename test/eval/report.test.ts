import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvaluation } from '../../src/eval/evaluate.ts';
import { PROJECT_ROOT } from '../../src/eval/datasets.ts';
import { flattenEval } from '../../src/eval/gate.ts';
import type { EvalSection } from '../../src/eval/sections/types.ts';
import { latencyHistogramSvg, logHistogram, rocSvg } from '../../src/eval/svg.ts';
import type { Detector } from '../../src/eval/types.ts';

/** Flags texts containing "ignore"; scores by a marker digit so ROC has several points. */
const stub: Detector = {
  async scan(input) {
    const m = /score=(\d)/.exec(input.text);
    const score = m ? Number(m[1]) / 10 : 0;
    return { flagged: score >= 0.5, score, findings: [] };
  },
};

function writeCorpus(dir: string): void {
  const rows = [
    { id: 'a1', text: 'ignore it score=9', label: 'attack', family: 'direct_injection', context: 'user_prompt', lang: 'en' },
    { id: 'a2', text: 'score=6 in a doc', label: 'attack', family: 'indirect_injection', context: 'retrieved_doc', lang: 'de', task: 'summarize' },
    { id: 'a3', text: 'score=2 sneaky', label: 'attack', family: 'indirect_injection', context: 'tool_output', lang: 'en', task: 'quote' },
    { id: 'b1', text: 'score=1 benign', label: 'benign', family: 'benign', context: 'user_prompt', lang: 'en' },
    { id: 'b2', text: 'score=7 hard negative', label: 'benign', family: 'hard_negative', context: 'retrieved_doc', lang: 'de' },
    { id: 'b3', text: 'plain', label: 'benign', family: 'benign', context: 'tool_output', lang: 'en' },
  ];
  mkdirSync(join(dir, 'signatures'), { recursive: true });
  writeFileSync(join(dir, 'signatures', 'pack.json'), '{"not":"samples"}');
  writeFileSync(join(dir, 'mixed.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n{broken\n');
}

describe('runEvaluation', () => {
  it('scores, breaks down, runs plug-in sections and writes the report files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tollgate-eval-'));
    const corpus = join(root, 'corpus');
    const results = join(root, 'results');
    writeCorpus(corpus);
    const seen: string[] = [];
    const section: EvalSection = {
      id: 'demo',
      title: 'Demo section',
      async run(ctx) {
        seen.push(...ctx.suites.map((s) => s.report.name));
        return { metrics: { answer: 42 }, markdown: 'demo body' };
      },
    };
    const broken: EvalSection = { id: 'broken', title: 'Broken', run: async () => { throw new Error('boom'); } };
    const tasks: (string | undefined)[] = [];
    const spy: Detector = { scan: (i) => { tasks.push(i.task); return stub.scan(i); } };
    const { json, markdown } = await runEvaluation({ engine: spy, corpusDir: corpus, sharedDir: null, resultsDir: results, sections: [section, broken], trainingManifest: null });

    const c = json.suites[0]!;
    expect(c.overall).toMatchObject({ attacks: 3, benign: 3, truePositives: 2, falsePositives: 1 });
    expect(c.loadErrors).toHaveLength(1);
    expect(c.loadErrors[0]!.line).toBe(7);
    expect(c.byContext.retrieved_doc).toMatchObject({ attacks: 1, benign: 1 });
    expect(c.byLang.de!.fpr).toBe(1);
    // attack scores .9 .6 .2 vs benign .1 .7 0 -> 3 + 2 + 2 = 7 of 9 pairs won
    expect(c.overall.rocAuc).toBeCloseTo(7 / 9);
    expect(tasks).toContain('summarize');
    expect(seen).toEqual(['corpus']);
    expect(json.sections.demo!.metrics.answer).toBe(42);
    expect(json.sections.broken!.status).toBe('failed');
    expect(flattenEval(json)['section.demo.answer']).toBe(42);
    expect(flattenEval(json)['corpus.context.retrieved_doc.fpr']).toBe(1);

    expect(markdown).toContain('## Demo section');
    expect(markdown).toContain('demo body');
    expect(markdown).toContain('![ROC curves, corpus](roc-corpus.svg)');
    expect(markdown).toContain('`../shared/datasets/eval/` is absent');
    expect(readFileSync(join(results, 'eval.md'), 'utf8')).toBe(markdown);
    expect(JSON.parse(readFileSync(join(results, 'eval.json'), 'utf8')).suites[0].name).toBe('corpus');
    expect(readFileSync(join(results, 'roc-corpus.svg'), 'utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(readFileSync(join(results, 'latency.svg'), 'utf8')).toContain('p99');
  });
});

describe('training overlap', () => {
  it('splits out the corpus rows the model did not train on and counts eval rows found among training inputs', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tollgate-eval-'));
    const corpus = join(root, 'corpus');
    writeCorpus(corpus);
    const shared = join(root, 'shared');
    mkdirSync(shared);
    writeFileSync(join(shared, 'leaked.jsonl'), JSON.stringify({ id: 's1', text: 'score=9', label: 'attack', context: 'user_prompt' }) + '\n');
    // heldOutPercent 100: every corpus group is held out; the shared file is listed as a training input.
    const { json, markdown } = await runEvaluation({
      engine: stub,
      corpusDir: corpus,
      sharedDir: shared,
      resultsDir: join(root, 'results'),
      sections: [],
      // Keys as the manifest loader makes them: relative to the project root, leading ../ dropped
      // (so the test holds wherever the checkout lives).
      trainingManifest: {
        heldOutPercent: 100,
        inputs: new Set([join(corpus, 'mixed.jsonl'), join(shared, 'leaked.jsonl')].map((p) => relative(PROJECT_ROOT, p).replace(/^(\.\.\/)+/, ''))),
      },
    });
    expect(json.suites.map((s) => s.name)).toEqual(['corpus', 'corpus-heldout', 'shared']);
    expect(json.suites[1]!.overall.attacks + json.suites[1]!.overall.benign).toBe(6);
    expect(json.training).toMatchObject({ corpusRowsHeldOut: 6, corpusRowsTrainedOn: 0, evalRowsInTraining: 1 });
    expect(flattenEval(json)['training.evalRowsInTraining']).toBe(1);
    expect(markdown).toContain('evaluation-only rows are among the training inputs');
  });
});

describe('svg writers', () => {
  it('draws each ROC curve in both panels and escapes labels', () => {
    const svg = rocSvg('t <1>', [
      { label: 'a&b', auc: 0.9, points: [{ fpr: 0, tpr: 0, threshold: 1 }, { fpr: 1, tpr: 1, threshold: 0 }] },
      { label: 'c', auc: null, points: [{ fpr: 0, tpr: 0, threshold: 1 }, { fpr: 1, tpr: 1, threshold: 0 }] },
    ]);
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    expect(svg).toContain('a&amp;b (AUC 0.900)');
    expect(svg).toContain('t &lt;1&gt;');
    expect(svg).toContain('c (AUC n/a)');
  });

  it('puts every latency in exactly one log bin', () => {
    const values = [1, 2, 5, 10, 11, 100, 950, 1000, 12345];
    const bins = logHistogram(values, 4);
    expect(bins.reduce((a, b) => a + b.count, 0)).toBe(values.length);
    for (const v of values) expect(bins.filter((b) => v >= b.fromUs * (1 - 1e-9) && v < b.toUs * (1 + 1e-9)).length).toBeGreaterThan(0);
    expect(latencyHistogramSvg('x', values, [{ label: 'p50', us: 11 }]).match(/<rect /g)!.length).toBe(logHistogram(values).length + 1);
  });
});

describe('overall latency', () => {
  it('counts each scan once even when the held-out view re-lists corpus rows', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tollgate-eval-'));
    const corpus = join(root, 'corpus');
    writeCorpus(corpus);
    const { json } = await runEvaluation({
      engine: stub,
      corpusDir: corpus,
      sharedDir: null,
      writeFiles: false,
      sections: [],
      trainingManifest: { heldOutPercent: 100, inputs: new Set([relative(PROJECT_ROOT, join(corpus, 'mixed.jsonl')).replace(/^(\.\.\/)+/, '')]) },
    });
    expect(json.suites.map((s) => s.name)).toEqual(['corpus', 'corpus-heldout']);
    expect(json.latency.count).toBe(6);
  });
});
