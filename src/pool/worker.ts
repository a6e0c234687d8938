/**
 * Piscina worker entry. Each worker instantiates the core once (its scratch) from the module the
 * main thread compiled, and loads database generations as tasks reference them.
 */
import { workerData } from 'piscina';
import { pack } from 'msgpackr';
import { GenerationScanner } from '../scan/runtime.ts';
import type { ExtensionOptions } from '../scan/extensions.ts';
import { toWire } from '../errors.ts';
import type { ScanRequest } from '../scan/scanner.ts';

export interface ScanTask {
  op: 'scan';
  generation: number;
  /** Database bytes in a SharedArrayBuffer: every worker reads the same copy. */
  database: SharedArrayBuffer;
  items: ScanRequest[];
}

export interface TestCrashTask {
  op: 'crash';
}

const data = (workerData ?? {}) as { module?: WebAssembly.Module; analyzers?: ExtensionOptions };
const scanner = new GenerationScanner(data.module, data.analyzers);

/** Returns msgpackr-packed `{ results }` or `{ error }` (errors lose their class across threads). */
export default function run(task: ScanTask | TestCrashTask): Uint8Array {
  if (task.op === 'crash') {
    // Test hook: simulate a worker dying mid-task. Only honoured when the test suite asks for it.
    if (process.env.TOLLGATE_TEST_HOOKS === '1') process.exit(70);
    return Uint8Array.from(pack({ error: { code: 'TG_ERR_INPUT', message: 'unknown task op crash' } }));
  }
  try {
    const results = scanner.scan(task.generation, new Uint8Array(task.database), task.items);
    return Uint8Array.from(pack({ results }));
  } catch (err) {
    return Uint8Array.from(pack({ error: toWire(err) }));
  }
}
