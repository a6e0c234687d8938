import { describe, expect, it } from 'vitest';
import { createBehaviourMonitor, tripToGuard, type TripEvent } from '../../src/anomaly/behaviour-monitor.ts';
import { rng, MINUTE, fakeClock, passportFor, testGuard, order, codes } from './helpers.ts';

/** 30 minutes of an ordinary agent: 4-6 orders a minute over two symbols. */
function normalHistory(m: ReturnType<typeof createBehaviourMonitor>, agent: string, start: number, minutes = 30): void {
  const r = rng(21);
  for (let min = 0; min < minutes; min++) {
    const n = 4 + Math.floor(r.uniform() * 3);
    for (let k = 0; k < n; k++) {
      const o = m.observeOrder({ agent, ts: start + min * MINUTE + k * 9000, symbol: k % 2 ? 'AAPL' : 'MSFT', notional: 1000 + r.uniform() * 500 });
      expect(o.trip).toBeUndefined();
    }
  }
}

describe('behaviour monitor', () => {
  it('a runaway order loop trips the guard kill switch for that agent', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const trips: TripEvent[] = [];
    const m = createBehaviourMonitor({ onTrip: (e) => trips.push(e) });
    m.onTrip(tripToGuard(guard));
    const start = clock.now() - 60 * MINUTE;
    normalHistory(m, 'acme/bot-1', start);
    expect(trips).toEqual([]);
    // then 6-7 orders a second
    const burstStart = start + 30 * MINUTE;
    let tripAt = -1;
    for (let i = 0; i < 300 && tripAt < 0; i++) {
      if (m.observeOrder({ agent: 'acme/bot-1', ts: burstStart + i * 150, symbol: 'AAPL', notional: 1200 }).trip) tripAt = i;
    }
    expect(tripAt).toBeGreaterThanOrEqual(4);
    expect(tripAt).toBeLessThan(60);
    expect(trips).toHaveLength(1);
    expect(trips[0]).toMatchObject({ kind: 'agent', target: 'acme/bot-1', action: 'kill' });
    expect(trips[0]!.reason).toMatch(/order rate surged/);
    await new Promise((r) => setTimeout(r, 10));
    const d = await guard.authorize(order({}), { passport: passportFor(clock), referencePrice: 100 });
    expect(d.verdict).toBe('deny');
    expect(codes(d)).toEqual(['kill.active']);
    // tripping is not repeated while the agent stays tripped
    m.observeOrder({ agent: 'acme/bot-1', ts: burstStart + 400 * 150, symbol: 'AAPL', notional: 1200 });
    expect(trips).toHaveLength(1);
  });

  it('sustained drift into many symbols with large notional trips at window close; one odd window does not', () => {
    const trips: TripEvent[] = [];
    const m = createBehaviourMonitor({ onTrip: (e) => trips.push(e), sustainWindows: 2, action: 'challenge' });
    const start = Date.UTC(2026, 0, 5, 9, 0);
    normalHistory(m, 'bot-2', start);
    // one odd minute (12 symbols), then back to normal: no trip
    let t = start + 30 * MINUTE;
    for (let k = 0; k < 5; k++) m.observeOrder({ agent: 'bot-2', ts: t + k * 9000, symbol: `S${k * 3}`, notional: 1200 });
    for (let k = 0; k < 5; k++) m.observeOrder({ agent: 'bot-2', ts: t + MINUTE + k * 9000, symbol: k % 2 ? 'AAPL' : 'MSFT', notional: 1200 });
    t += 2 * MINUTE;
    m.flush(t);
    expect(trips).toEqual([]);
    // two minutes in a row, each with 5 orders in 5 new symbols at 30x notional: trips when the second window closes
    for (let w = 0; w < 2; w++) for (let k = 0; k < 5; k++) m.observeOrder({ agent: 'bot-2', ts: t + w * MINUTE + k * 9000, symbol: `Z${w}${k}`, notional: 40_000 });
    m.flush(t + MINUTE);
    expect(trips).toEqual([]);
    m.flush(t + 2 * MINUTE);
    expect(trips).toHaveLength(1);
    expect(trips[0]!.action).toBe('challenge');
    expect(trips[0]!.metrics.map((x) => x.metric)).toContain('notional');
    expect(trips[0]!.reason).toMatch(/2 windows in a row above own baseline/);
    expect(m.isPaused('bot-2')).toBe(true);
    m.resume('bot-2');
    expect(m.isPaused('bot-2')).toBe(false);
  });

  it('model monitor: a sustained fall in hit rate trips (and kills the agents on that model); noise does not', async () => {
    const r = rng(22);
    const trips: TripEvent[] = [];
    const killed: string[] = [];
    const m = createBehaviourMonitor({ onTrip: (e) => trips.push(e) });
    m.onTrip(tripToGuard({ kill: async (_scope, target) => { killed.push(target); } }, { agentsForModel: (model) => (model === 'alpha-7' ? ['acme/bot-1', 'acme/bot-2'] : []) }));
    const t0 = Date.UTC(2026, 0, 5);
    for (let i = 0; i < 200; i++) m.observeModel({ model: 'alpha-7', ts: t0 + i * MINUTE, value: 0.55 + r.normal() * 0.01 });
    expect(trips).toEqual([]);
    // a rise is not a degradation for a hit rate
    for (let i = 200; i < 210; i++) m.observeModel({ model: 'alpha-7', ts: t0 + i * MINUTE, value: 0.6 + r.normal() * 0.01 });
    expect(trips).toEqual([]);
    let at = -1;
    for (let i = 210; i < 260 && at < 0; i++) {
      if (m.observeModel({ model: 'alpha-7', ts: t0 + i * MINUTE, value: 0.52 + r.normal() * 0.01 }).trip) at = i;
    }
    expect(at).toBeGreaterThanOrEqual(210);
    expect(at).toBeLessThan(225);
    expect(trips[0]).toMatchObject({ kind: 'model', target: 'alpha-7' });
    await Promise.resolve();
    expect(killed).toEqual(['acme/bot-1', 'acme/bot-2']);
  });

  it('names bad events', () => {
    const m = createBehaviourMonitor();
    expect(() => m.observeOrder({ agent: '', ts: 1, symbol: 'A' })).toThrow(/order\.agent must be a non-empty string/);
    expect(() => m.observeOrder({ agent: 'a', ts: 1, symbol: 'A', notional: -5 })).toThrow(/order\.notional must be a non-negative number, got -5/);
    expect(() => m.observeModel({ model: 'm', ts: 1, value: Number.NaN })).toThrow(/finite number/);
    expect(() => createBehaviourMonitor({ windowMs: 0 })).toThrow(/options\.windowMs must be a positive number, got 0/);
  });
});
