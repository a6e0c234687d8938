/**
 * Error classes with stable codes. Errors do not keep their class across worker threads, so
 * workers send `{ code, message, details }` and the main thread rebuilds the class with `fromWire`.
 */

export type ErrorCode =
  | 'TG_ERR_INPUT'
  | 'TG_ERR_PACK'
  | 'TG_ERR_COMPILE'
  | 'TG_ERR_LIMIT'
  | 'TG_ERR_DATABASE'
  | 'TG_ERR_SIGNATURE'
  | 'TG_ERR_SCAN'
  | 'TG_ERR_WORKER'
  | 'TG_ERR_CLOSED';

const kBrand = Symbol.for('tollgate.error');

export class TollgateError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'TollgateError';
    this.code = code;
    this.details = details;
  }
  /** `instanceof` works across two loaded copies of the package (undici's trick). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[kBrand] === true;
  }
  get [kBrand](): boolean {
    return true;
  }
  toWire(): WireError {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** Bad caller input: the message names the field and what was wrong with it. */
export class InputError extends TollgateError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('TG_ERR_INPUT', message, details);
    this.name = 'InputError';
  }
}

/** A signature pack that is not well formed (names the file and signature). */
export class PackError extends TollgateError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('TG_ERR_PACK', message, details);
    this.name = 'PackError';
  }
}

/** A size limit was exceeded while compiling (regex-automata style: limit and actual). */
export class LimitError extends TollgateError {
  constructor(message: string, details: { limit: number; actual: number; [k: string]: unknown }) {
    super('TG_ERR_LIMIT', message, details);
    this.name = 'LimitError';
  }
}

/** Database bytes that are corrupt, of another format version, or fail their hash. */
export class DatabaseError extends TollgateError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('TG_ERR_DATABASE', message, details);
    this.name = 'DatabaseError';
  }
}

/** A database whose Ed25519 signature is missing or wrong while a verification key is configured. */
export class SignatureError extends TollgateError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('TG_ERR_SIGNATURE', message, details);
    this.name = 'SignatureError';
  }
}

/** The engine could not complete a scan; the result is indeterminate, never "clean". */
export class ScanError extends TollgateError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('TG_ERR_SCAN', message, details);
    this.name = 'ScanError';
  }
}

/** A worker thread died or failed to start while running a task. */
export class WorkerError extends TollgateError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('TG_ERR_WORKER', message, details);
    this.name = 'WorkerError';
  }
}

/** Use after `close()`. */
export class ClosedError extends TollgateError {
  constructor(message = 'engine is closed') {
    super('TG_ERR_CLOSED', message);
    this.name = 'ClosedError';
  }
}

export interface WireError {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown> | undefined;
}

const kByCode: Record<ErrorCode, new (message: string, details?: any) => TollgateError> = {
  TG_ERR_INPUT: InputError,
  TG_ERR_PACK: PackError,
  TG_ERR_COMPILE: PackError,
  TG_ERR_LIMIT: LimitError,
  TG_ERR_DATABASE: DatabaseError,
  TG_ERR_SIGNATURE: SignatureError,
  TG_ERR_SCAN: ScanError,
  TG_ERR_WORKER: WorkerError,
  TG_ERR_CLOSED: ClosedError,
};

/** Rebuilds an error sent across a thread boundary. */
export function fromWire(wire: WireError): TollgateError {
  const Ctor = kByCode[wire.code] ?? ScanError;
  return new Ctor(wire.message, wire.details ?? {});
}

/** Turns anything thrown into something that can cross a thread boundary. */
export function toWire(err: unknown): WireError {
  if (err instanceof TollgateError) return err.toWire();
  return { code: 'TG_ERR_SCAN', message: (err as Error)?.message ?? String(err) };
}
