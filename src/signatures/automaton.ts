import { LimitError } from '../errors.ts';

/**
 * Builds the dense Aho-Corasick DFA the WASM scanner runs (layout in assembly/dfa/database.ts).
 *
 * - Byte classes: every byte that occurs in some pattern gets its own class, all other bytes share
 *   class 0, so a row has (distinct pattern bytes + 1) cells instead of 256.
 * - Premultiplied ids: a state id is its row index times the alphabet length, so a step is one
 *   add and one load: trans[state + class].
 * - Match states are numbered last: "did we reach a match?" is one compare, `state >= firstMatch`.
 */

export const DB_MAGIC = 0x42444754;
export const DB_VERSION = 1;
const kHeaderWords = 12;

export interface AutomatonInfo {
  states: number;
  alphabet: number;
  matchStates: number;
  tableBytes: number;
  maxPatternLen: number;
}

export interface BuildOptions {
  /** Refuse to build a table larger than this (bytes). */
  maxDfaBytes: number;
}

export function buildAutomaton(patterns: Uint8Array[], options: BuildOptions): { table: Uint8Array; info: AutomatonInfo } {
  const classOf = new Uint8Array(256);
  let alphabet = 1;
  let totalLen = 0;
  let maxPatternLen = 1;
  for (const p of patterns) {
    if (p.length === 0) throw new RangeError('empty pattern');
    if (p.length > 255) throw new RangeError(`pattern of ${p.length} bytes exceeds 255`);
    totalLen += p.length;
    if (p.length > maxPatternLen) maxPatternLen = p.length;
    for (const b of p) if (classOf[b] === 0) classOf[b] = alphabet++;
  }
  if (alphabet > 256) throw new RangeError('alphabet overflow');
  const maxNodes = totalLen + 1;
  const estimate = maxNodes * alphabet * 4;
  if (estimate > options.maxDfaBytes * 4) {
    throw new LimitError(`signature trie would need up to ${estimate} bytes`, { limit: options.maxDfaBytes, actual: estimate });
  }

  // Trie with dense child rows (-1 = no edge).
  const go = new Int32Array(maxNodes * alphabet).fill(-1);
  const own: number[][] = [[]];
  let nodes = 1;
  patterns.forEach((p, id) => {
    let s = 0;
    for (const b of p) {
      const cell = s * alphabet + classOf[b]!;
      let next = go[cell]!;
      if (next === -1) {
        next = nodes++;
        go[cell] = next;
        own.push([]);
      }
      s = next;
    }
    own[s]!.push(id);
  });

  // Breadth-first: failure links, then fill missing edges in place from the failure state's row.
  const fail = new Int32Array(nodes);
  const outputs: number[][] = own;
  const queue = new Int32Array(nodes);
  let head = 0;
  let tail = 0;
  for (let c = 0; c < alphabet; c++) {
    const v = go[c]!;
    if (v === -1) go[c] = 0;
    else {
      fail[v] = 0;
      queue[tail++] = v;
    }
  }
  while (head < tail) {
    const u = queue[head++]!;
    const uRow = u * alphabet;
    const fRow = fail[u]! * alphabet;
    for (let c = 0; c < alphabet; c++) {
      const v = go[uRow + c]!;
      if (v === -1) {
        go[uRow + c] = go[fRow + c]!;
      } else {
        const f = go[fRow + c]!;
        fail[v] = f;
        if (outputs[f]!.length > 0) outputs[v] = outputs[v]!.concat(outputs[f]!);
        queue[tail++] = v;
      }
    }
  }

  // Renumber: non-match states first (root stays 0 since empty patterns are refused).
  const newId = new Int32Array(nodes);
  let next = 0;
  for (let s = 0; s < nodes; s++) if (outputs[s]!.length === 0) newId[s] = next++;
  const firstMatchRow = next;
  for (let s = 0; s < nodes; s++) if (outputs[s]!.length > 0) newId[s] = next++;
  const matchStates = nodes - firstMatchRow;

  let outputWords = 0;
  for (let s = 0; s < nodes; s++) if (outputs[s]!.length > 0) outputWords += 1 + outputs[s]!.length;

  const classesOffset = kHeaderWords * 4;
  const transOffset = classesOffset + 256;
  const transBytes = nodes * alphabet * 4;
  const matchIndexOffset = transOffset + transBytes;
  const outputsOffset = matchIndexOffset + matchStates * 4;
  const total = outputsOffset + outputWords * 4;
  if (total > options.maxDfaBytes) {
    throw new LimitError(`compiled DFA is ${total} bytes; the limit (maxDfaBytes) is ${options.maxDfaBytes}`, {
      limit: options.maxDfaBytes,
      actual: total,
    });
  }

  const table = new Uint8Array(total);
  const words = new Uint32Array(table.buffer);
  words[0] = DB_MAGIC;
  words[1] = DB_VERSION;
  words[2] = alphabet;
  words[3] = nodes;
  words[4] = newId[0]! * alphabet;
  words[5] = firstMatchRow * alphabet;
  words[6] = maxPatternLen;
  words[7] = classesOffset;
  words[8] = transOffset;
  words[9] = matchIndexOffset;
  words[10] = outputsOffset;
  words[11] = total;
  table.set(classOf, classesOffset);
  const trans = transOffset / 4;
  for (let s = 0; s < nodes; s++) {
    const row = trans + newId[s]! * alphabet;
    const oldRow = s * alphabet;
    for (let c = 0; c < alphabet; c++) words[row + c] = newId[go[oldRow + c]!]! * alphabet;
  }
  let out = outputsOffset / 4;
  const outBase = out;
  for (let s = 0; s < nodes; s++) {
    const list = outputs[s]!;
    if (list.length === 0) continue;
    words[matchIndexOffset / 4 + (newId[s]! - firstMatchRow)] = out - outBase;
    words[out++] = list.length;
    for (const id of list) words[out++] = id;
  }
  return { table, info: { states: nodes, alphabet, matchStates, tableBytes: total, maxPatternLen } };
}
