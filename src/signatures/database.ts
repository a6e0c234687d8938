import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { pack as msgpack, unpack as msgunpack } from 'msgpackr';
import { buildAutomaton, type AutomatonInfo } from './automaton.ts';
import { validatePack, type Signature, type SignaturePack } from './pack.ts';
import { DatabaseError, SignatureError } from '../errors.ts';
import { instantiateCore } from '../wasm/instance.ts';
import { normalizeBytes } from '../scan/normalize.ts';

/**
 * Compile once, scan many (Hyperscan's model): a signature pack compiles to an immutable database
 * of serialized bytes that every worker loads. The bytes are an envelope
 * `{ payload, sha256, signature? }`; `payload` holds the DFA table and the signature metadata.
 */

export const DATABASE_FORMAT = 'tollgate-db';
export const DATABASE_FORMAT_VERSION = 1;

/** Why a DFA pattern exists: which signature, and through which spelling variant of its anchor. */
export type PatternVariant = 'literal' | 'squeeze' | 'rot13';

export interface DatabaseInfo extends AutomatonInfo {
  packName: string;
  packVersion: string;
  signatureCount: number;
  patternCount: number;
  compileMs: number;
  sha256: string;
  signed: boolean;
}

/** A loaded database: what a scanner needs, plus the serialized bytes to hand to other threads. */
export interface Database {
  readonly bytes: Uint8Array;
  readonly info: DatabaseInfo;
  readonly table: Uint8Array;
  readonly signatures: readonly Signature[];
  /** Per DFA pattern id: index into `signatures`. */
  readonly patternSignature: Int32Array;
  /** Per DFA pattern id: length in normalized bytes. */
  readonly patternLength: Uint16Array;
  /** Per DFA pattern id: 0 literal, 1 squeeze, 2 rot13. */
  readonly patternVariant: Uint8Array;
}

export interface CompileOptions {
  /** Largest DFA table accepted, in bytes (default 256 MiB). */
  maxDfaBytes?: number;
  /** Ed25519 private key (PEM string or KeyObject) to sign the database with. */
  signingKey?: string | KeyObject;
}

export interface LoadOptions {
  /** Ed25519 public key; when given, unsigned or wrongly signed databases are refused. */
  publicKey?: string | KeyObject;
}

const kVariantCode: Record<PatternVariant, number> = { literal: 0, squeeze: 1, rot13: 2 };
const kNoVariantFamilies = new Set(['secret', 'pii', 'canary']);

/** Compiles a pack into a database. Throws PackError, LimitError. */
export function compile(pack: SignaturePack, options: CompileOptions = {}): Database {
  const started = performance.now();
  validatePack(pack);
  const core = instantiateCore();
  const patterns: Uint8Array[] = [];
  const patternSignature: number[] = [];
  const patternVariant: number[] = [];
  const seen = new Set<string>();
  const add = (bytes: Uint8Array, sig: number, variant: PatternVariant): void => {
    if (bytes.length < 2) return;
    const key = `${sig}:${Buffer.from(bytes).toString('latin1')}`;
    if (seen.has(key)) return;
    seen.add(key);
    patterns.push(bytes);
    patternSignature.push(sig);
    patternVariant.push(kVariantCode[variant]);
  };
  pack.signatures.forEach((sig, index) => {
    const variants = sig.variants ?? (kNoVariantFamilies.has(sig.family) ? [] : ['squeeze', 'rot13']);
    for (const anchor of sig.anchors) {
      const normalized = normalizeBytes(core, anchor).bytes;
      add(normalized, index, 'literal');
      const ascii = normalized.every((b) => b < 0x80);
      if (!ascii) continue;
      const text = Buffer.from(normalized).toString('latin1');
      if (variants.includes('squeeze') && text.includes(' ')) {
        const squeezed = text.replace(/ /g, '');
        if (squeezed.length >= 8) add(Buffer.from(squeezed, 'latin1'), index, 'squeeze');
      }
      if (variants.includes('rot13') && /[a-z]/.test(text) && text.length >= 8) {
        add(Buffer.from(rot13(text), 'latin1'), index, 'rot13');
      }
    }
  });
  const { table, info } = buildAutomaton(patterns, { maxDfaBytes: options.maxDfaBytes ?? 256 * 1024 * 1024 });
  const payload = msgpack({
    format: DATABASE_FORMAT,
    formatVersion: DATABASE_FORMAT_VERSION,
    pack: { name: pack.name, version: pack.version },
    signatures: pack.signatures,
    // Typed arrays travel as raw little-endian bytes (msgpackr keeps only Uint8Array as bin).
    patternSignature: bytesOf(Int32Array.from(patternSignature)),
    patternLength: bytesOf(Uint16Array.from(patterns.map((p) => p.length))),
    patternVariant: bytesOf(Uint8Array.from(patternVariant)),
    table: bytesOf(table),
  });
  const body = Uint8Array.from(payload); // msgpackr returns a view on a shared buffer: copy it
  const sha256 = createHash('sha256').update(body).digest('hex');
  let signature: Uint8Array | undefined;
  if (options.signingKey !== undefined) {
    const key = typeof options.signingKey === 'string' ? createPrivateKey(options.signingKey) : options.signingKey;
    signature = sign(null, body, key);
  }
  const bytes = Uint8Array.from(msgpack({ format: DATABASE_FORMAT, sha256, payload: body, signature }));
  return Object.freeze({
    bytes,
    table,
    signatures: Object.freeze(pack.signatures.slice()),
    patternSignature: Int32Array.from(patternSignature),
    patternLength: Uint16Array.from(patterns.map((p) => p.length)),
    patternVariant: Uint8Array.from(patternVariant),
    info: {
      ...info,
      packName: pack.name,
      packVersion: pack.version,
      signatureCount: pack.signatures.length,
      patternCount: patterns.length,
      compileMs: performance.now() - started,
      sha256,
      signed: signature !== undefined,
    },
  });
}

/**
 * Loads serialized database bytes, checking format, SHA-256 and (when `publicKey` is given) the
 * Ed25519 signature before anything is trusted. Throws DatabaseError or SignatureError.
 */
export function loadDatabase(bytes: Uint8Array, options: LoadOptions = {}): Database {
  let envelope: { format?: unknown; sha256?: unknown; payload?: unknown; signature?: unknown };
  try {
    envelope = msgunpack(bytes) as typeof envelope;
  } catch (err) {
    throw new DatabaseError(`database bytes are not a tollgate database (${(err as Error).message})`);
  }
  if (envelope === null || typeof envelope !== 'object' || envelope.format !== DATABASE_FORMAT) {
    throw new DatabaseError(`database bytes are not a tollgate database (format ${JSON.stringify((envelope as any)?.format)})`);
  }
  if (!(envelope.payload instanceof Uint8Array) || typeof envelope.sha256 !== 'string') {
    throw new DatabaseError('database envelope lacks payload or sha256');
  }
  const actual = createHash('sha256').update(envelope.payload).digest('hex');
  if (actual !== envelope.sha256) {
    throw new DatabaseError(`database sha256 mismatch: header says ${envelope.sha256}, payload hashes to ${actual}`);
  }
  const signed = envelope.signature instanceof Uint8Array;
  if (options.publicKey !== undefined) {
    const key = typeof options.publicKey === 'string' ? createPublicKey(options.publicKey) : options.publicKey;
    if (!signed) throw new SignatureError('database is unsigned but a signature verification key is configured; refusing to load it');
    if (!verify(null, envelope.payload, key, envelope.signature as Uint8Array)) {
      throw new SignatureError('database signature does not verify against the configured public key; refusing to load it');
    }
  }
  let body: Record<string, any>;
  try {
    body = msgunpack(envelope.payload) as Record<string, any>;
  } catch (err) {
    throw new DatabaseError(`database payload is corrupt (${(err as Error).message})`);
  }
  if (body?.format !== DATABASE_FORMAT || body.formatVersion !== DATABASE_FORMAT_VERSION) {
    throw new DatabaseError(`database format version ${JSON.stringify(body?.formatVersion)} is not supported (expected ${DATABASE_FORMAT_VERSION})`);
  }
  const signatures = body.signatures as Signature[];
  if (![body.table, body.patternSignature, body.patternLength, body.patternVariant].every((v) => v instanceof Uint8Array) || !Array.isArray(signatures)) {
    throw new DatabaseError('database payload lacks its table or pattern metadata');
  }
  const table = Uint8Array.from(body.table as Uint8Array);
  const patternSignature = new Int32Array(Uint8Array.from(body.patternSignature as Uint8Array).buffer);
  const patternLength = new Uint16Array(Uint8Array.from(body.patternLength as Uint8Array).buffer);
  const patternVariant = Uint8Array.from(body.patternVariant as Uint8Array);
  if (patternLength.length !== patternSignature.length || patternVariant.length !== patternSignature.length) {
    throw new DatabaseError('database pattern tables disagree in length');
  }
  if (patternSignature.some((s) => s < 0 || s >= signatures.length)) throw new DatabaseError('database pattern table names a missing signature');
  const words = new Uint32Array(table.buffer.slice(table.byteOffset, table.byteOffset + Math.min(48, table.byteLength)));
  return Object.freeze({
    bytes,
    table,
    signatures,
    patternSignature,
    patternLength,
    patternVariant,
    info: {
      states: words[3] ?? 0,
      alphabet: words[2] ?? 0,
      matchStates: 0,
      tableBytes: table.byteLength,
      maxPatternLen: words[6] ?? 0,
      packName: String(body.pack?.name),
      packVersion: String(body.pack?.version),
      signatureCount: signatures.length,
      patternCount: patternSignature.length,
      compileMs: 0,
      sha256: envelope.sha256,
      signed,
    },
  });
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

export function rot13(text: string): string {
  return text.replace(/[a-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - 97 + 13) % 26) + 97));
}
