/**
 * Merkle tree over record hashes, shaped like RFC 6962 (Certificate Transparency): leaves are
 * SHA-256(0x00 || leaf), inner nodes SHA-256(0x01 || left || right), and a tree of n leaves splits
 * at the largest power of two below n. The two prefixes keep a leaf from posing as an inner node.
 *
 * `MerkleFrontier` keeps only the roots of the perfect subtrees that make up the tree so far
 * (at most log2(n) of them), so the writer can produce a root for every checkpoint without
 * holding all leaves, and the verifier can compute roots at each checkpoint in one pass.
 */
import { createHash } from 'node:crypto';

const kLeafPrefix = Buffer.from([0]);
const kNodePrefix = Buffer.from([1]);

export function leafHash(recordHashHex: string): Buffer {
  return createHash('sha256').update(kLeafPrefix).update(Buffer.from(recordHashHex, 'hex')).digest();
}

export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return createHash('sha256').update(kNodePrefix).update(left).update(right).digest();
}

/** Root of the empty tree, as RFC 6962 defines it: the hash of the empty string. */
export const EMPTY_ROOT = createHash('sha256').digest('hex');

export interface FrontierNode {
  /** Number of leaves under this perfect subtree (a power of two). */
  size: number;
  hash: Buffer;
}

export class MerkleFrontier {
  #nodes: FrontierNode[] = [];
  #count = 0;

  get count(): number {
    return this.#count;
  }

  add(recordHashHex: string): void {
    this.#nodes.push({ size: 1, hash: leafHash(recordHashHex) });
    this.#count++;
    // Merge equal-sized neighbours: the frontier mirrors the binary digits of the count.
    while (this.#nodes.length >= 2) {
      const right = this.#nodes[this.#nodes.length - 1]!;
      const left = this.#nodes[this.#nodes.length - 2]!;
      if (left.size !== right.size) break;
      this.#nodes.splice(-2, 2, { size: left.size * 2, hash: nodeHash(left.hash, right.hash) });
    }
  }

  /** The RFC 6962 tree head over every leaf added so far (hex). */
  root(): string {
    if (this.#nodes.length === 0) return EMPTY_ROOT;
    let hash = this.#nodes[this.#nodes.length - 1]!.hash;
    for (let i = this.#nodes.length - 2; i >= 0; i--) hash = nodeHash(this.#nodes[i]!.hash, hash);
    return hash.toString('hex');
  }
}

/** Reference root computed from all leaves by the RFC 6962 recursion; used by tests as an oracle. */
export function merkleRootOf(recordHashesHex: string[]): string {
  if (recordHashesHex.length === 0) return EMPTY_ROOT;
  const rec = (lo: number, hi: number): Buffer => {
    if (hi - lo === 1) return leafHash(recordHashesHex[lo]!);
    let k = 1;
    while (k * 2 < hi - lo) k *= 2;
    return nodeHash(rec(lo, lo + k), rec(lo + k, hi));
  };
  return rec(0, recordHashesHex.length).toString('hex');
}
