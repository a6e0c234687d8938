/** The raw exports of build/release.wasm (assembly/index.ts). Only numbers cross the ABI. */
export interface CoreExports {
  memory: WebAssembly.Memory;
  alloc(size: number): number;
  free(ptr: number): void;
  /** Returns the normalized length; see assembly/normalize/normalize.ts. */
  normalizeInto(inp: number, len: number, out: number, map: number, stats: number, mapBase: number): number;
  /** S_OK or S_ERR_BAD_DATABASE. */
  validateDatabase(db: number, bytes: number): number;
  /**
   * Validates, then relocates the block in place for scanning (needs DB_SCRATCH_BYTES free after
   * `bytes`). S_OK or S_ERR_BAD_DATABASE. scanRange refuses blocks that were not prepared.
   */
  prepareDatabase(db: number, bytes: number): number;
  /** Pair count, or S_ERR_MATCH_OVERFLOW / S_ERR_BAD_RANGE. */
  scanRange(db: number, inp: number, from: number, to: number, out: number, cap: number): number;
}

/** Export names checked against the module at load time (a stale build fails loudly, not oddly). */
export const CORE_EXPORT_NAMES = ['memory', 'alloc', 'free', 'normalizeInto', 'validateDatabase', 'prepareDatabase', 'scanRange'] as const;

/** Normalization counters, in the order of assembly/normalize/normalize.ts STAT_*. */
export const NORMALIZE_STATS = ['invisible', 'bidi', 'tags', 'confusable', 'collapsed', 'leet', 'invalid'] as const;
export type NormalizeStats = Record<(typeof NORMALIZE_STATS)[number], number>;

/** Bytes to reserve after a database table for prepareDatabase (assembly/dfa/database.ts). */
export const DB_SCRATCH_BYTES = 1024;
