/**
 * An index of corpus texts that answers "does this new sample duplicate one we have?" — exactly
 * (same normalized token sequence) or nearly (word 3-gram Jaccard ≥ NEAR_DUPLICATE_JACCARD).
 *
 * One exception is deliberate: an indirect attack and its clean twin are the same document with and
 * without the injection, so a near duplicate with the OTHER label in the SAME group is allowed.
 * Anywhere else a near duplicate with the other label is refused too: it is either a copy or a label
 * conflict, and both poison training.
 */
import { NEAR_DUPLICATE_JACCARD, bandKeys, exactHash, jaccard, minhash, shingles } from './fingerprint.ts';
import type { Label } from './sample.ts';

export interface IndexedText {
  id: string;
  text: string;
  label: Label;
  group?: string;
}

export interface DuplicateMatch {
  kind: 'exact' | 'near';
  /** Id of the row already in the index that the candidate duplicates. */
  id: string;
  /** Jaccard similarity of the 3-gram sets (1 for exact duplicates). */
  similarity: number;
  /** True when the two rows carry different labels (a label conflict as well as a copy). */
  labelConflict: boolean;
}

interface Entry {
  id: string;
  label: Label;
  group: string | undefined;
  shingles: Set<number>;
}

/** A sample with its fingerprints computed once, for callers that check several rows before adding any. */
export interface Fingerprinted {
  sample: IndexedText;
  hash: string;
  shingles: Set<number>;
  keys: number[];
}

export function fingerprint(sample: IndexedText): Fingerprinted {
  const set = shingles(sample.text);
  return { sample, hash: exactHash(sample.text), shingles: set, keys: bandKeys(minhash(set)) };
}

export class DuplicateIndex {
  readonly #exact = new Map<string, Entry>();
  readonly #bands = new Map<number, Entry[]>();
  readonly threshold: number;

  constructor(options: { threshold?: number } = {}) {
    const t = options.threshold ?? NEAR_DUPLICATE_JACCARD;
    if (!(t > 0 && t <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${t}`);
    this.threshold = t;
  }

  get size(): number {
    return this.#exact.size;
  }

  /**
   * The row `sample` duplicates, or null. Exact duplicates are found whatever the group; near
   * duplicates are skipped only for a clean twin (other label, same group).
   *
   * @example
   * const index = new DuplicateIndex();
   * index.add({ id: 'a', text: 'Buy 100 AAPL at the open', label: 'benign' });
   * index.check({ id: 'b', text: 'buy 100 aapl at the open!', label: 'benign' }); // → { kind: 'exact', id: 'a', ... }
   */
  check(sample: IndexedText | Fingerprinted): DuplicateMatch | null {
    return this.#find(asFingerprinted(sample));
  }

  /** Adds the sample without checking it (use `checkAndAdd` to refuse duplicates). */
  add(sample: IndexedText | Fingerprinted): void {
    this.#insert(asFingerprinted(sample));
  }

  /** Checks, and adds only when the sample duplicates nothing; returns the duplicate found, if any. */
  checkAndAdd(sample: IndexedText | Fingerprinted): DuplicateMatch | null {
    const fp = asFingerprinted(sample);
    const match = this.#find(fp);
    if (match === null) this.#insert(fp);
    return match;
  }

  #find({ sample, hash, shingles: set, keys }: Fingerprinted): DuplicateMatch | null {
    const same = this.#exact.get(hash);
    if (same !== undefined) return { kind: 'exact', id: same.id, similarity: 1, labelConflict: same.label !== sample.label };
    let best: DuplicateMatch | null = null;
    const seen = new Set<Entry>();
    for (const key of keys) {
      for (const entry of this.#bands.get(key) ?? []) {
        if (seen.has(entry)) continue;
        seen.add(entry);
        if (entry.label !== sample.label && entry.group !== undefined && entry.group === sample.group) continue;
        // Sizes alone bound the Jaccard similarity: skip the set walk when it cannot reach the threshold.
        const lo = Math.min(entry.shingles.size, set.size);
        const hi = Math.max(entry.shingles.size, set.size);
        if (lo / hi < this.threshold) continue;
        const sim = jaccard(entry.shingles, set);
        if (sim >= this.threshold && (best === null || sim > best.similarity)) {
          best = { kind: 'near', id: entry.id, similarity: sim, labelConflict: entry.label !== sample.label };
        }
      }
    }
    return best;
  }

  #insert({ sample, hash, shingles: set, keys }: Fingerprinted): void {
    const entry: Entry = { id: sample.id, label: sample.label, group: sample.group, shingles: set };
    if (!this.#exact.has(hash)) this.#exact.set(hash, entry);
    for (const key of keys) {
      const list = this.#bands.get(key);
      if (list === undefined) this.#bands.set(key, [entry]);
      else list.push(entry);
    }
  }
}

function asFingerprinted(s: IndexedText | Fingerprinted): Fingerprinted {
  return 'keys' in s ? s : fingerprint(s);
}

/** One line of explanation for a refused duplicate, e.g. `near duplicate (Jaccard 0.86) of "x-12"`. */
export function describeDuplicate(match: DuplicateMatch): string {
  const what =
    match.kind === 'exact'
      ? `exact duplicate (same normalized text) of "${match.id}"`
      : `near duplicate (word 3-gram Jaccard ${match.similarity.toFixed(2)} ≥ threshold) of "${match.id}"`;
  return match.labelConflict ? `${what}, which has the other label (label conflict)` : what;
}
