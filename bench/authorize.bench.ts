/**
 * Action-guard benchmark: authorize latency (p50/p99/p99.9) and decisions per second, in-process,
 * beside a naive baseline measured in the same run.
 *
 *   npm run bench:authorize            (or: npx tsx bench/authorize.bench.ts [--n 200000])
 *
 * What is measured:
 * - guard (memory store): `await guard.authorize()` on the steady-state path: the passport was
 *   seen before (verification cached), every decision is a full place_order check that is allowed
 *   and commits its records, alternating with a cancel so the working set stays flat.
 * - naive baseline: the same request checked the obvious way: decode and Ed25519-verify the token
 *   on every call, JSON.parse the payload, scope/size/notional/collar/position checks over a Map.
 * - first presentation: a new passport each call (signature verification not cached).
 * - durable: the journaled store with fsync group commit, N requests in flight, latency measured
 *   from the call to its acknowledgement (after fdatasync). Not part of the in-process figures.
 */
import { generateKeyPairSync, verify, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGuard } from '../src/guard/guard.ts';
import { issuePassport, parseSpec } from '../src/guard/passport.ts';

const argN = process.argv.indexOf('--n');
const N = argN === -1 ? 200_000 : Number(process.argv[argN + 1]);
const kWarmup = Math.min(20_000, N / 4);

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const spec = parseSpec({
  agent: 'bench-bot',
  tenant: 'bench',
  scopes: { tools: ['place_order', 'cancel_order'], accounts: ['ACC1'], symbols: ['AAPL'] },
  limits: {
    max_order_qty: 1_000,
    max_order_notional: 1e7,
    max_position: 1e12,
    max_daily_loss: 1e9,
    max_orders_per_second: 1e9,
    max_messages_per_second: 1e9,
    price_tolerance_pct: 5,
    duplicate_window_ms: 1,
  },
  budget: 1e12,
  ttl_s: 3600,
});
const token = issuePassport(spec, privateKey);

function orderArgs(i: number): Record<string, unknown> {
  return { account: 'ACC1', symbol: 'AAPL', side: i % 4 < 2 ? 'buy' : 'sell', qty: 1 + (i % 100), price: 97 + (i % 500) / 100, client_order_id: `b${i}` };
}

function percentiles(samples: Float64Array): { p50: number; p99: number; p999: number; mean: number } {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  let sum = 0;
  for (const s of sorted) sum += s;
  return { p50: at(0.5), p99: at(0.99), p999: at(0.999), mean: sum / sorted.length };
}

async function benchGuard(): Promise<{ lat: ReturnType<typeof percentiles>; perSecond: number; verdicts: Record<string, number> }> {
  const guard = createGuard({ publicKey });
  const verdicts: Record<string, number> = {};
  const run = async (count: number, samples?: Float64Array) => {
    // Verdicts are tallied for the timed run only, to show every measured decision went the full way.
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < count; i++) {
      const action = i % 2 === 0 ? { tool: 'place_order', args: orderArgs(i) } : { tool: 'cancel_order', args: { order_id: `b${i - 1}` } };
      const start = process.hrtime.bigint();
      const d = await guard.authorize(action, { passport: token, referencePrice: 100 });
      if (samples) samples[i] = Number(process.hrtime.bigint() - start) / 1000;
      if (samples) verdicts[d.verdict] = (verdicts[d.verdict] ?? 0) + 1;
    }
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  await run(kWarmup);
  const samples = new Float64Array(N);
  await run(N, samples);
  // Throughput without the per-call timer overhead.
  const secs = await run(N);
  await guard.close();
  return { lat: percentiles(samples), perSecond: N / secs, verdicts };
}

/** The obvious implementation: verify every token, parse its payload, check limits from a Map. */
function naiveAuthorize(tokenIn: string, key: KeyObject, args: Record<string, unknown>, ref: number, positions: Map<string, number>): 'allow' | 'deny' {
  const [prefix, payload, sig] = tokenIn.split('.');
  if (!verify(null, Buffer.from(`${prefix}.${payload}`), key, Buffer.from(sig!, 'base64url'))) return 'deny';
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
  if (claims.exp * 1000 <= Date.now()) return 'deny';
  if (!claims.scopes.tools.includes('place_order') || !claims.scopes.accounts.includes(args.account) || !claims.scopes.symbols.includes(args.symbol)) return 'deny';
  const qty = args.qty as number;
  const price = args.price as number;
  const l = claims.limits;
  if (qty > l.max_order_qty || qty * price > l.max_order_notional) return 'deny';
  if ((Math.abs(price - ref) / ref) * 100 > l.price_tolerance_pct) return 'deny';
  const posKey = `${args.account}/${args.symbol}`;
  const pos = (positions.get(posKey) ?? 0) + (args.side === 'buy' ? qty : -qty);
  if (Math.abs(pos) > l.max_position) return 'deny';
  positions.set(posKey, pos);
  return 'allow';
}

function benchNaive(count: number): { lat: ReturnType<typeof percentiles>; perSecond: number } {
  const positions = new Map<string, number>();
  for (let i = 0; i < Math.min(2_000, count / 4); i++) naiveAuthorize(token, publicKey, orderArgs(i), 100, positions);
  const samples = new Float64Array(count);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    naiveAuthorize(token, publicKey, orderArgs(i), 100, positions);
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  return { lat: percentiles(samples), perSecond: count / secs };
}

async function benchFirstPresentation(count: number): Promise<ReturnType<typeof percentiles>> {
  const guard = createGuard({ publicKey });
  const tokens = Array.from({ length: count }, () => issuePassport(spec, privateKey));
  const samples = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await guard.authorize({ tool: 'place_order', args: orderArgs(i) }, { passport: tokens[i]!, referencePrice: 100 });
    samples[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  await guard.close();
  return percentiles(samples);
}

async function benchDurable(count: number, inFlight: number): Promise<{ lat: ReturnType<typeof percentiles>; perSecond: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-bench-'));
  const guard = createGuard({ publicKey, stateDir: dir, durability: 'fsync' });
  const samples = new Float64Array(count);
  const t0 = process.hrtime.bigint();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const start = process.hrtime.bigint();
      await guard.authorize({ tool: 'place_order', args: orderArgs(i) }, { passport: token, referencePrice: 100 });
      samples[i] = Number(process.hrtime.bigint() - start) / 1000;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  await guard.close();
  rmSync(dir, { recursive: true, force: true });
  return { lat: percentiles(samples), perSecond: count / secs };
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const rows: Record<string, string | number>[] = [];
const add = (name: string, lat: ReturnType<typeof percentiles>, perSecond?: number) =>
  rows.push({ case: name, 'p50 µs': fmt(lat.p50), 'p99 µs': fmt(lat.p99), 'p99.9 µs': fmt(lat.p999), 'mean µs': fmt(lat.mean), 'decisions/s': perSecond === undefined ? '' : Math.round(perSecond) });

const guardResult = await benchGuard();
add('guard.authorize, memory store (in-process)', guardResult.lat, guardResult.perSecond);
const naiveN = Math.min(N, 20_000);
const naive = benchNaive(naiveN);
add('naive baseline: verify token every call', naive.lat, naive.perSecond);
add('guard, first presentation of each passport', await benchFirstPresentation(Math.min(N, 5_000)));
const durableN = Math.min(N, 20_000);
const durable = await benchDurable(durableN, 64);
add('guard, journaled + fsync group commit (64 in flight, call->ack)', durable.lat, durable.perSecond);

console.table(rows);
const summary = {
  node: process.version,
  n: N,
  guard: { ...guardResult.lat, perSecond: guardResult.perSecond, verdicts: guardResult.verdicts },
  naive: { ...naive.lat, perSecond: naive.perSecond, n: naiveN },
  speedupVsNaive: guardResult.perSecond / naive.perSecond,
  durable: { ...durable.lat, perSecond: durable.perSecond, n: durableN, inFlight: 64 },
  targetP99UsMet: guardResult.lat.p99 < 50,
};
console.log(JSON.stringify(summary));
