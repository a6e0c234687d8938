/**
 * The action guard: decides whether an agent's tool call may go ahead.
 *
 * Order of checks: passport (signature, expiry, delegation chain, replay, revocation, nonce),
 * kill switches, tool scope, the trading adapter's pre-trade controls, authority decay, trace
 * taint. The verdict is the most severe outcome, except that `challenge` outranks `restrict`:
 * a restricted action goes ahead unattended, a challenged one waits for a human, and when both
 * apply the human must see it.
 */
import type { KeyObject } from 'node:crypto';
import type { Context, Verdict } from '../types.ts';
import type { Action, AuthorizeContext, Decision, GuardReason, KillScope, ReferencePriceCheck, ScanObservation, VerifiedPassport } from './types.ts';
import { DEFAULT_DECAY, verifyPassport, type VerifyResult } from './passport.ts';
import { keyId } from './keys.ts';
import { createMemoryStore, openJournaledStore, StaleStateError, type DecisionKeys, type GuardStore } from './store.ts';
import type { JournalRecord, KillState, TaintFinding, WorkingOrder } from './state.ts';
import { assessCancelOrder, assessModifyOrder, assessMoveFunds, assessPlaceOrder, InvalidActionError, newAssessment, reason, round, type Assessment, type TradingEnv } from './trading.ts';

export interface GuardOptions {
  /** The operator's Ed25519 public key; only passports it verifies are accepted. */
  publicKey: KeyObject;
  /** Where state lives; default: in memory, or journaled in `stateDir` when that is given. */
  store?: GuardStore;
  stateDir?: string;
  /** `fsync` (default) or `none` for the journaled store. */
  durability?: 'fsync' | 'none';
  /** Journaled store: compact on open past this many records (default 100,000). */
  compactAfter?: number;
  /** Clock in ms since the epoch; tests inject a fake one. */
  now?: () => number;
  /** The market-data guard's opinion of a reference price; an untrusted price is never used. */
  referencePriceCheck?: ReferencePriceCheck;
  /** Throttle breaches within `runawayWindowMs` that trip the agent's kill switch. Default 3. */
  runawayBreaches?: number;
  runawayWindowMs?: number;
  /** An order at or above this fraction of max_order_notional is high-risk for taint. Default 0.5. */
  largeOrderFraction?: number;
  /** Tools that are always high-risk besides withdraw and transfer. */
  highRiskTools?: string[];
  /** Verified tokens kept so a passport presented again is not re-verified. Default 10,000. */
  verifyCacheSize?: number;
}

export interface Guard {
  authorize(action: Action, ctx: AuthorizeContext): Promise<Decision>;
  /** Feeds a scan result; a flagged untrusted text taints `session`. */
  recordScan(session: string, result: ScanObservation): Promise<void>;
  clearTaint(session: string): Promise<void>;
  /** Reports an execution so positions and daily P&L follow reality. */
  recordFill(fill: { tenant: string; orderId: string; qty: number; price: number }): Promise<void>;
  kill(scope: KillScope, target: string, reason?: string): Promise<void>;
  resume(scope: KillScope, target: string): Promise<void>;
  revoke(jti: string, reason?: string): Promise<void>;
  openOrders(filter?: { tenant?: string; agent?: string }): WorkingOrder[];
  kills(): KillState[];
  close(): Promise<void>;
}

const kDefaults = {
  runawayBreaches: 3,
  runawayWindowMs: 10_000,
  largeOrderFraction: 0.5,
  verifyCacheSize: 10_000,
};
/** Scan contexts whose text the agent did not write itself; a flagged one taints the session. */
const kUntrustedContexts: ReadonlySet<Context | undefined> = new Set<Context | undefined>(['retrieved_doc', 'tool_output', 'agent_message', undefined]);
const kSeverityRank = { low: 0, medium: 1, high: 2, critical: 3 } as const;
/** Decisions re-made because a shared store's state moved underneath, before giving up. */
const kMaxSharedAttempts = 16;

/**
 * Creates a guard.
 * @example
 * const guard = createGuard({ publicKey: loadPublicKey('keys/public.pem'), stateDir: '.tollgate-state' });
 * const d = await guard.authorize({ tool: 'place_order', args: { account: 'A1', symbol: 'AAPL', side: 'buy', qty: 10, price: 190 } },
 *   { passport: token, referencePrice: 189.5 });
 */
export function createGuard(options: GuardOptions): Guard {
  if (!options || typeof options.publicKey !== 'object') throw new TypeError('options.publicKey must be an Ed25519 KeyObject');
  for (const name of ['runawayBreaches', 'runawayWindowMs', 'verifyCacheSize'] as const) {
    const v = options[name];
    if (v !== undefined && (!Number.isInteger(v) || v < 1)) throw new TypeError(`options.${name} must be a positive integer, got ${String(v)}`);
  }
  const store =
    options.store ??
    (options.stateDir !== undefined
      ? openJournaledStore(options.stateDir, {
          durability: options.durability ?? 'fsync',
          ...(options.compactAfter !== undefined ? { compactAfter: options.compactAfter } : {}),
          ...(options.now !== undefined ? { now: options.now } : {}),
        })
      : createMemoryStore());
  return new ActionGuard(options, store);
}

class ActionGuard implements Guard {
  #publicKey: KeyObject;
  #kid: string;
  #store: GuardStore;
  #now: () => number;
  #referencePriceCheck: ReferencePriceCheck | undefined;
  #runawayBreaches: number;
  #runawayWindowMs: number;
  #largeOrderFraction: number;
  #highRiskTools: Set<string>;
  #cacheSize: number;
  /** token → verification outcome; expiry is re-checked on every hit. */
  #verified = new Map<string, { result: VerifyResult; minExp: number }>();

  constructor(options: GuardOptions, store: GuardStore) {
    this.#publicKey = options.publicKey;
    this.#kid = keyId(options.publicKey);
    this.#store = store;
    this.#now = options.now ?? Date.now;
    this.#referencePriceCheck = options.referencePriceCheck;
    this.#runawayBreaches = options.runawayBreaches ?? kDefaults.runawayBreaches;
    this.#runawayWindowMs = options.runawayWindowMs ?? kDefaults.runawayWindowMs;
    this.#largeOrderFraction = options.largeOrderFraction ?? kDefaults.largeOrderFraction;
    this.#highRiskTools = new Set(['withdraw', 'transfer', ...(options.highRiskTools ?? [])]);
    this.#cacheSize = options.verifyCacheSize ?? kDefaults.verifyCacheSize;
  }

  authorize(action: Action, ctx: AuthorizeContext): Promise<Decision> {
    if (action === null || typeof action !== 'object' || typeof action.tool !== 'string' || action.tool === '') {
      return Promise.reject(new TypeError(`action must be an object with a non-empty string "tool", got ${JSON.stringify(action)}`));
    }
    if (action.args !== undefined && (action.args === null || typeof action.args !== 'object' || Array.isArray(action.args))) {
      return Promise.reject(new TypeError(`action.args must be an object, got ${JSON.stringify(action.args)}`));
    }
    if (ctx === null || typeof ctx !== 'object' || typeof ctx.passport !== 'string') {
      return Promise.reject(new TypeError('ctx.passport must be a passport token string'));
    }
    if (this.#store.prepare !== undefined) return this.#authorizeShared(action, ctx);
    let decided;
    try {
      decided = this.#decide(action, ctx);
    } catch (err) {
      return Promise.reject(err);
    }
    const { decision, records } = decided;
    if (records.length === 0) return Promise.resolve(decision);
    return this.#store.commit(records).then(() => decision);
  }

  /** Shared store: fetch the decision's keys, decide, check-and-reserve; decide again if state moved. */
  async #authorizeShared(action: Action, ctx: AuthorizeContext): Promise<Decision> {
    for (let attempt = 1; ; attempt++) {
      const keys = this.#keysOf(action, ctx);
      if (keys !== undefined) await this.#store.prepare!(keys);
      const { decision, records } = this.#decide(action, ctx);
      if (records.length === 0) return decision;
      try {
        await this.#store.commit(records, keys);
        return decision;
      } catch (err) {
        if (!(err instanceof StaleStateError) || attempt >= kMaxSharedAttempts) throw err;
      }
    }
  }

  /** The keys a decision on `action` will read; undefined when the passport does not verify. */
  #keysOf(action: Action, ctx: AuthorizeContext): DecisionKeys | undefined {
    const verified = this.#verify(ctx.passport, this.#now() / 1000);
    if (!verified.ok) return undefined;
    const { claims, chain } = verified.passport;
    const keys: DecisionKeys = { tenant: claims.tenant, agent: claims.agent, jtis: chain };
    const session = ctx.session ?? claims.session;
    if (session !== undefined) keys.session = session;
    const args = action.args ?? {};
    if (typeof args.account === 'string') keys.account = args.account;
    if (typeof args.symbol === 'string') keys.symbol = args.symbol;
    if (typeof args.order_id === 'string') keys.orderId = args.order_id;
    return keys;
  }

  /** The whole decision, synchronously: reads state, returns the verdict and the records to commit. */
  #decide(action: Action, ctx: AuthorizeContext): { decision: Decision; records: JournalRecord[] } {
    const now = this.#now();
    const view = this.#store.view;
    const verified = this.#verify(ctx.passport, now / 1000);
    if (!verified.ok) return denied([verified.reason]);
    const passport = verified.passport;
    const { claims } = passport;
    const records: JournalRecord[] = [];

    // Replay: a jti is bound to the first payload seen with it.
    const seen = view.passportDigest(claims.jti);
    if (seen === undefined) records.push({ t: 'passport', ts: now, jti: claims.jti, digest: passport.digest, exp: claims.exp });
    else if (seen !== passport.digest) {
      return denied([reason('passport.replayed', `passport id ${claims.jti} was already used with different contents; a jti is single-issue`, undefined, claims.jti)]);
    }
    for (const jti of passport.chain) {
      const why = view.revoked(jti);
      if (why !== undefined) return denied([reason('passport.revoked', `passport ${jti}${jti === claims.jti ? '' : ' (a parent)'} was revoked: ${why}`, undefined, jti)], records);
    }
    if (ctx.nonce !== undefined) {
      if (typeof ctx.nonce !== 'string' || ctx.nonce === '') throw new TypeError(`nonce must be a non-empty string, got ${JSON.stringify(ctx.nonce)}`);
      if (view.nonceUsed(claims.jti, ctx.nonce)) {
        return denied([reason('request.replayed', `replayed request: nonce ${JSON.stringify(ctx.nonce)} was already used with passport ${claims.jti}`, undefined, ctx.nonce)], records);
      }
      records.push({ t: 'nonce', ts: now, jti: claims.jti, nonce: ctx.nonce, exp: claims.exp });
    }

    const killed = this.#activeKill(claims.tenant, claims.agent);
    if (killed !== undefined) {
      const open = view.openOrders({ tenant: claims.tenant, agent: claims.agent }).length;
      return denied([reason('kill.active', `kill switch (${killed.scope}${killed.scope === 'global' ? '' : ` ${killed.target}`}) is tripped: ${killed.reason}; every action is refused; ${open} open order(s) listed for cancellation`, killed.scope, killed.target)], records);
    }
    if (!claims.scopes.tools.includes(action.tool)) {
      return denied([reason('scope.tool', `tool ${JSON.stringify(action.tool)} is not in the passport's tools`, claims.scopes.tools.join(','), action.tool)], records);
    }

    const a = newAssessment();
    const env: TradingEnv = {
      view,
      claims,
      now,
      allowRestrict: ctx.allowRestrict ?? action.allow_restrict === true,
      largeOrderFraction: this.#largeOrderFraction,
    };
    if (ctx.referencePrice !== undefined) env.referencePrice = ctx.referencePrice;
    if (this.#referencePriceCheck) env.referencePriceCheck = this.#referencePriceCheck;
    if (ctx.requestId !== undefined) env.requestId = ctx.requestId;
    try {
      switch (action.tool) {
        case 'place_order':
          assessPlaceOrder(action, env, a);
          break;
        case 'modify_order':
          assessModifyOrder(action, env, a);
          break;
        case 'cancel_order':
          assessCancelOrder(action, env, a);
          break;
        case 'withdraw':
        case 'transfer':
          assessMoveFunds(action, env, a);
          break;
        default:
          // Any other tool: scope, kill, decay and taint apply; no trading controls.
          if (this.#highRiskTools.has(action.tool)) a.highRisk = true;
      }
    } catch (err) {
      if (!(err instanceof InvalidActionError)) throw err;
      return denied([reason('action.invalid', err.message)], records);
    }
    this.#checkRunaway(claims.tenant, claims.agent, now, a);
    this.#checkDecay(passport, now, a);
    this.#checkTaint(ctx.session ?? claims.session, a);

    const verdict = verdictOf(a);
    records.push(...a.always);
    const proceeds = verdict === 'allow' || verdict === 'monitor' || verdict === 'restrict';
    if (proceeds) {
      records.push(...a.accept);
      if (!a.reducesRisk) records.push({ t: 'spend', ts: now, chain: passport.chain, steps: 1, risk: round(a.risk) });
    }
    const decision: Decision = {
      verdict,
      reasons: [...a.deny, ...a.challenge, ...a.restrict, ...a.monitor],
      remaining: proceeds ? { ...a.remaining, ...a.remainingIfAccepted, budget: round(a.budgetAfter) } : { ...a.remaining, budget: round(a.budgetBefore) },
    };
    if (verdict === 'restrict' && a.modifiedAction) decision.modifiedAction = a.modifiedAction;
    if (a.orderId !== undefined && proceeds) decision.orderId = a.orderId;
    return { decision, records };
  }

  #verify(token: string, nowS: number): VerifyResult {
    const hit = this.#verified.get(token);
    if (hit !== undefined) {
      if (!hit.result.ok || nowS < hit.minExp) return hit.result;
      this.#verified.delete(token);
    }
    const result = verifyPassport(token, this.#publicKey, nowS, this.#kid);
    // Failures that depend on time (expired, not yet valid) are not cached; forged tokens are.
    if (result.ok || result.reason.code === 'passport.bad_signature' || result.reason.code === 'passport.malformed' || result.reason.code === 'passport.unknown_key') {
      if (this.#verified.size >= this.#cacheSize) this.#verified.clear();
      const minExp = result.ok ? Math.min(...result.passport.links.map((l) => l.exp)) : Infinity;
      this.#verified.set(token, { result, minExp });
    }
    return result;
  }

  #activeKill(tenant: string, agent: string): KillState | undefined {
    const view = this.#store.view;
    return view.kill('global', '*') ?? view.kill('tenant', tenant) ?? view.kill('agent', `${tenant}/${agent}`) ?? view.kill('agent', agent);
  }

  /** A throttle breached repeatedly looks like a runaway loop (Knight Capital): trip the agent's switch. */
  #checkRunaway(tenant: string, agent: string, now: number, a: Assessment): void {
    const breaches = a.always.filter((r) => r.t === 'breach').length;
    if (breaches === 0) return;
    const recent = this.#store.view.rateCount(`breaches:${tenant}/${agent}`, now, this.#runawayWindowMs) + breaches;
    if (recent < this.#runawayBreaches) return;
    const why = `runaway: ${recent} throttle breaches within ${this.#runawayWindowMs} ms`;
    a.always.push({ t: 'kill', ts: now, scope: 'agent', target: `${tenant}/${agent}`, reason: why });
    a.deny.push({ ...reason('kill.tripped', `agent ${agent} kill switch tripped automatically (${why})`, this.#runawayBreaches, recent), owasp: 'LLM10' });
  }

  /** Authority decays with time, steps and risk; below the threshold a human must re-authorize. */
  #checkDecay(passport: VerifiedPassport, now: number, a: Assessment): void {
    let lowest = Infinity;
    let lowestBefore = Infinity;
    let lowestLink = passport.links[passport.links.length - 1]!;
    let threshold = 0;
    const costsStep = !a.reducesRisk;
    for (const link of passport.links) {
      const decay = { ...DEFAULT_DECAY, ...link.decay };
      const spent = this.#store.view.spent(link.jti);
      const hours = Math.max(0, now / 1000 - link.iat) / 3600;
      const before = link.budget - decay.per_step * spent.steps - decay.per_risk * spent.risk - decay.per_hour * hours;
      const after = costsStep ? before - decay.per_step - decay.per_risk * a.risk : before;
      lowestBefore = Math.min(lowestBefore, before);
      if (after - decay.threshold < lowest - threshold) {
        lowest = after;
        lowestLink = link;
        threshold = decay.threshold;
      }
    }
    a.budgetBefore = lowestBefore;
    a.budgetAfter = lowest;
    if (costsStep && lowest < threshold) {
      const which = lowestLink.jti === passport.claims.jti ? 'this passport' : `parent passport ${lowestLink.jti}`;
      a.challenge.push(reason('authority.decayed', `authority of ${which} has decayed to ${round(lowest)} (threshold ${threshold}) through time, steps and risk taken; a human must re-authorize or issue a fresh passport`, threshold, round(lowest)));
    }
  }

  #checkTaint(session: string | undefined, a: Assessment): void {
    if (session === undefined || !a.highRisk) return;
    const findings = this.#store.view.taint(session);
    if (findings === undefined || findings.length === 0) return;
    const f = findings[0]!;
    a.challenge.push({
      code: 'taint.session',
      message: `session ${JSON.stringify(session)} is tainted: ${f.context ?? 'untrusted'} text was flagged (${f.id}, ${f.family}); high-risk actions need a human`,
      owasp: f.owasp,
      finding: f,
    });
  }

  recordScan(session: string, result: ScanObservation): Promise<void> {
    if (typeof session !== 'string' || session === '') return Promise.reject(new TypeError(`session must be a non-empty string, got ${JSON.stringify(session)}`));
    if (!result || !result.flagged || !kUntrustedContexts.has(result.context)) return Promise.resolve();
    const now = this.#now();
    // Cite the most severe findings first; a few are enough to explain the challenge.
    const top = [...(result.findings ?? [])].sort((x, y) => kSeverityRank[y.severity] - kSeverityRank[x.severity]).slice(0, 3);
    const records: JournalRecord[] = top.map((f) => ({ t: 'taint', ts: now, session, finding: taintFinding(f, result.context) }));
    if (records.length === 0) {
      records.push({ t: 'taint', ts: now, session, finding: { id: 'scan.flagged', family: 'unknown', owasp: 'LLM01', severity: 'high', evidence: '', ...(result.context ? { context: result.context } : {}) } });
    }
    return this.#store.commit(records);
  }

  clearTaint(session: string): Promise<void> {
    return this.#store.commit([{ t: 'clear_taint', ts: this.#now(), session }]);
  }

  recordFill(fill: { tenant: string; orderId: string; qty: number; price: number }): Promise<void> {
    if (!fill || typeof fill.tenant !== 'string' || typeof fill.orderId !== 'string') return Promise.reject(new TypeError('fill needs string tenant and orderId'));
    for (const name of ['qty', 'price'] as const) {
      if (typeof fill[name] !== 'number' || !(fill[name] > 0)) return Promise.reject(new TypeError(`fill.${name} must be a number > 0, got ${JSON.stringify(fill[name])}`));
    }
    if (this.#store.view.order(fill.tenant, fill.orderId) === undefined) return Promise.reject(new Error(`fill for unknown order ${JSON.stringify(fill.orderId)} in tenant ${JSON.stringify(fill.tenant)}`));
    return this.#store.commit([{ t: 'fill', ts: this.#now(), tenant: fill.tenant, order_id: fill.orderId, qty: fill.qty, price: fill.price }]);
  }

  kill(scope: KillScope, target: string, why = 'operator command'): Promise<void> {
    const bad = checkScope(scope, target);
    if (bad) return Promise.reject(bad);
    return this.#store.commit([{ t: 'kill', ts: this.#now(), scope, target: scope === 'global' ? '*' : target, reason: why }]);
  }

  resume(scope: KillScope, target: string): Promise<void> {
    const bad = checkScope(scope, target);
    if (bad) return Promise.reject(bad);
    const t = scope === 'global' ? '*' : target;
    // An agent switch may be keyed by bare agent or tenant/agent; resuming clears the one named.
    return this.#store.commit([{ t: 'resume', ts: this.#now(), scope, target: t }]);
  }

  revoke(jti: string, why = 'revoked by operator'): Promise<void> {
    if (typeof jti !== 'string' || jti === '') return Promise.reject(new TypeError(`jti must be a non-empty string, got ${JSON.stringify(jti)}`));
    return this.#store.commit([{ t: 'revoke', ts: this.#now(), jti, reason: why }]);
  }

  openOrders(filter?: { tenant?: string; agent?: string }): WorkingOrder[] {
    return this.#store.view.openOrders(filter);
  }

  kills(): KillState[] {
    return this.#store.view.kills();
  }

  close(): Promise<void> {
    this.#verified.clear();
    return this.#store.close();
  }
}

function verdictOf(a: Assessment): Verdict {
  if (a.deny.length > 0) return 'deny';
  if (a.challenge.length > 0) return 'challenge';
  if (a.restrict.length > 0) return 'restrict';
  if (a.monitor.length > 0) return 'monitor';
  return 'allow';
}

function denied(reasons: GuardReason[], records: JournalRecord[] = []): { decision: Decision; records: JournalRecord[] } {
  return { decision: { verdict: 'deny', reasons, remaining: {} }, records };
}

function taintFinding(f: ScanObservation['findings'][number], context: Context | undefined): TaintFinding {
  const out: TaintFinding = { id: f.id, family: f.family, owasp: f.owasp, severity: f.severity, evidence: String(f.evidence ?? '').slice(0, 200) };
  if (context !== undefined) out.context = context;
  return out;
}

function checkScope(scope: KillScope, target: string): TypeError | undefined {
  if (scope !== 'agent' && scope !== 'tenant' && scope !== 'global') return new TypeError(`kill scope must be agent, tenant or global, got ${JSON.stringify(scope)}`);
  if (scope !== 'global' && (typeof target !== 'string' || target === '')) return new TypeError(`kill target must name the ${scope}, got ${JSON.stringify(target)}`);
  return undefined;
}
