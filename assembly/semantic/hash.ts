// 32-bit hashing for feature buckets. FNV-1a over code points, then a murmur3 finalizer so that
// the low bits (the bucket) and the top bit (the sign) are well mixed.

@inline export function fmix(h: u32): u32 {
  h ^= h >>> 16;
  h *= 0x85ebca6b;
  h ^= h >>> 13;
  h *= 0xc2b2ae35;
  h ^= h >>> 16;
  return h;
}

@inline export function step(h: u32, cp: u32): u32 {
  return (h ^ cp) * 0x01000193;
}

/** Combines two finished hashes into an ordered pair hash (for word bigrams and trigrams). */
@inline export function pair(a: u32, b: u32, seed: u32): u32 {
  return fmix((a * 0x9e3779b1) ^ (b + seed) ^ (seed << 7));
}

export const SEED_WORD: u32 = 0x811c9dc5;
export const SEED_UNI: u32 = 0x1b873593;
export const SEED_BI: u32 = 0x2c1b3c6d;
export const SEED_TRI: u32 = 0x297a2d39;
export const SEED_CHAR3: u32 = 0x68e31da4;
export const SEED_CHAR4: u32 = 0xb5297a4d;
export const SEED_CHAR5: u32 = 0x1b56c4e9;
export const SEED_STEM: u32 = 0x7fb5d329;
