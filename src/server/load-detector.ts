/**
 * Adapts the real engine (`createEngine`), the action guard (`createGuard`, when an operator
 * public key is configured) and the leak detector (redaction) to the server's `Detector`.
 */
import { readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { createEngine, InputError, type EngineOptions } from '../index.ts';
import { createGuard, type Guard } from '../guard/guard.ts';
import { handleWireLine } from '../guard/wire.ts';
import { InvalidActionError } from '../guard/trading.ts';
import { redactLeaks, REDACTION_MODES, type RedactionMode } from '../leak/index.ts';
import type { Finding, ScanInput, ScanResult } from '../types.ts';
import { DetectorInputError, type AuthorizeOutcome, type BatchEntry, type Detector } from './detector.ts';
import { decodePassport } from '../guard/passport.ts';
import { ScanCoalescer } from './coalescer.ts';

export interface LoadDetectorOptions {
  /** Scan on the calling thread instead of the worker pool. */
  inline?: boolean;
  maxThreads?: number;
  /** Engine pool queue bound (piscina maxQueue). */
  maxQueue?: number;
  pack?: EngineOptions['pack'];
  /** Operator Ed25519 public key that signs agent passports; enables /v1/authorize. */
  guardPublicKey?: KeyObject;
  /** Journaled guard state (positions, kill switches, replay cache); in memory when absent. */
  guardStateDir?: string;
  /** Pool mode: also scan on the event-loop thread when every worker is busy (see ScanCoalescer). */
  inlineAssist?: boolean;
  /** HMAC key for `mode: "hash"` redaction, so short values cannot be recovered by hashing candidates. */
  redactHashKey?: string;
}

/** The package version, read from package.json beside dist/ or above src/. */
export function packageVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'tollgate' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // try the next layout
    }
  }
  return 'unknown';
}

function asDetectorError(err: unknown): unknown {
  return err instanceof InputError ? new DetectorInputError((err as Error).message) : err;
}

function guardAuthorize(guard: Guard) {
  return async (body: Record<string, unknown>): Promise<AuthorizeOutcome> => {
    if (body.control !== undefined) {
      throw new DetectorInputError('control lines (kill, resume, revoke, ...) are not accepted over HTTP; use the operator CLI', 'control');
    }
    let pending: Promise<Record<string, unknown>> | Record<string, unknown>;
    try {
      pending = handleWireLine(guard, body, 0);
    } catch (err) {
      // The wire parser's messages start with the field name ("action.tool must be ...").
      const message = (err as Error).message;
      throw new DetectorInputError(message, /^([A-Za-z_.[\]0-9]+) /.exec(message)?.[1]);
    }
    let wire: Record<string, unknown>;
    try {
      wire = await pending;
    } catch (err) {
      if (err instanceof InvalidActionError) throw new DetectorInputError(err.message, /^([A-Za-z_.[\]0-9]+) /.exec(err.message)?.[1]);
      throw err;
    }
    const { id: _id, ...answer } = wire;
    void _id;
    const reasons = (wire.reasons ?? []) as { code: string; owasp?: string }[];
    const outcome: AuthorizeOutcome = {
      ...answer,
      verdict: String(wire.verdict),
      reasonCodes: reasons.map((r) => r.code),
      auditFindings: reasons.map((r) => ({ id: `guard.${r.code}`, family: 'guard', owasp: r.owasp as Finding['owasp'] })),
    };
    try {
      const claims = decodePassport(body.passport as string).claims;
      outcome.agent = claims.agent;
      outcome.tenant = claims.tenant;
    } catch {
      // An undecodable passport was already denied by the guard; the record just lacks the names.
    }
    return outcome;
  };
}

export async function loadDetector(options: LoadDetectorOptions = {}): Promise<Detector & { crashWorkerForTest?(): Promise<void> }> {
  // batchSize matches the coalescer's largest batch, so one coalesced batch is one worker task.
  const engineOptions: EngineOptions = { inline: options.inline ?? false, batchSize: 32 };
  if (options.maxThreads !== undefined) {
    // A server keeps its workers warm: min = max (the pool's default min is the core count,
    // which would conflict with a smaller max).
    engineOptions.maxThreads = options.maxThreads;
    engineOptions.minThreads = options.maxThreads;
  }
  if (options.maxQueue !== undefined) engineOptions.maxQueue = options.maxQueue;
  if (options.pack !== undefined) engineOptions.pack = options.pack;
  const engine = await createEngine(engineOptions);
  // Inline assist: a second, inline engine on the event-loop thread scans requests that find every
  // worker busy (see ScanCoalescer). Same pack, same analyzers; the server never reloads packs.
  const assist = options.inlineAssist === true && engine.mode === 'pool' ? await createEngine({ ...engineOptions, inline: true }) : undefined;
  // The first scans run in V8's baseline tier; warm up before taking traffic.
  for (let i = 0; i < 20; i++) await engine.scan({ text: 'warm-up: please summarize the quarterly filing', context: 'user_prompt' });
  for (let i = 0; i < 20 && assist; i++) await assist.scan({ text: 'warm-up: please summarize the quarterly filing', context: 'user_prompt' });
  const guard = options.guardPublicKey === undefined ? undefined : createGuard({ publicKey: options.guardPublicKey, ...(options.guardStateDir !== undefined ? { stateDir: options.guardStateDir } : {}) });
  const db = engine.database;
  // In pool mode, concurrent requests share worker tasks; inline there is nothing to amortize.
  const coalescer =
    engine.mode === 'pool'
      ? new ScanCoalescer(
          (inputs) => engine.scanBatch(inputs),
          (entry) => (entry.code === 'TG_ERR_INPUT' ? new DetectorInputError(entry.error) : new Error(entry.error)),
          { workers: engine.poolStats?.threads ?? 1, ...(assist ? { scanInline: (input: ScanInput) => assist.scan(input) } : {}) },
        )
      : undefined;
  return {
    versions: { engine: packageVersion(), pack: `${db.packName}@${db.packVersion}+${db.sha256.slice(0, 12)}` },
    scan: async (input: ScanInput): Promise<ScanResult> => {
      let result: ScanResult;
      try {
        result = await (coalescer ? coalescer.scan(input) : engine.scan(input));
      } catch (err) {
        throw asDetectorError(err);
      }
      // Trace taint: a flagged untrusted text seen in a session makes the guard stricter with
      // that session's later tool calls.
      if (guard !== undefined && input.session !== undefined && result.flagged) {
        await guard.recordScan(input.session, { flagged: true, findings: result.findings, ...(input.context ? { context: input.context } : {}) });
      }
      return result;
    },
    scanBatch: async (inputs: ScanInput[]): Promise<BatchEntry[]> => engine.scanBatch(inputs),
    authorize: guard === undefined ? undefined : guardAuthorize(guard),
    redact: async (request) => {
      const mode = request.mode ?? 'mask';
      if (typeof mode !== 'string' || !REDACTION_MODES.includes(mode as RedactionMode)) {
        throw new DetectorInputError(`mode must be one of ${REDACTION_MODES.join(', ')}, got ${JSON.stringify(mode)}`, 'mode');
      }
      return redactLeaks(request.text, { mode: mode as RedactionMode, ...(options.redactHashKey ? { hashKey: options.redactHashKey } : {}) });
    },
    stats: () => ({ ...(engine.poolStats ?? {}), ...(coalescer ? { inlineScans: coalescer.inlineCount, pooledScans: coalescer.batchedCount } : {}) }),
    close: async () => {
      await guard?.close();
      await assist?.close();
      await engine.close();
    },
    crashWorkerForTest: engine.mode === 'pool' ? () => engine._crashWorkerForTest() : undefined,
  };
}
