/**
 * Guard state as a pure function of its journal: every change is a `JournalRecord`, and
 * `GuardState.apply` is the only code that mutates state, both live and on replay. That makes
 * "what was acknowledged" and "what comes back after a restart" the same thing by construction.
 */
import type { Finding, Context } from '../types.ts';
import type { KillScope } from './types.ts';

export type Side = 'buy' | 'sell';

/** One state change. `ts` is milliseconds since the epoch, from the guard's clock. */
export type JournalRecord =
  | { t: 'order'; ts: number; tenant: string; agent: string; account: string; symbol: string; side: Side; qty: number; price?: number; order_id: string }
  | { t: 'replace'; ts: number; tenant: string; agent: string; order_id: string; qty: number; price?: number }
  | { t: 'cancel'; ts: number; tenant: string; agent: string; order_id: string }
  | { t: 'fill'; ts: number; tenant: string; order_id: string; qty: number; price: number }
  | { t: 'spend'; ts: number; chain: string[]; steps: number; risk: number }
  | { t: 'passport'; ts: number; jti: string; digest: string; exp: number }
  | { t: 'nonce'; ts: number; jti: string; nonce: string; exp: number }
  | { t: 'breach'; ts: number; tenant: string; agent: string; code: string }
  | { t: 'kill'; ts: number; scope: KillScope; target: string; reason: string }
  | { t: 'resume'; ts: number; scope: KillScope; target: string }
  | { t: 'revoke'; ts: number; jti: string; reason: string }
  | { t: 'taint'; ts: number; session: string; finding: TaintFinding }
  | { t: 'clear_taint'; ts: number; session: string }
  // Snapshot records, written only by compaction: they restore state without replaying history.
  | { t: 'working'; ts: number; order: WorkingOrder }
  | { t: 'exposure'; ts: number; tenant: string; account: string; symbol: string; position: number; avgPrice: number }
  | { t: 'pnl'; ts: number; tenant: string; account: string; day: string; value: number }
  | { t: 'rate'; ts: number; key: string }
  | { t: 'dup'; ts: number; key: string };

export type TaintFinding = Pick<Finding, 'id' | 'family' | 'owasp' | 'severity' | 'evidence'> & { context?: Context };

export interface WorkingOrder {
  order_id: string;
  tenant: string;
  agent: string;
  account: string;
  symbol: string;
  side: Side;
  /** Quantity still working (not yet filled or cancelled). */
  qty: number;
  price?: number;
  ts: number;
}

export interface Exposure {
  /** Filled position, signed (long > 0). */
  position: number;
  /** Average cost of the filled position. */
  avgPrice: number;
  workingBuy: number;
  workingSell: number;
}

export interface KillState {
  scope: KillScope;
  target: string;
  reason: string;
  ts: number;
}

/** The reads the guard makes while deciding. A Redis store would serve these for one key set. */
export interface GuardStateView {
  exposure(tenant: string, account: string, symbol: string): Exposure;
  order(tenant: string, orderId: string): WorkingOrder | undefined;
  openOrders(filter?: { tenant?: string; agent?: string }): WorkingOrder[];
  /** Events in `(now - windowMs, now]` for a rate key (`orders:<tenant>/<agent>`, `messages:...`, `breaches:...`). */
  rateCount(key: string, now: number, windowMs: number): number;
  lastDuplicate(key: string): number | undefined;
  realizedPnl(tenant: string, account: string, day: string): number;
  spent(jti: string): { steps: number; risk: number };
  passportDigest(jti: string): string | undefined;
  nonceUsed(jti: string, nonce: string): boolean;
  revoked(jti: string): string | undefined;
  kill(scope: KillScope, target: string): KillState | undefined;
  kills(): KillState[];
  taint(session: string): TaintFinding[] | undefined;
}

/** Day bucket (UTC) for daily limits. */
export function dayOf(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10);
}

export function duplicateKey(tenant: string, account: string, symbol: string, side: Side, qty: number, price: number | undefined): string {
  return `${tenant}\u0000${account}\u0000${symbol}\u0000${side}\u0000${qty}\u0000${price ?? 'mkt'}`;
}

/** Timestamps in arrival order; old ones are dropped as the window slides. */
class RateWindow {
  #times: number[] = [];
  #head = 0;
  push(ts: number): void {
    this.#times.push(ts);
  }
  /** Live timestamps after `cutoff`, for compaction. */
  since(cutoff: number): number[] {
    return this.#times.slice(this.#head).filter((t) => t > cutoff);
  }
  count(now: number, windowMs: number): number {
    const cutoff = now - windowMs;
    const times = this.#times;
    while (this.#head < times.length && times[this.#head]! <= cutoff) this.#head++;
    // Compact once the dead prefix dominates, so the array does not grow for ever.
    if (this.#head > 1024 && this.#head * 2 > times.length) {
      this.#times = times.slice(this.#head);
      this.#head = 0;
    }
    let n = this.#times.length - this.#head;
    // Records replayed out of clock order may sit after `now`; they are not in the window yet.
    for (let i = this.#times.length - 1; i >= this.#head && this.#times[i]! > now; i--) n--;
    return n;
  }
}

const kNoSpend = Object.freeze({ steps: 0, risk: 0 });
/** Duplicate keys older than this are pruned (duplicate windows longer than this are not honoured). */
const kDuplicateHorizonMs = 60 * 60 * 1000;
/** Rate events older than this are dropped by compaction (runaway windows must be shorter). */
const kRateHorizonMs = 60 * 1000;

/** In-memory guard state; `apply` is the only mutator. */
export class GuardState implements GuardStateView {
  #exposure = new Map<string, Exposure>();
  #orders = new Map<string, WorkingOrder>();
  #rates = new Map<string, RateWindow>();
  #duplicates = new Map<string, number>();
  #pnl = new Map<string, number>();
  #spend = new Map<string, { steps: number; risk: number }>();
  #passports = new Map<string, { digest: string; exp: number }>();
  #nonces = new Map<string, Set<string>>();
  #revoked = new Map<string, string>();
  #kills = new Map<string, KillState>();
  #taints = new Map<string, TaintFinding[]>();
  #sincePrune = 0;

  exposure(tenant: string, account: string, symbol: string): Exposure {
    return this.#exposure.get(`${tenant}\u0000${account}\u0000${symbol}`) ?? { position: 0, avgPrice: 0, workingBuy: 0, workingSell: 0 };
  }
  order(tenant: string, orderId: string): WorkingOrder | undefined {
    return this.#orders.get(`${tenant}\u0000${orderId}`);
  }
  openOrders(filter: { tenant?: string; agent?: string } = {}): WorkingOrder[] {
    const out: WorkingOrder[] = [];
    for (const o of this.#orders.values()) {
      if (filter.tenant !== undefined && o.tenant !== filter.tenant) continue;
      if (filter.agent !== undefined && o.agent !== filter.agent) continue;
      out.push({ ...o });
    }
    return out;
  }
  rateCount(key: string, now: number, windowMs: number): number {
    return this.#rates.get(key)?.count(now, windowMs) ?? 0;
  }
  lastDuplicate(key: string): number | undefined {
    return this.#duplicates.get(key);
  }
  realizedPnl(tenant: string, account: string, day: string): number {
    return this.#pnl.get(`${tenant}\u0000${account}\u0000${day}`) ?? 0;
  }
  spent(jti: string): { steps: number; risk: number } {
    return this.#spend.get(jti) ?? kNoSpend;
  }
  passportDigest(jti: string): string | undefined {
    return this.#passports.get(jti)?.digest;
  }
  nonceUsed(jti: string, nonce: string): boolean {
    return this.#nonces.get(jti)?.has(nonce) ?? false;
  }
  revoked(jti: string): string | undefined {
    return this.#revoked.get(jti);
  }
  kill(scope: KillScope, target: string): KillState | undefined {
    return this.#kills.get(`${scope}\u0000${target}`);
  }
  kills(): KillState[] {
    return [...this.#kills.values()];
  }
  taint(session: string): TaintFinding[] | undefined {
    return this.#taints.get(session);
  }

  apply(r: JournalRecord): void {
    switch (r.t) {
      case 'order': {
        const order: WorkingOrder = { order_id: r.order_id, tenant: r.tenant, agent: r.agent, account: r.account, symbol: r.symbol, side: r.side, qty: r.qty, ts: r.ts };
        if (r.price !== undefined) order.price = r.price;
        this.#removeOrder(r.tenant, r.order_id);
        this.#orders.set(`${r.tenant}\u0000${r.order_id}`, order);
        this.#addWorking(order, order.qty);
        this.#hit(`orders:${r.tenant}/${r.agent}`, r.ts);
        this.#hit(`messages:${r.tenant}/${r.agent}`, r.ts);
        this.#touchDuplicate(duplicateKey(r.tenant, r.account, r.symbol, r.side, r.qty, r.price), r.ts);
        this.#maybePrune(r.ts);
        return;
      }
      case 'replace': {
        const order = this.order(r.tenant, r.order_id);
        this.#hit(`messages:${r.tenant}/${r.agent}`, r.ts);
        if (order === undefined) return;
        this.#addWorking(order, -order.qty);
        order.qty = r.qty;
        if (r.price !== undefined) order.price = r.price;
        this.#addWorking(order, order.qty);
        return;
      }
      case 'cancel':
        this.#hit(`messages:${r.tenant}/${r.agent}`, r.ts);
        this.#removeOrder(r.tenant, r.order_id);
        return;
      case 'fill': {
        const order = this.order(r.tenant, r.order_id);
        if (order === undefined) return;
        const qty = Math.min(r.qty, order.qty);
        this.#addWorking(order, -qty);
        order.qty -= qty;
        if (order.qty <= 0) this.#orders.delete(`${r.tenant}\u0000${r.order_id}`);
        this.#fillPosition(order, qty, r.price, r.ts);
        return;
      }
      case 'spend':
        for (const jti of r.chain) {
          const s = this.#spend.get(jti) ?? { steps: 0, risk: 0 };
          this.#spend.set(jti, { steps: s.steps + r.steps, risk: s.risk + r.risk });
        }
        return;
      case 'passport':
        if (!this.#passports.has(r.jti)) this.#passports.set(r.jti, { digest: r.digest, exp: r.exp });
        return;
      case 'nonce': {
        let set = this.#nonces.get(r.jti);
        if (set === undefined) this.#nonces.set(r.jti, (set = new Set()));
        set.add(r.nonce);
        return;
      }
      case 'breach':
        this.#hit(`breaches:${r.tenant}/${r.agent}`, r.ts);
        return;
      case 'kill':
        this.#kills.set(`${r.scope}\u0000${r.target}`, { scope: r.scope, target: r.target, reason: r.reason, ts: r.ts });
        return;
      case 'resume':
        this.#kills.delete(`${r.scope}\u0000${r.target}`);
        return;
      case 'revoke':
        this.#revoked.set(r.jti, r.reason);
        return;
      case 'taint': {
        const list = this.#taints.get(r.session) ?? [];
        // Keep the first few findings: enough to cite, bounded for a long poisoned session.
        if (list.length < 8) list.push(r.finding);
        this.#taints.set(r.session, list);
        return;
      }
      case 'clear_taint':
        this.#taints.delete(r.session);
        return;
      case 'working':
        this.#removeOrder(r.order.tenant, r.order.order_id);
        this.#orders.set(`${r.order.tenant}\u0000${r.order.order_id}`, { ...r.order });
        this.#addWorking(r.order, r.order.qty);
        return;
      case 'exposure': {
        const e = this.#exposureFor(r);
        e.position = r.position;
        e.avgPrice = r.avgPrice;
        return;
      }
      case 'pnl':
        this.#pnl.set(`${r.tenant}\u0000${r.account}\u0000${r.day}`, r.value);
        return;
      case 'rate':
        this.#hit(r.key, r.ts);
        return;
      case 'dup':
        this.#touchDuplicate(r.key, r.ts);
        return;
      default:
        throw new Error(`unknown journal record type ${JSON.stringify((r as { t?: unknown }).t)}`);
    }
  }

  /**
   * Records that rebuild the current state when applied to an empty GuardState: the compacted
   * journal. History that can no longer matter is dropped: rate events older than a minute,
   * duplicate keys older than an hour, passports (with their nonces) that expired before `now`.
   */
  snapshot(now: number): JournalRecord[] {
    const out: JournalRecord[] = [];
    const cutoff = now - kDuplicateHorizonMs;
    const rateCutoff = now - kRateHorizonMs;
    for (const [key, e] of this.#exposure) {
      if (e.position === 0 && e.avgPrice === 0) continue;
      const [tenant, account, symbol] = key.split('\u0000') as [string, string, string];
      out.push({ t: 'exposure', ts: now, tenant, account, symbol, position: e.position, avgPrice: e.avgPrice });
    }
    for (const o of this.#orders.values()) out.push({ t: 'working', ts: o.ts, order: { ...o } });
    for (const [key, value] of this.#pnl) {
      const [tenant, account, day] = key.split('\u0000') as [string, string, string];
      if (day >= dayOf(cutoff)) out.push({ t: 'pnl', ts: now, tenant, account, day, value });
    }
    for (const [key, w] of this.#rates) for (const ts of w.since(rateCutoff)) out.push({ t: 'rate', ts, key });
    for (const [key, ts] of this.#duplicates) if (ts > cutoff) out.push({ t: 'dup', ts, key });
    const nowS = now / 1000;
    for (const [jti, p] of this.#passports) {
      if (p.exp <= nowS) continue;
      out.push({ t: 'passport', ts: now, jti, digest: p.digest, exp: p.exp });
      for (const nonce of this.#nonces.get(jti) ?? []) out.push({ t: 'nonce', ts: now, jti, nonce, exp: p.exp });
    }
    // Spend is kept for every jti: a parent may outlive the passports that spent its budget.
    for (const [jti, spent] of this.#spend) out.push({ t: 'spend', ts: now, chain: [jti], steps: spent.steps, risk: spent.risk });
    for (const [jti, reason] of this.#revoked) out.push({ t: 'revoke', ts: now, jti, reason });
    for (const k of this.#kills.values()) out.push({ t: 'kill', ts: k.ts, scope: k.scope, target: k.target, reason: k.reason });
    for (const [session, findings] of this.#taints) for (const finding of findings) out.push({ t: 'taint', ts: now, session, finding });
    return out;
  }

  #hit(key: string, ts: number): void {
    let w = this.#rates.get(key);
    if (w === undefined) this.#rates.set(key, (w = new RateWindow()));
    w.push(ts);
  }

  #exposureFor(o: { tenant: string; account: string; symbol: string }): Exposure {
    const key = `${o.tenant}\u0000${o.account}\u0000${o.symbol}`;
    let e = this.#exposure.get(key);
    if (e === undefined) this.#exposure.set(key, (e = { position: 0, avgPrice: 0, workingBuy: 0, workingSell: 0 }));
    return e;
  }

  #addWorking(o: WorkingOrder, qty: number): void {
    const e = this.#exposureFor(o);
    if (o.side === 'buy') e.workingBuy += qty;
    else e.workingSell += qty;
  }

  #removeOrder(tenant: string, orderId: string): void {
    const key = `${tenant}\u0000${orderId}`;
    const old = this.#orders.get(key);
    if (old === undefined) return;
    this.#addWorking(old, -old.qty);
    this.#orders.delete(key);
  }

  #fillPosition(o: WorkingOrder, qty: number, price: number, ts: number): void {
    const e = this.#exposureFor(o);
    const signed = o.side === 'buy' ? qty : -qty;
    const before = e.position;
    if (before === 0 || Math.sign(before) === Math.sign(signed)) {
      // Adding to the position: new average cost.
      e.avgPrice = (e.avgPrice * Math.abs(before) + price * qty) / (Math.abs(before) + qty);
      e.position = before + signed;
      return;
    }
    // Reducing (maybe flipping): realize P&L on the closed part.
    const closed = Math.min(qty, Math.abs(before));
    const pnl = (price - e.avgPrice) * closed * Math.sign(before);
    const dayKey = `${o.tenant}\u0000${o.account}\u0000${dayOf(ts)}`;
    this.#pnl.set(dayKey, (this.#pnl.get(dayKey) ?? 0) + pnl);
    e.position = before + signed;
    if (e.position === 0) e.avgPrice = 0;
    else if (Math.sign(e.position) !== Math.sign(before)) e.avgPrice = price;
  }

  /** Re-inserts so the Map's insertion order stays timestamp order: pruning can stop at the first young key. */
  #touchDuplicate(key: string, ts: number): void {
    this.#duplicates.delete(key);
    this.#duplicates.set(key, ts);
  }

  /** Drops stale duplicate keys as orders arrive, and expired nonces now and then; both only grow otherwise. */
  #maybePrune(now: number): void {
    for (const [key, ts] of this.#duplicates) {
      if (now - ts <= kDuplicateHorizonMs) break;
      this.#duplicates.delete(key);
    }
    if (++this.#sincePrune < 4096) return;
    this.#sincePrune = 0;
    const nowS = now / 1000;
    for (const [jti, p] of this.#passports) {
      if (p.exp < nowS) this.#nonces.delete(jti);
    }
  }
}
