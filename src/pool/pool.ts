import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { unpack } from 'msgpackr';
import { WorkerError, fromWire, type WireError } from '../errors.ts';
import type { ScanRequest } from '../scan/scanner.ts';
import type { ExtensionOptions } from '../scan/extensions.ts';
import type { ScanResult } from '../types.ts';
import type { ScanTask } from './worker.ts';

export interface PoolOptions {
  /** Which analyzers run after the signature pass (semantic model, leak validators, decoders). */
  analyzers?: ExtensionOptions;
  minThreads?: number;
  maxThreads?: number;
  maxQueue?: number | 'auto';
  idleTimeout?: number;
}

/** The built worker: dist/worker.js beside the bundle, or dist/ when running from source. */
function workerPath(): string {
  const candidates = [new URL('./worker.js', import.meta.url), new URL('../../dist/worker.js', import.meta.url)]
    .filter((u) => u.protocol === 'file:')
    .map((u) => fileURLToPath(u));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new WorkerError(`worker bundle not found (looked in ${candidates.join(', ')}); run 'npm run build'`);
  return found;
}

/** The only Piscina constructor in the package: a pool of scanner workers. */
export class ScanPool {
  readonly #pool: Piscina;
  #lastError: Error | undefined;

  constructor(module: WebAssembly.Module, options: PoolOptions = {}) {
    const threads = Math.max(1, availableParallelism());
    this.#pool = new Piscina({
      filename: workerPath(),
      minThreads: options.minThreads ?? threads,
      maxThreads: options.maxThreads ?? threads,
      // Bounded, so overload surfaces as a queue-full error instead of unbounded memory growth.
      maxQueue: options.maxQueue ?? 4096,
      // Workers hold a warmed-up WASM instance: keep them rather than pay start-up again.
      idleTimeout: options.idleTimeout ?? 60_000,
      workerData: { module, analyzers: options.analyzers ?? {} },
    });
    // Without a listener, a worker that fails to start crashes the process (ENGINEERING-NOTES).
    this.#pool.on('error', (err: Error) => {
      this.#lastError = err;
    });
  }

  async scan(generation: number, database: SharedArrayBuffer, items: ScanRequest[], signal?: AbortSignal): Promise<ScanResult[]> {
    const task: ScanTask = { op: 'scan', generation, database, items };
    let packed: Uint8Array;
    try {
      packed = await this.#pool.run(task, signal ? { signal } : {});
    } catch (err) {
      throw asWorkerError(err, this.#lastError);
    }
    const reply = unpack(packed) as { results?: ScanResult[]; error?: WireError };
    if (reply.error) throw fromWire(reply.error);
    return reply.results!;
  }

  /** Test hook: makes one worker exit mid-task (workers honour it only with TOLLGATE_TEST_HOOKS=1). */
  async crashOneWorker(): Promise<void> {
    try {
      await this.#pool.run({ op: 'crash' });
    } catch (err) {
      throw asWorkerError(err, this.#lastError);
    }
  }

  get stats(): { threads: number; queueSize: number; utilization: number; completed: number; needsDrain: boolean } {
    return {
      threads: this.#pool.threads.length,
      queueSize: this.#pool.queueSize,
      utilization: this.#pool.utilization,
      completed: this.#pool.completed,
      needsDrain: this.#pool.needsDrain,
    };
  }

  close(): Promise<void> {
    return this.#pool.close();
  }

  destroy(): Promise<void> {
    return this.#pool.destroy();
  }
}

function asWorkerError(err: unknown, last: Error | undefined): Error {
  const e = err as Error & { name?: string };
  if (e?.name === 'AbortError') return e;
  if (typeof e?.message === 'string' && /queue is at limit/i.test(e.message)) {
    return new WorkerError('scan queue is full; retry later', { reason: 'queue_full' });
  }
  return new WorkerError(`scan worker failed: ${e?.message ?? String(err)}`, last ? { cause: last.message } : undefined);
}
