/**
 * Scenario suite: the incidents the guard exists for, end to end through the library API.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/types.ts';
import { baseSpec, codes, fakeClock, order, passportFor, testGuard } from './helpers.ts';
import { mulberry32 as prng } from '../../src/util/prng.ts';

const injection: Finding = {
  id: 'inj.override.ignore-previous',
  family: 'injection',
  owasp: 'LLM01',
  severity: 'high',
  start: 0,
  end: 31,
  evidence: 'ignore all previous instructions',
};

describe('Knight-Capital-style runaway loop', () => {
  const maxOrdersPerSecond = 5;
  const runawayBreaches = 3;

  it('is throttled, then killed within max_orders_per_second + runawayBreaches orders, and stays killed', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock, { runawayBreaches });
    const passport = passportFor(clock);
    const verdicts: string[] = [];
    let killedAt = -1;
    // A loop firing distinct child orders every 2 ms (so duplicate detection alone would not stop it).
    for (let i = 0; i < 1_000; i++) {
      const d = await guard.authorize(order({ qty: 1 + (i % 50), client_order_id: `loop-${i}` }), { passport, referencePrice: 100 });
      verdicts.push(d.verdict);
      if (killedAt === -1 && codes(d).includes('kill.tripped')) killedAt = i;
      clock.advance(2);
    }
    const allowed = verdicts.filter((v) => v === 'allow').length;
    expect(allowed).toBe(maxOrdersPerSecond);
    expect(killedAt).toBeGreaterThanOrEqual(0);
    expect(killedAt + 1).toBeLessThanOrEqual(maxOrdersPerSecond + runawayBreaches);
    // Throttled before it was killed.
    expect(verdicts.slice(maxOrdersPerSecond, killedAt + 1).every((v) => v === 'deny')).toBe(true);
    // After the trip every action is refused, including in the next seconds when the throttle would allow again.
    expect(verdicts.slice(killedAt + 1).every((v) => v === 'deny')).toBe(true);
    const later = await guard.authorize({ tool: 'search_web', args: {} }, { passport });
    expect(codes(later)).toEqual(['kill.active']);
    expect(later.reasons[0]!.message).toMatch(/5 open order\(s\) listed for cancellation/);
    expect(guard.kills()).toEqual([expect.objectContaining({ scope: 'agent', target: 'acme/bot-1' })]);
    expect(guard.openOrders({ tenant: 'acme', agent: 'bot-1' }).map((o) => o.order_id)).toEqual(['loop-0', 'loop-1', 'loop-2', 'loop-3', 'loop-4']);
    // An operator resume reopens the agent.
    await guard.resume('agent', 'acme/bot-1');
    clock.advance(1_000);
    expect((await guard.authorize(order({ qty: 3, client_order_id: 'after' }), { passport, referencePrice: 100 })).verdict).toBe('allow');
  });

  it('a loop resending one identical order is killed even sooner (duplicates count as breaches)', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock, { runawayBreaches });
    const passport = passportFor(clock);
    let allowed = 0;
    let firstKill = -1;
    for (let i = 0; i < 200; i++) {
      const d = await guard.authorize(order({ qty: 10 }), { passport, referencePrice: 100 });
      if (d.verdict === 'allow') allowed++;
      if (firstKill === -1 && codes(d).includes('kill.tripped')) firstKill = i;
      clock.advance(1);
    }
    expect(allowed).toBe(1);
    expect(firstKill + 1).toBeLessThanOrEqual(1 + runawayBreaches);
  });

  it('tenant and global kill switches refuse every agent under them', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const a = passportFor(clock);
    const b = passportFor(clock, { agent: 'bot-2' });
    const other = passportFor(clock, { tenant: 'globex' });
    await guard.kill('tenant', 'acme', 'desk halted');
    for (const passport of [a, b]) expect(codes(await guard.authorize(order({}), { passport, referencePrice: 100 }))).toEqual(['kill.active']);
    expect((await guard.authorize(order({}), { passport: other, referencePrice: 100 })).verdict).toBe('allow');
    await guard.kill('global', '*', 'market-wide halt');
    const d = await guard.authorize(order({ qty: 2 }), { passport: other, referencePrice: 100 });
    expect(codes(d)).toEqual(['kill.active']);
    expect(d.reasons[0]!.message).toMatch(/global.*market-wide halt/);
  });
});

describe('trace taint', () => {
  it('an injected tool output followed by a withdrawal to a new address is challenged, citing the finding', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const passport = passportFor(clock);
    const withdraw = (address: string) => ({ tool: 'withdraw', args: { asset: 'USDC', amount: 500, address } });
    // Before taint, the known address passes.
    expect((await guard.authorize(withdraw('bc1-known'), { passport, session: 'trace-1' })).verdict).toBe('allow');
    await guard.recordScan('trace-1', { flagged: true, findings: [injection], context: 'tool_output' });
    const d = await guard.authorize(withdraw('bc1-attacker'), { passport, session: 'trace-1' });
    expect(d.verdict).toBe('challenge');
    const taint = d.reasons.find((r) => r.code === 'taint.session');
    expect(taint).toBeDefined();
    expect(taint!.owasp).toBe('LLM01');
    expect(taint!.finding).toEqual(expect.objectContaining({ id: injection.id, context: 'tool_output' }));
    // Even the known address is challenged now: the session's intent is no longer trusted.
    expect(codes(await guard.authorize(withdraw('bc1-known'), { passport, session: 'trace-1' }))).toEqual(['taint.session']);
    // Another session is unaffected.
    expect((await guard.authorize(withdraw('bc1-known'), { passport, session: 'trace-2' })).verdict).toBe('allow');
  });

  it('escalates only high-risk actions; small orders pass, large ones are challenged', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const passport = passportFor(clock, { session: 'trace-9' });
    await guard.recordScan('trace-9', { flagged: true, findings: [injection], context: 'retrieved_doc' });
    // The session comes from the passport when the request names none.
    expect((await guard.authorize(order({ qty: 10 }), { passport, referencePrice: 100 })).verdict).toBe('allow');
    const large = await guard.authorize(order({ qty: 100, client_order_id: 'big' }), { passport, referencePrice: 100 });
    expect(large.verdict).toBe('challenge');
    expect(codes(large)).toEqual(['taint.session']);
    await guard.clearTaint('trace-9');
    clock.advance(1_000);
    expect((await guard.authorize(order({ qty: 100, client_order_id: 'big' }), { passport, referencePrice: 100 })).verdict).toBe('allow');
  });

  it('a flagged user prompt or an unflagged tool output does not taint', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const passport = passportFor(clock);
    await guard.recordScan('s', { flagged: true, findings: [injection], context: 'user_prompt' });
    await guard.recordScan('s', { flagged: false, findings: [], context: 'tool_output' });
    expect((await guard.authorize({ tool: 'withdraw', args: { asset: 'USDC', amount: 5, address: 'bc1-known' } }, { passport, session: 's' })).verdict).toBe('allow');
  });
});

describe('authority decay', () => {
  it('steps and risk spend the budget; past the threshold the verdict becomes challenge until a fresh passport', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    // Each 10 x 100 order costs 1 step + 1000/20000 = 0.05 risk.
    const passport = passportFor(clock, { budget: 10, decay: { per_step: 1, per_risk: 1, per_hour: 0 } });
    let allowed = 0;
    let last;
    for (let i = 0; i < 20; i++) {
      clock.advance(1_001); // past the duplicate window: identical orders are legitimate here
      last = await guard.authorize(order({ qty: 10, client_order_id: `d${i}` }), { passport, referencePrice: 100 });
      if (last.verdict !== 'allow') break;
      allowed++;
    }
    expect(allowed).toBe(9); // 9 x 1.05 = 9.45 spent; a 10th would leave -0.5
    expect(last!.verdict).toBe('challenge');
    expect(last!.reasons).toEqual([expect.objectContaining({ code: 'authority.decayed', limit: 0 })]);
    expect(last!.remaining.budget).toBeCloseTo(0.55, 6);
    // Cancelling is never held back by decayed authority.
    expect((await guard.authorize({ tool: 'cancel_order', args: { order_id: 'd0' } }, { passport })).verdict).toBe('allow');
    const fresh = passportFor(clock, { budget: 10, decay: { per_step: 1, per_risk: 1, per_hour: 0 } });
    expect((await guard.authorize(order({ qty: 10, client_order_id: 'new' }), { passport: fresh, referencePrice: 100 })).verdict).toBe('allow');
  });

  it('time alone decays authority', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const passport = passportFor(clock, { budget: 6, decay: { per_hour: 10 }, ttl_s: 7200 });
    expect((await guard.authorize(order({}), { passport, referencePrice: 100 })).verdict).toBe('allow');
    clock.advance(30 * 60_000); // half an hour: 5 units gone
    const d = await guard.authorize(order({ qty: 11 }), { passport, referencePrice: 100 });
    expect(codes(d)).toEqual(['authority.decayed']);
  });

  it("a child's spending also spends its parent's authority", async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const parent = passportFor(clock, { budget: 3, decay: { per_step: 1, per_risk: 0, per_hour: 0 } });
    const { issuePassport } = await import('../../src/guard/passport.ts');
    const { keys } = await import('./helpers.ts');
    const mk = () => issuePassport({ ...baseSpec(), budget: 3, decay: { per_step: 1, per_risk: 0, per_hour: 0 }, parent }, keys.privateKey, { nowS: clock.now() / 1000 });
    const [c1, c2] = [mk(), mk()];
    expect((await guard.authorize(order({ qty: 1 }), { passport: c1, referencePrice: 100 })).verdict).toBe('allow');
    expect((await guard.authorize(order({ qty: 2 }), { passport: c2, referencePrice: 100 })).verdict).toBe('allow');
    expect((await guard.authorize(order({ qty: 3 }), { passport: c1, referencePrice: 100 })).verdict).toBe('allow');
    // Parent has spent 3 of 3 through its children: a fresh sibling cannot dodge that.
    const d = await guard.authorize(order({ qty: 4 }), { passport: mk(), referencePrice: 100 });
    expect(codes(d)).toEqual(['authority.decayed']);
    expect(d.reasons[0]!.message).toMatch(/parent passport/);
  });
});


describe('property: no sequence of allowed actions exceeds a limit', () => {
  const limits = baseSpec().limits;

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i', async (seed) => {
    const rand = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const clock = fakeClock();
    const guard = testGuard(clock, { runawayBreaches: 1_000_000 });
    const passport = passportFor(clock, { budget: 1e9 });
    // Independent model, built only from what the guard allowed.
    const working = new Map<string, { account: string; symbol: string; side: 'buy' | 'sell'; qty: number; price: number }>();
    const position = new Map<string, number>();
    const acceptedTimes: number[] = [];
    const seen = { allow: 0, restrict: 0, deny: 0, other: 0 };
    const exposureOk = () => {
      for (const account of ['ACC1', 'ACC2']) {
        for (const symbol of ['AAPL', 'MSFT']) {
          const key = `${account}/${symbol}`;
          let buy = 0;
          let sell = 0;
          for (const o of working.values()) {
            if (o.account !== account || o.symbol !== symbol) continue;
            if (o.side === 'buy') buy += o.qty;
            else sell += o.qty;
          }
          const pos = position.get(key) ?? 0;
          expect(pos + buy, `long exposure ${key}`).toBeLessThanOrEqual(limits.max_position! + 1e-9);
          expect(sell - pos, `short exposure ${key}`).toBeLessThanOrEqual(limits.max_position! + 1e-9);
        }
      }
    };
    for (let step = 0; step < 400; step++) {
      clock.advance(pick([1, 20, 150, 400, 1200]));
      const ref = 100 + Math.round((rand() - 0.5) * 10);
      const roll = rand();
      if (roll < 0.6 || working.size === 0) {
        const args = { account: pick(['ACC1', 'ACC2']), symbol: pick(['AAPL', 'MSFT']), side: pick(['buy', 'sell'] as const), qty: 1 + Math.floor(rand() * 180), price: ref + pick([-6, -2, 0, 1, 3, 7]), client_order_id: `p${seed}-${step}` };
        const d = await guard.authorize({ tool: 'place_order', args }, { passport, referencePrice: ref, allowRestrict: rand() < 0.5 });
        if (d.verdict === 'allow' || d.verdict === 'restrict' || d.verdict === 'monitor') {
          const qty = (d.modifiedAction?.args?.qty as number | undefined) ?? args.qty;
          expect(qty).toBeLessThanOrEqual(limits.max_order_qty!);
          expect(qty * args.price).toBeLessThanOrEqual(limits.max_order_notional! + 1e-9);
          expect(Math.abs(args.price - ref) / ref * 100).toBeLessThanOrEqual(limits.price_tolerance_pct! + 1e-9);
          working.set(args.client_order_id, { ...args, qty });
          acceptedTimes.push(clock.now());
        }
        seen[d.verdict === 'allow' ? 'allow' : d.verdict === 'restrict' ? 'restrict' : d.verdict === 'deny' ? 'deny' : 'other']++;
      } else if (roll < 0.75) {
        const id = pick([...working.keys()]);
        const d = await guard.authorize({ tool: 'cancel_order', args: { order_id: id } }, { passport });
        expect(d.verdict).toBe('allow');
        working.delete(id);
      } else if (roll < 0.85) {
        const id = pick([...working.keys()]);
        const o = working.get(id)!;
        const qty = 1 + Math.floor(rand() * 150);
        const d = await guard.authorize({ tool: 'modify_order', args: { order_id: id, qty } }, { passport, referencePrice: ref, allowRestrict: rand() < 0.5 });
        if (d.verdict === 'allow' || d.verdict === 'restrict' || d.verdict === 'monitor') {
          o.qty = (d.modifiedAction?.args?.qty as number | undefined) ?? qty;
          expect(o.qty).toBeLessThanOrEqual(limits.max_order_qty!);
        }
      } else {
        const id = pick([...working.keys()]);
        const o = working.get(id)!;
        const qty = Math.max(1, Math.floor(o.qty * rand()));
        await guard.recordFill({ tenant: 'acme', orderId: id, qty, price: o.price });
        const key = `${o.account}/${o.symbol}`;
        position.set(key, (position.get(key) ?? 0) + (o.side === 'buy' ? qty : -qty));
        o.qty -= qty;
        if (o.qty <= 0) working.delete(id);
      }
      exposureOk();
    }
    // Throttle: never more than max_orders_per_second accepted new orders in any one-second window.
    for (let i = 0; i < acceptedTimes.length; i++) {
      let j = i;
      while (j + 1 < acceptedTimes.length && acceptedTimes[j + 1]! - acceptedTimes[i]! < 1000) j++;
      expect(j - i + 1).toBeLessThanOrEqual(limits.max_orders_per_second!);
    }
    // The run exercised every outcome, so the invariants were not checked vacuously.
    expect(seen.allow).toBeGreaterThan(10);
    expect(seen.restrict).toBeGreaterThan(0);
    expect(seen.deny).toBeGreaterThan(10);
  });
});
