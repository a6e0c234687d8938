import { describe, expect, it } from 'vitest';
import { NonceCache, RequestAuthenticator, parseApiKeys, signRequest } from '../../src/server/auth.ts';
import { Admission } from '../../src/server/admission.ts';

describe('NonceCache', () => {
  it('refuses a nonce seen within its lifetime and forgets it after', () => {
    const cache = new NonceCache(10, 1000);
    expect(cache.remember('a', 0)).toBe('fresh');
    expect(cache.remember('a', 999)).toBe('replayed');
    expect(cache.remember('a', 1000)).toBe('fresh');
  });
  it('is bounded: when full of live nonces it refuses rather than forgetting one', () => {
    const cache = new NonceCache(3, 1000);
    for (const n of ['a', 'b', 'c']) expect(cache.remember(n, 0)).toBe('fresh');
    expect(cache.remember('d', 10)).toBe('full');
    expect(cache.size).toBe(3);
    expect(cache.remember('d', 1001)).toBe('fresh'); // the old ones expired
    expect(cache.size).toBe(1);
  });
});

describe('NonceCache at service rates', () => {
  it('sustains 5,000 nonces/s for 12 simulated minutes with a 300 s lifetime, and still refuses every replay', () => {
    const cache = new NonceCache(2_000_000, 300_000);
    let replays = 0;
    let refusedReplays = 0;
    let full = 0;
    for (let k = 0; k < 5_000 * 720; k++) {
      const now = Math.floor(k / 5); // 5 per ms
      if (cache.remember(`k1\u0000n${k}`, now) === 'full') full++;
      // Replay an earlier nonce still inside its lifetime (100 s ago).
      if (k % 10_007 === 0 && k >= 500_000) {
        replays++;
        if (cache.remember(`k1\u0000n${k - 500_000}`, now) === 'replayed') refusedReplays++;
      }
    }
    expect(full).toBe(0);
    expect(replays).toBeGreaterThan(300);
    expect(refusedReplays).toBe(replays);
    // Live nonces: the last 300 s at 5 per ms, in a table far smaller than a Map of strings.
    expect(cache.size).toBe(1_500_000);
    expect(cache.bytes).toBeLessThanOrEqual(4_194_304 * 16);
  });

  it('keeps a nonce until the expiry it was given and names a bad size', () => {
    const cache = new NonceCache(10, 1000);
    expect(cache.remember('a', 0, 5000)).toBe('fresh');
    expect(cache.remember('a', 4999)).toBe('replayed');
    expect(cache.remember('a', 5000)).toBe('fresh');
    expect(cache.remember('b', 10, 10)).toBe('fresh'); // already outside its window: not kept
    expect(cache.size).toBe(1);
    expect(() => new NonceCache(0, 1000)).toThrow(/maxEntries must be a positive integer, got 0/);
  });
});

describe('RequestAuthenticator', () => {
  const keys = parseApiKeys('k1:0123456789abcdef0123, k2:fedcba9876543210fedc');
  it('accepts a correctly signed request and names every rejection', () => {
    let now = 1_800_000_000_000;
    const auth = new RequestAuthenticator(keys, { now: () => now, toleranceMs: 60_000, nonceCacheSize: 2 });
    const body = Buffer.from('{"text":"hi"}');
    const sign = (extra: Partial<Parameters<typeof signRequest>[0]> = {}) =>
      signRequest({ keyId: 'k2', secret: keys.get('k2')!, method: 'POST', path: '/v1/scan?x=1', body, timestamp: now, ...extra });
    expect(auth.check('POST', '/v1/scan?x=1', sign(), body)).toEqual({ ok: true, keyId: 'k2' });
    expect(auth.check('POST', '/v1/scan?x=2', sign(), body)).toMatchObject({ ok: false, code: 'auth_bad_signature' });
    expect(auth.check('POST', '/v1/scan?x=1', { ...sign(), 'x-tollgate-key': 'nobody' }, body)).toMatchObject({ code: 'auth_unknown_key' });
    expect(auth.check('POST', '/v1/scan?x=1', sign({ timestamp: now + 61_000 }), body)).toMatchObject({ code: 'auth_stale', message: expect.stringMatching(/in the future/) });
    expect(auth.check('POST', '/v1/scan?x=1', sign({ nonce: 'short' }), body)).toMatchObject({ code: 'auth_bad_nonce' });
    expect(auth.check('POST', '/v1/scan?x=1', sign(), body)).toMatchObject({ ok: true });
    // Two nonces remembered and the cache holds two: the third signed request is refused with 503.
    expect(auth.check('POST', '/v1/scan?x=1', sign(), body)).toMatchObject({ ok: false, status: 503, code: 'nonce_cache_full' });
    now += 120_001;
    expect(auth.check('POST', '/v1/scan?x=1', sign(), body)).toMatchObject({ ok: true });
  });
  it('rejects malformed key lists naming the entry', () => {
    expect(() => parseApiKeys('k1:short')).toThrow(/entry 1 \(id 'k1'\): secret must be at least 16/);
    expect(() => parseApiKeys('k1:0123456789abcdef0123,nocolon')).toThrow(/entry 2 must be id:secret/);
    expect(() => parseApiKeys(' , ')).toThrow(/holds no id:secret/);
  });
});

describe('Admission', () => {
  it('runs at most maxInFlight, queues at most maxQueue, refuses the rest, hands slots on in order', async () => {
    const a = new Admission(2, 2);
    expect(a.acquire()).toBe(true);
    expect(a.acquire()).toBe(true);
    const order: number[] = [];
    const w1 = (a.acquire() as Promise<void>).then(() => order.push(1));
    const w2 = (a.acquire() as Promise<void>).then(() => order.push(2));
    expect(a.acquire()).toBe(false);
    expect(a.queued).toBe(2);
    a.release();
    a.release();
    await Promise.all([w1, w2]);
    expect(order).toEqual([1, 2]);
    expect(a.inFlight).toBe(2);
    a.release();
    a.release();
    expect(a.inFlight).toBe(0);
  });
});
