/**
 * Opens the detector the evaluation scores: the tollgate engine in inline mode (lowest latency, same
 * core as the pool), or — only when TOLLGATE_EVAL_STUB=1 — a keyword stub used to exercise the pipeline
 * itself. The report names which one ran.
 */
import { createEngine } from '../index.ts';
import type { SignaturePack } from '../signatures/pack.ts';
import type { Detector } from './types.ts';

export interface OpenedDetector {
  detector: Detector;
  mode: string;
  close(): Promise<void>;
}

/** A deliberately weak keyword matcher, used only to test the evaluation pipeline itself. */
export function stubDetector(): Detector {
  const words = ['ignore previous', 'ignore all previous', 'system prompt', 'disregard', 'you are now', 'jailbreak'];
  return {
    async scan(input) {
      const text = input.text.toLowerCase();
      const hits = words.filter((w) => text.includes(w)).length;
      const score = Math.min(1, hits / 2);
      return { flagged: hits > 0, score, findings: [] };
    },
  };
}

/** The inline engine with the shipped pack (or a given one). */
export async function openDetector(pack?: SignaturePack): Promise<OpenedDetector> {
  if (process.env.TOLLGATE_EVAL_STUB === '1') {
    return { detector: stubDetector(), mode: 'stub (TOLLGATE_EVAL_STUB=1, not the engine)', close: async () => {} };
  }
  const engine = await createEngine(pack ? { inline: true, pack } : { inline: true });
  return { detector: engine, mode: 'inline', close: () => engine.close() };
}

/**
 * A pack of one low-severity signature per literal, without extra DFA variants, so the engine's DFA
 * and a RegExp alternation search exactly the same strings (the speed baseline's workload).
 */
export function literalPack(literals: readonly string[]): SignaturePack {
  return {
    name: 'speed-literals',
    version: '1',
    signatures: literals.map((l, i) => ({
      id: `speed.literal.${i}`,
      family: 'speed',
      owasp: 'LLM01',
      severity: 'low',
      anchors: [l],
      variants: [],
      description: 'speed benchmark literal',
    })),
  };
}
