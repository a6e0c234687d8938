/**
 * Standalone anchor finder: a small Aho-Corasick automaton over ASCII-lowercased text, used when the
 * leak detectors run without the engine's WASM DFA (tests, CLI `redact`, evaluation). It reports the same
 * kind of hits the engine does: signature id and the UTF-16 span of the anchor in the raw text.
 */
import { acquireCodes, releaseCodes } from './text.ts';

export interface AnchorHit {
  signatureId: string;
  start: number;
  end: number;
}

const kAlphabet = 128;
/** True on little-endian hosts (all Node targets in practice): the low half of a 32-bit word is the first code unit. */
const kLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export class AnchorMatcher {
  /**
   * Transition table, `#width` columns (byte classes) per state, state ids premultiplied by `#width`.
   * Upper-case letters share the lower-case class (case folding costs nothing in the loop), and states with
   * output are numbered last, so "did an anchor end here" is one compare against `#firstMatch`, not a load.
   */
  readonly #delta: Int32Array;
  /** UTF-16 code unit → byte class (0: in no anchor, which includes every non-ASCII code). */
  readonly #classOf: Uint8Array;
  readonly #width: number;
  readonly #firstMatch: number;
  /**
   * Per match state (unpremultiplied id − first match state), what ends there, as pairs (anchor length,
   * signature number) in report order: its anchors (fail-link outputs merged), each anchor's signatures.
   */
  readonly #out: Int32Array[];
  /** Signature number → id (numbered by first appearance in the constructor's list). */
  readonly signatureIds: readonly string[];
  /** Length of the longest anchor. */
  readonly #longest: number;
  /** The four streams' hits (reused: valid until the next call), and the merged list of the last call. */
  readonly #streams = [new PackedHits(), new PackedHits(), new PackedHits(), new PackedHits()];

  constructor(signatures: ReadonlyArray<{ id: string; anchors: readonly string[] }>) {
    const byAnchor = new Map<string, string[]>();
    for (const s of signatures) {
      for (const a of s.anchors) {
        for (let i = 0; i < a.length; i++) {
          const c = a.charCodeAt(i);
          // Code 0 stands for "any non-ASCII character" in the scan: it must not occur in an anchor.
          if (c >= kAlphabet || c === 0) throw new Error(`anchor ${JSON.stringify(a)} of ${s.id} is not printable ASCII`);
        }
        const ids = byAnchor.get(a) ?? [];
        if (!ids.includes(s.id)) ids.push(s.id);
        byAnchor.set(a, ids);
      }
    }
    // Trie
    const goto: Array<Map<number, number>> = [new Map()];
    const out: Array<number[] | undefined> = [undefined];
    const anchors: Array<{ length: number; signatureIds: string[] }> = [];
    for (const [a, ids] of byAnchor) {
      let st = 0;
      for (let i = 0; i < a.length; i++) {
        const c = a.charCodeAt(i);
        let nx = goto[st]!.get(c);
        if (nx === undefined) {
          nx = goto.length;
          goto.push(new Map());
          out.push(undefined);
          goto[st]!.set(c, nx);
        }
        st = nx;
      }
      const id = anchors.length;
      anchors.push({ length: a.length, signatureIds: ids });
      (out[st] ??= []).push(id);
    }
    // BFS for failure links, then a full DFA table (trie state ids).
    const n = goto.length;
    const fail = new Int32Array(n);
    const delta = new Int32Array(n * kAlphabet);
    const queue: number[] = [];
    for (let c = 0; c < kAlphabet; c++) {
      const nx = goto[0]!.get(c);
      if (nx !== undefined) {
        delta[c] = nx;
        fail[nx] = 0;
        queue.push(nx);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const st = queue[qi]!;
      const f = fail[st]!;
      if (out[f] !== undefined) out[st] = [...(out[st] ?? []), ...out[f]!];
      for (let c = 0; c < kAlphabet; c++) {
        const nx = goto[st]!.get(c);
        if (nx !== undefined) {
          fail[nx] = delta[f * kAlphabet + c]!;
          delta[st * kAlphabet + c] = nx;
          queue.push(nx);
        } else {
          delta[st * kAlphabet + c] = delta[f * kAlphabet + c]!;
        }
      }
    }
    // Renumber: states without output first (the start state stays 0), states with output after them.
    const order: number[] = [];
    for (let st = 0; st < n; st++) if (out[st] === undefined) order.push(st);
    const firstMatch = order.length;
    for (let st = 0; st < n; st++) if (out[st] !== undefined) order.push(st);
    const newId = new Int32Array(n);
    order.forEach((st, id) => (newId[st] = id));
    // Byte classes: one column per character that occurs in an anchor (upper-case letters share their
    // lower-case column), column 0 for every other code unit, non-ASCII included. A character in no anchor
    // moves every state where the start state's column does, so the table shrinks from 128 columns to a few
    // dozen: the rows the scan touches stay in cache.
    const classOf = new Uint8Array(65536);
    let classes = 1;
    for (const a of byAnchor.keys()) {
      for (let i = 0; i < a.length; i++) {
        const c = a.charCodeAt(i);
        if (classOf[c] === 0) {
          classOf[c] = classes++;
          if (c >= 97 && c <= 122) classOf[c - 32] = classOf[c]!;
        }
      }
    }
    const width = classes;
    const representative = new Int32Array(width); // a character of each class (class 0: NUL, in no anchor)
    for (let c = kAlphabet - 1; c >= 0; c--) representative[classOf[c]!] = c >= 65 && c <= 90 ? c + 32 : c;
    const table = new Int32Array(n * width);
    for (let id = 0; id < n; id++) {
      const st = order[id]!;
      for (let k = 0; k < width; k++) table[id * width + k] = newId[delta[st * kAlphabet + representative[k]!]!]! * width;
    }
    this.#classOf = classOf;
    this.#width = width;
    this.#delta = table;
    this.#longest = Math.max(1, ...[...byAnchor.keys()].map((a) => a.length));
    this.#firstMatch = firstMatch * width;
    const numberOf = new Map<string, number>();
    for (const s of signatures) if (!numberOf.has(s.id)) numberOf.set(s.id, numberOf.size);
    this.signatureIds = [...numberOf.keys()];
    this.#out = order.slice(firstMatch).map((st) => {
      const pairs: number[] = [];
      for (const id of out[st]!) for (const sid of anchors[id]!.signatureIds) pairs.push(anchors[id]!.length, numberOf.get(sid)!);
      return Int32Array.from(pairs);
    });
  }

  /** All anchor hits in `text` (ASCII case-insensitive; any non-ASCII char breaks a match). */
  findAll(text: string): AnchorHit[] {
    const codes = acquireCodes(text);
    try {
      return this.findAllCodes(codes, text.length);
    } finally {
      releaseCodes();
    }
  }

  /** `findAll` over the UTF-16 code units of a text already in `codes[0, n)` (see `acquireCodes`). */
  findAllCodes(codes: Uint16Array, n: number): AnchorHit[] {
    const packed = this.findPackedCodes(codes, n);
    const ids = this.signatureIds;
    const hits: AnchorHit[] = [];
    for (let k = 0; k < packed.count; k++) hits.push({ signatureId: ids[packed.signature[k]!]!, start: packed.start[k]!, end: packed.end[k]! });
    return hits;
  }

  /**
   * The same hits, in the same order, as parallel typed arrays (signature number, start, end): no object per
   * hit. The result is reused by the next call on this matcher: read it before scanning again.
   */
  findPackedCodes(codes: Uint16Array, n: number): PackedHits {
    // Each step of one automaton waits for the previous table load; four automata over four quarters of the
    // text interleave those waits. Each quarter is entered `longest - 1` characters early, from the start
    // state, which gives the same state as the single pass by the quarter's first character (no anchor is
    // longer), and reports only the hits that end inside its quarter, so the hits and their order are the
    // single pass's.
    const warm = this.#longest - 1;
    const [h0, h1, h2, h3] = this.#streams as [PackedHits, PackedHits, PackedHits, PackedHits];
    h0.count = 0;
    if (n < 4 * (warm + 256)) return this.#scan(codes, 0, 0, n, h0);
    const q = Math.ceil(n / 4);
    const b1 = q;
    const b2 = 2 * q;
    const b3 = 3 * q;
    const delta = this.#delta;
    const classOf = this.#classOf;
    const firstMatch = this.#firstMatch;
    const last = firstMatch - 1;
    h1.count = 0;
    h2.count = 0;
    h3.count = 0;
    // Stream k reads from b_k - warm (stream 0 from 0), rounded down to an even index (an earlier start is only
    // a longer warm-up); all run `steps` together, then each finishes alone.
    const p1 = (b1 - warm) & ~1;
    const p2 = (b2 - warm) & ~1;
    const p3 = (b3 - warm) & ~1;
    const steps = Math.min(q, n - p3); // the last quarter may be a little shorter
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    // Two characters per stream per iteration; one sign test over the eight states decides whether any of
    // them is a match state ((last - s) is negative exactly then), which is rare.
    const pairs = steps >> 1;
    // The two code units of a pair come in one 32-bit load (every stream starts at an even index; little-endian:
    // the first unit is the low half). Half the loads of reading them one by one.
    // (a buffer not on a 4-byte boundary, or a big-endian host, which Node does not ship for: one stream)
    if (codes.byteOffset % 4 !== 0 || !kLittleEndian) return this.#scan(codes, 0, 0, n, h0);
    const units = new Int32Array(codes.buffer, codes.byteOffset, codes.length >> 1);
    const o1 = p1 >> 1;
    const o2 = p2 >> 1;
    const o3 = p3 >> 1;
    for (let u = 0; u < pairs; u++) {
      const t = u << 1;
      const w0 = units[u]!;
      const w1 = units[o1 + u]!;
      const w2 = units[o2 + u]!;
      const w3 = units[o3 + u]!;
      const a0 = delta[s0 + classOf[w0 & 0xffff]!]!;
      const a1 = delta[s1 + classOf[w1 & 0xffff]!]!;
      const a2 = delta[s2 + classOf[w2 & 0xffff]!]!;
      const a3 = delta[s3 + classOf[w3 & 0xffff]!]!;
      s0 = delta[a0 + classOf[w0 >>> 16]!]!;
      s1 = delta[a1 + classOf[w1 >>> 16]!]!;
      s2 = delta[a2 + classOf[w2 >>> 16]!]!;
      s3 = delta[a3 + classOf[w3 >>> 16]!]!;
      if (((last - a0) | (last - a1) | (last - a2) | (last - a3) | (last - s0) | (last - s1) | (last - s2) | (last - s3)) < 0) {
        if (a0 > last) this.#report(a0, t, h0);
        if (s0 > last) this.#report(s0, t + 1, h0);
        if (a1 > last && p1 + t >= b1) this.#report(a1, p1 + t, h1);
        if (s1 > last && p1 + t + 1 >= b1) this.#report(s1, p1 + t + 1, h1);
        if (a2 > last && p2 + t >= b2) this.#report(a2, p2 + t, h2);
        if (s2 > last && p2 + t + 1 >= b2) this.#report(s2, p2 + t + 1, h2);
        if (a3 > last && p3 + t >= b3) this.#report(a3, p3 + t, h3);
        if (s3 > last && p3 + t + 1 >= b3) this.#report(s3, p3 + t + 1, h3);
      }
    }
    const done = pairs << 1; // an odd last step is left to the single-stream tails below
    // (a tail may start before its quarter's border only when a quarter is shorter than the warm-up, which
    // the size test above rules out)
    this.#scan(codes, s0, done, b1, h0);
    this.#scan(codes, s1, p1 + done, b2, h1);
    this.#scan(codes, s2, p2 + done, b3, h2);
    this.#scan(codes, s3, p3 + done, n, h3);
    h0.append(h1);
    h0.append(h2);
    h0.append(h3);
    return h0;
  }

  /** One automaton from state `st` over codes[from, to), reporting into `hits`. */
  #scan(codes: Uint16Array, st: number, from: number, to: number, hits: PackedHits): PackedHits {
    const delta = this.#delta;
    const classOf = this.#classOf;
    const firstMatch = this.#firstMatch;
    for (let i = from; i < to; i++) {
      st = delta[st + classOf[codes[i]!]!]!;
      if (st >= firstMatch) this.#report(st, i, hits);
    }
    return hits;
  }

  /** The anchors ending at `i` in (premultiplied) match state `st`. */
  #report(st: number, i: number, hits: PackedHits): void {
    const pairs = this.#out[(st - this.#firstMatch) / this.#width]!;
    for (let k = 0; k < pairs.length; k += 2) hits.push(pairs[k + 1]!, i + 1 - pairs[k]!, i + 1);
  }
}

/** Anchor hits as parallel arrays: signature number (see `AnchorMatcher.signatureIds`), start, end. */
export class PackedHits {
  signature: Int32Array = new Int32Array(256);
  start: Int32Array = new Int32Array(256);
  end: Int32Array = new Int32Array(256);
  count = 0;

  push(signature: number, start: number, end: number): void {
    if (this.count === this.start.length) this.#grow(this.count * 2);
    const k = this.count++;
    this.signature[k] = signature;
    this.start[k] = start;
    this.end[k] = end;
  }

  append(other: PackedHits): void {
    const need = this.count + other.count;
    if (need > this.start.length) this.#grow(Math.max(need, this.start.length * 2));
    this.signature.set(other.signature.subarray(0, other.count), this.count);
    this.start.set(other.start.subarray(0, other.count), this.count);
    this.end.set(other.end.subarray(0, other.count), this.count);
    this.count = need;
  }

  #grow(size: number): void {
    const grow = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a.subarray(0, this.count));
      return b;
    };
    this.signature = grow(this.signature);
    this.start = grow(this.start);
    this.end = grow(this.end);
  }
}
