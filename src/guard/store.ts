/**
 * Where guard state lives. The guard reads through `view` while deciding and hands every change
 * to `commit` as journal records; `commit` applies them at once (so the next decision sees them)
 * and resolves when they are durable. A decision is acknowledged only after that promise resolves.
 *
 * A shared store (Redis) for several tollgate processes would implement the same contract with
 * one atomic step per decision: a Lua script that re-reads the touched keys (exposure of
 * tenant/account/symbol, the agent's rate windows, the passport's spend, nonce set, kill flags),
 * re-checks the limits the decision relied on, and applies the records only if they still hold
 * (check-and-reserve); otherwise the guard re-decides. See src/guard/README.md.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Journal, openJournal, rewriteJournal, type JournalOptions } from './journal.ts';
import { GuardState, type GuardStateView, type JournalRecord } from './state.ts';
import { isProcessAlive } from '../util/process.ts';

/** What one decision reads: a shared store fetches exactly these keys in `prepare`. */
export interface DecisionKeys {
  tenant: string;
  agent: string;
  /** The passport chain, root first (spend, digests, nonces, revocations). */
  jtis: string[];
  session?: string;
  account?: string;
  symbol?: string;
  /** For modify/cancel: the order (its account/symbol are found through it). */
  orderId?: string;
}

export interface GuardStore {
  readonly view: GuardStateView;
  /**
   * Optional, for stores whose state lives elsewhere (Redis): make `view` current for `keys`
   * before the guard decides. In-process stores leave it out and stay fully synchronous.
   */
  prepare?(keys: DecisionKeys): Promise<void>;
  /**
   * Applies `records` and resolves once they are durable. A shared store applies them only if
   * what the decision read is unchanged (check-and-reserve) and otherwise rejects with
   * `StaleStateError`: the guard then prepares and decides again.
   */
  commit(records: JournalRecord[], keys?: DecisionKeys): Promise<void>;
  close(): Promise<void>;
}

/** A shared store's signal that state changed between `prepare` and `commit`; the guard retries. */
export class StaleStateError extends Error {
  override name = 'StaleStateError';
}

const kResolved = Promise.resolve();

/** State in memory only: fastest, lost on exit. */
export function createMemoryStore(): GuardStore {
  const state = new GuardState();
  return {
    view: state,
    commit(records) {
      for (const r of records) state.apply(r);
      return kResolved;
    },
    close: () => kResolved,
  };
}

export const JOURNAL_FILE = 'guard.journal';

/**
 * State in memory, every change journaled to `dir/guard.journal` first; the journal is replayed
 * on open, so a restart (or kill -9) loses nothing that was acknowledged.
 */
export interface JournaledStoreOptions extends JournalOptions {
  /** Compact on open when the journal holds more records than this. Default 100,000. */
  compactAfter?: number;
  /** Clock (ms) for deciding what history compaction may drop. */
  now?: () => number;
}

export const LOCK_FILE = 'guard.lock';

/**
 * Takes the state directory's lock: two processes appending to one journal would each decide on
 * half the picture (both would think they hold the whole position). A lock left by a dead process
 * (kill -9) is taken over; one held by this process is too, so a test can reopen a directory to
 * simulate a crash and restart.
 */
function acquireLock(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
      throw new Error(`state directory ${dir} is in use by process ${holder} (${path}); one tollgate process per state directory`);
    }
    unlinkSync(path); // stale: its owner is gone
  }
  throw new Error(`cannot take the lock ${path}`);
}


export function openJournaledStore(dir: string, options: JournaledStoreOptions = {}): GuardStore & { readonly replayed: number; readonly compacted: boolean } {
  const path = join(dir, JOURNAL_FILE);
  mkdirSync(dir, { recursive: true });
  const release = acquireLock(dir);
  let opened;
  try {
    opened = openJournal(path, options);
  } catch (err) {
    release();
    throw err;
  }
  let { journal } = opened;
  const { records } = opened;
  const state = new GuardState();
  for (const r of records) state.apply(r);
  let compacted = false;
  if (records.length > (options.compactAfter ?? 100_000)) {
    // Replay cost grows with history; rewrite the journal as a snapshot of the current state.
    journal.closeIdle();
    rewriteJournal(path, state.snapshot((options.now ?? Date.now)()));
    ({ journal } = openJournal(path, options));
    compacted = true;
  }
  return Object.assign(new JournaledStore(state, journal, records.length, release), { compacted });
}

class JournaledStore implements GuardStore {
  readonly view: GuardStateView;
  readonly replayed: number;
  #state: GuardState;
  #journal: Journal;

  #release: () => void;

  constructor(state: GuardState, journal: Journal, replayed: number, release: () => void) {
    this.#state = state;
    this.view = state;
    this.#journal = journal;
    this.replayed = replayed;
    this.#release = release;
  }

  commit(records: JournalRecord[]): Promise<void> {
    if (records.length === 0) return kResolved;
    // Apply first so the next decision, made before this fsync lands, already counts this one;
    // its ack in turn waits for a later (or the same) fsync, so no ack ever gets ahead of disk.
    for (const r of records) this.#state.apply(r);
    return this.#journal.append(records);
  }

  async close(): Promise<void> {
    try {
      await this.#journal.close();
    } finally {
      this.#release();
    }
  }
}
