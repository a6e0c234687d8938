/**
 * Turns concurrent single scans into batch calls. In pool mode every engine call is a worker task
 * with a fixed cost: two cross-thread wake-ups (task to the worker, result back), which on this
 * 2-core VM cost more CPU than scanning 1 KB (measured in-process: ~230 µs per scan as single
 * tasks, ~125 µs in batches of 32, against ~98 µs inline).
 *
 * So batches are kept in flight per worker (`depth` each, default 2, so a worker finishing one batch
 * has the next already queued), and requests arriving meanwhile wait in order and leave together as
 * the next batch, up to `maxBatch`. An idle server sends a lone request at once (after the current
 * event-loop turn, which groups requests that arrived together); under load the batches grow by
 * themselves, which is when their saving matters.
 */
import type { ScanInput, ScanResult } from '../types.ts';
import type { BatchEntry } from './detector.ts';

interface Pending {
  input: ScanInput;
  resolve: (result: ScanResult) => void;
  reject: (err: unknown) => void;
}

export interface CoalescerOptions {
  /** Most inputs in one batch call (default 32). */
  maxBatch?: number;
  /** Workers behind the engine: batches are split to keep each one busy (default 1). */
  workers?: number;
  /** Batches in flight per worker (default 2; 1 when `scanInline` is given). */
  depth?: number;
  /**
   * Scans one input on the calling thread. When given, a request that finds every batch slot busy
   * is scanned here instead of waiting: the event-loop thread takes its share of the work rather
   * than idling between HTTP requests, and that share costs no cross-thread hand-off at all.
   */
  scanInline?: (input: ScanInput) => Promise<ScanResult>;
  /**
   * Longest text (UTF-16 units) scanned inline (default 65,536). A long document scanned on the
   * event-loop thread would stall every other request for its duration; those wait for a worker.
   */
  inlineMaxChars?: number;
}

export class ScanCoalescer {
  #pending: Pending[] = [];
  #scheduled = false;
  #inFlight = 0;
  readonly maxBatch: number;
  readonly workers: number;
  readonly depth: number;
  readonly #scanInline: ((input: ScanInput) => Promise<ScanResult>) | undefined;
  #inlineScheduled = false;
  readonly #inlineMaxChars: number;
  /** Requests answered by scanInline, and by the workers (for metrics and tests). */
  inlineCount = 0;
  batchedCount = 0;

  constructor(
    readonly scanBatch: (inputs: ScanInput[]) => Promise<BatchEntry[]>,
    /** Turns a per-input error entry into the error that request rejects with. */
    readonly entryError: (entry: { error: string; code?: string }) => Error,
    options: CoalescerOptions = {},
  ) {
    this.maxBatch = positive(options.maxBatch ?? 32, 'maxBatch');
    this.workers = positive(options.workers ?? 1, 'workers');
    this.#scanInline = options.scanInline;
    this.#inlineMaxChars = positive(options.inlineMaxChars ?? 65_536, 'inlineMaxChars');
    this.depth = positive(options.depth ?? (options.scanInline ? 1 : 2), 'depth');
  }

  /** Requests waiting for a batch slot (not yet handed to the engine). */
  get waiting(): number {
    return this.#pending.length;
  }

  scan(input: ScanInput): Promise<ScanResult> {
    return new Promise<ScanResult>((resolve, reject) => {
      this.#pending.push({ input, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => {
          this.#scheduled = false;
          this.#pump();
        });
      }
    });
  }

  #pump(): void {
    const slots = this.workers * this.depth;
    if (this.#pending.length > 0 && this.#inFlight >= slots) this.#assist();
    if (this.#pending.length === 0 || this.#inFlight >= slots) return;
    // Spread what is waiting over the workers: one big batch would leave the other worker idle.
    const size = Math.min(this.maxBatch, Math.ceil(this.#pending.length / Math.min(slots - this.#inFlight, this.workers)));
    while (this.#pending.length > 0 && this.#inFlight < slots) {
      const group = this.#pending.splice(0, size);
      this.#inFlight++;
      this.batchedCount += group.length;
      this.scanBatch(group.map((p) => p.input))
        .then(
          (entries) => {
            group.forEach((p, k) => {
              const entry = entries[k];
              if (entry === undefined) p.reject(new Error(`engine returned ${entries.length} results for ${group.length} inputs`));
              else if ('error' in entry) p.reject(this.entryError(entry));
              else p.resolve(entry);
            });
          },
          (err: unknown) => group.forEach((p) => p.reject(err)),
        )
        .finally(() => {
          this.#inFlight--;
          this.#pump();
        });
    }
  }

  /**
   * Scans the oldest waiting request on this thread, one per event-loop turn so that sockets and
   * worker results are served in between; re-arms itself while requests wait and workers are busy.
   */
  #assist(): void {
    if (this.#scanInline === undefined || this.#inlineScheduled) return;
    this.#inlineScheduled = true;
    setImmediate(() => {
      this.#inlineScheduled = false;
      if (this.#inFlight < this.workers * this.depth) {
        this.#pump(); // a worker came free meanwhile: it takes the waiting requests
        return;
      }
      // The oldest request short enough for this thread; long ones keep their place for a worker.
      const at = this.#pending.findIndex((p) => p.input.text.length <= this.#inlineMaxChars);
      if (at < 0) return;
      const [next] = this.#pending.splice(at, 1) as [Pending];
      this.inlineCount++;
      // An inline engine's scan does its work synchronously, inside this call.
      this.#scanInline!(next.input).then(next.resolve, next.reject);
      if (this.#pending.length > 0) this.#pump();
    });
  }
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
