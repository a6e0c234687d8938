/**
 * Standalone anchor finder: a small Aho-Corasick automaton over ASCII-lowercased text, used when the
 * leak detectors run without the engine's WASM DFA (tests, CLI `redact`, evaluation). It reports the same
 * kind of hits the engine does: signature id and the UTF-16 span of the anchor in the raw text.
 */
export interface AnchorHit {
  signatureId: string;
  start: number;
  end: number;
}

const kAlphabet = 128;

export class AnchorMatcher {
  readonly #delta: Int32Array;
  /** Per state: indexes into `#outputs` (anchor ids ending here, fail-link outputs merged). */
  readonly #out: Array<number[] | undefined>;
  /** 1 for states with output, indexed by premultiplied state >> 7 (keeps the scan loop monomorphic). */
  readonly #isMatch: Uint8Array;
  readonly #anchors: Array<{ length: number; signatureIds: string[] }>;

  constructor(signatures: ReadonlyArray<{ id: string; anchors: readonly string[] }>) {
    const byAnchor = new Map<string, string[]>();
    for (const s of signatures) {
      for (const a of s.anchors) {
        for (let i = 0; i < a.length; i++) {
          if (a.charCodeAt(i) >= kAlphabet) throw new Error(`anchor ${JSON.stringify(a)} of ${s.id} is not ASCII`);
        }
        const ids = byAnchor.get(a) ?? [];
        if (!ids.includes(s.id)) ids.push(s.id);
        byAnchor.set(a, ids);
      }
    }
    // Trie
    const goto: Array<Map<number, number>> = [new Map()];
    const out: Array<number[] | undefined> = [undefined];
    this.#anchors = [];
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
      const id = this.#anchors.length;
      this.#anchors.push({ length: a.length, signatureIds: ids });
      (out[st] ??= []).push(id);
    }
    // BFS for failure links, then a full DFA table.
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
    // Premultiply state ids so the scan loop does one add per character.
    for (let i = 0; i < delta.length; i++) delta[i] = delta[i]! * kAlphabet;
    this.#delta = delta;
    this.#out = out;
    this.#isMatch = Uint8Array.from(out, (o) => (o === undefined ? 0 : 1));
  }

  /** All anchor hits in `text` (ASCII case-insensitive; any non-ASCII char breaks a match). */
  findAll(text: string): AnchorHit[] {
    const delta = this.#delta;
    const out = this.#out;
    const isMatch = this.#isMatch;
    const hits: AnchorHit[] = [];
    let st = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c >= kAlphabet) {
        st = 0;
        continue;
      }
      if (c >= 65 && c <= 90) c += 32;
      st = delta[st + c]!;
      if (isMatch[st >> 7] === 1) {
        for (const id of out[st >> 7]!) {
          const a = this.#anchors[id]!;
          for (const sid of a.signatureIds) hits.push({ signatureId: sid, start: i + 1 - a.length, end: i + 1 });
        }
      }
    }
    return hits;
  }
}
