import { describe, expect, it } from 'vitest';
import { instantiateCore } from '../../src/wasm/instance.ts';
import { buildAutomaton } from '../../src/signatures/automaton.ts';
import { S_ERR_BAD_DATABASE, S_ERR_MATCH_OVERFLOW } from '../../src/wasm/status.ts';
import { loadTable } from '../../src/wasm/exports.ts';
import { naiveMatches, rng, sortPairs } from '../helpers/reference.ts';

const core = instantiateCore();

/** Loads a table into WASM memory and scans `haystack` over [from, to) with the given capacity. */
function wasmScan(table: Uint8Array, haystack: Uint8Array, from = 0, to = haystack.length, cap = 1 << 16): Array<[number, number]> | number {
  const loaded = loadTable(core, table);
  if (typeof loaded === 'number') throw new Error(`loadTable failed: ${loaded}`);
  const { db, area } = loaded;
  const inp = core.alloc(Math.max(1, haystack.length));
  const out = core.alloc(cap * 8);
  try {
    new Uint8Array(core.memory.buffer).set(haystack, inp);
    const n = core.scanRange(db, inp, from, to, out, cap);
    if (n < 0) return n;
    const words = new Uint32Array(core.memory.buffer, out, n * 2);
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) pairs.push([words[2 * i]!, words[2 * i + 1]!]);
    return sortPairs(pairs);
  } finally {
    core.free(out);
    core.free(inp);
    core.free(area);
    core.free(db);
  }
}

function randomCase(seed: number, alphabet: string, patternCount: number, textLen: number) {
  const r = rng(seed);
  const pick = () => alphabet[Math.floor(r() * alphabet.length)]!;
  const patterns: Uint8Array[] = [];
  for (let i = 0; i < patternCount; i++) {
    const len = 1 + Math.floor(r() * 6);
    patterns.push(Buffer.from(Array.from({ length: len }, pick).join('')));
  }
  const haystack = Buffer.from(Array.from({ length: textLen }, pick).join(''));
  return { patterns, haystack };
}

describe('Aho-Corasick DFA scan', () => {
  it('agrees with a naive matcher on random pattern sets (single-stream and interleaved sizes)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const textLen = seed % 2 === 0 ? 300 : 1024 + seed * 97; // < 1024 runs one stream, larger runs four (odd and even lengths)
      const { patterns, haystack } = randomCase(seed, seed % 3 === 0 ? 'ab' : 'abcdxyz ', 1 + (seed % 25), textLen);
      const { table } = buildAutomaton(patterns, { maxDfaBytes: 1 << 26 });
      expect(wasmScan(table, haystack), `seed ${seed}`).toEqual(naiveMatches(patterns, haystack));
    }
  });

  it('finds each occurrence exactly once when a buffer is split into ranges at every offset', () => {
    const patterns = ['needle', 'edl', 'haystack', 'e'].map((s) => Buffer.from(s));
    const haystack = Buffer.from('xxneedlehaystackneedlexx'.repeat(3));
    const { table } = buildAutomaton(patterns, { maxDfaBytes: 1 << 20 });
    const whole = naiveMatches(patterns, haystack);
    for (let cut = 0; cut <= haystack.length; cut++) {
      const left = wasmScan(table, haystack, 0, cut) as Array<[number, number]>;
      const right = wasmScan(table, haystack, cut, haystack.length) as Array<[number, number]>;
      expect(sortPairs([...left, ...right]), `cut ${cut}`).toEqual(whole);
    }
  });

  it('reports overflow instead of dropping matches when the output buffer is too small', () => {
    const { table } = buildAutomaton([Buffer.from('a')], { maxDfaBytes: 1 << 20 });
    expect(wasmScan(table, Buffer.from('a'.repeat(2000)), 0, 2000, 100)).toBe(S_ERR_MATCH_OVERFLOW);
  });

  it('rejects corrupted database blocks instead of trapping', () => {
    const { table } = buildAutomaton([Buffer.from('abc'), Buffer.from('bcd')], { maxDfaBytes: 1 << 20 });
    const cases: Array<(t: Uint8Array) => void> = [
      (t) => (t[0] = 0), // magic
      (t) => new Uint32Array(t.buffer)[4]++, // start state not premultiplied
      (t) => (new Uint32Array(t.buffer)[8] = 0xffffff00), // transitions offset out of block
      (t) => (new Uint32Array(t.buffer)[new Uint32Array(t.buffer)[8]! / 4] = 0x7fffffff), // transition to a missing state
    ];
    for (const corrupt of cases) {
      const bad = table.slice();
      corrupt(bad);
      const db = core.alloc(bad.length);
      new Uint8Array(core.memory.buffer).set(bad, db);
      expect(core.validateDatabase(db, bad.length)).toBe(S_ERR_BAD_DATABASE);
      expect(core.preparedAreaBytes(db, bad.length)).toBe(0);
      expect(core.prepareDatabase(db, bad.length, 0, 1 << 30)).toBe(S_ERR_BAD_DATABASE);
      core.free(db);
    }
    const db = core.alloc(table.length);
    new Uint8Array(core.memory.buffer).set(table, db);
    expect(core.validateDatabase(db, table.length - 4)).toBe(S_ERR_BAD_DATABASE); // truncated
    core.free(db);
  });

  it('refuses to scan a block that was not prepared, to prepare one twice, or into too small an area', () => {
    const { table } = buildAutomaton([Buffer.from('abc')], { maxDfaBytes: 1 << 20 });
    const db = core.alloc(table.length);
    const inp = core.alloc(16);
    const out = core.alloc(64);
    new Uint8Array(core.memory.buffer).set(table, db);
    expect(core.scanRange(db, inp, 0, 3, out, 8)).toBe(S_ERR_BAD_DATABASE);
    const need = core.preparedAreaBytes(db, table.length);
    expect(need).toBeGreaterThan(0);
    const area = core.alloc(need);
    expect(core.prepareDatabase(db, table.length, area, need - 1)).toBe(S_ERR_BAD_DATABASE);
    expect(core.prepareDatabase(db, table.length, area, need)).toBe(0);
    expect(core.prepareDatabase(db, table.length, area, need)).toBe(S_ERR_BAD_DATABASE);
    [out, inp, area, db].forEach((p) => core.free(p));
  });

  it('does not grow WASM memory across repeated scans of the same size', () => {
    const { table } = buildAutomaton([Buffer.from('abc')], { maxDfaBytes: 1 << 20 });
    const hay = Buffer.from('xabcx'.repeat(1000));
    wasmScan(table, hay);
    const before = core.memory.buffer.byteLength;
    for (let i = 0; i < 50; i++) wasmScan(table, hay);
    expect(core.memory.buffer.byteLength).toBe(before);
  });
});
