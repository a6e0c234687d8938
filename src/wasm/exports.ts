/** The raw exports of build/release.wasm (assembly/index.ts). Only numbers cross the ABI. */
export interface CoreExports {
  memory: WebAssembly.Memory;
  alloc(size: number): number;
  free(ptr: number): void;
  /** Returns the normalized length; see assembly/normalize/normalize.ts. */
  normalizeInto(inp: number, len: number, out: number, map: number, stats: number, mapBase: number): number;
  /** S_OK or S_ERR_BAD_DATABASE. */
  validateDatabase(db: number, bytes: number): number;
  /** Pair count, or S_ERR_MATCH_OVERFLOW / S_ERR_BAD_RANGE. */
  scanRange(db: number, inp: number, from: number, to: number, out: number, cap: number): number;
}

/** Export names checked against the module at load time (a stale build fails loudly, not oddly). */
export const CORE_EXPORT_NAMES = ['memory', 'alloc', 'free', 'normalizeInto', 'validateDatabase', 'scanRange'] as const;

/** Normalization counters, in the order of assembly/normalize/normalize.ts STAT_*. */
export const NORMALIZE_STATS = ['invisible', 'bidi', 'tags', 'confusable', 'collapsed', 'leet', 'invalid'] as const;
export type NormalizeStats = Record<(typeof NORMALIZE_STATS)[number], number>;
