/**
 * `buildServer`: the detector backend as a Fastify instance (tests drive it with `app.inject`,
 * the `serve` command calls `listen`). Routes are glue: validate, admit, call the engine, record
 * the decision in the audit log, answer. A decision is answered only after its audit record is
 * durable, so an acknowledged decision survives kill -9.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { pack } from 'msgpackr';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import type { ScanInput, ScanResult } from '../types.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { auditRecordFromDecision, auditRecordFromScan, type AuditEntry, type AuditMeta } from '../audit/record.ts';
import { CanonicalJsonError } from '../audit/canonical-json.ts';
import type { Detector } from './detector.ts';
import { RequestAuthenticator } from './auth.ts';
import { Admission } from './admission.ts';
import { registerBodyParsers } from './body-parsers.ts';
import { Counter, Gauge, Histogram, LATENCY_BUCKETS_SECONDS, MetricsRegistry } from './metrics.ts';
import { RequestError, expectBodyObject, parseBatchBody, parseRedactBody, parseScanBody, type CallerFields } from './request-schema.ts';

export interface ServerOptions {
  engine: Detector;
  /** Every decision is appended here before it is answered. Null: no audit. */
  auditLog?: AuditLog | null;
  /** API key id → secret. `null` turns authentication off (only for loopback tests and benchmarks). */
  apiKeys: Map<string, string> | null;
  /** Largest accepted body; bigger gets 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Most items in one /v1/scan/batch. Default 256. */
  maxBatch?: number;
  /** Engine calls running at once. Default 64. */
  maxInFlight?: number;
  /** Requests waiting for a slot; beyond this, 429. Default 1024. */
  maxQueue?: number;
  /** Accepted clock skew of signed requests. Default 300000 ms. */
  timestampToleranceMs?: number;
  nonceCacheSize?: number;
  /** Keep the raw text in audit records (needed for `audit replay`). Default false. */
  auditRawText?: boolean;
  logger?: FastifyBaseLogger | false;
  /** Close the engine and the audit log (final checkpoint) when the server closes. Default true. */
  closeDependencies?: boolean;
  now?: () => number;
}

declare module 'fastify' {
  interface FastifyRequest {
    startedAt?: number;
    callerKeyId?: string;
  }
}

interface Metrics {
  requests: Counter;
  latency: Histogram;
  verdicts: Counter;
  rejected: Counter;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const engine = options.engine;
  const audit = options.auditLog ?? null;
  const maxBatch = options.maxBatch ?? 256;
  const admission = new Admission(options.maxInFlight ?? 64, options.maxQueue ?? 1024);
  const auth = options.apiKeys === null ? null : new RequestAuthenticator(options.apiKeys, {
    toleranceMs: options.timestampToleranceMs,
    nonceCacheSize: options.nonceCacheSize,
    now: options.now,
  });
  let draining = false;
  /** Recent engine latency, for an honest Retry-After. */
  let ewmaEngineMs = 1;

  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: options.maxBodyBytes ?? 1024 * 1024,
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }) as unknown as FastifyInstance;

  registerBodyParsers(app);

  const registry = new MetricsRegistry();
  const m: Metrics = {
    requests: registry.register(new Counter('tollgate_http_requests_total', 'HTTP requests by route, method and status')),
    latency: registry.register(new Histogram('tollgate_http_request_duration_seconds', 'HTTP request latency by route', LATENCY_BUCKETS_SECONDS)),
    verdicts: registry.register(new Counter('tollgate_verdicts_total', 'Decisions by kind and verdict')),
    rejected: registry.register(new Counter('tollgate_rejected_total', 'Requests refused before the engine, by reason')),
  };
  registry.register(new Gauge('tollgate_queue_depth', 'Requests waiting for an engine slot', () => admission.queued));
  registry.register(new Gauge('tollgate_in_flight', 'Engine calls running', () => admission.inFlight));
  registry.register(new Gauge('tollgate_pool_queue_size', "Tasks waiting in the engine's worker pool", () => engine.stats?.().queueSize));
  registry.register(new Gauge('tollgate_pool_utilization', 'Worker pool utilization, 0..1', () => engine.stats?.().utilization));
  registry.register(new Gauge('tollgate_scans_inline_assist', 'Scans answered on the event-loop thread while every worker was busy (--assist), since start', () => engine.stats?.().inlineScans));
  registry.register(new Gauge('tollgate_audit_records', 'Audit records sealed', () => audit?.count));
  registry.register(new Gauge('tollgate_audit_pending', 'Audit records waiting for fsync', () => audit?.pendingCount));
  registry.register(new Gauge('tollgate_nonce_cache_entries', 'Nonces remembered for replay protection', () => auth?.nonceCacheSize));

  app.addHook('onRequest', (request, _reply, done) => {
    request.startedAt = performance.now();
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    m.requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    if (request.startedAt !== undefined) m.latency.observe((performance.now() - request.startedAt) / 1000, { route });
    done();
  });
  app.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  // While draining, answer in-flight requests with `Connection: close`: otherwise their keep-alive
  // sockets stay open after the answer and the server waits for the keep-alive timeout to exit.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) reply.header('connection', 'close');
    done(null, payload);
  });
  if (options.closeDependencies ?? true) {
    app.addHook('onClose', async () => {
      // In-flight requests have finished by now; the audit close writes the final checkpoint.
      await audit?.close();
      await engine.close?.();
    });
  }

  // Authentication runs once the body is read, since the signature covers the body bytes.
  const authenticate = (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void => {
    if (auth === null) return done();
    const outcome = auth.check(request.method, request.url, request.headers, request.rawBody ?? Buffer.alloc(0));
    if (outcome.ok) {
      request.callerKeyId = outcome.keyId;
      return done();
    }
    m.rejected.inc({ reason: outcome.code });
    if (outcome.status === 503) reply.header('retry-after', '1');
    done(new RequestError(outcome.status, outcome.code, outcome.message));
  };

  const admitted = async <T>(work: () => Promise<T>): Promise<T> => {
    const slot = admission.acquire();
    if (slot === false) {
      m.rejected.inc({ reason: 'queue_full' });
      const retryAfter = Math.max(1, Math.ceil(((admission.queued / admission.maxInFlight) * ewmaEngineMs) / 1000));
      throw Object.assign(new RequestError(429, 'queue_full', `server queue is full (${admission.maxQueue} waiting); retry after ${retryAfter} s`), { retryAfter });
    }
    if (slot !== true) await slot;
    const started = performance.now();
    try {
      return await work();
    } catch (err) {
      throw engineError(err);
    } finally {
      ewmaEngineMs = ewmaEngineMs * 0.9 + (performance.now() - started) * 0.1;
      admission.release();
    }
  };

  const metaFor = (request: FastifyRequest, caller: CallerFields): AuditMeta => ({
    agent: caller.agent,
    tenant: caller.tenant,
    session: caller.session,
    requestId: request.id,
    engineVersion: engine.versions?.engine,
    packVersion: engine.versions?.pack,
    storeRawText: options.auditRawText === true,
  });

  /** Builds the entries (inside the try: building can fail on the request) and appends them. */
  const record = async (build: () => AuditEntry[]): Promise<{ seq: number }[] | undefined> => {
    if (audit === null) return undefined;
    try {
      return await Promise.all(build().map((e) => audit.append(e)));
    } catch (err) {
      // A request that cannot be written down (absurdly nested tool arguments) is the caller's
      // fault; anything else is the log's.
      if (err instanceof CanonicalJsonError) {
        const field = err.path.replace(/^\$\.input\.?/, '').replace(/^\$\.?/, '') || 'body';
        throw new RequestError(400, 'invalid_request', `request cannot be recorded: ${err.message.replace(/^canonicalJson: \$\S*/, field)}`, field);
      }
      throw new RequestError(503, 'audit_unavailable', `decision not recorded, so not answered: ${(err as Error).message}`);
    }
  };

  const send = (request: FastifyRequest, reply: FastifyReply, payload: unknown): FastifyReply => {
    const accept = request.headers.accept;
    if (request.wantsMsgpack === true || (typeof accept === 'string' && accept.includes('msgpack'))) {
      return reply.type('application/msgpack').send(Buffer.from(pack(payload)));
    }
    return reply.send(payload);
  };

  const scanResponse = (result: ScanResult, caller: CallerFields, receipt: { seq: number } | undefined): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    if (caller.id !== undefined) out.id = caller.id;
    out.flagged = result.flagged;
    out.verdict = result.verdict;
    out.score = result.score;
    out.findings = result.findings;
    out.timings = result.timings;
    if (receipt !== undefined) out.audit = { seq: receipt.seq };
    return out;
  };

  app.post('/v1/scan', { preValidation: authenticate }, async (request, reply) => {
    const { input, caller } = parseScanBody(request.body);
    const result = await admitted(() => engine.scan(input));
    m.verdicts.inc({ kind: 'scan', verdict: result.verdict });
    const receipts = await record(() => [auditRecordFromScan(input, result, metaFor(request, caller))]);
    return send(request, reply, scanResponse(result, caller, receipts?.[0]));
  });

  app.post('/v1/scan/batch', { preValidation: authenticate }, async (request, reply) => {
    const items = parseBatchBody(request.body, maxBatch);
    const inputs: ScanInput[] = items.map((i) => i.input);
    const results = await admitted(() => engine.scanBatch(inputs));
    if (!Array.isArray(results) || results.length !== items.length) {
      throw new RequestError(503, 'engine_error', `engine returned ${Array.isArray(results) ? results.length : 'no'} results for ${items.length} inputs`);
    }
    // An input the engine failed on gets its own error entry; the others are still answered and recorded.
    const scanned: number[] = [];
    results.forEach((r, i) => {
      if ('error' in r) return;
      scanned.push(i);
      m.verdicts.inc({ kind: 'scan', verdict: r.verdict });
    });
    const receipts = await record(() => scanned.map((i) => auditRecordFromScan(items[i]!.input, results[i] as ScanResult, metaFor(request, items[i]!.caller))));
    const receiptByIndex = new Map(scanned.map((index, k) => [index, receipts?.[k]]));
    return send(request, reply, {
      results: results.map((r, i) => {
        const caller = items[i]!.caller;
        if ('error' in r) return { ...(caller.id !== undefined ? { id: caller.id } : {}), error: r.error, code: r.code ?? 'engine_error' };
        return scanResponse(r, caller, receiptByIndex.get(i));
      }),
    });
  });

  app.post('/v1/authorize', { preValidation: authenticate }, async (request, reply) => {
    const body = expectBodyObject(request.body);
    const authorize = engine.authorize;
    if (authorize === undefined) {
      throw new RequestError(501, 'not_implemented', '/v1/authorize needs the action guard: start tollgate serve with --guard-public-key FILE (or TOLLGATE_PUBLIC_KEY) to enable it');
    }
    const outcome = await admitted(() => authorize.call(engine, body));
    const { reasonCodes, auditFindings, agent, tenant, ...answer } = outcome;
    m.verdicts.inc({ kind: 'authorize', verdict: outcome.verdict });
    const caller = { ...callerOf(body), ...(agent !== undefined ? { agent } : {}), ...(tenant !== undefined ? { tenant } : {}) };
    const receipts = await record(() => [
      auditRecordFromDecision({ kind: 'authorize', input: withoutBearer(body), verdict: outcome.verdict, reasons: reasonCodes, findings: auditFindings, flagged: outcome.verdict !== 'allow' }, metaFor(request, caller)),
    ]);
    return send(request, reply, receipts === undefined ? answer : { ...answer, audit: { seq: receipts[0]!.seq } });
  });

  app.post('/v1/redact', { preValidation: authenticate }, async (request, reply) => {
    const body = parseRedactBody(request.body);
    const redact = engine.redact;
    if (redact === undefined) {
      throw new RequestError(501, 'not_implemented', '/v1/redact is not available: this detector has no redactor');
    }
    const { caller, ...redactRequest } = body;
    const outcome = await admitted(() => redact.call(engine, redactRequest as { text: string }));
    const verdict = outcome.findings.length > 0 ? 'redacted' : 'unchanged';
    m.verdicts.inc({ kind: 'redact', verdict });
    const receipts = await record(() => [
      auditRecordFromDecision({ kind: 'redact', input: body.text, verdict, findings: outcome.findings, flagged: outcome.findings.length > 0 }, { ...metaFor(request, caller), storeRawText: false }),
    ]);
    return send(request, reply, receipts === undefined ? outcome : { ...outcome, audit: { seq: receipts[0]!.seq } });
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (draining) return reply.code(503).send({ ready: false, reason: 'draining' });
    // Decisions are not answered unless recorded, so a broken audit log means the instance cannot serve.
    if (audit?.failure) return reply.code(503).send({ ready: false, reason: `audit log failed: ${audit.failure.message}` });
    return { ready: true, engine: engine.versions ?? {}, audit: audit !== null };
  });
  app.get('/metrics', async (_request, reply) => reply.type('text/plain; version=0.0.4; charset=utf-8').send(registry.render()));

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string; field?: string; retryAfter?: number }, request, reply) => {
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (error.retryAfter !== undefined) reply.header('retry-after', String(error.retryAfter));
    if (status >= 500 && status !== 501 && status !== 503) request.log.error({ err: error, route: request.routeOptions.url }, 'request failed');
    else if (status >= 500) request.log.warn({ code: error.code, route: request.routeOptions.url }, error.message);
    const body: Record<string, unknown> = {
      error: error instanceof RequestError ? error.code : fastifyCode(error, status),
      message: status === 500 ? 'internal error' : error.message,
    };
    if (error.field !== undefined) body.field = error.field;
    return reply.code(status).send(body);
  });

  return app;
}

/**
 * The passport is a bearer credential: the audit record commits to it by hash instead of
 * holding it, so a log stored with raw text cannot be mined for live tokens.
 */
function withoutBearer(body: Record<string, unknown>): Record<string, unknown> {
  if (typeof body.passport !== 'string') return body;
  return { ...body, passport: `sha256:${createHash('sha256').update(body.passport).digest('hex')}` };
}

function callerOf(body: Record<string, unknown>): CallerFields {
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 256 ? v : undefined);
  return { agent: str(body.agent), tenant: str(body.tenant), session: str(body.session) };
}

function fastifyCode(error: Error & { code?: string }, status: number): string {
  if (status === 413) return 'body_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 400) return 'invalid_request';
  return error.code?.toLowerCase() ?? 'error';
}

/** Maps an engine failure to an answer: queue full → 429, bad input → 400, anything else → 503. */
function engineError(err: unknown): Error {
  if (err instanceof RequestError) return err;
  const e = err as Error & { statusCode?: number; field?: string; code?: string };
  if (e?.statusCode === 400) return new RequestError(400, 'invalid_request', e.message, e.field);
  const text = `${e?.name ?? ''} ${e?.code ?? ''} ${e?.message ?? ''}`;
  if (/queue.*(full|limit)|TaskQueueAtLimit|QUEUE_FULL/i.test(text)) {
    return Object.assign(new RequestError(429, 'queue_full', 'engine queue is full; retry shortly'), { retryAfter: 1 });
  }
  return new RequestError(503, 'engine_error', `engine failed on this request: ${e?.message ?? String(err)}`);
}
