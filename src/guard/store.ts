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
import { join } from 'node:path';
import { Journal, openJournal, type JournalOptions } from './journal.ts';
import { GuardState, type GuardStateView, type JournalRecord } from './state.ts';

export interface GuardStore {
  readonly view: GuardStateView;
  /** Applies `records` now and resolves once they are durable. */
  commit(records: JournalRecord[]): Promise<void>;
  close(): Promise<void>;
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
export function openJournaledStore(dir: string, options: JournalOptions = {}): GuardStore & { readonly replayed: number } {
  const { journal, records } = openJournal(join(dir, JOURNAL_FILE), options);
  const state = new GuardState();
  for (const r of records) state.apply(r);
  return new JournaledStore(state, journal, records.length);
}

class JournaledStore implements GuardStore {
  readonly view: GuardStateView;
  readonly replayed: number;
  #state: GuardState;
  #journal: Journal;

  constructor(state: GuardState, journal: Journal, replayed: number) {
    this.#state = state;
    this.view = state;
    this.#journal = journal;
    this.replayed = replayed;
  }

  commit(records: JournalRecord[]): Promise<void> {
    if (records.length === 0) return kResolved;
    // Apply first so the next decision, made before this fsync lands, already counts this one;
    // its ack in turn waits for a later (or the same) fsync, so no ack ever gets ahead of disk.
    for (const r of records) this.#state.apply(r);
    return this.#journal.append(records);
  }

  close(): Promise<void> {
    return this.#journal.close();
  }
}
