/**
 * Behaviour and model monitors: each agent is compared with its own baseline, each model's
 * caller-supplied performance metric with its own history. A sustained deviation emits a trip
 * event, which the action guard's kill switch (or a challenge pause) consumes.
 *
 * Per agent, orders are aggregated into fixed windows (`windowMs`); when a window closes its order
 * count, notional, cancel ratio and number of distinct symbols are scored (EWMA z against that
 * agent's earlier windows, upward deviations only: a runaway or hijacked agent trades more, larger,
 * cancels more and wanders into new symbols). `sustainWindows` deviating windows in a row trip.
 * Independently, the arrival rate of orders is scored on every order (sliding-window rate
 * detector); `sustainOrders` consecutive surging orders trip at once, without waiting for a window
 * to close.
 *
 * @example
 * const monitor = createBehaviourMonitor({ onTrip: tripToGuard(guard) });
 * monitor.observeOrder({ agent: 'acme/bot-1', ts: Date.now(), symbol: 'AAPL', notional: 1900 });
 */
import { SeriesDetector, type AnomalyFinding } from './series-detector.ts';
import { toEpochMs } from './market-guard.ts';
import { positiveNumberOptions } from '../util/options.ts';

export type TripAction = 'kill' | 'challenge';

export interface TripEvent {
  kind: 'agent' | 'model';
  /** agent id (as given to observeOrder) or model name */
  target: string;
  action: TripAction;
  reason: string;
  ts: number;
  metrics: Array<{ metric: string; value: number; z: number; threshold: number }>;
}

export interface OrderEvent {
  agent: string;
  ts: number | string;
  symbol: string;
  /** price x quantity; 0 for a cancel */
  notional?: number;
  kind?: 'new' | 'cancel' | 'modify';
}

export interface ModelMetric {
  model: string;
  ts: number | string;
  /** e.g. hit rate or P&L over the caller's period */
  value: number;
  metric?: string;
}

export interface BehaviourObservation {
  findings: AnomalyFinding[];
  /** set when this event tripped the agent or model */
  trip?: TripEvent;
}

export interface BehaviourMonitorOptions {
  windowMs?: number;
  /** z above an agent's own baseline that counts as deviating. Default 4. */
  thresholdZ?: number;
  /** deviating windows in a row that trip. Default 2. */
  sustainWindows?: number;
  /** windows an agent needs before it is judged. Default 10. */
  warmupWindows?: number;
  /** sliding window of the per-order rate detector. Default 10,000 ms. */
  burstWindowMs?: number;
  /** rate z that counts as a surge. Default 6. */
  burstZ?: number;
  /** consecutive surging orders that trip. Default 5. */
  sustainOrders?: number;
  /** what a trip asks the guard to do. Default 'kill'. */
  action?: TripAction;
  /** model metric: z (negative direction by default) and CUSUM interval. */
  modelThresholdZ?: number;
  modelCusumH?: number;
  modelWarmup?: number;
  /** consecutive deviating model points that trip (a CUSUM alarm trips at once). Default 3. */
  modelSustain?: number;
  /** which direction of a model metric is bad. Default 'down' (hit rate, P&L falling). */
  modelDirection?: 'down' | 'up' | 'both';
  onTrip?: (event: TripEvent) => void;
}

const kDefaults = {
  windowMs: 60_000,
  thresholdZ: 4,
  sustainWindows: 2,
  warmupWindows: 10,
  burstWindowMs: 10_000,
  burstZ: 6,
  sustainOrders: 5,
  modelThresholdZ: 4,
  modelCusumH: 6,
  modelWarmup: 20,
  modelSustain: 3,
};

/** Windows of silence scored as empty, at most, when an agent comes back (bounded work per event). */
const kMaxGapWindows = 16;
const kAgentMetrics = ['orders', 'notional', 'cancel_ratio', 'symbols'] as const;

interface AgentState {
  window: number;
  orders: number;
  cancels: number;
  notional: number;
  symbols: Set<string>;
  streak: number;
  burstStreak: number;
  tripped: boolean;
}

interface ModelState {
  streak: number;
  tripped: boolean;
}

export class BehaviourMonitor {
  readonly #o: typeof kDefaults;
  readonly #action: TripAction;
  readonly #modelDirection: 'down' | 'up' | 'both';
  readonly #listeners: Array<(e: TripEvent) => void> = [];
  readonly #windows: SeriesDetector;
  readonly #bursts: SeriesDetector;
  readonly #models: SeriesDetector;
  readonly #agents = new Map<string, AgentState>();
  readonly #modelState = new Map<string, ModelState>();
  readonly #paused = new Set<string>();

  constructor(options: BehaviourMonitorOptions = {}) {
    const o = positiveNumberOptions(kDefaults, options);
    this.#o = o;
    this.#action = options.action ?? 'kill';
    if (this.#action !== 'kill' && this.#action !== 'challenge') throw new RangeError(`options.action must be 'kill' or 'challenge', got '${String(options.action)}'`);
    this.#modelDirection = options.modelDirection ?? 'down';
    if (!['down', 'up', 'both'].includes(this.#modelDirection)) throw new RangeError(`options.modelDirection must be 'down', 'up' or 'both', got '${String(options.modelDirection)}'`);
    if (options.onTrip) this.#listeners.push(options.onTrip);
    this.#windows = new SeriesDetector({
      detectors: ['ewma'],
      thresholds: { ewma: o.thresholdZ },
      ewmaAlpha: 0.1,
      warmup: Math.round(o.warmupWindows),
      // counts of a quiet agent barely vary: a deviation must also be large in absolute terms
      sigmaFloor: 1,
      relativeSigmaFloor: 0.25,
      clipSigmas: 3,
    });
    this.#bursts = new SeriesDetector({
      detectors: ['rate'],
      thresholds: { rate: o.burstZ },
      rateWindowMs: o.burstWindowMs,
      warmup: Math.round(o.warmupWindows),
    });
    this.#models = new SeriesDetector({
      detectors: ['ewma', 'cusum'],
      thresholds: { ewma: o.modelThresholdZ, cusum: o.modelCusumH },
      ewmaAlpha: 0.05,
      cusumAlpha: 0.02,
      warmup: Math.round(o.modelWarmup),
      clipSigmas: 3,
    });
  }

  /** Adds a trip listener; returns a function that removes it. */
  onTrip(listener: (e: TripEvent) => void): () => void {
    this.#listeners.push(listener);
    return () => {
      const i = this.#listeners.indexOf(listener);
      if (i >= 0) this.#listeners.splice(i, 1);
    };
  }

  /** True while a 'challenge' trip holds the agent or model paused (until resume()). */
  isPaused(target: string): boolean {
    return this.#paused.has(target);
  }

  /** Clears a trip: the target is judged again (its baseline is kept). */
  resume(target: string): void {
    this.#paused.delete(target);
    const a = this.#agents.get(target);
    if (a) {
      a.tripped = false;
      a.streak = 0;
      a.burstStreak = 0;
    }
    const m = this.#modelState.get(target);
    if (m) {
      m.tripped = false;
      m.streak = 0;
    }
  }

  observeOrder(event: OrderEvent): BehaviourObservation {
    const { agent, symbol } = event;
    if (typeof agent !== 'string' || agent === '') throw new TypeError(`order.agent must be a non-empty string, got ${JSON.stringify(agent)}`);
    if (typeof symbol !== 'string' || symbol === '') throw new TypeError(`order.symbol must be a non-empty string, got ${JSON.stringify(symbol)}`);
    const notional = event.notional ?? 0;
    if (typeof notional !== 'number' || !Number.isFinite(notional) || notional < 0) throw new TypeError(`order.notional must be a non-negative number, got ${JSON.stringify(event.notional)}`);
    const kind = event.kind ?? 'new';
    if (kind !== 'new' && kind !== 'cancel' && kind !== 'modify') throw new TypeError(`order.kind must be 'new', 'cancel' or 'modify', got ${JSON.stringify(kind)}`);
    const ts = toEpochMs(event.ts, 'order.ts');
    const w = Math.floor(ts / this.#o.windowMs);
    let st = this.#agents.get(agent);
    if (st === undefined) {
      st = { window: w, orders: 0, cancels: 0, notional: 0, symbols: new Set(), streak: 0, burstStreak: 0, tripped: false };
      this.#agents.set(agent, st);
    }
    const findings: AnomalyFinding[] = [];
    let trip: TripEvent | undefined;
    if (w > st.window) trip = this.#closeWindows(agent, st, w, findings);

    if (kind === 'cancel') st.cancels++;
    else st.orders++;
    st.notional += notional;
    st.symbols.add(symbol);

    // per-order surge check
    const r = this.#bursts.observe(`${agent}\u0000burst`, ts, 1);
    if (r.flagged) {
      findings.push(...r.findings.map((f) => ({ ...f, id: 'behaviour.order_rate_burst' })));
      st.burstStreak++;
      if (st.burstStreak >= this.#o.sustainOrders && !st.tripped && trip === undefined) {
        const f = r.findings[0]!;
        trip = this.#trip('agent', agent, ts, `order rate surged for ${st.burstStreak} orders in a row (window count z ${f.value.toFixed(1)} >= ${this.#o.burstZ})`, [
          { metric: 'order_rate', value: f.value, z: f.value, threshold: this.#o.burstZ },
        ]);
        st.tripped = true;
      }
    } else {
      st.burstStreak = 0;
    }
    return trip ? { findings, trip } : { findings };
  }

  /** Closes an agent's windows up to (not including) window index `upTo`; call with Date.now() from a timer for idle agents. */
  flush(ts: number): TripEvent[] {
    const w = Math.floor(ts / this.#o.windowMs);
    const trips: TripEvent[] = [];
    for (const [agent, st] of this.#agents) {
      if (w > st.window) {
        const t = this.#closeWindows(agent, st, w, []);
        if (t) trips.push(t);
      }
    }
    return trips;
  }

  #closeWindows(agent: string, st: AgentState, upTo: number, findings: AnomalyFinding[]): TripEvent | undefined {
    let trip: TripEvent | undefined;
    const first = Math.max(st.window, upTo - kMaxGapWindows);
    for (let w = first; w < upTo; w++) {
      const own = w === st.window;
      const values: Record<(typeof kAgentMetrics)[number], number> = {
        orders: own ? st.orders : 0,
        notional: own ? st.notional : 0,
        cancel_ratio: own ? st.cancels / Math.max(1, st.orders + st.cancels) : 0,
        symbols: own ? st.symbols.size : 0,
      };
      const ts = (w + 1) * this.#o.windowMs - 1;
      const deviating: TripEvent['metrics'] = [];
      for (const metric of kAgentMetrics) {
        const r = this.#windows.observe(`${agent}\u0000${metric}`, ts, values[metric]);
        const f = r.findings[0];
        if (r.flagged && f !== undefined && f.value > 0) {
          deviating.push({ metric, value: values[metric], z: f.value, threshold: this.#o.thresholdZ });
          findings.push({ ...f, id: `behaviour.${metric}` });
        }
      }
      st.streak = deviating.length > 0 ? st.streak + 1 : 0;
      if (st.streak >= this.#o.sustainWindows && !st.tripped && trip === undefined) {
        const what = deviating.map((d) => `${d.metric} z ${d.z.toFixed(1)}`).join(', ');
        trip = this.#trip('agent', agent, ts, `${st.streak} windows in a row above own baseline (${what})`, deviating);
        st.tripped = true;
      }
    }
    st.window = upTo;
    st.orders = 0;
    st.cancels = 0;
    st.notional = 0;
    st.symbols.clear();
    return trip;
  }

  /** Scores one value of a model's rolling metric against that model's own history. */
  observeModel(m: ModelMetric): BehaviourObservation {
    if (typeof m.model !== 'string' || m.model === '') throw new TypeError(`model must be a non-empty string, got ${JSON.stringify(m.model)}`);
    if (typeof m.value !== 'number' || !Number.isFinite(m.value)) throw new TypeError(`model metric value must be a finite number, got ${JSON.stringify(m.value)}`);
    const metric = m.metric ?? 'performance';
    const ts = toEpochMs(m.ts, 'model.ts');
    const r = this.#models.observe(`${m.model}\u0000${metric}`, ts, m.value);
    const bad = (v: number): boolean => (this.#modelDirection === 'both' ? true : this.#modelDirection === 'down' ? v < 0 : v > 0);
    const findings = r.findings.filter((f) => bad(f.value)).map((f) => ({ ...f, id: `model.${metric}.${f.detector}` }));
    let st = this.#modelState.get(m.model);
    if (st === undefined) {
      st = { streak: 0, tripped: false };
      this.#modelState.set(m.model, st);
    }
    st.streak = findings.length > 0 ? st.streak + 1 : 0;
    const cusum = findings.find((f) => f.detector === 'cusum');
    let trip: TripEvent | undefined;
    if (!st.tripped && (cusum !== undefined || st.streak >= this.#o.modelSustain)) {
      const why = cusum !== undefined
        ? `CUSUM of ${metric} crossed ${this.#o.modelCusumH} (sustained shift from its baseline)`
        : `${metric} deviated from its baseline ${st.streak} times in a row`;
      trip = this.#trip('model', m.model, ts, why, findings.map((f) => ({ metric, value: m.value, z: f.value, threshold: f.threshold })));
      st.tripped = true;
    }
    return trip ? { findings, trip } : { findings };
  }

  #trip(kind: 'agent' | 'model', target: string, ts: number, reason: string, metrics: TripEvent['metrics']): TripEvent {
    const event: TripEvent = { kind, target, action: this.#action, reason: `${kind} ${target}: ${reason}`, ts, metrics };
    if (this.#action === 'challenge') this.#paused.add(target);
    for (const l of this.#listeners) l(event);
    return event;
  }
}

/** Minimal view of the action guard's kill switch (src/guard Guard.kill). */
export interface KillSwitch {
  kill(scope: 'agent' | 'tenant' | 'global', target: string, reason?: string): Promise<void>;
}

/**
 * A trip listener that trips the guard's kill switch: for an agent trip, that agent; for a model
 * trip, every agent `agentsForModel` names as running on that model. Only 'kill' trips reach the
 * guard; 'challenge' trips are held by the monitor's isPaused(). A failed kill goes to `onError`
 * (default: rethrown asynchronously, so it is never silently lost).
 */
export function tripToGuard(
  guard: KillSwitch,
  options: { agentsForModel?: (model: string) => readonly string[]; onError?: (err: unknown) => void } = {},
): (e: TripEvent) => void {
  const onError = options.onError ?? ((err: unknown) => queueMicrotask(() => { throw err; }));
  return (e) => {
    if (e.action !== 'kill') return;
    const agents = e.kind === 'agent' ? [e.target] : (options.agentsForModel?.(e.target) ?? []);
    for (const agent of agents) guard.kill('agent', agent, `behaviour monitor: ${e.reason}`).catch(onError);
  };
}

export function createBehaviourMonitor(options: BehaviourMonitorOptions = {}): BehaviourMonitor {
  return new BehaviourMonitor(options);
}
