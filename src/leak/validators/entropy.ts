const kEntropyCounts = new Int32Array(65536);
const kEntropySeen: number[] = [];

/** Shannon entropy in bits per character of a string (0 for the empty string). */
export function shannonEntropy(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  // Speed: counts in a reused table instead of a Map; the sum still runs over the distinct characters in
  // order of first occurrence (as the Map's did), so the result is bit for bit the same.
  const counts = kEntropyCounts;
  const seen = kEntropySeen;
  seen.length = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (counts[c]++ === 0) seen.push(c);
  }
  let h = 0;
  for (const c of seen) {
    const p = counts[c]! / n;
    counts[c] = 0;
    h -= p * Math.log2(p);
  }
  return h;
}


/** Character classes present: bit 1 lower, 2 upper, 4 digit, 8 other. */
export function charClasses(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) m |= 1;
    else if (c >= 65 && c <= 90) m |= 2;
    else if (c >= 48 && c <= 57) m |= 4;
    else m |= 8;
  }
  return m;
}

/** Number of classes set in a `charClasses` mask. */
export function classCount(mask: number): number {
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1) + ((mask >> 3) & 1);
}

/** Longest run of one repeated character (placeholders like `xxxxxxxx` or `00000000`). */
export function longestRepeat(s: string): number {
  let best = s.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    run = s.charCodeAt(i) === s.charCodeAt(i - 1) ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/**
 * Longest run of consecutive ascending characters (`abcdef`, `123456`): typed sequences, not random output.
 */
export function longestSequence(s: string): number {
  let best = s.length > 0 ? 1 : 0;
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    run = s.charCodeAt(i) === s.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/**
 * Entropy floor for a machine-generated token of length `n` over an alphabet of `alphabet` symbols (16 hex,
 * 32 base32 / uppercase+digits, 64 base62/base64): the 0.1% quantile of Shannon entropy measured over 5,000
 * team-generated random strings per length and alphabet, minus 0.3 bits of margin for tokens with structure
 * (ids, version bytes, checksums). Typed placeholders (`aaaa1111bbbb2222…`) fall far below it.
 * test/leak/entropy.test.ts re-measures the quantiles.
 */
const kFloorLengths = [8, 12, 16, 20, 24, 32, 40, 64, 100];
const kFloors: Record<number, number[]> = {
  16: [1.55, 2.19, 2.44, 2.74, 2.89, 3.14, 3.28, 3.54, 3.71],
  32: [1.91, 2.45, 2.78, 3.14, 3.39, 3.71, 3.94, 4.25, 4.54],
  64: [2.16, 2.75, 3.16, 3.42, 3.72, 4.1, 4.34, 4.8, 5.18],
};
export const ENTROPY_MARGIN = 0.3;

/** The alphabet class of a value: 16 if hex, 32 if one-case letters+digits, else 64. */
export function alphabetClass(value: string): 16 | 32 | 64 {
  if (/^[0-9a-fA-F]+$/.test(value)) return 16;
  if (/^[A-Z0-9]+$/.test(value) || /^[a-z0-9]+$/.test(value)) return 32;
  return 64;
}

/** The 0.1% entropy quantile of random strings, interpolated over length. */
export function randomEntropyQuantile(n: number, alphabet: 16 | 32 | 64): number {
  const ys = kFloors[alphabet]!;
  if (n <= kFloorLengths[0]!) return ys[0]!;
  for (let i = 1; i < kFloorLengths.length; i++) {
    const x1 = kFloorLengths[i]!;
    if (n <= x1) {
      const x0 = kFloorLengths[i - 1]!;
      return ys[i - 1]! + ((ys[i]! - ys[i - 1]!) * (n - x0)) / (x1 - x0);
    }
  }
  return ys[ys.length - 1]!;
}

/** Minimum entropy for `value` to count as machine-generated. */
export function entropyFloor(value: string): number {
  return randomEntropyQuantile(value.length, alphabetClass(value)) - ENTROPY_MARGIN;
}

/**
 * True when `s` is a shorter unit repeated (`abcd1234abcd1234`, `xyxyxy`): typed filler, not random output,
 * however high its per-character entropy. Units up to 16 characters, at least two full repeats.
 */
export function isPeriodic(s: string): boolean {
  const n = s.length;
  for (let p = 1; p <= Math.min(16, n >> 1); p++) {
    let ok = true;
    for (let i = p; i < n && ok; i++) ok = s.charCodeAt(i) === s.charCodeAt(i - p);
    if (ok) return true;
  }
  return false;
}
