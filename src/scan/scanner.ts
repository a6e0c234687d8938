import type { CoreExports, NormalizeStats } from '../wasm/exports.ts';
import { NORMALIZE_STATS } from '../wasm/exports.ts';
import { S_ERR_MATCH_OVERFLOW, statusError } from '../wasm/status.ts';
import { loadTable } from '../wasm/exports.ts';
import type { Database } from '../signatures/database.ts';
import type { Context, Finding, ScanResult } from '../types.ts';
import { ScanError } from '../errors.ts';
import { isAscii, utf8ToUtf16 } from './offsets.ts';
import { obfuscationFindings } from './obfuscation.ts';
import { decideVerdict, fuseScore, fuseWithModel, FLAG_SCORE, SEVERITY_WEIGHT } from './verdict.ts';
import { rot13 } from '../signatures/database.ts';
import type { DecodedSpan } from '../model/decode.ts';

/** A signature hit in raw coordinates, before confirmation. */
export interface AnchorHit {
  signatureId: string;
  /** UTF-16 indices into the raw text. */
  start: number;
  end: number;
}

/** Optional analyzers that run after the DFA pass (leak validators, semantic model, decoders). */
export interface ScanExtensions {
  /** Confirms secret/pii anchor hits on the raw text; returns confirmed findings. */
  confirmLeaks?(text: string, hits: AnchorHit[]): Finding[];
  /** Detectors without literal anchors (digit runs, mnemonic word runs). */
  scanUnanchored?(text: string): Finding[];
  /**
   * Semantic scorer: a calibrated score in [0,1] where FLAG_SCORE is the context's threshold.
   * `decoded` carries the spans the scanner already decoded, so the text is decoded once per scan.
   */
  semantic?(input: { text: string; context: Context; task?: string; decoded?: readonly DecodedSpan[] }): { score: number; findings: Finding[] };
  /** Finds encoded spans (base64, hex, URL, ROT13, tag characters; nested ones too) in a text. */
  decode?(text: string): DecodedSpan[];
}

export interface ScanRequest {
  text: string;
  context: Context;
  task?: string;
}

export interface ScannerOptions {
  /** UTF-16 units per chunk for long inputs (each chunk is normalized and scanned in turn). */
  chunkUnits?: number;
  /** Maximum (pattern, end) pairs buffered per scan call before a range is split. */
  matchCapacity?: number;
}

const kEncoder = new TextEncoder();
const kDecoder = new TextDecoder();
const kLeakFamilies = new Set(['secret', 'pii', 'canary']);

/**
 * One thread's scanner: a WASM instance (its scratch), the loaded database and reusable buffers.
 * Never shared between threads; a worker or an inline engine owns exactly one.
 */
export class Scanner {
  readonly #core: CoreExports;
  readonly #chunkUnits: number;
  readonly #matchCap: number;
  #extensions: ScanExtensions;
  #db!: Database;
  #dbPtr = 0;
  #dbArea = 0;
  #warm = 0;
  #inPtr = 0;
  #inCap = 0;
  #outPtr = 0;
  #mapPtr = 0;
  #outCap = 0;
  #statsPtr = 0;
  #matchPtr = 0;
  #u8!: Uint8Array;
  #u32!: Uint32Array;

  constructor(core: CoreExports, db: Database, extensions: ScanExtensions = {}, options: ScannerOptions = {}) {
    this.#core = core;
    this.#extensions = extensions;
    this.#chunkUnits = options.chunkUnits ?? 256 * 1024;
    this.#matchCap = options.matchCapacity ?? 16 * 1024;
    this.#statsPtr = core.alloc(NORMALIZE_STATS.length * 4);
    this.#matchPtr = core.alloc(this.#matchCap * 8);
    this.#ensureCapacity(4096);
    this.setDatabase(db);
  }

  get database(): Database {
    return this.#db;
  }

  setExtensions(extensions: ScanExtensions): void {
    this.#extensions = extensions;
  }

  /** Loads a database's table into WASM memory, validated and laid out by the engine before any scan uses it. */
  setDatabase(db: Database): void {
    const loaded = loadTable(this.#core, db.table);
    this.#refreshViews();
    if (typeof loaded === 'number') throw statusError(loaded, 'loading database');
    if (this.#dbPtr !== 0) {
      this.#core.free(this.#dbArea);
      this.#core.free(this.#dbPtr);
    }
    this.#dbPtr = loaded.db;
    this.#dbArea = loaded.area;
    this.#db = db;
    this.#warm = Math.max(0, db.info.maxPatternLen - 1);
  }

  scan(request: ScanRequest): ScanResult {
    const started = performance.now();
    const findings: Finding[] = [];
    const stats = this.#scanText(request.text, request.context, findings);
    const decoded = this.#extensions.decode?.(request.text);
    if (decoded) this.#scanDecoded(decoded, request.context, findings);
    const normalizeDone = performance.now();
    findings.push(...obfuscationFindings(stats, request.text.length));
    let modelUs: number | undefined;
    let score = fuseScore(findings);
    if (this.#extensions.semantic) {
      const t0 = performance.now();
      const semantic = this.#extensions.semantic({
        text: request.text,
        context: request.context,
        ...(request.task ? { task: request.task } : {}),
        ...(decoded ? { decoded } : {}),
      });
      modelUs = Math.round((performance.now() - t0) * 1000);
      score = fuseWithModel(findings, semantic.score);
      findings.push(...semantic.findings);
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    const verdict = decideVerdict(score, findings, request.context);
    return {
      flagged: score >= FLAG_SCORE,
      verdict,
      score,
      findings,
      timings: {
        totalUs: Math.round((performance.now() - started) * 1000),
        matchUs: Math.round((normalizeDone - started) * 1000),
        ...(modelUs !== undefined ? { modelUs } : {}),
      },
    };
  }

  /**
   * Normalizes and matches `text` in chunks, appending findings (in `text`'s coordinates shifted by
   * `base`). Returns the summed normalization counters.
   */
  #scanText(text: string, context: Context, findings: Finding[]): NormalizeStats {
    const totals = Object.fromEntries(NORMALIZE_STATS.map((k) => [k, 0])) as NormalizeStats;
    const hits: Array<{ pattern: number; rawStart: number; rawEnd: number }> = [];
    let carry = 0; // normalized bytes carried from the previous chunk (warm-up context)
    let byteBase = 0; // UTF-8 bytes of text before this chunk
    const seenSignature = new Map<number, number>(); // signature index -> hits count
    for (let pos = 0; pos < text.length || (pos === 0 && text.length === 0); ) {
      let end = Math.min(text.length, pos + this.#chunkUnits);
      // Never split a surrogate pair between chunks.
      if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
      const chunk = text.slice(pos, end);
      this.#ensureCapacity(chunk.length * 3 + carry);
      const { written } = kEncoder.encodeInto(chunk, this.#u8.subarray(this.#inPtr, this.#inPtr + this.#inCap));
      this.#u32.fill(0, this.#statsPtr >> 2, (this.#statsPtr >> 2) + NORMALIZE_STATS.length);
      const n = this.#core.normalizeInto(this.#inPtr, written, this.#outPtr + carry, this.#mapPtr + carry * 4, this.#statsPtr, byteBase);
      const counters = this.#u32.subarray(this.#statsPtr >> 2, (this.#statsPtr >> 2) + NORMALIZE_STATS.length);
      NORMALIZE_STATS.forEach((name, i) => (totals[name] += counters[i]!));
      const total = carry + n;
      this.#matchRange(carry, total, (pattern, matchEnd) => {
        let normEnd = matchEnd;
        const sigIndex = this.#db.patternSignature[pattern]!;
        const sig = this.#db.signatures[sigIndex]!;
        if (sig.contexts && !sig.contexts.includes(context)) return;
        const count = seenSignature.get(sigIndex) ?? 0;
        // An injection-type signature makes one finding, from its first confirmed hit; every leak
        // hit is kept, since each may be a separate secret that must be reported and redacted.
        if (count >= 1 && !kLeakFamilies.has(sig.family)) return;
        let normStart = normEnd - this.#db.patternLength[pattern]!;
        const variant = this.#db.patternVariant[pattern];
        if (sig.confirm !== undefined && variant !== 1) {
          // Confirm on the normalized text around the anchor (ROT13 hits: on the decoded window),
          // and take the confirming match as the evidence span.
          const from = Math.max(0, normStart - 160);
          const to = Math.min(total, normEnd + 160);
          const bytes = this.#u8.subarray(this.#outPtr + from, this.#outPtr + to);
          const window = kDecoder.decode(bytes);
          const m = confirmRegex(sig.confirm).exec(variant === 2 ? rot13(window) : window);
          if (m === null) return;
          const mStart = from + kEncoder.encode(window.slice(0, m.index)).length;
          const mEnd = mStart + kEncoder.encode(m[0]).length;
          if (mEnd > mStart && mEnd <= total) {
            normStart = mStart;
            normEnd = mEnd;
          }
        }
        const rawStart = this.#u32[(this.#mapPtr >> 2) + normStart]!;
        const rawLast = this.#u32[(this.#mapPtr >> 2) + normEnd - 1]!;
        seenSignature.set(sigIndex, count + 1);
        hits.push({ pattern, rawStart, rawEnd: rawLast });
      });
      // Carry the tail of this chunk's normalized bytes (and their raw offsets) into the next.
      carry = Math.min(this.#warm, total);
      if (end < text.length && carry > 0) {
        this.#u8.copyWithin(this.#outPtr, this.#outPtr + total - carry, this.#outPtr + total);
        this.#u32.copyWithin(this.#mapPtr >> 2, (this.#mapPtr >> 2) + total - carry, (this.#mapPtr >> 2) + total);
      }
      byteBase += written;
      if (text.length === 0) break;
      pos = end;
    }
    if (hits.length > 0) this.#emitSignatureFindings(text, hits, findings);
    if (this.#extensions.scanUnanchored) findings.push(...this.#extensions.scanUnanchored(text));
    return totals;
  }

  /** Runs scanRange over [from, to) of the normalized buffer, splitting on match overflow. */
  #matchRange(from: number, to: number, onMatch: (pattern: number, end: number) => void): void {
    if (to <= from) return;
    const count = this.#core.scanRange(this.#dbPtr, this.#outPtr, from, to, this.#matchPtr, this.#matchCap);
    if (count === S_ERR_MATCH_OVERFLOW && to - from > 1) {
      const mid = from + ((to - from) >> 1);
      this.#matchRange(from, mid, onMatch);
      this.#matchRange(mid, to, onMatch);
      return;
    }
    if (count < 0) throw statusError(count, 'scan');
    // The match buffer is read before any callback could touch WASM memory again.
    const pairs = this.#u32.slice(this.#matchPtr >> 2, (this.#matchPtr >> 2) + count * 2);
    for (let k = 0; k < count; k++) onMatch(pairs[2 * k]!, pairs[2 * k + 1]!);
  }

  #emitSignatureFindings(
    text: string,
    hits: Array<{ pattern: number; rawStart: number; rawEnd: number }>,
    findings: Finding[],
  ): void {
    // rawEnd holds the byte offset of the last matched character's start; map both ends to UTF-16.
    let starts: number[];
    let lastStarts: number[];
    if (isAscii(text)) {
      starts = hits.map((h) => h.rawStart);
      lastStarts = hits.map((h) => h.rawEnd);
    } else {
      const converted = utf8ToUtf16(text, hits.flatMap((h) => [h.rawStart, h.rawEnd]));
      starts = hits.map((_, i) => converted[2 * i]!);
      lastStarts = hits.map((_, i) => converted[2 * i + 1]!);
    }
    const leakHits: AnchorHit[] = [];
    const seen = new Set<string>();
    hits.forEach((hit, i) => {
      const sig = this.#db.signatures[this.#db.patternSignature[hit.pattern]!]!;
      const start = starts[i]!;
      const last = lastStarts[i]!;
      const end = last + (isHighSurrogate(text.charCodeAt(last)) ? 2 : 1);
      if (kLeakFamilies.has(sig.family)) {
        leakHits.push({ signatureId: sig.id, start, end });
        return;
      }
      if (seen.has(sig.id)) return; // one finding per signature; the first occurrence is the evidence
      seen.add(sig.id);
      const variant = this.#db.patternVariant[hit.pattern];
      const details: Record<string, unknown> = {};
      if (variant === 1) details.technique = 'spaced-letters';
      if (variant === 2) details.technique = 'rot13';
      // A phrase quoted as an example ("attackers write 'ignore your instructions'") is a mention,
      // not a use: it counts as weaker evidence, so it flags only together with another clue.
      const quoted = isQuoted(text, start, end);
      if (quoted && sig.severity !== 'low') {
        details.quoted = true;
        details.weight = Math.min(SEVERITY_WEIGHT[sig.severity], SEVERITY_WEIGHT.medium);
      }
      findings.push({
        id: sig.id,
        family: sig.family,
        owasp: sig.owasp,
        severity: sig.severity,
        start,
        end,
        evidence: text.slice(start, Math.min(end, start + 200)),
        ...(Object.keys(details).length > 0 ? { details } : {}),
      });
    });
    if (leakHits.length > 0 && this.#extensions.confirmLeaks) findings.push(...this.#extensions.confirmLeaks(text, leakHits));
  }

  /**
   * Scans the decoded text of encoded spans (nested ones arrive already mapped to their outermost
   * span), reporting findings on the encoded span of the caller's text. Tag characters are skipped:
   * the WASM normalizer decodes them in place. Leak findings are skipped on the ROT13 layer: a
   * secret's ROT13 is not a secret, and its wider span would be reported (and redacted) twice.
   */
  #scanDecoded(spans: readonly DecodedSpan[], context: Context, findings: Finding[]): void {
    for (const span of spans) {
      if (span.encoding === 'unicode_tags') continue;
      const inner: Finding[] = [];
      this.#scanText(span.decodedText, context, inner);
      for (const f of inner) {
        if (span.encoding === 'rot13' && kLeakFamilies.has(f.family)) continue;
        findings.push({
          ...f,
          start: span.start,
          end: span.end,
          evidence: kLeakFamilies.has(f.family) ? f.evidence : span.decodedText.slice(f.start, Math.min(f.end, f.start + 200)),
          details: { ...(f.details ?? {}), encoding: span.encoding, decodedStart: f.start, decodedEnd: f.end },
        });
      }
    }
  }

  /** Makes sure the scratch regions hold `bytes` input bytes; grows (and re-views) only when needed. */
  #ensureCapacity(bytes: number): void {
    if (bytes <= this.#inCap) {
      if (this.#u8 === undefined || this.#u8.buffer !== this.#core.memory.buffer) this.#refreshViews();
      return;
    }
    let cap = Math.max(this.#inCap, 4096);
    while (cap < bytes) cap *= 2;
    const outCap = 2 * cap + 8;
    // Keep any carried prefix when growing: copy it to the new regions.
    const oldOut = this.#outPtr;
    const oldMap = this.#mapPtr;
    const keep = Math.min(this.#warm, this.#outCap);
    const inPtr = this.#core.alloc(cap);
    const outPtr = this.#core.alloc(outCap);
    const mapPtr = this.#core.alloc(outCap * 4);
    if (inPtr === 0 || outPtr === 0 || mapPtr === 0) throw new ScanError(`cannot allocate scratch for a ${bytes}-byte chunk`);
    this.#refreshViews();
    if (oldOut !== 0 && keep > 0) {
      this.#u8.copyWithin(outPtr, oldOut, oldOut + keep);
      this.#u32.copyWithin(mapPtr >> 2, oldMap >> 2, (oldMap >> 2) + keep);
    }
    if (this.#inPtr !== 0) {
      this.#core.free(this.#inPtr);
      this.#core.free(oldOut);
      this.#core.free(oldMap);
    }
    this.#inPtr = inPtr;
    this.#inCap = cap;
    this.#outPtr = outPtr;
    this.#mapPtr = mapPtr;
    this.#outCap = outCap;
  }

  #refreshViews(): void {
    this.#u8 = new Uint8Array(this.#core.memory.buffer);
    this.#u32 = new Uint32Array(this.#core.memory.buffer);
  }
}

const kOpenQuotes = '"\'“‘«„「『‹`';
const kCloseQuotes = '"\'”’»“」』›`';

/**
 * True when [start, end) sits inside a short quotation: an opening quote within a few characters
 * before it and a closing quote within 120 characters after it, on the same line.
 */
function isQuoted(text: string, start: number, end: number): boolean {
  let open = -1;
  for (let i = start - 1; i >= Math.max(0, start - 12); i--) {
    const c = text[i]!;
    if (c === '\n') return false;
    if (kOpenQuotes.includes(c)) {
      open = i;
      break;
    }
  }
  if (open === -1) return false;
  for (let i = end; i < Math.min(text.length, end + 120); i++) {
    const c = text[i]!;
    if (c === '\n') return false;
    if (kCloseQuotes.includes(c)) return true;
  }
  return false;
}

const kRegexCache = new Map<string, RegExp>();
/** Confirm regexes compile once per thread, not once per hit. */
function confirmRegex(source: string): RegExp {
  let re = kRegexCache.get(source);
  if (re === undefined) {
    re = new RegExp(source, 'u');
    kRegexCache.set(source, re);
  }
  return re;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
