import { describe, expect, it } from 'vitest';
import { baseSpec, codes, fakeClock, order, passportFor, testGuard } from './helpers.ts';

describe('scope', () => {
  it('refuses tools, accounts, symbols and venues outside the passport, each with its own code', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const passport = passportFor(clock);
    const ctx = { passport, referencePrice: 100 };
    expect(codes(await guard.authorize({ tool: 'delete_account', args: {} }, ctx))).toEqual(['scope.tool']);
    expect(codes(await guard.authorize(order({ account: 'ACC9' }), ctx))).toEqual(['scope.account']);
    expect(codes(await guard.authorize(order({ symbol: 'TSLA' }), ctx))).toEqual(['scope.symbol']);
    expect(codes(await guard.authorize(order({ venue: 'XLON' }), ctx))).toEqual(['scope.venue']);
    expect((await guard.authorize(order({ venue: 'XNAS' }), ctx)).verdict).toBe('allow');
    // A tool in scope with no trading semantics passes scope, kill, decay and taint only.
    expect((await guard.authorize({ tool: 'search_web', args: { q: 'x' } }, ctx)).verdict).toBe('allow');
  });

  it('a missing limit refuses the action it governs, it never means unlimited', async () => {
    const clock = fakeClock();
    const limits = { ...baseSpec().limits };
    delete limits.max_position;
    delete limits.max_withdrawal;
    const passport = passportFor(clock, { limits });
    const guard = testGuard(clock);
    const d = await guard.authorize(order({ qty: 1 }), { passport, referencePrice: 100 });
    expect(d.verdict).toBe('deny');
    expect(d.reasons).toEqual([expect.objectContaining({ code: 'limit.missing', limit: 'max_position', owasp: 'LLM06' })]);
    const w = await guard.authorize({ tool: 'withdraw', args: { asset: 'USD', amount: 1, address: 'bc1-known' } }, { passport });
    expect(w.reasons).toEqual([expect.objectContaining({ code: 'limit.missing', limit: 'max_withdrawal' })]);
  });

  it('refuses unreadable order args with action.invalid naming the field', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const d = await guard.authorize(order({ side: 'long' }), { passport: passportFor(clock), referencePrice: 100 });
    expect(codes(d)).toEqual(['action.invalid']);
    expect(d.reasons[0]!.message).toMatch(/place_order\.args\.side must be "buy" or "sell", got "long"/);
  });
});

describe('pre-trade controls', () => {
  it('price collar: refuses a limit price beyond tolerance, monitors when no reference is given', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const passport = passportFor(clock);
    const d = await guard.authorize(order({ price: 106 }), { passport, referencePrice: 100 });
    expect(d.reasons).toEqual([expect.objectContaining({ code: 'collar.price_outside', limit: 5, observed: 6 })]);
    expect((await guard.authorize(order({ price: 104.9 }), { passport, referencePrice: 100 })).verdict).toBe('allow');
    const unchecked = await guard.authorize(order({ price: 50, qty: 3 }), { passport });
    expect(unchecked.verdict).toBe('monitor');
    expect(codes(unchecked)).toEqual(['collar.unchecked']);
  });

  it('market orders need a reference price to bound notional', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const passport = passportFor(clock);
    const market = { tool: 'place_order', args: { account: 'ACC1', symbol: 'AAPL', side: 'buy', qty: 10, type: 'market' } };
    expect(codes(await guard.authorize(market, { passport }))).toEqual(['price.unknown']);
    expect((await guard.authorize(market, { passport, referencePrice: 100 })).verdict).toBe('allow');
  });

  it('refuses an untrusted reference price from the market-data guard rather than trusting it', async () => {
    const clock = fakeClock();
    const seen: [string, number][] = [];
    const guard = testGuard(clock, {
      referencePriceCheck: (symbol, price) => {
        seen.push([symbol, price]);
        return price > 150 ? { trusted: false, reason: 'spike 3.2 sigma above EWMA' } : { trusted: true };
      },
    });
    const passport = passportFor(clock);
    // A poisoned reference of 190 would make a 190 limit price look in-collar.
    const d = await guard.authorize(order({ price: 190 }), { passport, referencePrice: 190 });
    expect(d.verdict).toBe('challenge');
    expect(d.reasons).toEqual([expect.objectContaining({ code: 'reference.untrusted' })]);
    expect(d.reasons[0]!.message).toMatch(/spike 3\.2 sigma/);
    // A market order cannot be bounded at all without a trusted price.
    const m = await guard.authorize({ tool: 'place_order', args: { account: 'ACC1', symbol: 'AAPL', side: 'buy', qty: 1, type: 'market' } }, { passport, referencePrice: 190 });
    expect(m.verdict).toBe('deny');
    expect(codes(m)).toEqual(['price.unknown', 'reference.untrusted']);
    expect(seen).toContainEqual(['AAPL', 190]);
    expect((await guard.authorize(order({ price: 100 }), { passport, referencePrice: 100 })).verdict).toBe('allow');
  });

  it('order size and notional: deny by default, restrict to the largest safe quantity when allowed', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const passport = passportFor(clock);
    const big = order({ qty: 150, price: 100 });
    const denied = await guard.authorize(big, { passport, referencePrice: 100 });
    expect(denied.verdict).toBe('deny');
    expect(denied.reasons).toEqual([expect.objectContaining({ code: 'limit.order_qty', limit: 100, observed: 150 })]);
    const restricted = await guard.authorize(big, { passport, referencePrice: 100, allowRestrict: true });
    expect(restricted.verdict).toBe('restrict');
    expect(restricted.modifiedAction).toEqual({ tool: 'place_order', args: { ...big.args, qty: 100 } });
    // Notional 20,000 at 250 caps the quantity at 80.
    const pricey = await guard.authorize({ ...order({ qty: 100, price: 250 }), allow_restrict: true }, { passport, referencePrice: 250 });
    expect(pricey.verdict).toBe('restrict');
    expect(pricey.modifiedAction?.args?.qty).toBe(80);
    expect(pricey.reasons).toEqual([expect.objectContaining({ code: 'limit.order_notional', limit: 20_000, observed: 25_000 })]);
  });

  it('max position counts working orders on the same side, and cancels free the room', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const passport = passportFor(clock);
    for (const [i, qty] of [100, 100, 90].entries()) {
      clock.advance(1_000);
      const d = await guard.authorize(order({ qty, client_order_id: `o${i}` }), { passport, referencePrice: 100 });
      expect(d.verdict).toBe('allow');
    }
    clock.advance(1_000);
    const over = await guard.authorize(order({ qty: 20 }), { passport, referencePrice: 100 });
    expect(over.reasons).toEqual([expect.objectContaining({ code: 'limit.position', limit: 300, observed: 310 })]);
    expect(over.remaining.position).toBe(10);
    const partial = await guard.authorize(order({ qty: 20 }), { passport, referencePrice: 100, allowRestrict: true });
    expect(partial.modifiedAction?.args?.qty).toBe(10);
    // Selling is measured against the short side, so it is not blocked by the long exposure.
    expect((await guard.authorize(order({ side: 'sell', qty: 50, client_order_id: 's1' }), { passport, referencePrice: 100 })).verdict).toBe('allow');
    clock.advance(1_000);
    expect((await guard.authorize({ tool: 'cancel_order', args: { order_id: 'o0' } }, { passport })).verdict).toBe('allow');
    expect((await guard.authorize(order({ qty: 95 }), { passport, referencePrice: 100 })).verdict).toBe('allow');
  });

  it('modify_order is re-checked against the limits without double-counting the old order', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const passport = passportFor(clock);
    await guard.authorize(order({ qty: 100, client_order_id: 'a' }), { passport, referencePrice: 100 });
    await guard.authorize(order({ qty: 100, price: 101, client_order_id: 'b' }), { passport, referencePrice: 100 });
    clock.advance(1_000);
    expect((await guard.authorize({ tool: 'modify_order', args: { order_id: 'a', qty: 100, price: 99 } }, { passport, referencePrice: 100 })).verdict).toBe('allow');
    const tooFar = await guard.authorize({ tool: 'modify_order', args: { order_id: 'a', price: 120 } }, { passport, referencePrice: 100 });
    expect(codes(tooFar)).toEqual(['collar.price_outside']);
    expect(codes(await guard.authorize({ tool: 'modify_order', args: { order_id: 'zzz', qty: 1 } }, { passport, referencePrice: 100 }))).toEqual(['order.unknown']);
    expect(guard.openOrders({ tenant: 'acme' }).find((o) => o.order_id === 'a')?.price).toBe(99);
  });

  it('throttles orders per second and refuses duplicates inside the window', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const passport = passportFor(clock);
    const first = await guard.authorize(order({ qty: 7 }), { passport, referencePrice: 100 });
    expect(first.verdict).toBe('allow');
    clock.advance(10);
    expect(codes(await guard.authorize(order({ qty: 7 }), { passport, referencePrice: 100 }))).toEqual(['order.duplicate']);
    clock.advance(1_000);
    expect((await guard.authorize(order({ qty: 7 }), { passport, referencePrice: 100 })).verdict).toBe('allow');
    for (let i = 0; i < 4; i++) expect((await guard.authorize(order({ qty: 20 + i }), { passport, referencePrice: 100 })).verdict).toBe('allow');
    const throttled = await guard.authorize(order({ qty: 30 }), { passport, referencePrice: 100 });
    expect(throttled.reasons).toEqual([expect.objectContaining({ code: 'throttle.orders_per_second', owasp: 'LLM10', limit: 5 })]);
  });

  it('daily loss limit stops new orders once realized plus marked losses reach it', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const passport = passportFor(clock);
    await guard.authorize(order({ qty: 100, price: 100, client_order_id: 'buy' }), { passport, referencePrice: 100 });
    await guard.recordFill({ tenant: 'acme', orderId: 'buy', qty: 100, price: 100 });
    clock.advance(2_000);
    // Marked at 95 the long 100 has lost 500: still under the 1,000 limit.
    const ok = await guard.authorize(order({ side: 'sell', qty: 100, price: 95, client_order_id: 'sell' }), { passport, referencePrice: 95 });
    expect(ok.verdict).toBe('allow');
    expect(ok.remaining.daily_loss).toBe(500);
    await guard.recordFill({ tenant: 'acme', orderId: 'sell', qty: 100, price: 89 });
    clock.advance(2_000);
    const d = await guard.authorize(order({ qty: 1, price: 90 }), { passport, referencePrice: 90 });
    expect(d.reasons).toEqual([expect.objectContaining({ code: 'loss.daily_limit', limit: 1_000, observed: 1_100 })]);
    // Flat now: a sell would open a short, so it is refused too.
    expect(codes(await guard.authorize(order({ side: 'sell', qty: 1, price: 90, client_order_id: 'short' }), { passport, referencePrice: 90 }))).toEqual(['loss.daily_limit']);
    // The next UTC day starts fresh.
    clock.advance(24 * 3600_000);
    const nextDay = passportFor(clock);
    expect((await guard.authorize(order({ qty: 1, price: 90 }), { passport: nextDay, referencePrice: 90 })).verdict).toBe('allow');
  });

  it('past the daily loss limit only position-reducing orders pass (flagged)', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const passport = passportFor(clock);
    await guard.authorize(order({ qty: 100, price: 100, client_order_id: 'b' }), { passport, referencePrice: 100 });
    await guard.recordFill({ tenant: 'acme', orderId: 'b', qty: 100, price: 100 });
    clock.advance(2_000);
    await guard.authorize(order({ side: 'sell', qty: 50, price: 97, client_order_id: 's' }), { passport, referencePrice: 97 });
    await guard.recordFill({ tenant: 'acme', orderId: 's', qty: 50, price: 75 }); // a bad fill: -1,250 realized
    clock.advance(2_000);
    expect(codes(await guard.authorize(order({ qty: 1, price: 100 }), { passport, referencePrice: 100 }))).toEqual(['loss.daily_limit']);
    const flatten = await guard.authorize(order({ side: 'sell', qty: 50, price: 100, client_order_id: 'f' }), { passport, referencePrice: 100 });
    expect(flatten.verdict).toBe('monitor');
    expect(codes(flatten)).toEqual(['loss.reduce_only']);
    clock.advance(2_000);
    // With that sell working, one more sell would go short: refused.
    expect(codes(await guard.authorize(order({ side: 'sell', qty: 1, price: 100, client_order_id: 'g' }), { passport, referencePrice: 100 }))).toEqual(['loss.daily_limit']);
  });

  it('withdrawals: known address allowed, new address challenged, amount over limit refused or restricted', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const passport = passportFor(clock);
    const w = (amount: number, address: string) => ({ tool: 'withdraw', args: { asset: 'USDC', amount, address } });
    expect((await guard.authorize(w(100, 'bc1-known'), { passport })).verdict).toBe('allow');
    const fresh = await guard.authorize(w(100, 'bc1-attacker'), { passport });
    expect(fresh.verdict).toBe('challenge');
    expect(codes(fresh)).toEqual(['withdraw.address_new']);
    expect(codes(await guard.authorize(w(50_000, 'bc1-known'), { passport }))).toEqual(['limit.withdraw_amount']);
    const r = await guard.authorize(w(50_000, 'bc1-known'), { passport, allowRestrict: true });
    expect(r.verdict).toBe('restrict');
    expect(r.modifiedAction?.args?.amount).toBe(10_000);
    const t = await guard.authorize({ tool: 'transfer', args: { asset: 'USD', amount: 10, to_account: 'EXT-9' } }, { passport });
    expect(codes(t)).toEqual(['transfer.destination_unknown']);
  });
});
