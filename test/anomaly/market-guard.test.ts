import { describe, expect, it } from 'vitest';
import { createMarketGuard, type MarketGuard } from '../../src/anomaly/market-guard.ts';
import { rng, fakeClock, passportFor, testGuard, order, codes } from './helpers.ts';

const SEC = 1000;

/** A thin symbol (about 150 shares a tick) drifting quietly around `price`. */
function warmThin(m: MarketGuard, clock: { now: () => number; advance: (ms: number) => void }, symbol: string, price: number, ticks = 200): number {
  const r = rng(11);
  let p = price;
  for (let i = 0; i < ticks; i++) {
    clock.advance(SEC);
    p *= 1 + (r.uniform() - 0.5) * 0.002;
    const o = m.observeMarket({ source: 'feedA', symbol, ts: clock.now(), price: p, volume: 100 + Math.floor(r.uniform() * 100) });
    expect(o.flagged).toBe(false);
  }
  return p;
}

describe('market-data guard', () => {
  it('fake breakout in a thin market: the action guard refuses the poisoned reference price', async () => {
    const clock = fakeClock();
    const market = createMarketGuard({ now: clock.now });
    const guard = testGuard(clock, { referencePriceCheck: market.referencePriceCheck });
    const passport = passportFor(clock);
    const fair = warmThin(market, clock, 'AAPL', 100);
    // before the attack the fair price serves as a reference and an in-collar order passes
    expect(market.isReferenceTrusted('AAPL', fair)).toEqual({ trusted: true });
    expect((await guard.authorize(order({ price: fair }), { passport, referencePrice: fair })).verdict).toBe('allow');

    // the attacker prints +9% on a 40x volume spike
    clock.advance(SEC);
    const poisoned = fair * 1.09;
    const obs = market.observeMarket({ source: 'feedA', symbol: 'AAPL', ts: clock.now(), price: poisoned, volume: 6000 });
    expect(obs.flagged).toBe(true);
    expect(obs.priceTrusted).toBe(false);
    expect(obs.findings.map((f) => f.id)).toEqual(['market.fake_breakout', 'market.price_jump', 'market.volume_spike']);
    expect(obs.findings[0]!.value).toBeGreaterThan(6);

    // an agent chasing the breakout: with the poisoned reference its limit would look in-collar
    const d = await guard.authorize(order({ price: poisoned }), { passport, referencePrice: poisoned });
    expect(d.verdict).not.toBe('allow');
    expect(codes(d)).toContain('reference.untrusted');
    expect(d.reasons.find((x) => x.code === 'reference.untrusted')!.message).toMatch(/fake|breakout|quarantined/);
    // even the fair price is not vouched for while the symbol is quarantined
    expect(market.isReferenceTrusted('AAPL', fair).trusted).toBe(false);
  });

  it('a liquid symbol with the same jump is a price jump, not a fake breakout', () => {
    const clock = fakeClock();
    const market = createMarketGuard({ now: clock.now });
    const r = rng(12);
    let p = 50;
    for (let i = 0; i < 200; i++) {
      clock.advance(SEC);
      p *= 1 + (r.uniform() - 0.5) * 0.002;
      market.observeMarket({ source: 'feedA', symbol: 'MSFT', ts: clock.now(), price: p, volume: 50_000 + Math.floor(r.uniform() * 20_000) });
    }
    clock.advance(SEC);
    const o = market.observeMarket({ source: 'feedA', symbol: 'MSFT', ts: clock.now(), price: p * 1.09, volume: 2_000_000 });
    const ids = o.findings.map((f) => f.id);
    expect(ids).toContain('market.price_jump');
    expect(ids).not.toContain('market.fake_breakout');
  });

  it('flags divergence between sources beyond the tolerance', () => {
    const clock = fakeClock();
    const market = createMarketGuard({ now: clock.now, divergenceTolerance: 0.005 });
    market.observeMarket({ source: 'A', symbol: 'X', ts: clock.now(), price: 100 });
    clock.advance(100);
    expect(market.observeMarket({ source: 'B', symbol: 'X', ts: clock.now(), price: 100.3 }).flagged).toBe(false);
    clock.advance(100);
    const o = market.observeMarket({ source: 'B', symbol: 'X', ts: clock.now(), price: 101.5 });
    expect(o.findings.map((f) => f.id)).toEqual(['market.source_divergence']);
    expect(o.findings[0]!.value).toBeCloseTo(1.5 / 100.75, 6);
    expect(market.isReferenceTrusted('X', 100).trusted).toBe(false);
  });

  it('flags out-of-order and duplicate ticks without learning from them, and stale feeds at check time', () => {
    const clock = fakeClock();
    const market = createMarketGuard({ now: clock.now, staleAfterMs: 5000 });
    const t = clock.now();
    market.observeMarket({ source: 'A', symbol: 'Y', ts: t, price: 10 });
    market.observeMarket({ source: 'A', symbol: 'Y', ts: new Date(t + 1000).toISOString(), price: 10.01 });
    expect(market.observeMarket({ source: 'A', symbol: 'Y', ts: t + 500, price: 10 }).findings.map((f) => f.id)).toEqual(['market.out_of_order']);
    expect(market.observeMarket({ source: 'A', symbol: 'Y', ts: t + 1000, price: 10 }).findings.map((f) => f.id)).toEqual(['market.duplicate']);
    clock.set(t + 1000);
    expect(market.isReferenceTrusted('Y', 10.01)).toEqual({ trusted: true });
    clock.set(t + 20_000);
    const stale = market.isReferenceTrusted('Y', 10.01);
    expect(stale.trusted).toBe(false);
    expect(stale.reason).toMatch(/stale/);
    const gap = market.observeMarket({ source: 'A', symbol: 'Y', ts: t + 20_000, price: 10.01 });
    expect(gap.findings.map((f) => f.id)).toEqual(['market.feed_gap']);
    expect(gap.flagged).toBe(false);
  });

  it('refuses a reference far from the last trusted print and names bad ticks', () => {
    const clock = fakeClock();
    const market = createMarketGuard({ now: clock.now, maxReferenceDeviation: 0.05 });
    market.observeMarket({ source: 'A', symbol: 'Z', ts: clock.now(), price: 20 });
    expect(market.isReferenceTrusted('Z', 20.5).trusted).toBe(true);
    expect(market.isReferenceTrusted('Z', 23).reason).toMatch(/15\.00% from the last trusted Z print 20/);
    expect(() => market.observeMarket({ source: 'A', symbol: 'Z', ts: clock.now(), price: -1 })).toThrow(/tick\.price must be a positive number, got -1/);
    expect(() => market.observeMarket({ source: 'A', symbol: 'Z', ts: 'yesterday', price: 1 })).toThrow(/tick\.ts is not an ISO-8601 time/);
  });
});

describe('engine.observeMarket', () => {
  it('delegates to one market guard per engine', async () => {
    const { createEngine } = await import('../../src/engine.ts');
    const clock = fakeClock();
    const engine = await createEngine({ inline: true, market: { now: clock.now, divergenceTolerance: 0.01 } });
    try {
      expect(engine.observeMarket({ source: 'A', symbol: 'Q', ts: clock.now(), price: 10 }).flagged).toBe(false);
      const o = engine.observeMarket({ source: 'B', symbol: 'Q', ts: clock.now() + 10, price: 10.5 });
      expect(o.findings.map((f) => f.id)).toEqual(['market.source_divergence']);
      expect(engine.market.referencePriceCheck('Q', 10).trusted).toBe(false);
    } finally {
      await engine.close();
    }
  });
});
