/**
 * Turns concurrent single scans into batch calls. In pool mode every engine call is a worker
 * task with a fixed cost (message passing, wake-up); measured on this 2-core machine, 10 scans of
 * 1 KB went through the pool at ~4.4 k/s as single tasks and ~9.2 k/s as one scanBatch of 10.
 * Requests that arrive in the same event-loop turn are grouped, split evenly over the workers
 * (one big batch would leave the other worker idle: that measured slower than no batching); a
 * request that arrives alone is sent alone, so an idle server adds no waiting.
 */
import type { ScanInput, ScanResult } from '../types.ts';
import type { BatchEntry } from './detector.ts';

interface Pending {
  input: ScanInput;
  resolve: (result: ScanResult) => void;
  reject: (err: unknown) => void;
}

export class ScanCoalescer {
  #pending: Pending[] = [];
  #scheduled = false;

  constructor(
    readonly scanBatch: (inputs: ScanInput[]) => Promise<BatchEntry[]>,
    /** Turns a per-input error entry into the error that request rejects with. */
    readonly entryError: (entry: { error: string; code?: string }) => Error,
    readonly maxBatch = 16,
    /** Workers to spread a turn's requests over, so batching never idles a worker. */
    readonly workers = 1,
  ) {}

  scan(input: ScanInput): Promise<ScanResult> {
    return new Promise<ScanResult>((resolve, reject) => {
      this.#pending.push({ input, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const pending = this.#pending;
    this.#pending = [];
    const size = Math.min(this.maxBatch, Math.max(1, Math.ceil(pending.length / this.workers)));
    for (let i = 0; i < pending.length; i += size) {
      const group = pending.slice(i, i + size);
      this.scanBatch(group.map((p) => p.input)).then(
        (entries) => {
          group.forEach((p, k) => {
            const entry = entries[k];
            if (entry === undefined) p.reject(new Error(`engine returned ${entries.length} results for ${group.length} inputs`));
            else if ('error' in entry) p.reject(this.entryError(entry));
            else p.resolve(entry);
          });
        },
        (err: unknown) => group.forEach((p) => p.reject(err)),
      );
    }
  }
}
