/**
 * Host side of build/semantic.wasm: instantiates the module synchronously, keeps typed views fresh
 * across memory growth, and moves UTF-8 text and segment tables in and results out. Only numbers cross
 * the ABI; text is written with TextEncoder.encodeInto straight into WASM memory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexiconEntries } from './lexicon.ts';
import type { SpanList } from './segment.ts';

export const ABI_VERSION = 1;
export const NUM_BUCKETS = 1 << 18;
export const NUM_HEADS = 2;
export const NUM_STRUCT = 40;
export const EMBED_DIM = 64;
export const SEG_RECORD_F32 = NUM_HEADS + 2 + NUM_STRUCT;

interface SemanticExports {
  memory: WebAssembly.Memory;
  abiVersion(): number;
  numBuckets(): number;
  numHeads(): number;
  numStruct(): number;
  embedDim(): number;
  segRecordF32(): number;
  reserveInput(bytes: number): number;
  reserveSegments(n: number): number;
  recordsPtr(): number;
  weightsPtr(): number;
  structPtr(): number;
  featuresPtr(): number;
  embeddingPtr(): number;
  lexClear(): void;
  lexAdd(start: number, end: number, mask: number): number;
  extract(start: number, end: number): number;
  lastFeatureCount(): number;
  scoreSegments(n: number): void;
  segmentUnitsToBytes(n: number, inputBytes: number): void;
  setTask(start: number, end: number): void;
  clearTask(): void;
  embed(start: number, end: number): number;
  exemplarsReserve(n: number): number;
  exemplarsSetCount(n: number): void;
  nearest(query: number, k: number): number;
  nearestResultPtr(): number;
  headParamsPtr(): number;
  log1pTablePtr(): number;
  scoreUnits(records: number, segments: number, maxWindow: number, useStruct: number): number;
  unitIntentPtr(): number;
  unitDirectivePtr(): number;
  unitRelatednessPtr(): number;
  unitFirstPtr(): number;
  unitSizePtr(): number;
}

/** Logits of every unit of the last scored text (views into WASM memory, valid until the next scoreUnits). */
export interface UnitViews {
  count: number;
  intent: Float64Array;
  directive: Float64Array;
  relatedness: Float64Array;
  first: Int32Array;
  size: Int32Array;
}

/** Candidate locations of the .wasm: beside a dist bundle, then the source tree's build/ folder. */
function wasmCandidates(): string[] {
  const out: string[] = [];
  if (process.env.TOLLGATE_SEMANTIC_WASM) out.push(process.env.TOLLGATE_SEMANTIC_WASM);
  out.push(fileURLToPath(new URL('./semantic.wasm', import.meta.url)));
  out.push(fileURLToPath(new URL('../../build/semantic.wasm', import.meta.url)));
  out.push(fileURLToPath(new URL('../build/semantic.wasm', import.meta.url)));
  return out;
}

let cachedModule: WebAssembly.Module | undefined;

export function loadSemanticModule(): WebAssembly.Module {
  if (cachedModule) return cachedModule;
  const path = wasmCandidates().find((p) => existsSync(p));
  if (!path) {
    throw new Error(`semantic.wasm not found (looked in ${wasmCandidates().join(', ')}); run "npm run asbuild:semantic"`);
  }
  cachedModule = new WebAssembly.Module(readFileSync(path));
  return cachedModule;
}

const kEncoder = new TextEncoder();
const kLog1pTable = new Float64Array(1024).map((_, i) => Math.log1p(i));

/** Byte offset of every UTF-16 index of `text` once UTF-8 encoded (length + 1 entries), matching TextEncoder. */
export function utf8Offsets(text: string): Uint32Array {
  const out = new Uint32Array(text.length + 1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = b;
    const c = text.charCodeAt(i);
    if (c < 0x80) b += 1;
    else if (c < 0x800) b += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        b += 4;
        i++;
        out[i] = b; // the low half maps to the end of the pair; segments never split a pair
        continue;
      }
      b += 3;
    } else b += 3;
  }
  out[text.length] = b;
  return out;
}

/** One instance of the semantic WASM module with its own memory (one per thread). */
export class SemanticWasm {
  readonly #x: SemanticExports;
  #inputLen = 0;

  constructor(module: WebAssembly.Module = loadSemanticModule()) {
    const instance = new WebAssembly.Instance(module, {
      env: {
        abort: (_m: number, _f: number, line: number, col: number) => {
          throw new Error(`semantic.wasm aborted at ${line}:${col}`);
        },
        // The unit head's log1p is the host's, so its results match src/model/head.ts to the bit.
        log1p: Math.log1p,
      },
    });
    this.#x = instance.exports as unknown as SemanticExports;
    const x = this.#x;
    if (x.abiVersion() !== ABI_VERSION || x.numBuckets() !== NUM_BUCKETS || x.numHeads() !== NUM_HEADS || x.numStruct() !== NUM_STRUCT || x.embedDim() !== EMBED_DIM) {
      throw new Error(`semantic.wasm ABI mismatch: abi ${x.abiVersion()}, buckets ${x.numBuckets()}, heads ${x.numHeads()}, struct ${x.numStruct()}; host expects ${ABI_VERSION}/${NUM_BUCKETS}/${NUM_HEADS}/${NUM_STRUCT}`);
    }
    this.loadLexicon();
  }

  get #buf(): ArrayBuffer {
    return this.#x.memory.buffer;
  }

  /** Writes `text` as UTF-8 into WASM memory; later calls take byte ranges into it. Returns its byte length. */
  setInput(text: string): number {
    // Worst case 3 bytes per UTF-16 unit.
    const ptr = this.#x.reserveInput(text.length * 3 + 16);
    const view = new Uint8Array(this.#buf, ptr, text.length * 3 + 16);
    const { written } = kEncoder.encodeInto(text, view);
    this.#inputLen = written;
    return written;
  }

  get inputLength(): number {
    return this.#inputLen;
  }

  loadLexicon(): void {
    const x = this.#x;
    x.lexClear();
    for (const { phrase, mask } of lexiconEntries()) {
      const n = this.setInput(phrase);
      x.lexAdd(0, n, mask);
    }
  }

  /** Copies weights (f32, bucket-major: w[bucket * NUM_HEADS + head]) into WASM memory. */
  setWeights(hashed: Float32Array): void {
    if (hashed.length !== NUM_BUCKETS * NUM_HEADS) throw new Error(`weights must have ${NUM_BUCKETS * NUM_HEADS} floats, got ${hashed.length}`);
    const ptr = this.#x.weightsPtr();
    new Float32Array(this.#buf, ptr, hashed.length).set(hashed);
  }

  /** Sparse features of input bytes [start, end): bucket | sign bit per occurrence (copied), plus structural counts. */
  extract(start: number, end: number): { features: Uint32Array; count: number; struct: Float32Array } {
    const n = this.#x.extract(start, end);
    const features = new Uint32Array(this.#buf, this.#x.featuresPtr(), n).slice();
    const struct = new Float32Array(this.#buf, this.#x.structPtr(), NUM_STRUCT).slice();
    return { features, count: this.#x.lastFeatureCount(), struct };
  }

  /**
   * Scores `spans` (UTF-16 ranges of `text`, the current input, which setInput reported as
   * `inputBytes` long); returns SEG_RECORD_F32 floats per span (a view, valid until the next call).
   * The byte offsets are written straight into the module's segment table.
   */
  scoreSpans(text: string, inputBytes: number, spans: SpanList): Float32Array {
    const n = spans.count;
    this.#writeSegments(text, inputBytes, spans);
    this.#x.scoreSegments(n);
    return new Float32Array(this.#buf, this.#x.recordsPtr(), n * SEG_RECORD_F32);
  }

  /** Loads the heads' bias and structural weights (HeadParams) for scoreUnits. */
  setHeadParams(bias: readonly number[], structWeights: readonly number[]): void {
    if (bias.length !== NUM_HEADS || structWeights.length !== NUM_HEADS * NUM_STRUCT) {
      throw new Error(`head params need ${NUM_HEADS} biases and ${NUM_HEADS * NUM_STRUCT} structural weights, got ${bias.length} and ${structWeights.length}`);
    }
    const x = this.#x;
    const p = new Float64Array(this.#buf, x.headParamsPtr(), NUM_HEADS + NUM_HEADS * NUM_STRUCT);
    p.set(bias, 0);
    p.set(structWeights, NUM_HEADS);
    new Float64Array(this.#buf, x.log1pTablePtr(), 1024).set(kLog1pTable);
  }

  /**
   * Logits of every segment and window of up to `maxWindow` segments of the records the last
   * scoreSpans call wrote (head.ts unitLogits arithmetic; bit-identical to test/model/fixtures/unit-scorer.ts). Needs setHeadParams first.
   */
  scoreUnits(segments: number, maxWindow: number, useStruct: boolean): UnitViews {
    const x = this.#x;
    const count = x.scoreUnits(x.recordsPtr(), segments, maxWindow, useStruct ? 1 : 0);
    const buf = this.#buf;
    return {
      count,
      intent: new Float64Array(buf, x.unitIntentPtr(), count),
      directive: new Float64Array(buf, x.unitDirectivePtr(), count),
      relatedness: new Float64Array(buf, x.unitRelatednessPtr(), count),
      first: new Int32Array(buf, x.unitFirstPtr(), count),
      size: new Int32Array(buf, x.unitSizePtr(), count),
    };
  }

  /** The UTF-8 byte offsets scoreSpans gives WASM for `spans` of the current input (a copy; diagnostics and tests). */
  byteOffsets(text: string, inputBytes: number, spans: SpanList): Int32Array {
    return new Int32Array(this.#buf, this.#writeSegments(text, inputBytes, spans), spans.count * 2).slice();
  }

  /** Writes the spans into the module's segment table as UTF-8 byte offsets; returns the table's address. */
  #writeSegments(text: string, inputBytes: number, spans: SpanList): number {
    const n = spans.count;
    const ptr = this.#x.reserveSegments(n);
    new Int32Array(this.#buf, ptr, n * 2).set(spans.bounds.subarray(0, 2 * n));
    // One byte per UTF-16 unit: the text is ASCII and byte offsets equal string offsets. Otherwise
    // WASM converts the offsets by walking the UTF-8 it holds (the same numbers utf8Offsets gives at those indices).
    if (inputBytes !== text.length) this.#x.segmentUnitsToBytes(n, inputBytes);
    return ptr;
  }

  /** Sets the task (by byte range of the current input) for relatedness; pass start === end to clear. */
  setTaskRange(start: number, end: number): void {
    this.#x.setTask(start, end);
  }

  clearTask(): void {
    this.#x.clearTask();
  }

  /** Unit-length embedding of input bytes [start, end) (copied). */
  embed(start: number, end: number): Float32Array {
    const ptr = this.#x.embed(start, end);
    return new Float32Array(this.#buf, ptr, EMBED_DIM).slice();
  }

  setExemplars(matrix: Float32Array): void {
    const rows = Math.floor(matrix.length / EMBED_DIM);
    const ptr = this.#x.exemplarsReserve(Math.max(rows, 1));
    new Float32Array(this.#buf, ptr, rows * EMBED_DIM).set(matrix.subarray(0, rows * EMBED_DIM));
    this.#x.exemplarsSetCount(rows);
  }

  /** Top-k exemplar rows for the embedding at embeddingPtr (call embed() first). */
  nearestToLastEmbedding(k: number): Array<{ row: number; similarity: number }> {
    const n = this.#x.nearest(this.#x.embeddingPtr(), k);
    const ptr = this.#x.nearestResultPtr();
    const ints = new Int32Array(this.#buf, ptr, n * 2);
    const floats = new Float32Array(this.#buf, ptr, n * 2);
    const out: Array<{ row: number; similarity: number }> = [];
    for (let i = 0; i < n; i++) out.push({ row: ints[2 * i], similarity: floats[2 * i + 1] });
    return out;
  }
}
