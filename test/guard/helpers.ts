/** Shared fixtures for the guard tests: a key pair, passport specs, a fake clock. */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createGuard, type Guard, type GuardOptions } from '../../src/guard/guard.ts';
import { issuePassport, parseSpec } from '../../src/guard/passport.ts';
import type { PassportSpec } from '../../src/guard/types.ts';

export const keys = generateKeyPairSync('ed25519');

/** A clock tests move by hand; starts at a fixed instant so runs are reproducible. */
export function fakeClock(start = Date.UTC(2026, 0, 5, 14, 30)): { now: () => number; advance: (ms: number) => void; set: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms), set: (ms) => (t = ms) };
}

export function baseSpec(overrides: Partial<PassportSpec> = {}): PassportSpec {
  return parseSpec({
    agent: 'bot-1',
    tenant: 'acme',
    scopes: { tools: ['place_order', 'modify_order', 'cancel_order', 'withdraw', 'transfer', 'search_web'], accounts: ['ACC1', 'ACC2'], symbols: ['AAPL', 'MSFT'], venues: ['XNAS'], withdraw_addresses: ['bc1-known'] },
    limits: {
      max_order_qty: 100,
      max_order_notional: 20_000,
      max_position: 300,
      max_daily_loss: 1_000,
      max_orders_per_second: 5,
      price_tolerance_pct: 5,
      max_withdrawal: 10_000,
      max_transfer: 10_000,
    },
    budget: 1_000,
    ttl_s: 3_600,
    ...overrides,
  });
}

export function passportFor(clock: { now: () => number }, overrides: Partial<PassportSpec> = {}, privateKey: KeyObject = keys.privateKey): string {
  return issuePassport(baseSpec(overrides), privateKey, { nowS: clock.now() / 1000 });
}

export function testGuard(clock: { now: () => number }, options: Partial<GuardOptions> = {}): Guard {
  return createGuard({ publicKey: keys.publicKey, now: clock.now, ...options });
}

export function order(args: Record<string, unknown>): { tool: string; args: Record<string, unknown> } {
  return { tool: 'place_order', args: { account: 'ACC1', symbol: 'AAPL', side: 'buy', qty: 10, price: 100, ...args } };
}

export function codes(d: { reasons: { code: string }[] }): string[] {
  return d.reasons.map((r) => r.code);
}
