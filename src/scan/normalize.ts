import { NORMALIZE_STATS, type CoreExports, type NormalizeStats } from '../wasm/exports.ts';

const kEncoder = new TextEncoder();

/**
 * Normalizes one string through the WASM core with throwaway buffers. For the compiler (patterns)
 * and tests; the scan path uses Scanner's reusable scratch instead.
 */
export function normalizeBytes(core: CoreExports, text: string): { bytes: Uint8Array; map: Uint32Array; stats: NormalizeStats } {
  const raw = kEncoder.encode(text);
  const cap = 2 * raw.length + 8;
  const inp = core.alloc(Math.max(raw.length, 1));
  const out = core.alloc(cap);
  const map = core.alloc(cap * 4);
  const stats = core.alloc(NORMALIZE_STATS.length * 4);
  try {
    new Uint8Array(core.memory.buffer, inp, raw.length).set(raw);
    new Uint32Array(core.memory.buffer, stats, NORMALIZE_STATS.length).fill(0);
    const n = core.normalizeInto(inp, raw.length, out, map, stats, 0);
    const buffer = core.memory.buffer;
    const counters = new Uint32Array(buffer, stats, NORMALIZE_STATS.length);
    const result = {} as NormalizeStats;
    NORMALIZE_STATS.forEach((name, i) => (result[name] = counters[i]!));
    return {
      bytes: new Uint8Array(buffer, out, n).slice(),
      map: new Uint32Array(buffer, map, n).slice(),
      stats: result,
    };
  } finally {
    core.free(stats);
    core.free(map);
    core.free(out);
    core.free(inp);
  }
}

/** Normalized form of a string, as text (for tests, the corpus tools and the semantic scorer). */
export function normalizeText(core: CoreExports, text: string): string {
  return new TextDecoder().decode(normalizeBytes(core, text).bytes);
}
