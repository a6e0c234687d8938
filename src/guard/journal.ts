/**
 * Append-only write-ahead journal: one JSON record per line. Records are queued, written and
 * fdatasync'ed in groups (group commit); `append` resolves only once its record is on disk, so a
 * decision is acknowledged only after it can survive a crash.
 *
 * A kill -9 can leave at most one torn last line, which was never acknowledged; `openJournal`
 * drops it and truncates the file back to the last complete record.
 */
import { closeSync, existsSync, fdatasync, fdatasyncSync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JournalRecord } from './state.ts';

export interface JournalOptions {
  /** `fsync` (default) waits for fdatasync; `none` only writes to the OS (survives a process crash, not a power cut). */
  durability?: 'fsync' | 'none';
}

export class Journal {
  #fd: number;
  #durability: 'fsync' | 'none';
  #pending: string[] = [];
  #waiters: { resolve: () => void; reject: (err: Error) => void }[] = [];
  #scheduled = false;
  #flushing = false;
  #failed: Error | undefined;
  #closed = false;

  constructor(fd: number, options: JournalOptions) {
    this.#fd = fd;
    this.#durability = options.durability ?? 'fsync';
  }

  /** Queues records; resolves once they (and everything before them) are durable. */
  append(records: JournalRecord[]): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('journal is closed'));
    if (this.#failed) return Promise.reject(this.#failed);
    for (const r of records) this.#pending.push(JSON.stringify(r));
    return new Promise<void>((resolve, reject) => {
      this.#waiters.push({ resolve, reject });
      if (!this.#scheduled && !this.#flushing) {
        this.#scheduled = true;
        // setImmediate, not a microtask: lets every request of the current I/O burst join one fsync.
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    if (this.#flushing || this.#waiters.length === 0) return;
    this.#flushing = true;
    const data = this.#pending.length > 0 ? this.#pending.join('\n') + '\n' : '';
    const waiters = this.#waiters;
    this.#pending = [];
    this.#waiters = [];
    try {
      if (data !== '') writeAll(this.#fd, data);
    } catch (err) {
      this.#fail(err as Error, waiters);
      return;
    }
    const done = (err: Error | null): void => {
      this.#flushing = false;
      if (err) {
        this.#fail(err, waiters);
        return;
      }
      for (const w of waiters) w.resolve();
      if (this.#waiters.length > 0) this.#flush();
    };
    if (this.#durability === 'none') done(null);
    else fdatasync(this.#fd, done);
  }

  #fail(err: Error, waiters: { reject: (err: Error) => void }[]): void {
    // After a failed write the file's tail is unknown: refuse everything from now on rather than ack.
    this.#failed = new Error(`journal write failed: ${err.message}`);
    this.#flushing = false;
    for (const w of [...waiters, ...this.#waiters]) w.reject(this.#failed);
    this.#waiters = [];
    this.#pending = [];
  }

  /** Closes a journal with nothing queued (used before compaction rewrites the file). */
  closeIdle(): void {
    if (this.#waiters.length > 0 || this.#flushing) throw new Error('journal has writes in flight; use close()');
    this.#closed = true;
    closeSync(this.#fd);
  }

  /** Flushes what is queued and closes the file. */
  async close(): Promise<void> {
    if (this.#closed) return;
    if (!this.#failed) await this.append([]);
    this.#closed = true;
    try {
      fdatasyncSync(this.#fd);
    } finally {
      closeSync(this.#fd);
    }
  }
}

/**
 * Opens (creating if needed) the journal at `path`, returns its records and a Journal appending
 * after them. A torn final line is dropped; a corrupt line elsewhere is an error naming the line.
 */
export function openJournal(path: string, options: JournalOptions = {}): { journal: Journal; records: JournalRecord[] } {
  mkdirSync(dirname(path), { recursive: true });
  const created = !existsSync(path);
  const fd = openSync(path, 'a+');
  // A new file's directory entry must be durable too, or a power cut could lose the whole journal.
  if (created) fsyncDir(dirname(path));
  const size = fstatSync(fd).size;
  const buf = Buffer.alloc(size);
  let off = 0;
  while (off < size) {
    const n = readSync(fd, buf, off, size - off, off);
    if (n === 0) break;
    off += n;
  }
  const records: JournalRecord[] = [];
  let start = 0;
  let lineNo = 0;
  let goodEnd = 0;
  while (start < size) {
    const nl = buf.indexOf(0x0a, start);
    lineNo++;
    if (nl === -1) break; // torn tail: never acknowledged
    const line = buf.toString('utf8', start, nl);
    try {
      if (line.trim() !== '') records.push(JSON.parse(line) as JournalRecord);
    } catch {
      closeSync(fd);
      throw new Error(`journal ${path} line ${lineNo} is corrupt (not JSON); refusing to start on damaged state`);
    }
    start = nl + 1;
    goodEnd = start;
  }
  if (goodEnd < size) ftruncateSync(fd, goodEnd);
  return { journal: new Journal(fd, options), records };
}

function writeAll(fd: number, data: string): void {
  const buf = Buffer.from(data);
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

/**
 * Atomically replaces the journal at `path` with `records` (compaction): write a temporary file,
 * fsync it, rename it over the journal, fsync the directory. A crash at any point leaves either
 * the old journal or the new one, never a mix.
 */
export function rewriteJournal(path: string, records: JournalRecord[]): void {
  const tmp = `${path}.compact`;
  const fd = openSync(tmp, 'w');
  try {
    if (records.length > 0) writeAll(fd, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
