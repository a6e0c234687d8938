/**
 * The shared-store contract (what a Redis store would implement), exercised with a simulated
 * remote state: two guards ("two tollgate processes") decide concurrently against one state.
 * `prepare` and `commit` each take an event-loop turn, so decisions interleave as they would
 * over a network; commit is check-and-reserve (optimistic, on a version number).
 */
import { describe, expect, it } from 'vitest';
import { GuardState, type JournalRecord } from '../../src/guard/state.ts';
import { StaleStateError, type DecisionKeys, type GuardStore } from '../../src/guard/store.ts';
import { baseSpec, fakeClock, order, passportFor, testGuard } from './helpers.ts';

class RemoteState {
  state = new GuardState();
  version = 0;
  conflicts = 0;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function sharedStore(remote: RemoteState, options: { checkAndReserve: boolean }): GuardStore {
  const readAt = new WeakMap<DecisionKeys, number>();
  return {
    view: remote.state,
    async prepare(keys) {
      await turn(); // the fetch
      readAt.set(keys, remote.version);
    },
    async commit(records: JournalRecord[], keys?: DecisionKeys) {
      await turn(); // the round trip to the script
      if (options.checkAndReserve && keys !== undefined && readAt.get(keys) !== remote.version) {
        remote.conflicts++;
        throw new StaleStateError('state changed since prepare');
      }
      for (const r of records) remote.state.apply(r);
      remote.version++;
    },
    close: async () => {},
  };
}

async function race(checkAndReserve: boolean): Promise<{ remote: RemoteState; accepted: number; longExposure: number }> {
  const clock = fakeClock();
  const remote = new RemoteState();
  const guards = [0, 1].map(() => testGuard(clock, { store: sharedStore(remote, { checkAndReserve }) }));
  const passport = passportFor(clock, { limits: { ...baseSpec().limits, max_orders_per_second: 1_000, max_messages_per_second: 2_000 }, budget: 1e9 });
  // 60 buys of 90..99, two workers per guard each with one decision in flight (4 concurrent in
  // all, like two processes with a little concurrency each): together far more than max_position 300.
  let next = 0;
  let accepted = 0;
  const worker = async (guard: (typeof guards)[number]) => {
    while (next < 60) {
      const i = next++;
      const d = await guard.authorize(order({ qty: 90 + (i % 10), price: 99 + i / 100, client_order_id: `s${i}` }), { passport, referencePrice: 100 });
      if (d.verdict === 'allow') accepted++;
    }
  };
  await Promise.all([worker(guards[0]!), worker(guards[1]!), worker(guards[0]!), worker(guards[1]!)]);
  const e = remote.state.exposure('acme', 'ACC1', 'AAPL');
  return { remote, accepted, longExposure: e.position + e.workingBuy };
}

describe('shared store (Redis contract, simulated)', () => {
  it('two guards deciding concurrently on one state never exceed max_position: stale decisions are re-made', async () => {
    const { remote, accepted, longExposure } = await race(true);
    expect(accepted).toBeGreaterThan(0);
    expect(longExposure).toBeLessThanOrEqual(300);
    expect(remote.conflicts).toBeGreaterThan(0); // the retry path was exercised
  });

  it('without check-and-reserve the same race breaks the limit (why commit must be atomic)', async () => {
    const { longExposure } = await race(false);
    expect(longExposure).toBeGreaterThan(300);
  });

  it('throttle and kill switch hold across guards sharing a state', async () => {
    const clock = fakeClock();
    const remote = new RemoteState();
    const [a, b] = [0, 1].map(() => testGuard(clock, { store: sharedStore(remote, { checkAndReserve: true }) }));
    const passport = passportFor(clock);
    const decisions = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a! : b!).authorize(order({ qty: 1 + i, client_order_id: `t${i}` }), { passport, referencePrice: 100 })));
    expect(decisions.filter((d) => d.verdict === 'allow')).toHaveLength(5); // max_orders_per_second, summed over both
    expect(remote.conflicts).toBeGreaterThan(0);
    await a!.kill('agent', 'acme/bot-1', 'operator');
    clock.advance(5_000);
    expect((await b!.authorize(order({ qty: 3, client_order_id: 'after' }), { passport, referencePrice: 100 })).reasons[0]!.code).toBe('kill.active');
  });
});
