/**
 * Request validation for the /v1 routes. Hand-written rather than Fastify's Ajv setup because
 * Fastify's default Ajv coerces types (a number `text` would silently become a string) and we
 * want one message shape that names the field: `inputs[3].context must be one of ...`.
 * Unknown fields are ignored so clients can send newer optional fields.
 */
import { CONTEXTS, type Context, type ScanInput } from '../types.ts';

export class RequestError extends Error {
  override name = 'RequestError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const kContextSet = new Set<string>(CONTEXTS);

export function badField(field: string, message: string): RequestError {
  return new RequestError(400, 'invalid_request', `${field} ${message}`, field);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

export function expectBodyObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || body instanceof Uint8Array) {
    throw new RequestError(400, 'invalid_request', `body must be an object, got ${describe(body)}`, 'body');
  }
  return body as Record<string, unknown>;
}

function optionalString(obj: Record<string, unknown>, key: string, prefix: string, maxLength = 256): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badField(prefix + key, `must be a string, got ${describe(value)}`);
  if (value.length > maxLength) throw badField(prefix + key, `must be at most ${maxLength} characters, got ${value.length}`);
  return value;
}

/** Who the decision is for; goes into the audit record. */
export interface CallerFields {
  agent?: string;
  tenant?: string;
  session?: string;
  id?: string | number;
}

export interface ScanRequest {
  input: ScanInput;
  caller: CallerFields;
}

export function parseScanItem(value: unknown, prefix: string): ScanRequest {
  const what = prefix === '' ? 'body' : prefix.slice(0, -1);
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Uint8Array) {
    throw new RequestError(400, 'invalid_request', `${what} must be an object, got ${describe(value)}`, what);
  }
  const obj = value as Record<string, unknown>;
  if (obj.text === undefined) throw badField(prefix + 'text', 'is required');
  if (typeof obj.text !== 'string') throw badField(prefix + 'text', `must be a string, got ${describe(obj.text)}`);
  const input: ScanInput = { text: obj.text };
  if (obj.context !== undefined && obj.context !== null) {
    if (typeof obj.context !== 'string' || !kContextSet.has(obj.context)) {
      throw badField(prefix + 'context', `must be one of ${CONTEXTS.join(', ')}, got ${typeof obj.context === 'string' ? JSON.stringify(obj.context.slice(0, 40)) : describe(obj.context)}`);
    }
    input.context = obj.context as Context;
  }
  const task = optionalString(obj, 'task', prefix, 1 << 20);
  if (task !== undefined) input.task = task;
  const session = optionalString(obj, 'session', prefix);
  if (session !== undefined) input.session = session;
  const caller: CallerFields = { agent: optionalString(obj, 'agent', prefix), tenant: optionalString(obj, 'tenant', prefix), session };
  if (obj.id !== undefined) {
    if (typeof obj.id !== 'string' && typeof obj.id !== 'number') throw badField(prefix + 'id', `must be a string or number, got ${describe(obj.id)}`);
    caller.id = obj.id;
  }
  return { input, caller };
}

export function parseScanBody(body: unknown): ScanRequest {
  expectBodyObject(body);
  return parseScanItem(body, '');
}

export function parseBatchBody(body: unknown, maxBatch: number): ScanRequest[] {
  const obj = expectBodyObject(body);
  const inputs = obj.inputs;
  if (inputs === undefined) throw badField('inputs', 'is required');
  if (!Array.isArray(inputs)) throw badField('inputs', `must be an array, got ${describe(inputs)}`);
  if (inputs.length === 0) throw badField('inputs', 'must hold at least one item');
  if (inputs.length > maxBatch) throw new RequestError(413, 'batch_too_large', `inputs holds ${inputs.length} items, the limit is ${maxBatch}`, 'inputs');
  return inputs.map((item, i) => parseScanItem(item, `inputs[${i}].`));
}

export function parseRedactBody(body: unknown): { text: string; caller: CallerFields; [key: string]: unknown } {
  const obj = expectBodyObject(body);
  if (obj.text === undefined) throw badField('text', 'is required');
  if (typeof obj.text !== 'string') throw badField('text', `must be a string, got ${describe(obj.text)}`);
  return { ...obj, text: obj.text, caller: { agent: optionalString(obj, 'agent', ''), tenant: optionalString(obj, 'tenant', ''), session: optionalString(obj, 'session', '') } };
}
