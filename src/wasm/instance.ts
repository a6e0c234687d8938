import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CORE_EXPORT_NAMES, type CoreExports } from './exports.ts';
import { ScanError } from '../errors.ts';

/**
 * Where the core module lives: beside the bundle in dist/ (tollgate.wasm), or in build/ when
 * running from source. Read with fs: vite cannot import a .wasm that has imports.
 */
function candidatePaths(name: string): string[] {
  return [new URL(`./${name}`, import.meta.url), new URL(`../../build/${name}`, import.meta.url), new URL(`../build/${name}`, import.meta.url)]
    .filter((u) => u.protocol === 'file:')
    .map((u) => fileURLToPath(u));
}

let cachedModule: WebAssembly.Module | undefined;

/** Compiles the core module once per thread (or accepts one compiled on the main thread). */
export function coreModule(): WebAssembly.Module {
  if (cachedModule) return cachedModule;
  const override = process.env.TOLLGATE_WASM;
  const paths = override ? [override] : candidatePaths('release.wasm').concat(candidatePaths('tollgate.wasm'));
  const path = paths.find((p) => existsSync(p));
  if (!path) throw new ScanError(`tollgate core WASM not found (looked in ${paths.join(', ')}); run 'npm run build'`);
  cachedModule = new WebAssembly.Module(readFileSync(path));
  return cachedModule;
}

/** Instantiates the core; each instance is one thread's scratch and is never shared. */
export function instantiateCore(module: WebAssembly.Module = coreModule()): CoreExports {
  const instance = new WebAssembly.Instance(module, {
    env: {
      abort(msg: number, file: number, line: number, col: number): never {
        throw new ScanError(`tollgate core aborted (message@${msg} file@${file} ${line}:${col})`);
      },
    },
  });
  const exports = instance.exports as unknown as CoreExports;
  for (const name of CORE_EXPORT_NAMES) {
    if (!(name in exports)) throw new ScanError(`tollgate core WASM lacks export '${name}': stale build, run 'npm run build'`);
  }
  return exports;
}
