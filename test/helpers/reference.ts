/** Naive oracles the engine is diffed against (hscollider-style ground truth). */

/** Every (pattern id, end offset) occurrence, overlapping, sorted by end then id. */
export function naiveMatches(patterns: Uint8Array[], haystack: Uint8Array): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let end = 1; end <= haystack.length; end++) {
    patterns.forEach((p, id) => {
      if (p.length > end) return;
      const start = end - p.length;
      for (let k = 0; k < p.length; k++) if (haystack[start + k] !== p[k]) return;
      out.push([id, end]);
    });
  }
  return sortPairs(out);
}

export function sortPairs(pairs: Array<[number, number]>): Array<[number, number]> {
  return pairs.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

/** Deterministic PRNG (mulberry32) so failures reproduce. */
export { mulberry32 as rng } from '../../src/util/prng.ts';
