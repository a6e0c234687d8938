import type { KeyObject } from 'node:crypto';
import { createGuard, type Guard, type GuardOptions } from './guard/index.ts';
import type { Action, AuthorizeContext, Decision } from './guard/types.ts';
import { CONTEXTS, type Context, type ScanInput, type ScanResult } from './types.ts';
import { ClosedError, InputError, TollgateError } from './errors.ts';
import { compile, loadDatabase, type Database, type DatabaseInfo } from './signatures/database.ts';
import { defaultPackDir, loadPackDir, type SignaturePack } from './signatures/pack.ts';
import { coreModule } from './wasm/instance.ts';
import { createThreadScanner } from './scan/runtime.ts';
import type { Scanner, ScanRequest } from './scan/scanner.ts';
import { ScanPool, type PoolOptions } from './pool/pool.ts';
import { createMarketGuard, type MarketGuard, type MarketGuardOptions, type MarketObservation, type MarketTick } from './anomaly/market-guard.ts';
import { CanaryRegistry, mergeLeakFindings, redact, type RedactOptions } from './leak/index.ts';
import { decideVerdict, fuseScore } from './scan/verdict.ts';
import type { Finding } from './types.ts';

export interface EngineOptions extends PoolOptions {
  /** Scan in the caller's thread (lowest latency) instead of the worker pool. */
  inline?: boolean;
  /** A signature pack, a pack directory, or precompiled database bytes. Default: the embedded pack. */
  pack?: SignaturePack | string | Uint8Array;
  /** Ed25519 public key (PEM or KeyObject): databases must carry a valid signature to load. */
  publicKey?: string | KeyObject;
  /** Ed25519 private key used to sign packs this engine compiles (so its own check passes). */
  signingKey?: string | KeyObject;
  /** Default context for string inputs (default `user_prompt`). */
  defaultContext?: Context;
  /** Inputs per worker task in scanBatch (pool mode): batching amortizes the ~43 µs round trip. */
  batchSize?: number;
  /**
   * The action guard behind `authorize` (src/guard): the operator's Ed25519 public key, and where
   * its state lives. The engine wires the market-data guard in as the reference-price check and
   * feeds every scan that carries a `session` to the guard for trace taint.
   */
  guard?: Omit<GuardOptions, 'referencePriceCheck'>;
  /** Options of the market-data guard behind observeMarket (src/anomaly/market-guard.ts). */
  market?: MarketGuardOptions;
}

/** One entry of `scanBatch`: a result, or the error for that input alone. */
export type ScanBatchEntry = ScanResult | { error: string; code: string };

const kDefaultBatchSize = 16;

/**
 * The detection engine: a thin facade that checks arguments and hands off to a scanner, inline or
 * in the worker pool. Create with `createEngine`.
 *
 * @example
 * const engine = await createEngine({ inline: true });
 * const r = await engine.scan({ text: doc, context: 'retrieved_doc', task: 'Summarize this filing' });
 * if (r.flagged) console.log(r.verdict, r.findings);
 * await engine.close();
 */
export class Engine {
  readonly #options: EngineOptions;
  #db: Database;
  #generation = 0;
  #shared: SharedArrayBuffer;
  #scanner: Scanner | undefined;
  #pool: ScanPool | undefined;
  #closed = false;
  #market: MarketGuard | undefined;
  #guard: Guard | undefined;
  readonly #canaries = new CanaryRegistry();

  /** @internal use createEngine */
  constructor(db: Database, options: EngineOptions) {
    this.#options = options;
    this.#db = db;
    this.#shared = toShared(db.bytes);
    if (options.inline) this.#scanner = createThreadScanner(db, coreModule(), options.analyzers ?? {});
    else this.#pool = new ScanPool(coreModule(), options);
    if (options.guard) this.#guard = createGuard({ ...options.guard, referencePriceCheck: (symbol, price) => this.market.isReferenceTrusted(symbol, price) });
  }

  /** The loaded database: pack name and version, sizes, SHA-256, whether it was signed. */
  get database(): DatabaseInfo {
    return this.#db.info;
  }

  get mode(): 'inline' | 'pool' {
    return this.#scanner ? 'inline' : 'pool';
  }

  /** Pool statistics (queue depth, utilization), or undefined in inline mode. */
  get poolStats(): ScanPool['stats'] | undefined {
    return this.#pool?.stats;
  }

  /** The market-data guard (created on first use); hand `engine.market.referencePriceCheck` to createGuard. */
  get market(): MarketGuard {
    this.#market ??= createMarketGuard(this.#options.market);
    return this.#market;
  }

  /** Scores a market-data tick: price jumps, fake breakouts, source divergence, stale or late feeds. */
  observeMarket(tick: MarketTick): MarketObservation {
    if (this.#closed) throw new ClosedError();
    return this.market.observeMarket(tick);
  }

  /** Scans one input. Rejects with InputError for bad input, WorkerError when a worker dies. */
  async scan(input: string | ScanInput, options: { signal?: AbortSignal } = {}): Promise<ScanResult> {
    if (this.#closed) throw new ClosedError();
    const request = this.#request(input, 'input');
    let result: ScanResult;
    if (this.#scanner) result = this.#withCanaries(request, this.#scanner.scan(request));
    else {
      const [pooled] = await this.#pool!.scan(this.#generation, this.#shared, [request], options.signal);
      result = this.#withCanaries(request, pooled!);
    }
    const session = typeof input === 'object' ? input.session : undefined;
    if (session !== undefined && this.#guard) await this.#guard.recordScan(session, { flagged: result.flagged, findings: result.findings, context: request.context });
    return result;
  }

  /**
   * Decides whether an agent's tool call may run: scope, pre-trade limits, authority decay, trace
   * taint, kill switches (src/guard). Needs `guard` in the engine options.
   *
   * @example
   * const d = await engine.authorize({ tool: 'place_order', args: { account: 'A1', symbol: 'AAPL', side: 'buy', qty: 10, type: 'limit', price: 190 } },
   *   { passport: token, referencePrice: 189.9, session: 's-42' });
   * // d: { verdict, reasons: [{ code, message, owasp, limit?, observed? }], remaining }
   */
  async authorize(action: Action, context: AuthorizeContext): Promise<Decision> {
    if (this.#closed) throw new ClosedError();
    return this.guard.authorize(action, context);
  }

  /** The action guard (kill switches, executions, state); throws when no `guard` option was given. */
  get guard(): Guard {
    if (!this.#guard) throw new InputError('authorize needs the engine option guard: { publicKey, stateDir? }');
    return this.#guard;
  }

  /**
   * Issues a canary token to plant in a system prompt or a confidential document. Any later scan whose
   * text contains it (also split, spaced, case-changed or base64/hex/percent-encoded) gets a `canary`
   * finding (OWASP LLM07) naming `plantedIn`. Canaries live in this engine (`engine.canaries` to persist).
   */
  canary(label: string, plantedIn?: string): string {
    if (this.#closed) throw new ClosedError();
    return this.#canaries.issue(label, plantedIn);
  }

  /** The planted canaries (serializable with JSON.stringify; `CanaryRegistry.fromJSON` to restore). */
  get canaries(): CanaryRegistry {
    return this.#canaries;
  }

  /** Scans `text` and replaces every secret, personal-data and canary span (mask keeps offsets and length). */
  async redact(text: string, options: RedactOptions & { context?: Context } = {}): Promise<{ text: string; findings: Finding[] }> {
    const result = await this.scan({ text, context: options.context ?? 'model_output' });
    const leaks = mergeLeakFindings(result.findings.filter((f) => f.family === 'secret' || f.family === 'pii' || f.family === 'canary'));
    return { text: redact(text, leaks, options), findings: leaks };
  }

  /** Adds canary findings (scanned here, where the registry lives, in inline and pool mode alike). */
  #withCanaries(request: ScanRequest, result: ScanResult): ScanResult {
    if (this.#canaries.size === 0) return result;
    const found = this.#canaries.scan(request.text);
    if (found.length === 0) return result;
    const findings = [...result.findings, ...found];
    const score = Math.max(result.score, fuseScore(findings));
    return { ...result, findings, score, flagged: true, verdict: decideVerdict(Math.max(score, 0.5), findings, request.context) };
  }

  /**
   * Scans many inputs; an invalid input fails only its own entry. In pool mode inputs travel in
   * batches of `batchSize` per task, spread over the workers.
   */
  async scanBatch(inputs: ReadonlyArray<string | ScanInput>): Promise<ScanBatchEntry[]> {
    if (this.#closed) throw new ClosedError();
    if (!Array.isArray(inputs)) throw new InputError('inputs must be an array');
    const entries: ScanBatchEntry[] = new Array(inputs.length);
    const valid: Array<{ index: number; request: ScanRequest }> = [];
    inputs.forEach((input, index) => {
      try {
        valid.push({ index, request: this.#request(input, `inputs[${index}]`) });
      } catch (err) {
        const e = err as TollgateError;
        entries[index] = { error: e.message, code: e.code ?? 'TG_ERR_INPUT' };
      }
    });
    if (this.#scanner) {
      for (const { index, request } of valid) entries[index] = this.#withCanaries(request, this.#scanner.scan(request));
      await this.#recordSessions(inputs, entries);
      return entries;
    }
    const size = this.#options.batchSize ?? kDefaultBatchSize;
    const generation = this.#generation;
    const shared = this.#shared;
    const tasks: Promise<void>[] = [];
    for (let i = 0; i < valid.length; i += size) {
      const slice = valid.slice(i, i + size);
      tasks.push(
        this.#pool!.scan(generation, shared, slice.map((v) => v.request)).then(
          (results) => slice.forEach((v, k) => (entries[v.index] = this.#withCanaries(v.request, results[k]!))),
          (err: TollgateError) => slice.forEach((v) => (entries[v.index] = { error: err.message, code: err.code ?? 'TG_ERR_WORKER' })),
        ),
      );
    }
    await Promise.all(tasks);
    await this.#recordSessions(inputs, entries);
    return entries;
  }

  /** Feeds batch results that carry a session to the action guard (trace taint). */
  async #recordSessions(inputs: ReadonlyArray<string | ScanInput>, entries: ScanBatchEntry[]): Promise<void> {
    if (!this.#guard) return;
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i];
      const entry = entries[i];
      if (typeof input !== 'object' || input === null || input.session === undefined || entry === undefined || 'error' in entry) continue;
      await this.#guard.recordScan(input.session, { flagged: entry.flagged, findings: entry.findings, context: input.context ?? this.#options.defaultContext ?? 'user_prompt' });
    }
  }

  /**
   * Swaps in a new signature database without a restart. Scans already running finish on the old
   * database; every scan started after this resolves uses the new one. Throws (and keeps the old
   * database) when the new one does not compile, verify or validate.
   */
  async reload(pack: SignaturePack | string | Uint8Array): Promise<DatabaseInfo> {
    if (this.#closed) throw new ClosedError();
    const db = resolveDatabase(pack, this.#options);
    if (this.#scanner) this.#scanner.setDatabase(db);
    this.#db = db;
    this.#shared = toShared(db.bytes);
    this.#generation++;
    return db.info;
  }

  /** Test hook: kill one pool worker mid-task (needs TOLLGATE_TEST_HOOKS=1 in the environment). */
  async _crashWorkerForTest(): Promise<void> {
    if (!this.#pool) throw new InputError('no pool in inline mode');
    await this.#pool.crashOneWorker();
  }

  /** Drains in-flight scans and stops the workers. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool?.close();
    await this.#guard?.close();
  }

  #request(input: string | ScanInput, where: string): ScanRequest {
    if (typeof input === 'string') return { text: input, context: this.#options.defaultContext ?? 'user_prompt' };
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw new InputError(`${where} must be a string or an object with a "text" field`);
    }
    if (typeof input.text !== 'string') throw new InputError(`${where}.text must be a string, got ${describe(input.text)}`);
    const context = input.context ?? this.#options.defaultContext ?? 'user_prompt';
    if (!CONTEXTS.includes(context)) {
      throw new InputError(`${where}.context must be one of ${CONTEXTS.join(', ')}, got ${JSON.stringify(input.context)}`);
    }
    if (input.task !== undefined && typeof input.task !== 'string') throw new InputError(`${where}.task must be a string, got ${describe(input.task)}`);
    if (input.session !== undefined && typeof input.session !== 'string') throw new InputError(`${where}.session must be a string, got ${describe(input.session)}`);
    return input.task ? { text: input.text, context, task: input.task } : { text: input.text, context };
  }
}

/** Creates an engine: compiles (or loads and verifies) the signature database, starts the scanner(s). */
export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const db = resolveDatabase(options.pack ?? defaultPackDir(), options);
  return new Engine(db, options);
}

function resolveDatabase(pack: SignaturePack | string | Uint8Array, options: EngineOptions): Database {
  if (pack instanceof Uint8Array) return loadDatabase(pack, options.publicKey ? { publicKey: options.publicKey } : {});
  const source = typeof pack === 'string' ? loadPackDir(pack) : pack;
  const db = compile(source, options.signingKey ? { signingKey: options.signingKey } : {});
  // Verify our own output when a key is configured, so a signing misconfiguration fails here.
  return options.publicKey ? loadDatabase(db.bytes, { publicKey: options.publicKey }) : db;
}

function toShared(bytes: Uint8Array): SharedArrayBuffer {
  const shared = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(shared).set(bytes);
  return shared;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
