/** Shared fixtures for the anomaly tests: deterministic random numbers, a fake clock, a guard. */
import { generateKeyPairSync } from 'node:crypto';
import { createGuard, type Guard, type GuardOptions } from '../../src/guard/guard.ts';
import { issuePassport, parseSpec } from '../../src/guard/passport.ts';
/** Deterministic random numbers for synthetic series (tests must be reproducible). */
export function rng(seed = 42): { uniform: () => number; normal: () => number } {
  let s = seed >>> 0;
  const uniform = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
  const normal = (): number => {
    // Box-Muller
    const u = uniform();
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return { uniform, normal };
}

export const T0 = Date.UTC(2026, 0, 5, 0, 0, 0); // a Monday
export const MINUTE = 60_000;
export const HOUR = 3_600_000;

/** A clock tests move by hand. */
export function fakeClock(start = Date.UTC(2026, 0, 5, 14, 30)): { now: () => number; advance: (ms: number) => void; set: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms), set: (ms) => (t = ms) };
}

const keys = generateKeyPairSync('ed25519');

/** The action guard (src/guard) with a test key; its options (referencePriceCheck, ...) pass through. */
export function testGuard(clock: { now: () => number }, options: Partial<GuardOptions> = {}): Guard {
  return createGuard({ publicKey: keys.publicKey, now: clock.now, ...options });
}

/** A passport for agent acme/bot-1 allowed to trade AAPL and MSFT within a 5% price collar. */
export function passportFor(clock: { now: () => number }): string {
  const spec = parseSpec({
    agent: 'bot-1',
    tenant: 'acme',
    scopes: { tools: ['place_order', 'cancel_order'], accounts: ['ACC1'], symbols: ['AAPL', 'MSFT'], venues: ['XNAS'] },
    limits: { max_order_qty: 100, max_order_notional: 20_000, max_position: 300, max_daily_loss: 1_000, max_orders_per_second: 5, price_tolerance_pct: 5 },
    budget: 1_000,
    ttl_s: 3_600,
  });
  return issuePassport(spec, keys.privateKey, { nowS: clock.now() / 1000 });
}

export function order(args: Record<string, unknown>): { tool: string; args: Record<string, unknown> } {
  return { tool: 'place_order', args: { account: 'ACC1', symbol: 'AAPL', side: 'buy', qty: 10, price: 100, ...args } };
}

export function codes(d: { reasons: { code: string }[] }): string[] {
  return d.reasons.map((r) => r.code);
}
