/** The raw exports of build/release.wasm (assembly/index.ts). Only numbers cross the ABI. */
export interface CoreExports {
  memory: WebAssembly.Memory;
  alloc(size: number): number;
  free(ptr: number): void;
  /** Returns the normalized length; see assembly/normalize/normalize.ts. */
  normalizeInto(inp: number, len: number, out: number, map: number, stats: number, mapBase: number): number;
  /** S_OK or S_ERR_BAD_DATABASE. */
  validateDatabase(db: number, bytes: number): number;
  /** Bytes of scratch area prepareDatabase needs for this block (validated first); 0 if invalid. */
  preparedAreaBytes(db: number, bytes: number): number;
  /**
   * Validates, then lays the transition table out in `area` for scanning. S_OK or
   * S_ERR_BAD_DATABASE. scanRange refuses blocks that were not prepared. The block and the area
   * both stay in use until the database is replaced.
   */
  prepareDatabase(db: number, bytes: number, area: number, areaBytes: number): number;
  /** Pair count, or S_ERR_MATCH_OVERFLOW / S_ERR_BAD_RANGE. */
  scanRange(db: number, inp: number, from: number, to: number, out: number, cap: number): number;
}

/** Export names checked against the module at load time (a stale build fails loudly, not oddly). */
export const CORE_EXPORT_NAMES = ['memory', 'alloc', 'free', 'normalizeInto', 'validateDatabase', 'preparedAreaBytes', 'prepareDatabase', 'scanRange'] as const;

/** Normalization counters, in the order of assembly/normalize/normalize.ts STAT_*. */
export const NORMALIZE_STATS = ['invisible', 'bidi', 'tags', 'confusable', 'collapsed', 'leet', 'invalid'] as const;
export type NormalizeStats = Record<(typeof NORMALIZE_STATS)[number], number>;

/**
 * Copies a database table into WASM memory and prepares it for scanning. Returns the two blocks
 * to free when the database is replaced, or a status < 0.
 */
export function loadTable(core: CoreExports, table: Uint8Array): { db: number; area: number } | number {
  const db = core.alloc(table.byteLength);
  if (db === 0) return -1;
  new Uint8Array(core.memory.buffer).set(table, db);
  const areaBytes = core.preparedAreaBytes(db, table.byteLength);
  if (areaBytes === 0) {
    core.free(db);
    return -1;
  }
  const area = core.alloc(areaBytes);
  const status = area === 0 ? -1 : core.prepareDatabase(db, table.byteLength, area, areaBytes);
  if (status !== 0) {
    if (area !== 0) core.free(area);
    core.free(db);
    return status;
  }
  return { db, area };
}
