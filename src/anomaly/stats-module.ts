/**
 * Loads the statistics WebAssembly module (assembly/stats/, built to build/stats.wasm and copied to
 * dist/stats.wasm) and gives typed access to its exports. The module is compiled once per process;
 * each `instantiateStats()` call gets its own memory, i.e. its own set of series.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The project's tsconfig carries no WebAssembly lib types (ES2023 + @types/node 20), so the few
// pieces used here are declared locally and the global is read through globalThis.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmModule {
  readonly __brand?: 'WasmModule';
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** The statistics module's exports (numbers only cross the boundary). */
export interface StatsExports {
  memory: WasmMemory;
  _initialize?: () => void;
  init(slots: number, batchPoints: number): number;
  ensureCapacity(slots: number): number;
  resetSlot(slot: number): number;
  processBatch(count: number): number;
  setParam(id: number, value: number): number;
  getParam(id: number): number;
  recordBytes(): number;
  outStride(): number;
  detectorCount(): number;
  slotCapacity(): number;
  batchCapacity(): number;
  inSlotPtr(): number;
  inTsPtr(): number;
  inValuePtr(): number;
  outPtr(): number;
  readField(slot: number, offset: number): number;
  median(slot: number): number;
  mad(slot: number): number;
}

/** Status codes returned by processBatch / ensureCapacity (see assembly/stats/index.ts). */
export const S_ERR_SLOT = -1;
export const S_ERR_COUNT = -2;
export const S_ERR_NOT_INIT = -3;

/** Candidate locations: beside the bundle (dist/), then the source tree's build/. */
const kCandidates = ['./stats.wasm', '../stats.wasm', '../../build/stats.wasm', '../../dist/stats.wasm'];

let compiled: WasmModule | undefined;

/** Path of the .wasm this process loads (first candidate that exists). */
export function locateStatsWasm(): string {
  for (const rel of kCandidates) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new Error(
    `stats.wasm not found next to ${fileURLToPath(import.meta.url)} (tried ${kCandidates.join(', ')}); run 'npm run asbuild' first`,
  );
}

function statsModule(): WasmModule {
  compiled ??= new wasmApi.Module(readFileSync(locateStatsWasm()));
  return compiled;
}

/** A fresh instance with its own memory; `slots` series and `batchPoints` points per call. */
export function instantiateStats(slots: number, batchPoints: number): StatsExports {
  const instance = new wasmApi.Instance(statsModule(), {
    env: {
      abort(_msg: number, _file: number, line: number, col: number): never {
        throw new Error(`stats.wasm aborted at ${line}:${col}`);
      },
    },
  });
  const ex = instance.exports as unknown as StatsExports;
  ex._initialize?.();
  const status = ex.init(slots, batchPoints);
  if (status < 0) throw new RangeError(`stats init(${slots}, ${batchPoints}) failed with status ${status}`);
  return ex;
}
