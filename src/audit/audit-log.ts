/**
 * `AuditLog`: seals decisions into a hash chain, stores them through an `AuditSink` with group
 * commit, and writes a signed checkpoint every `checkpointEvery` records and on close.
 *
 * Ordering: seq, prev and hash are assigned synchronously inside `append`, so the chain order is
 * the call order. Durability: `append` resolves only after the batch holding its record has been
 * stored durably by the sink (fsync for the file sink). While one batch is being synced, new
 * records collect into the next, so many concurrent appends share one fsync.
 *
 * Failure: if the sink fails, every waiting append rejects and the log refuses further appends
 * (the in-memory chain would no longer match what is stored); reopen to continue.
 */
import { mkdir } from 'node:fs/promises';
import type { AuditSink } from './sink.ts';
import { FileSink, type FileSinkOptions } from './file-sink.ts';
import { GENESIS_HASH, seal, type AuditEntry, type SealedRecord } from './record.ts';
import { signCheckpoint, type Checkpoint } from './checkpoint.ts';
import { loadSigningKey, type SigningKey } from './keys.ts';
import { MerkleFrontier } from './merkle.ts';

export interface AuditLogOptions {
  /** Write a signed checkpoint after every this many records (and on close). Default 1000. */
  checkpointEvery?: number;
  /**
   * Also checkpoint when records have waited this long without one (ms; 0 turns it off), so a
   * quiet log does not leave its tail unsigned for hours. Default 60000.
   */
  checkpointIntervalMs?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

export interface AppendReceipt {
  seq: number;
  hash: string;
}

interface Waiter {
  sealed: SealedRecord;
  resolve: (receipt: AppendReceipt) => void;
  reject: (err: Error) => void;
}

const kDefaultCheckpointEvery = 1000;

export class AuditLog {
  readonly #sink: AuditSink;
  readonly #key: SigningKey;
  readonly #checkpointEvery: number;
  readonly #now: () => Date;
  readonly #frontier = new MerkleFrontier();
  #lastHash = GENESIS_HASH;
  #nextSeq = 1;
  #lastCheckpointCount = 0;
  /** Checkpoints computed at seal time, written once the records they cover are durable. */
  #dueCheckpoints: Checkpoint[] = [];
  #batch: Waiter[] = [];
  #flushing: Promise<void> | null = null;
  #failure: Error | null = null;
  #closed = false;
  #durableCount = 0;
  /** Notes from opening the sink (e.g. a torn unacknowledged line that was cut off). */
  readonly openNotes: string[] = [];

  private constructor(sink: AuditSink, key: SigningKey, options: AuditLogOptions) {
    this.#sink = sink;
    this.#key = key;
    const every = options.checkpointEvery ?? kDefaultCheckpointEvery;
    if (!Number.isInteger(every) || every < 1) throw new RangeError(`checkpointEvery must be a positive integer, got ${every}`);
    this.#checkpointEvery = every;
    this.#now = options.now ?? (() => new Date());
    const interval = options.checkpointIntervalMs ?? 60_000;
    if (!Number.isInteger(interval) || interval < 0) throw new RangeError(`checkpointIntervalMs must be a non-negative integer, got ${interval}`);
    if (interval > 0) {
      this.#timer = setInterval(() => this.#checkpointIfBehind(), interval);
      this.#timer.unref(); // a pending checkpoint must not keep a CLI process alive
    }
  }

  #timer: NodeJS.Timeout | undefined;

  #checkpointIfBehind(): void {
    if (this.#closed || this.#failure !== null || this.count <= this.#lastCheckpointCount) return;
    this.#dueCheckpoints.push(this.#checkpointNow());
    this.#scheduleFlush();
  }

  /** Opens a log on any sink, continuing the chain that is already stored there. */
  static async open(sink: AuditSink, key: SigningKey, options: AuditLogOptions = {}): Promise<AuditLog> {
    const log = new AuditLog(sink, key, options);
    const state = await sink.open();
    for (const hash of state.recordHashes) log.#frontier.add(hash);
    log.openNotes.push(...state.notes);
    if (state.lastRecord !== null) {
      log.#lastHash = state.lastRecord.hash;
      log.#nextSeq = state.lastRecord.seq + 1;
    }
    log.#durableCount = log.#nextSeq - 1;
    log.#lastCheckpointCount = state.lastCheckpoint?.count ?? 0;
    return log;
  }

  get keyId(): string {
    return this.#key.keyId;
  }

  /** Records sealed so far (acknowledged or waiting for their batch). */
  get count(): number {
    return this.#nextSeq - 1;
  }

  /** Records durably stored. */
  get durableCount(): number {
    return this.#durableCount;
  }

  /** Why the log stopped accepting records (a failed write), or null while healthy. */
  get failure(): Error | null {
    return this.#failure;
  }

  /** Records sealed but not yet durable. */
  get pendingCount(): number {
    return this.count - this.#durableCount;
  }

  /** Seals `entry` into the chain; resolves with its seq once it is durable. */
  append(entry: AuditEntry): Promise<AppendReceipt> {
    if (this.#failure !== null) return Promise.reject(new Error(`audit log failed earlier and accepts no more records: ${this.#failure.message}`));
    if (this.#closed) return Promise.reject(new Error('audit log is closed'));
    let sealed: SealedRecord;
    try {
      sealed = seal(entry, this.#nextSeq, this.#lastHash, this.#now());
    } catch (err) {
      return Promise.reject(err as Error);
    }
    const record = sealed.record;
    this.#nextSeq++;
    this.#lastHash = record.hash;
    this.#frontier.add(record.hash);
    if (record.seq - this.#lastCheckpointCount >= this.#checkpointEvery) this.#dueCheckpoints.push(this.#checkpointNow());
    return new Promise<AppendReceipt>((resolve, reject) => {
      this.#batch.push({ sealed, resolve, reject });
      this.#scheduleFlush();
    });
  }

  #checkpointNow(): Checkpoint {
    const cp = signCheckpoint({ count: this.count, root: this.#frontier.root(), lastHash: this.#lastHash, time: this.#now() }, this.#key);
    this.#lastCheckpointCount = cp.count;
    return cp;
  }

  #scheduleFlush(): void {
    if (this.#flushing !== null) return;
    // setImmediate lets appends issued in the same turn (a batch request) join one fsync.
    this.#flushing = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.#flushLoop());
  }

  async #flushLoop(): Promise<void> {
    try {
      while (this.#batch.length > 0 || this.#dueCheckpoints.length > 0) {
        const batch = this.#batch;
        const checkpoints = this.#dueCheckpoints;
        this.#batch = [];
        this.#dueCheckpoints = [];
        try {
          if (this.#failure !== null) throw this.#failure;
          if (batch.length > 0) await this.#sink.appendRecords(batch.map((w) => w.sealed));
          this.#durableCount += batch.length;
          for (const w of batch) w.resolve({ seq: w.sealed.record.seq, hash: w.sealed.record.hash });
          for (const cp of checkpoints) await this.#sink.appendCheckpoint(cp);
        } catch (err) {
          this.#failure ??= err as Error;
          const failure = new Error(`audit write failed: ${(err as Error).message}`);
          for (const w of batch) w.reject(failure);
        }
      }
    } finally {
      this.#flushing = null;
    }
  }

  /** Waits until every record appended so far is durable. */
  async flush(): Promise<void> {
    while (this.#flushing !== null) await this.#flushing;
  }

  /** Drains pending records, writes a final checkpoint if records came after the last one, closes the sink. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#timer);
    await this.flush();
    if (this.#failure === null && this.count > this.#lastCheckpointCount) {
      await this.#sink.appendCheckpoint(this.#checkpointNow());
    }
    await this.#sink.close();
    if (this.#failure !== null) throw new Error(`audit log closed after a failed write: ${this.#failure.message}`);
  }
}

export interface OpenAuditLogOptions extends AuditLogOptions, FileSinkOptions {
  /** Audit directory (created if missing). */
  dir: string;
  /** PKCS#8 PEM file with the Ed25519 checkpoint key; else TOLLGATE_AUDIT_KEY, else generated in `dir`. */
  keyPath?: string;
  env?: NodeJS.ProcessEnv;
  /** Use another sink instead of segment files in `dir` (the key still lives in/records to `dir`). */
  sink?: AuditSink;
}

/**
 * The one-liner for CLI commands and the server.
 * @example
 *   const audit = await openAuditLog({ dir: flags['audit-dir'] });
 *   await audit.append(auditRecordFromScan(input, result, { engineVersion }));
 *   await audit.close(); // final signed checkpoint
 */
export async function openAuditLog(options: OpenAuditLogOptions): Promise<AuditLog> {
  const sink = options.sink ?? new FileSink(options.dir, options);
  await mkdir(options.dir, { recursive: true });
  const key = await loadSigningKey(options.dir, { keyPath: options.keyPath, env: options.env });
  return AuditLog.open(sink, key, options);
}
