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
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
