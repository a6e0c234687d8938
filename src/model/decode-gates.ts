/**
 * Host side of assembly/decode (build/decode.wasm): the fused linear passes that find where a
 * text may hold encoded or disguised spans — base64/hex alphabet runs, separated hex pairs, ROT13
 * and leetspeak line candidates — so decode.ts confirms and decodes only those. One instance per
 * thread (the module keeps its scratch in its own memory); offsets are UTF-16 indices.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface GateExports {
  memory: WebAssembly.Memory;
  reserve(n: number): number;
  scan(n: number): void;
  runsPtr(): number;
  runCount(): number;
  linesPtr(): number;
  lineCount(): number;
  hexPairs(): number;
}

export const LINE_ROT13 = 1;
export const LINE_LEETSPEAK = 2;

/** What one gate scan found; views into WASM memory, valid until the next scan. */
export interface GateResult {
  /** Per run: start, end, end after '=' padding, 1 if all hex. */
  runs: Int32Array;
  runCount: number;
  /** Per flagged line: start, end, LINE_* flags. */
  lines: Int32Array;
  lineCount: number;
  hexPairs: boolean;
}

function candidatePaths(): string[] {
  return [new URL('./decode.wasm', import.meta.url), new URL('../../build/decode.wasm', import.meta.url), new URL('../build/decode.wasm', import.meta.url)]
    .filter((u) => u.protocol === 'file:')
    .map((u) => fileURLToPath(u));
}

let cachedModule: WebAssembly.Module | undefined;

function gateModule(): WebAssembly.Module {
  if (cachedModule) return cachedModule;
  const paths = candidatePaths();
  const path = paths.find((p) => existsSync(p));
  if (!path) throw new Error(`decode.wasm not found (looked in ${paths.join(', ')}); run 'npm run build'`);
  cachedModule = new WebAssembly.Module(readFileSync(path));
  return cachedModule;
}

export class DecodeGates {
  readonly #x: GateExports;
  #bytes: Buffer;

  constructor(module: WebAssembly.Module = gateModule()) {
    const instance = new WebAssembly.Instance(module, {
      env: {
        abort: (_m: number, _f: number, line: number, col: number) => {
          throw new Error(`decode.wasm aborted at ${line}:${col}`);
        },
      },
    });
    this.#x = instance.exports as unknown as GateExports;
    this.#bytes = Buffer.from(this.#x.memory.buffer);
  }

  scan(text: string): GateResult {
    const x = this.#x;
    const n = text.length;
    const ptr = x.reserve(n);
    // memory.grow detaches the old buffer: take a new view after every reserve that grew it.
    if (this.#bytes.buffer !== x.memory.buffer) this.#bytes = Buffer.from(x.memory.buffer);
    // UTF-16LE is the code units as they are (lone surrogates included).
    this.#bytes.write(text, ptr, n * 2, 'utf16le');
    x.scan(n);
    const buf = x.memory.buffer;
    const runCount = x.runCount();
    const lineCount = x.lineCount();
    return {
      runs: new Int32Array(buf, x.runsPtr(), runCount * 4),
      runCount,
      lines: new Int32Array(buf, x.linesPtr(), lineCount * 3),
      lineCount,
      hexPairs: x.hexPairs() !== 0,
    };
  }
}

let threadGates: DecodeGates | undefined;

/** This thread's gate scanner (a worker thread has its own module state, hence its own instance). */
export function decodeGates(): DecodeGates {
  threadGates ??= new DecodeGates();
  return threadGates;
}
