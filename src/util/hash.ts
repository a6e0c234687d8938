/**
 * Small non-cryptographic 32-bit hashes for in-memory tables and sketches (never for security):
 * FNV-1a over UTF-16 code units, and the murmur3 finalizer to spread FNV's poorly mixed high bits.
 */

/** FNV-1a over the UTF-16 code units of `s`; another `seed` gives an independent hash. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** murmur3 finalizer: a cheap bijective 32-bit mixer. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
