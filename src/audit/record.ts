/**
 * The audit record: what one decision looks like on disk, how it is hashed into the chain, and
 * helpers that turn a scan (or a guard/redact decision) into a record.
 *
 * Privacy default: the input is kept only as its SHA-256 and byte length. The raw text (and the
 * matched evidence inside findings) is stored only when the log is opened with `storeRawText`,
 * because a prompt can hold customer data or secrets and the log is kept for years.
 */
import { createHash } from 'node:crypto';
import type { Finding, ScanInput, ScanResult } from '../types.ts';
import { canonicalJson } from './canonical-json.ts';

export type AuditKind = 'scan' | 'authorize' | 'redact';
export const AUDIT_KINDS: readonly AuditKind[] = ['scan', 'authorize', 'redact'];

/** Current on-disk record format. */
export const RECORD_VERSION = 1;

/** The `prev` of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFinding {
  id: string;
  family?: string;
  owasp?: string;
  severity?: string;
  start?: number;
  end?: number;
  rule?: string;
  /** Matched text; only present when raw text is stored. */
  evidence?: string;
}

/** What a caller hands to `append`: the decision, without chain fields. */
export interface AuditEntry {
  kind: AuditKind;
  /** allow | monitor | challenge | restrict | deny (or the guard's own decision word). */
  verdict: string;
  flagged?: boolean;
  score?: number;
  /** Short reasons for the verdict (finding ids when the engine gives nothing else). */
  reasons: string[];
  findings: AuditFinding[];
  agent?: string;
  session?: string;
  tenant?: string;
  context?: string;
  requestId?: string;
  engineVersion?: string;
  packVersion?: string;
  /** SHA-256 (hex) of the input: UTF-8 text for scans, canonical JSON for tool calls. */
  inputSha256: string;
  inputBytes: number;
  /** Raw input text, only when the log is configured to store it (replay needs it). */
  text?: string;
  /** The user's task that came with a scan, stored with the text (replay needs it). */
  task?: string;
}

/** A sealed record: the entry plus its place in the chain. */
export interface AuditRecord extends AuditEntry {
  v: number;
  seq: number;
  /** ISO-8601 UTC time at which the record was sealed. */
  time: string;
  /** `hash` of the previous record, or GENESIS_HASH. */
  prev: string;
  /** SHA-256 over the canonical JSON of every other field of this record. */
  hash: string;
}

/** Who and what a decision was made for and by; passed through to every record. */
export interface AuditMeta {
  agent?: string;
  session?: string;
  tenant?: string;
  requestId?: string;
  engineVersion?: string;
  packVersion?: string;
  /** Keep the raw input (and evidence) in the record. Default false. */
  storeRawText?: boolean;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The record hash: SHA-256 over canonical JSON of the record without its `hash` field. */
export function recordHash(record: Omit<AuditRecord, 'hash'> | AuditRecord): string {
  const { hash: _ignored, ...rest } = record as AuditRecord;
  void _ignored;
  return sha256Hex(canonicalJson(rest));
}

/** A sealed record and the line that stores it. */
export interface SealedRecord {
  record: AuditRecord;
  /** One JSON line (no newline): `{"hash":...,` followed by the canonical body. */
  line: string;
}

export function sealRecord(entry: AuditEntry, seq: number, prev: string, time: Date = new Date()): AuditRecord {
  return seal(entry, seq, prev, time).record;
}

/**
 * Seals and serializes in one pass: the canonical JSON that is hashed is also the stored line,
 * with the hash put in front (key order does not matter to readers, who re-canonicalize).
 */
export function seal(entry: AuditEntry, seq: number, prev: string, time: Date = new Date()): SealedRecord {
  const record = stripUndefined(entry) as AuditRecord;
  record.v = RECORD_VERSION;
  record.seq = seq;
  record.time = time.toISOString();
  record.prev = prev;
  const body = canonicalJson(record);
  const hash = sha256Hex(body);
  record.hash = hash;
  return { record, line: `{"hash":"${hash}",${body.slice(1)}` };
}

function stripUndefined<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** A finding as the guard or redactor reports it: an id and whatever else is known. */
export type FindingLike = Pick<Finding, 'id'> & Partial<Finding>;

function auditFinding(f: FindingLike, storeRaw: boolean): AuditFinding {
  const out: AuditFinding = { id: f.id, family: f.family, owasp: f.owasp, severity: f.severity, start: f.start, end: f.end };
  if (f.rule !== undefined) out.rule = f.rule;
  if (storeRaw && typeof f.evidence === 'string') out.evidence = f.evidence;
  return out;
}

function reasonsOf(result: { findings?: FindingLike[]; reasons?: unknown }): string[] {
  if (Array.isArray(result.reasons) && result.reasons.every((r) => typeof r === 'string')) return result.reasons as string[];
  return [...new Set((result.findings ?? []).map((f) => f.id))];
}

function metaFields(meta: AuditMeta): Partial<AuditEntry> {
  return {
    agent: meta.agent,
    session: meta.session,
    tenant: meta.tenant,
    requestId: meta.requestId,
    engineVersion: meta.engineVersion,
    packVersion: meta.packVersion,
  };
}

/**
 * Turns one scan into an audit entry.
 * @example
 *   const result = await engine.scan(input);
 *   await audit.append(auditRecordFromScan(input, result, { engineVersion, packVersion }));
 */
export function auditRecordFromScan(input: string | ScanInput, result: ScanResult, meta: AuditMeta = {}): AuditEntry {
  const scanInput: ScanInput = typeof input === 'string' ? { text: input } : input;
  const storeRaw = meta.storeRawText === true;
  const entry: AuditEntry = {
    kind: 'scan',
    verdict: result.verdict,
    flagged: result.flagged,
    score: result.score,
    reasons: reasonsOf(result as ScanResult & { reasons?: unknown }),
    findings: result.findings.map((f) => auditFinding(f, storeRaw)),
    ...metaFields(meta),
    session: meta.session ?? scanInput.session,
    context: scanInput.context,
    inputSha256: sha256Hex(scanInput.text),
    inputBytes: Buffer.byteLength(scanInput.text),
  };
  if (storeRaw) {
    entry.text = scanInput.text;
    if (scanInput.task !== undefined) entry.task = scanInput.task;
  }
  return entry;
}

/**
 * Turns a non-scan decision (a guard `authorize` of a tool call, a `redact`) into an audit entry.
 * `input` is what was decided on: a string is hashed as UTF-8, anything else as canonical JSON.
 */
export function auditRecordFromDecision(
  decision: { kind: AuditKind; input: unknown; verdict: string; reasons?: string[]; findings?: FindingLike[]; score?: number; flagged?: boolean },
  meta: AuditMeta = {},
): AuditEntry {
  const storeRaw = meta.storeRawText === true;
  const inputText = typeof decision.input === 'string' ? decision.input : canonicalJson(decision.input ?? null);
  const findings = decision.findings ?? [];
  const entry: AuditEntry = {
    kind: decision.kind,
    verdict: decision.verdict,
    flagged: decision.flagged,
    score: decision.score,
    reasons: decision.reasons ?? reasonsOf({ findings }),
    findings: findings.map((f) => auditFinding(f, storeRaw)),
    ...metaFields(meta),
    inputSha256: sha256Hex(inputText),
    inputBytes: Buffer.byteLength(inputText),
  };
  if (storeRaw) entry.text = inputText;
  return entry;
}
