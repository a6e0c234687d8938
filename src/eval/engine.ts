/**
 * Opens the detector the evaluation scores: the tollgate engine in inline mode (lowest latency, same
 * core as the pool), or — only when TOLLGATE_EVAL_STUB=1 — a keyword stub used to exercise the pipeline
 * before the engine exists. The report names which one ran.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Detector } from './types.ts';

export interface OpenedDetector {
  detector: Detector;
  mode: string;
  close(): Promise<void>;
}

interface EngineModule {
  createEngine(options: { inline?: boolean }): Promise<Detector & { close(): Promise<void> }>;
}

const kEngineUrl = new URL('../index.ts', import.meta.url);

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

export async function openDetector(): Promise<OpenedDetector> {
  if (process.env.TOLLGATE_EVAL_STUB === '1') {
    return { detector: stubDetector(), mode: 'stub (TOLLGATE_EVAL_STUB=1, not the engine)', close: async () => {} };
  }
  if (!existsSync(fileURLToPath(kEngineUrl))) {
    throw new Error(`engine entry point ${fileURLToPath(kEngineUrl)} does not exist yet (set TOLLGATE_EVAL_STUB=1 to test the pipeline)`);
  }
  const mod = (await import(kEngineUrl.href)) as EngineModule;
  const engine = await mod.createEngine({ inline: true });
  return { detector: engine, mode: 'inline', close: () => engine.close() };
}
