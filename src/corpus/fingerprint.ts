/**
 * Text fingerprints for duplicate detection: a normalized token sequence (exact duplicates), its
 * word 3-gram shingles (near duplicates, by Jaccard similarity) and a MinHash signature that finds
 * candidate pairs without comparing every pair.
 */
import { createHash } from 'node:crypto';
import { fnv1a, mix32 } from '../util/hash.ts';

/**
 * Two texts are near duplicates when the Jaccard similarity of their word 3-gram sets is at least
 * this. One changed word alters three 3-grams, so for a text of n words J = (n-5)/(n+1): a single
 * substitution in a text of 29 words or more stays above 0.8 (a copy with a figure changed), while
 * short prompts that differ in a ticker or a number fall below it and count as distinct samples.
 */
export const NEAR_DUPLICATE_JACCARD = 0.8;

export const SHINGLE_WORDS = 3;

// Invisible characters an attacker (or a copy-paste) inserts; they must not make two texts differ.
const kInvisible = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDC7F]/g;
// Scripts written without spaces: each character is a token, so shingles work for zh/ja too.
const kUnspacedChar = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}])/gu;
const kWord = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The tokens two texts are compared by: NFKC-folded, lower-cased, invisible characters removed,
 * punctuation and spacing dropped, and every CJK character its own token.
 *
 * @example normalizedTokens('Ignore  the NOISE!') // → ['ignore', 'the', 'noise']
 */
export function normalizedTokens(text: string): string[] {
  // Pure ASCII has nothing to fold, hide or split per character: skip those passes (most rows).
  if (kAscii.test(text)) return text.toLowerCase().match(kAsciiWord) ?? [];
  const folded = text.normalize('NFKC').toLowerCase().replace(kInvisible, '').replace(kUnspacedChar, ' $1 ');
  return folded.match(kWord) ?? [];
}
const kAscii = /^[\x00-\x7f]*$/;
const kAsciiWord = /[a-z0-9]+/g;

/** Hex SHA-1 of the normalized token sequence: equal for texts that differ only in case, spacing, punctuation or invisible characters. */
export function exactHash(text: string): string {
  return createHash('sha1').update(normalizedTokens(text).join(' ')).digest('hex');
}

/** The set of 32-bit hashes of the text's word 3-grams (the whole token run when shorter). */
export function shingles(text: string): Set<number> {
  const tokens = normalizedTokens(text);
  const out = new Set<number>();
  if (tokens.length < SHINGLE_WORDS) {
    if (tokens.length > 0) out.add(fnv1a(tokens.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= tokens.length; i++) {
    out.add(fnv1a(tokens.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  return out;
}

/** |a ∩ b| / |a ∪ b|; 1 for two empty sets. */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

export const MINHASH_BANDS = 20;
export const MINHASH_ROWS = 5;
const kMinhashSize = MINHASH_BANDS * MINHASH_ROWS;
// Fixed seeds: signatures must be the same in every run and every process.
const kSeeds: Uint32Array = (() => {
  const seeds = new Uint32Array(kMinhashSize);
  let s = 0x9e3779b9;
  for (let i = 0; i < kMinhashSize; i++) {
    s = mix32(s + 0x6d2b79f5);
    seeds[i] = s;
  }
  return seeds;
})();

/**
 * MinHash signature (100 values) of a shingle set. With 20 bands of 5 rows, a pair at Jaccard 0.8
 * shares at least one band with probability 0.9996, a pair at 0.3 with 0.05; every candidate is then
 * checked with the exact `jaccard`, so the bands only decide what gets compared.
 */
export function minhash(set: Set<number>): Uint32Array {
  const sig = new Uint32Array(kMinhashSize).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < kMinhashSize; i++) {
      const h = mix32(x ^ kSeeds[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/**
 * Band keys of a MinHash signature: one 32-bit number per band (its rows hashed together, salted by
 * the band index). Two texts sharing a key are candidates; an accidental key collision only costs
 * one exact Jaccard check.
 */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < MINHASH_BANDS; b++) {
    let h = mix32(b + 0x5bd1e995);
    for (let r = 0; r < MINHASH_ROWS; r++) h = mix32(h ^ sig[b * MINHASH_ROWS + r]!);
    keys.push(h);
  }
  return keys;
}

