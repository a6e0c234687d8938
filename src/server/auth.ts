/**
 * Request authentication: an API key id plus an HMAC-SHA256 signature over the request.
 *
 * Headers (all required on /v1/*):
 *   x-tollgate-key        the API key id (the part before ':' in TOLLGATE_API_KEYS)
 *   x-tollgate-timestamp  Unix time in milliseconds when the request was signed
 *   x-tollgate-nonce      16-128 characters [A-Za-z0-9_-], unique per request
 *   x-tollgate-signature  lowercase hex HMAC-SHA256(secret, string-to-sign)
 * string-to-sign = METHOD + "\n" + PATH (with query) + "\n" + TIMESTAMP + "\n" + NONCE + "\n" + hex SHA-256(body bytes)
 *
 * Replay protection: a timestamp more than `toleranceMs` away from the server clock is rejected
 * (stale), and a nonce already seen for that key within the window is rejected (replayed). A nonce
 * is remembered until its timestamp leaves the window (src/server/nonce-cache.ts). The cache is
 * bounded: when it is full of live nonces the server answers 503 rather than forget one.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { NonceCache } from './nonce-cache.ts';

export const AUTH_HEADERS = {
  key: 'x-tollgate-key',
  timestamp: 'x-tollgate-timestamp',
  nonce: 'x-tollgate-nonce',
  signature: 'x-tollgate-signature',
} as const;

const kNoncePattern = /^[A-Za-z0-9_-]{16,128}$/;

/** Parses `TOLLGATE_API_KEYS` ("id1:secret1,id2:secret2"); the message names the bad entry. */
export function parseApiKeys(value: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [i, raw] of value.split(',').entries()) {
    const entry = raw.trim();
    if (entry === '') continue;
    const colon = entry.indexOf(':');
    if (colon <= 0 || colon === entry.length - 1) throw new Error(`TOLLGATE_API_KEYS entry ${i + 1} must be id:secret`);
    const id = entry.slice(0, colon);
    const secret = entry.slice(colon + 1);
    if (secret.length < 16) throw new Error(`TOLLGATE_API_KEYS entry ${i + 1} (id '${id}'): secret must be at least 16 characters`);
    if (keys.has(id)) throw new Error(`TOLLGATE_API_KEYS: id '${id}' appears twice`);
    keys.set(id, secret);
  }
  if (keys.size === 0) throw new Error('TOLLGATE_API_KEYS holds no id:secret entries');
  return keys;
}

export function stringToSign(method: string, path: string, timestamp: string, nonce: string, body: Uint8Array): string {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return `${method.toUpperCase()}\n${path}\n${timestamp}\n${nonce}\n${bodyHash}`;
}

/** Client side: the four headers for a request. */
export function signRequest(opts: {
  keyId: string;
  secret: string;
  method: string;
  path: string;
  body: Uint8Array | string;
  timestamp?: number;
  nonce?: string;
}): Record<string, string> {
  const timestamp = String(opts.timestamp ?? Date.now());
  const nonce = opts.nonce ?? createHash('sha256').update(`${Math.random()}${process.hrtime.bigint()}`).digest('base64url').slice(0, 24);
  const body = typeof opts.body === 'string' ? Buffer.from(opts.body) : opts.body;
  const signature = createHmac('sha256', opts.secret).update(stringToSign(opts.method, opts.path, timestamp, nonce, body)).digest('hex');
  return {
    [AUTH_HEADERS.key]: opts.keyId,
    [AUTH_HEADERS.timestamp]: timestamp,
    [AUTH_HEADERS.nonce]: nonce,
    [AUTH_HEADERS.signature]: signature,
  };
}

export { NonceCache } from './nonce-cache.ts';

export type AuthOutcome =
  | { ok: true; keyId: string }
  | { ok: false; status: 401 | 503; code: string; message: string };

export class RequestAuthenticator {
  readonly #keys: Map<string, string>;
  readonly #toleranceMs: number;
  readonly #nonces: NonceCache;
  readonly #now: () => number;

  constructor(keys: Map<string, string>, options: { toleranceMs?: number; nonceCacheSize?: number; now?: () => number } = {}) {
    this.#keys = keys;
    this.#toleranceMs = options.toleranceMs ?? 300_000;
    // 2 million live nonces (64 MB at most, grown as needed): 6,600 signed requests/s sustained
    // from clients whose clocks agree with ours (each nonce is kept until its timestamp + tolerance).
    this.#nonces = new NonceCache(options.nonceCacheSize ?? 2_000_000, this.#toleranceMs * 2);
    this.#now = options.now ?? Date.now;
  }

  get nonceCacheSize(): number {
    return this.#nonces.size;
  }

  check(method: string, path: string, headers: Record<string, string | string[] | undefined>, body: Uint8Array): AuthOutcome {
    const keyId = header(headers, AUTH_HEADERS.key);
    const timestamp = header(headers, AUTH_HEADERS.timestamp);
    const nonce = header(headers, AUTH_HEADERS.nonce);
    const signature = header(headers, AUTH_HEADERS.signature);
    const missing = [
      [AUTH_HEADERS.key, keyId],
      [AUTH_HEADERS.timestamp, timestamp],
      [AUTH_HEADERS.nonce, nonce],
      [AUTH_HEADERS.signature, signature],
    ].filter(([, v]) => v === undefined).map(([name]) => name);
    if (missing.length > 0) return deny('auth_missing', `missing header${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    const secret = this.#keys.get(keyId!);
    if (secret === undefined) return deny('auth_unknown_key', `unknown API key id in ${AUTH_HEADERS.key}`);
    if (!/^\d{1,15}$/.test(timestamp!)) return deny('auth_bad_timestamp', `${AUTH_HEADERS.timestamp} must be Unix time in milliseconds`);
    const now = this.#now();
    const skew = Number(timestamp) - now;
    if (Math.abs(skew) > this.#toleranceMs) {
      return deny('auth_stale', `${AUTH_HEADERS.timestamp} is ${Math.round(Math.abs(skew) / 1000)} s ${skew < 0 ? 'old' : 'in the future'} (allowed ±${this.#toleranceMs / 1000} s)`);
    }
    if (!kNoncePattern.test(nonce!)) return deny('auth_bad_nonce', `${AUTH_HEADERS.nonce} must be 16-128 characters of [A-Za-z0-9_-]`);
    if (!/^[0-9a-f]{64}$/.test(signature!)) return deny('auth_bad_signature', `${AUTH_HEADERS.signature} must be 64 lowercase hex digits`);
    const expected = createHmac('sha256', secret).update(stringToSign(method, path, timestamp!, nonce!, body)).digest();
    if (!timingSafeEqual(expected, Buffer.from(signature!, 'hex'))) {
      return deny('auth_bad_signature', 'signature does not match the request (method, path, timestamp, nonce or body differ, or wrong secret)');
    }
    // Only a correctly signed request may spend a nonce, so nobody can burn nonces they did not sign.
    // Remembered until its timestamp leaves the window: after that the stale check refuses a replay.
    const seen = this.#nonces.remember(`${keyId}\u0000${nonce}`, now, Number(timestamp) + this.#toleranceMs + 1);
    if (seen === 'replayed') return deny('auth_replayed', `${AUTH_HEADERS.nonce} was already used: replayed request refused`);
    if (seen === 'full') return { ok: false, status: 503, code: 'nonce_cache_full', message: 'too many signed requests in the replay window; retry shortly' };
    return { ok: true, keyId: keyId! };
  }
}

function deny(code: string, message: string): AuthOutcome {
  return { ok: false, status: 401, code, message };
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
