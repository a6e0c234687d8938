import { Scanner, type ScanExtensions, type ScanRequest } from './scanner.ts';
import { instantiateCore } from '../wasm/instance.ts';
import { loadDatabase, type Database } from '../signatures/database.ts';
import { loadExtensions, type ExtensionOptions } from './extensions.ts';
import type { ScanResult } from '../types.ts';

/**
 * What one thread needs to scan: a scanner over its own WASM instance, warmed up so the first real
 * scan does not run in V8's baseline tier (measured ~2x slower on the first long call).
 */
export function createThreadScanner(db: Database, module?: WebAssembly.Module, extensions?: ScanExtensions | ExtensionOptions): Scanner {
  const core = instantiateCore(module);
  const loaded = extensions !== undefined && isLoaded(extensions) ? extensions : loadExtensions(extensions ?? {});
  const scanner = new Scanner(core, db, loaded);
  warmUp(scanner);
  return scanner;
}

function isLoaded(x: ScanExtensions | ExtensionOptions): x is ScanExtensions {
  return Object.values(x).some((v) => typeof v === 'function');
}

function warmUp(scanner: Scanner): void {
  const sample = 'Quarterly revenue rose 4% on higher trading volumes; please summarize the filing. '.repeat(64);
  for (let i = 0; i < 8; i++) scanner.scan({ text: sample, context: 'retrieved_doc' });
}

/**
 * A scanner bound to a database generation: workers keep one and swap its database when a task
 * arrives carrying a newer generation (engine.reload), without restarting.
 */
export class GenerationScanner {
  #scanner: Scanner | undefined;
  #generation = -1;
  readonly #module: WebAssembly.Module | undefined;
  readonly #analyzers: ExtensionOptions;

  constructor(module?: WebAssembly.Module, analyzers: ExtensionOptions = {}) {
    this.#module = module;
    this.#analyzers = analyzers;
  }

  scan(generation: number, dbBytes: Uint8Array, items: ScanRequest[]): ScanResult[] {
    if (generation !== this.#generation || this.#scanner === undefined) {
      const db = loadDatabase(dbBytes);
      if (this.#scanner === undefined) this.#scanner = createThreadScanner(db, this.#module, this.#analyzers);
      else this.#scanner.setDatabase(db);
      this.#generation = generation;
    }
    return items.map((item) => this.#scanner!.scan(item));
  }
}
