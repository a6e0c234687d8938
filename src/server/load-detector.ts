/**
 * Adapts the real engine (`createEngine`) to the server's `Detector` interface. Guard
 * (authorize) and redactor (redact) are attached here when their modules are wired.
 */
import { readFileSync } from 'node:fs';
import { createEngine, InputError, type EngineOptions } from '../index.ts';
import type { ScanInput, ScanResult } from '../types.ts';
import { DetectorInputError, type BatchEntry, type Detector } from './detector.ts';

export interface LoadDetectorOptions {
  /** Scan on the calling thread instead of the worker pool. */
  inline?: boolean;
  maxThreads?: number;
  /** Engine pool queue bound (piscina maxQueue). */
  maxQueue?: number;
  pack?: EngineOptions['pack'];
}

/** The package version, read from package.json beside dist/ or above src/. */
export function packageVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'tollgate' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // try the next layout
    }
  }
  return 'unknown';
}

function asDetectorError(err: unknown): unknown {
  return err instanceof InputError ? new DetectorInputError((err as Error).message) : err;
}

export async function loadDetector(options: LoadDetectorOptions = {}): Promise<Detector & { crashWorkerForTest?(): Promise<void> }> {
  const engineOptions: EngineOptions = { inline: options.inline ?? false };
  if (options.maxThreads !== undefined) engineOptions.maxThreads = options.maxThreads;
  if (options.maxQueue !== undefined) engineOptions.maxQueue = options.maxQueue;
  if (options.pack !== undefined) engineOptions.pack = options.pack;
  const engine = await createEngine(engineOptions);
  // The first scans run in V8's baseline tier; warm up before taking traffic.
  for (let i = 0; i < 20; i++) await engine.scan({ text: 'warm-up: please summarize the quarterly filing', context: 'user_prompt' });
  const db = engine.database;
  return {
    versions: { engine: packageVersion(), pack: `${db.packName}@${db.packVersion}+${db.sha256.slice(0, 12)}` },
    scan: (input: ScanInput): Promise<ScanResult> => engine.scan(input).catch((err: unknown) => Promise.reject(asDetectorError(err))),
    scanBatch: async (inputs: ScanInput[]): Promise<BatchEntry[]> => engine.scanBatch(inputs),
    stats: () => engine.poolStats ?? {},
    close: () => engine.close(),
    crashWorkerForTest: engine.mode === 'pool' ? () => engine._crashWorkerForTest() : undefined,
  };
}
