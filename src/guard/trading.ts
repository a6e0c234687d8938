/**
 * Trading adapter: pre-trade controls for place_order, modify_order, cancel_order, withdraw and
 * transfer, after SEC Rule 15c3-5 and the FIA automated-trading practices. Each check adds a
 * named reason to an `Assessment`; the guard turns the assessment into one verdict.
 *
 * These functions only read state. What should happen if the action goes ahead is returned as
 * journal records in `accept`; records to keep whatever the verdict (a throttle breach) go in `always`.
 */
import { randomBytes } from 'node:crypto';
import type { Action, GuardReason, PassportClaims, PassportLimits, ReferencePriceCheck, Remaining } from './types.ts';
import { DEFAULT_DUPLICATE_WINDOW_MS } from './passport.ts';
import { dayOf, duplicateKey, type Exposure, type GuardStateView, type JournalRecord, type Side } from './state.ts';

export interface Assessment {
  deny: GuardReason[];
  challenge: GuardReason[];
  restrict: GuardReason[];
  monitor: GuardReason[];
  accept: JournalRecord[];
  always: JournalRecord[];
  /** Risk taken if accepted, in units of the governing limit (a full-size order is 1). */
  risk: number;
  highRisk: boolean;
  /** Risk-reducing actions (cancel) are not held back by decayed authority. */
  reducesRisk: boolean;
  /** What is left if the action is refused (nothing consumed)... */
  remaining: Remaining;
  /** ...and what is left if it goes ahead. */
  remainingIfAccepted: Remaining;
  /** Lowest authority budget left along the passport chain before / after this action (set by the guard). */
  budgetBefore?: number;
  budgetAfter?: number;
  modifiedAction?: Action;
  orderId?: string;
}

export interface TradingEnv {
  view: GuardStateView;
  claims: PassportClaims;
  now: number;
  referencePrice?: number;
  referencePriceCheck?: ReferencePriceCheck;
  allowRestrict: boolean;
  requestId?: string;
  /** An order whose notional reaches this fraction of max_order_notional counts as high-risk. */
  largeOrderFraction: number;
}

export function newAssessment(): Assessment {
  return { deny: [], challenge: [], restrict: [], monitor: [], accept: [], always: [], risk: 0, highRisk: false, reducesRisk: false, remaining: {}, remainingIfAccepted: {} };
}

/** Thrown for action args the adapter cannot read; the guard turns it into an `action.invalid` deny. */
export class InvalidActionError extends Error {
  override name = 'InvalidActionError';
}

interface OrderSpec {
  account: string;
  symbol: string;
  side: Side;
  qty: number;
  price?: number;
  venue?: string;
  lot: number;
}

/** A reason with the usual OWASP id for an agent exceeding its authority (LLM06). */
export function reason(code: string, message: string, limit?: number | string, observed?: number | string): GuardReason {
  const r: GuardReason = { code, message, owasp: 'LLM06' };
  if (limit !== undefined) r.limit = limit;
  if (observed !== undefined) r.observed = observed;
  return r;
}

/** Six decimals: enough for prices and quantities, and free of binary-fraction noise in output. */
export function round(n: number | undefined): number {
  return n === undefined || !Number.isFinite(n) ? 0 : Math.round(n * 1e6) / 1e6;
}

function argString(args: Record<string, unknown>, name: string, tool: string): string {
  const v = args[name];
  if (typeof v !== 'string' || v === '') throw new InvalidActionError(`${tool}.args.${name} must be a non-empty string, got ${JSON.stringify(v) ?? 'undefined'}`);
  return v;
}

function argPositive(args: Record<string, unknown>, name: string, tool: string): number {
  const v = args[name];
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new InvalidActionError(`${tool}.args.${name} must be a number > 0, got ${JSON.stringify(v) ?? 'undefined'}`);
  return v;
}

function optionalPositive(args: Record<string, unknown>, name: string, tool: string): number | undefined {
  return args[name] === undefined || args[name] === null ? undefined : argPositive(args, name, tool);
}

function readOrder(args: Record<string, unknown>, tool: string): OrderSpec {
  const side = args.side;
  if (side !== 'buy' && side !== 'sell') throw new InvalidActionError(`${tool}.args.side must be "buy" or "sell", got ${JSON.stringify(side) ?? 'undefined'}`);
  const type = args.type ?? (args.price === undefined ? 'market' : 'limit');
  if (type !== 'limit' && type !== 'market') throw new InvalidActionError(`${tool}.args.type must be "limit" or "market", got ${JSON.stringify(type)}`);
  const order: OrderSpec = {
    account: argString(args, 'account', tool),
    symbol: argString(args, 'symbol', tool),
    side,
    qty: argPositive(args, 'qty', tool),
    lot: optionalPositive(args, 'lot_size', tool) ?? 1,
  };
  if (type === 'limit') order.price = argPositive(args, 'price', tool);
  if (args.venue !== undefined) order.venue = argString(args, 'venue', tool);
  return order;
}

function requireLimits(limits: PassportLimits, names: (keyof PassportLimits)[], tool: string, a: Assessment): boolean {
  let ok = true;
  for (const name of names) {
    if (limits[name] === undefined) {
      a.deny.push(reason('limit.missing', `passport sets no ${name}, so ${tool} is refused (a missing limit refuses, it never means unlimited)`, name));
      ok = false;
    }
  }
  return ok;
}

function checkOrderScope(order: OrderSpec, claims: PassportClaims, a: Assessment): void {
  if (!claims.scopes.accounts.includes(order.account)) a.deny.push(reason('scope.account', `account ${JSON.stringify(order.account)} is not in the passport's accounts`, claims.scopes.accounts.join(','), order.account));
  if (!claims.scopes.symbols.includes(order.symbol)) a.deny.push(reason('scope.symbol', `symbol ${JSON.stringify(order.symbol)} is not in the passport's symbols`, claims.scopes.symbols.join(','), order.symbol));
  if (order.venue !== undefined && !(claims.scopes.venues ?? []).includes(order.venue)) {
    a.deny.push(reason('scope.venue', `venue ${JSON.stringify(order.venue)} is not in the passport's venues`, (claims.scopes.venues ?? []).join(','), order.venue));
  }
}

/**
 * The reference price the checks may use, or undefined. An untrusted one (per the market-data
 * guard) is never used: the collar cannot be checked, which the caller turns into a challenge.
 */
function usableReference(symbol: string, env: TradingEnv, a: Assessment): { price?: number; untrusted?: string } {
  const ref = env.referencePrice;
  if (ref === undefined) return {};
  if (!(ref > 0) || !Number.isFinite(ref)) throw new InvalidActionError(`reference_price must be a number > 0, got ${JSON.stringify(ref)}`);
  if (env.referencePriceCheck) {
    const verdict = env.referencePriceCheck(symbol, ref);
    if (!verdict.trusted) {
      const why = verdict.reason ?? 'flagged by the market-data guard';
      a.challenge.push(reason('reference.untrusted', `reference price ${ref} for ${symbol} is not trusted (${why}); the price collar cannot be checked against it`, undefined, ref));
      return { untrusted: why };
    }
  }
  return { price: ref };
}

/**
 * The checks shared by place_order and modify_order. `exposure` excludes the order being
 * modified. Returns the quantity that may go ahead (requested, reduced, or 0 when denied).
 */
function checkOrderLimits(order: OrderSpec, exposure: Exposure, env: TradingEnv, a: Assessment, tool: string): number {
  const { limits } = env.claims;
  const needed: (keyof PassportLimits)[] = ['max_order_qty', 'max_order_notional', 'max_position', 'max_daily_loss', 'max_orders_per_second'];
  if (order.price !== undefined) needed.push('price_tolerance_pct');
  if (!requireLimits(limits, needed, tool, a)) return 0;
  const maxQty = limits.max_order_qty!;
  const maxNotional = limits.max_order_notional!;
  const maxPosition = limits.max_position!;

  const ref = usableReference(order.symbol, env, a);
  // Price collar: a limit price too far from the reference is refused outright (fat finger).
  if (order.price !== undefined) {
    if (ref.price !== undefined) {
      const deviationPct = (Math.abs(order.price - ref.price) / ref.price) * 100;
      if (deviationPct > limits.price_tolerance_pct!) {
        a.deny.push(reason('collar.price_outside', `limit price ${order.price} is ${round(deviationPct)}% from reference ${ref.price}, beyond the ${limits.price_tolerance_pct}% collar`, limits.price_tolerance_pct, round(deviationPct)));
      }
    } else if (ref.untrusted === undefined) {
      a.monitor.push(reason('collar.unchecked', `no reference_price for ${order.symbol}: the ${limits.price_tolerance_pct}% price collar was not checked`));
    }
  }
  const px = order.price ?? ref.price;
  if (px === undefined) {
    a.deny.push(reason('price.unknown', `market order for ${order.symbol} has no trusted reference_price, so its notional cannot be bounded${ref.untrusted ? ` (${ref.untrusted})` : ''}`));
    return 0;
  }

  // Daily loss: realized today plus the open position marked at the reference price.
  const realized = env.view.realizedPnl(env.claims.tenant, order.account, dayOf(env.now));
  const unrealized = ref.price !== undefined && exposure.position !== 0 ? (ref.price - exposure.avgPrice) * exposure.position : 0;
  const loss = -(realized + unrealized);
  a.remaining.daily_loss = round(limits.max_daily_loss! - Math.max(0, loss));
  if (loss > 0 && loss >= limits.max_daily_loss!) {
    // Past the limit the account may only flatten: an order that shrinks the filled position
    // (with what already works on that side) passes, flagged; anything else is refused.
    const reducing =
      order.side === 'sell' ? exposure.position > 0 && exposure.workingSell + order.qty <= exposure.position : exposure.position < 0 && exposure.workingBuy + order.qty <= -exposure.position;
    if (reducing) {
      a.monitor.push(reason('loss.reduce_only', `account ${order.account} is past its daily loss limit (${round(loss)} >= ${limits.max_daily_loss}); this order only reduces the position`, limits.max_daily_loss, round(loss)));
    } else {
      a.deny.push(reason('loss.daily_limit', `account ${order.account} has lost ${round(loss)} today, at or beyond the daily limit ${limits.max_daily_loss}; only position-reducing orders are accepted`, limits.max_daily_loss, round(loss)));
    }
  }

  // Size, notional and position each cap the quantity; restrict takes the smallest cap.
  const caps: { cap: number; r: GuardReason }[] = [];
  if (order.qty > maxQty) caps.push({ cap: maxQty, r: reason('limit.order_qty', `order qty ${order.qty} exceeds max_order_qty ${maxQty}`, maxQty, order.qty) });
  const notional = order.qty * px;
  if (notional > maxNotional) {
    caps.push({ cap: maxNotional / px, r: reason('limit.order_notional', `order notional ${round(notional)} exceeds max_order_notional ${maxNotional}`, maxNotional, round(notional)) });
  }
  // Position counts working orders on the same side: the worst case is that they all fill.
  const used = order.side === 'buy' ? exposure.position + exposure.workingBuy : exposure.workingSell - exposure.position;
  const headroom = Math.max(0, maxPosition - used);
  if (order.qty > headroom) {
    caps.push({ cap: headroom, r: reason('limit.position', `${order.side} ${order.qty} ${order.symbol} would take the position with working orders to ${round(used + order.qty)}, beyond max_position ${maxPosition}`, maxPosition, round(used + order.qty)) });
  }
  let qty = order.qty;
  if (caps.length > 0) {
    const cap = Math.min(...caps.map((c) => c.cap));
    const reduced = Math.floor(cap / order.lot + 1e-9) * order.lot;
    if (env.allowRestrict && reduced > 0) {
      for (const c of caps) a.restrict.push(c.r);
      qty = round(reduced);
    } else {
      for (const c of caps) a.deny.push(c.r);
      qty = 0;
    }
  }
  a.remaining.position = round(headroom);
  a.remainingIfAccepted.position = round(Math.max(0, headroom - qty));
  a.risk = maxNotional > 0 ? (qty * px) / maxNotional : 1;
  if (qty * px >= env.largeOrderFraction * maxNotional) a.highRisk = true;
  return qty;
}

function throttle(env: TradingEnv, a: Assessment, countsAsOrder: boolean): void {
  const { limits, tenant, agent } = env.claims;
  const key = `${tenant}/${agent}`;
  const maxOrders = limits.max_orders_per_second;
  if (maxOrders === undefined) return; // refused earlier by requireLimits
  const maxMessages = limits.max_messages_per_second ?? maxOrders * 2;
  const orders = env.view.rateCount(`orders:${key}`, env.now, 1000);
  const messages = env.view.rateCount(`messages:${key}`, env.now, 1000);
  a.remaining.orders_per_second = Math.max(0, maxOrders - orders);
  if (countsAsOrder) a.remainingIfAccepted.orders_per_second = Math.max(0, maxOrders - orders - 1);
  if (countsAsOrder && orders >= maxOrders) {
    a.deny.push({ ...reason('throttle.orders_per_second', `${orders} orders in the last second already reach max_orders_per_second ${maxOrders}`, maxOrders, orders + 1), owasp: 'LLM10' });
    a.always.push({ t: 'breach', ts: env.now, tenant, agent, code: 'throttle.orders_per_second' });
  } else if (messages >= maxMessages) {
    a.deny.push({ ...reason('throttle.messages_per_second', `${messages} order messages in the last second already reach max_messages_per_second ${maxMessages}`, maxMessages, messages + 1), owasp: 'LLM10' });
    a.always.push({ t: 'breach', ts: env.now, tenant, agent, code: 'throttle.messages_per_second' });
  }
}

export function assessPlaceOrder(action: Action, env: TradingEnv, a: Assessment): void {
  const args = action.args ?? {};
  const order = readOrder(args, 'place_order');
  checkOrderScope(order, env.claims, a);
  const { tenant, agent } = env.claims;
  const requested = args.client_order_id ?? args.order_id;
  if (requested !== undefined && (typeof requested !== 'string' || requested === '')) {
    throw new InvalidActionError(`place_order.args.client_order_id must be a non-empty string, got ${JSON.stringify(requested)}`);
  }
  let orderId = (requested as string | undefined) ?? env.requestId ?? randomBytes(9).toString('base64url');
  if (env.view.order(tenant, orderId) !== undefined) {
    if (requested !== undefined) {
      a.deny.push(reason('order.id_in_use', `order id ${JSON.stringify(orderId)} is already working; use modify_order or a new id`, undefined, orderId));
    } else {
      // A request id is not an order id the caller chose: reuse across runs is normal, so derive a fresh one.
      orderId = `${orderId}~${randomBytes(6).toString('base64url')}`;
    }
  }
  const exposure = env.view.exposure(tenant, order.account, order.symbol);
  const qty = checkOrderLimits(order, exposure, env, a, 'place_order');
  throttle(env, a, true);
  if (qty > 0) {
    const window = env.claims.limits.duplicate_window_ms ?? DEFAULT_DUPLICATE_WINDOW_MS;
    const last = env.view.lastDuplicate(duplicateKey(tenant, order.account, order.symbol, order.side, qty, order.price));
    if (last !== undefined && env.now - last < window) {
      a.deny.push({ ...reason('order.duplicate', `an identical ${order.side} ${qty} ${order.symbol} order was accepted ${env.now - last} ms ago (window ${window} ms)`, window, env.now - last), owasp: 'LLM10' });
      a.always.push({ t: 'breach', ts: env.now, tenant, agent, code: 'order.duplicate' });
    }
  }
  a.orderId = orderId;
  if (qty > 0) {
    const rec: JournalRecord = { t: 'order', ts: env.now, tenant, agent, account: order.account, symbol: order.symbol, side: order.side, qty, order_id: orderId };
    if (order.price !== undefined) rec.price = order.price;
    a.accept.push(rec);
    if (qty !== order.qty) a.modifiedAction = { tool: action.tool, args: { ...args, qty } };
  }
}

export function assessModifyOrder(action: Action, env: TradingEnv, a: Assessment): void {
  const args = action.args ?? {};
  const orderId = argString(args, 'order_id', 'modify_order');
  const { tenant, agent } = env.claims;
  const old = env.view.order(tenant, orderId);
  a.orderId = orderId;
  if (old === undefined) {
    a.deny.push(reason('order.unknown', `order ${JSON.stringify(orderId)} is not working (unknown, filled or cancelled), so the modification cannot be checked`, undefined, orderId));
    return;
  }
  const order: OrderSpec = {
    account: old.account,
    symbol: old.symbol,
    side: old.side,
    qty: optionalPositive(args, 'qty', 'modify_order') ?? old.qty,
    lot: optionalPositive(args, 'lot_size', 'modify_order') ?? 1,
  };
  const price = optionalPositive(args, 'price', 'modify_order') ?? old.price;
  if (price !== undefined) order.price = price;
  checkOrderScope(order, env.claims, a);
  const exposure = { ...env.view.exposure(tenant, old.account, old.symbol) };
  if (old.side === 'buy') exposure.workingBuy -= old.qty;
  else exposure.workingSell -= old.qty;
  const qty = checkOrderLimits(order, exposure, env, a, 'modify_order');
  throttle(env, a, false);
  if (qty > 0) {
    const rec: JournalRecord = { t: 'replace', ts: env.now, tenant, agent, order_id: orderId, qty };
    if (order.price !== undefined) rec.price = order.price;
    a.accept.push(rec);
    if (qty !== order.qty) a.modifiedAction = { tool: action.tool, args: { ...args, qty } };
  }
}

export function assessCancelOrder(action: Action, env: TradingEnv, a: Assessment): void {
  const args = action.args ?? {};
  const orderId = argString(args, 'order_id', 'cancel_order');
  const { tenant, agent } = env.claims;
  a.reducesRisk = true;
  a.orderId = orderId;
  const old = env.view.order(tenant, orderId);
  if (old === undefined) {
    a.monitor.push(reason('order.unknown', `order ${JSON.stringify(orderId)} is not working here; the cancel is harmless but was not tracked`, undefined, orderId));
    return;
  }
  if (!env.claims.scopes.accounts.includes(old.account)) {
    a.deny.push(reason('scope.account', `order ${JSON.stringify(orderId)} belongs to account ${JSON.stringify(old.account)}, not in the passport's accounts`, undefined, old.account));
    return;
  }
  // Cancels are never throttled: refusing a cancel during a runaway would make things worse.
  a.accept.push({ t: 'cancel', ts: env.now, tenant, agent, order_id: orderId });
}

/** withdraw {asset, amount, address} and transfer {asset, amount, to_account, from_account?}. */
export function assessMoveFunds(action: Action, env: TradingEnv, a: Assessment): void {
  const args = action.args ?? {};
  const tool = action.tool as 'withdraw' | 'transfer';
  const limitName = tool === 'withdraw' ? 'max_withdrawal' : 'max_transfer';
  argString(args, 'asset', tool);
  const amount = argPositive(args, 'amount', tool);
  a.highRisk = true;
  const { scopes, limits } = env.claims;
  if (tool === 'withdraw') {
    const address = argString(args, 'address', tool);
    if (!(scopes.withdraw_addresses ?? []).includes(address)) {
      // A new destination never passes unattended; a human confirms it (exchange practice).
      a.challenge.push(reason('withdraw.address_new', `withdrawal address ${JSON.stringify(address)} is not on the passport's allow-list; a human must confirm a new address`, undefined, address));
    }
  } else {
    const to = argString(args, 'to_account', tool);
    if (args.from_account !== undefined) {
      const from = argString(args, 'from_account', tool);
      if (!scopes.accounts.includes(from)) a.deny.push(reason('scope.account', `transfer source ${JSON.stringify(from)} is not in the passport's accounts`, undefined, from));
    }
    if (!scopes.accounts.includes(to)) {
      a.challenge.push(reason('transfer.destination_unknown', `transfer destination ${JSON.stringify(to)} is not one of the passport's accounts; a human must confirm it`, undefined, to));
    }
  }
  if (!requireLimits(limits, [limitName], tool, a)) return;
  const max = limits[limitName]!;
  let allowed = amount;
  if (amount > max) {
    const r = reason(`limit.${tool}_amount`, `${tool} amount ${amount} exceeds ${limitName} ${max}`, max, amount);
    if (env.allowRestrict && max > 0) {
      a.restrict.push(r);
      allowed = max;
      a.modifiedAction = { tool, args: { ...args, amount: max } };
    } else {
      a.deny.push(r);
      allowed = 0;
    }
  }
  a.risk = max > 0 ? allowed / max : 1;
}
