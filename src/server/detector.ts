/**
 * What the server needs from the detection engine. The real engine (`createEngine`), the action
 * guard and the redactor are adapted to this in load-detector.ts; tests pass a fake.
 */
import type { Finding, ScanInput, ScanResult } from '../types.ts';
import type { FindingLike } from '../audit/record.ts';

export interface AuthorizeOutcome {
  verdict: string;
  /** Reason codes, for the audit record. */
  reasonCodes?: string[];
  /** Reasons as findings (id, OWASP id), for the audit record. */
  auditFindings?: FindingLike[];
  /** Who acted, for the audit record (from the passport). */
  agent?: string;
  tenant?: string;
  /** Anything else the guard returns is passed to the caller unchanged. */
  [key: string]: unknown;
}

export interface RedactOutcome {
  text: string;
  findings: Finding[];
  [key: string]: unknown;
}

export interface DetectorStats {
  /** Tasks waiting in the engine's own queue (worker pool), if it has one. */
  queueSize?: number;
  /** Fraction of worker time busy, 0..1, if the engine runs a pool. */
  utilization?: number;
  threads?: number;
  /** Scans answered on the event-loop thread by inline assist, and by the workers, since start. */
  inlineScans?: number;
  pooledScans?: number;
}

/** One batch result: a scan result, or the error for that input alone (e.g. its worker died). */
export type BatchEntry = ScanResult | { error: string; code?: string };

export interface Detector {
  scan(input: ScanInput): Promise<ScanResult>;
  scanBatch(inputs: ScanInput[]): Promise<BatchEntry[]>;
  /** Decide on a tool call; absent until the guard is wired (the route answers 501). */
  authorize?(request: Record<string, unknown>): Promise<AuthorizeOutcome>;
  /** Mask secrets and personal data in a text; absent until the redactor is wired (501). */
  redact?(request: { text: string; [key: string]: unknown }): Promise<RedactOutcome>;
  stats?(): DetectorStats;
  versions?: { engine?: string; pack?: string };
  close?(): Promise<void>;
}

/**
 * An error the engine or guard raises for bad input: the server answers 400 and names `field`.
 * Any error with `statusCode` 400 and an optional `field` is treated the same way.
 */
export class DetectorInputError extends Error {
  override name = 'DetectorInputError';
  readonly statusCode = 400;
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}
