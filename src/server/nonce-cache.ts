/**
 * The replay cache: every nonce seen within its lifetime, so a replayed request is refused.
 *
 * A service at 5,000 signed requests/s with a 600 s lifetime holds 3 million live nonces. A
 * Map<string, number> costs ~100 bytes an entry, so it was capped at 200,000. At that rate the cap
 * was reached after 40 s, and from then on every request was refused with 503. This table keeps a
 * 64-bit hash of each key and its expiry: 16 bytes a slot, open addressing with linear probing,
 * at most half full. It grows by doubling up to the capacity that `maxEntries` needs. Expired
 * entries stay in their probe chains until the next rebuild, which keeps only the live ones.
 *
 * Two keys share a 64-bit hash with probability ~n²/2^65 (about 1e-7 for 2 million nonces). Such a
 * collision refuses a fresh request as replayed; it never accepts a replay.
 */

import { fnv1a, mix32 } from '../util/hash.ts';

/** Expiry 0 marks a slot never used since the last rebuild (a stored expiry is nowMs + ttlMs > 0). */
const kEmpty = 0;
const kMinSlots = 1024;

export class NonceCache {
  #h1: Uint32Array;
  #h2: Uint32Array;
  #expiry: Float64Array;
  #mask: number;
  /** Slots holding an entry, live or expired. */
  #occupied = 0;
  #lastNowMs = 0;
  readonly #maxSlots: number;

  constructor(
    readonly maxEntries: number,
    readonly ttlMs: number,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
    if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${ttlMs}`);
    this.#maxSlots = nextPowerOfTwo(Math.max(kMinSlots, maxEntries * 2));
    const slots = Math.min(kMinSlots, this.#maxSlots);
    this.#h1 = new Uint32Array(slots);
    this.#h2 = new Uint32Array(slots);
    this.#expiry = new Float64Array(slots);
    this.#mask = slots - 1;
  }

  /** Live nonces (those not yet expired at the last call's time). O(slots): for metrics and tests. */
  get size(): number {
    let n = 0;
    for (let i = 0; i < this.#expiry.length; i++) if (this.#expiry[i]! > this.#lastNowMs) n++;
    return n;
  }

  /** Bytes held by the table (grows with the number of live nonces, up to the cap). */
  get bytes(): number {
    return this.#expiry.length * 16;
  }

  /**
   * 'fresh' (now remembered until `expiresAtMs`, by default `ttlMs` from now), 'replayed', or 'full'
   * (cannot remember it: refuse the request).
   */
  remember(key: string, nowMs: number, expiresAtMs: number = nowMs + this.ttlMs): 'fresh' | 'replayed' | 'full' {
    if (!(expiresAtMs > nowMs)) return 'fresh'; // already outside its window: nothing to remember
    this.#lastNowMs = nowMs;
    // Two independent 32-bit halves of a 64-bit key hash.
    const a = mix32(fnv1a(key));
    const b = (mix32(fnv1a(key, 0x9747b28c)) | 1) >>> 0; // never 0; kept unsigned to compare with the Uint32Array
    let i = a & this.#mask;
    let reusable = -1;
    for (;;) {
      const e = this.#expiry[i]!;
      if (e === kEmpty) break;
      if (this.#h1[i] === a && this.#h2[i] === b) {
        if (e > nowMs) return 'replayed';
        this.#expiry[i] = expiresAtMs; // same key, expired: remembered again in place
        return 'fresh';
      }
      if (reusable < 0 && e <= nowMs) reusable = i;
      i = (i + 1) & this.#mask;
    }
    if (reusable >= 0) {
      this.#store(reusable, a, b, expiresAtMs);
      return 'fresh';
    }
    if (this.#occupied + 1 > (this.#expiry.length >>> 1)) {
      // Half full: drop the expired entries, and grow if the live ones still fill half the table.
      const live = this.#rebuild(nowMs, this.#expiry.length);
      if (live + 1 > (this.#expiry.length >>> 1)) {
        if (this.#expiry.length >= this.#maxSlots || live >= this.maxEntries) return 'full';
        this.#rebuild(nowMs, this.#expiry.length * 2);
      }
      return this.remember(key, nowMs, expiresAtMs);
    }
    if (this.#occupied >= this.maxEntries) {
      const live = this.#rebuild(nowMs, this.#expiry.length);
      if (live >= this.maxEntries) return 'full';
      return this.remember(key, nowMs, expiresAtMs);
    }
    this.#occupied++;
    this.#store(i, a, b, expiresAtMs);
    return 'fresh';
  }

  #store(i: number, a: number, b: number, expiresAtMs: number): void {
    this.#h1[i] = a;
    this.#h2[i] = b;
    this.#expiry[i] = expiresAtMs;
  }

  /** Re-inserts the live entries into a table of `slots` slots; returns how many there are. */
  #rebuild(nowMs: number, slots: number): number {
    const h1 = this.#h1;
    const h2 = this.#h2;
    const expiry = this.#expiry;
    this.#h1 = new Uint32Array(slots);
    this.#h2 = new Uint32Array(slots);
    this.#expiry = new Float64Array(slots);
    this.#mask = slots - 1;
    let live = 0;
    for (let j = 0; j < expiry.length; j++) {
      const e = expiry[j]!;
      if (e <= nowMs) continue; // expired or empty
      let i = h1[j]! & this.#mask;
      while (this.#expiry[i] !== kEmpty) i = (i + 1) & this.#mask;
      this.#h1[i] = h1[j]!;
      this.#h2[i] = h2[j]!;
      this.#expiry[i] = e;
      live++;
    }
    this.#occupied = live;
    return live;
  }
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
