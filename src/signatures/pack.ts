import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PackError } from '../errors.ts';
import type { Context, OwaspId, Severity } from '../types.ts';

/**
 * One signature: literal anchors found by the DFA over normalized text (any anchor hits), an
 * optional confirming regex run on the normalized text around the hit, and metadata for findings.
 */
export interface Signature {
  id: string;
  family: string;
  owasp: OwaspId;
  severity: Severity;
  anchors: string[];
  /** JavaScript regex source, tested (flag `u`) on normalized text around the anchor hit. */
  confirm?: string;
  description: string;
  /** Contexts where this signature applies; all when absent. */
  contexts?: Context[];
  /** Leak signatures: the specific kind (`aws-access-key`) and the validator confirming a hit. */
  rule?: string;
  validator?: string;
  /** Extra DFA variants of each anchor; default: `squeeze` and `rot13` for ASCII phrases. */
  variants?: Array<'squeeze' | 'rot13'>;
  /** Language of the anchors (informational). */
  lang?: string;
}

export interface SignaturePack {
  name: string;
  version: string;
  signatures: Signature[];
}

const kSeverities: readonly Severity[] = ['low', 'medium', 'high', 'critical'];
const kOwasp = /^LLM(0[1-9]|10)$/;
const kContexts = new Set(['user_prompt', 'retrieved_doc', 'tool_output', 'agent_message', 'model_output']);

/** Directory of the signature pack that ships with the package (dist/signatures or corpus/signatures). */
export function defaultPackDir(): string {
  const candidates = [new URL('./signatures/', import.meta.url), new URL('../../corpus/signatures/', import.meta.url)]
    .filter((u) => u.protocol === 'file:')
    .map((u) => fileURLToPath(u));
  const found = candidates.find((dir) => existsSync(join(dir, 'pack.json')));
  if (!found) throw new PackError(`default signature pack not found (looked in ${candidates.join(', ')})`);
  return found;
}

/**
 * Loads a pack directory: `pack.json` ({name, version}) plus every other `*.json` file, each
 * `{ family, signatures: [...] }`. Files load in name order so the compiled database is
 * reproducible.
 */
export function loadPackDir(dir: string): SignaturePack {
  const manifestPath = join(dir, 'pack.json');
  if (!existsSync(manifestPath)) throw new PackError(`${manifestPath}: missing pack manifest`);
  const manifest = parseJsonFile(manifestPath) as { name?: unknown; version?: unknown };
  if (typeof manifest.name !== 'string' || typeof manifest.version !== 'string') {
    throw new PackError(`${manifestPath}: "name" and "version" must be strings`);
  }
  const signatures: Signature[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'pack.json').sort()) {
    const path = join(dir, file);
    const body = parseJsonFile(path) as { signatures?: unknown };
    if (!Array.isArray(body.signatures)) throw new PackError(`${path}: "signatures" must be an array`);
    body.signatures.forEach((sig, index) => signatures.push(checkSignature(sig, `${path} signature #${index}`)));
  }
  const pack = { name: manifest.name, version: manifest.version, signatures };
  validatePack(pack);
  return pack;
}

/** Checks a whole pack (unique ids, well-formed signatures); throws PackError naming the culprit. */
export function validatePack(pack: SignaturePack): void {
  if (typeof pack?.name !== 'string' || pack.name === '') throw new PackError('pack.name must be a non-empty string');
  if (typeof pack.version !== 'string' || pack.version === '') throw new PackError('pack.version must be a non-empty string');
  if (!Array.isArray(pack.signatures) || pack.signatures.length === 0) throw new PackError('pack.signatures must be a non-empty array');
  const seen = new Set<string>();
  pack.signatures.forEach((sig, index) => {
    checkSignature(sig, `signature #${index}`);
    if (seen.has(sig.id)) throw new PackError(`signature #${index}: duplicate id '${sig.id}'`);
    seen.add(sig.id);
  });
}

function checkSignature(value: unknown, where: string): Signature {
  if (value === null || typeof value !== 'object') throw new PackError(`${where}: must be an object`);
  const sig = value as Record<string, unknown>;
  const str = (field: string): string => {
    const v = sig[field];
    if (typeof v !== 'string' || v === '') throw new PackError(`${where}: "${field}" must be a non-empty string`);
    return v;
  };
  const id = str('id');
  const at = `${where} (${id})`;
  str('family');
  str('description');
  if (!kOwasp.test(String(sig.owasp))) throw new PackError(`${at}: "owasp" must be an OWASP LLM Top 10 id like LLM01, got ${JSON.stringify(sig.owasp)}`);
  if (!kSeverities.includes(sig.severity as Severity)) {
    throw new PackError(`${at}: "severity" must be one of ${kSeverities.join(', ')}, got ${JSON.stringify(sig.severity)}`);
  }
  if (!Array.isArray(sig.anchors) || sig.anchors.length === 0) throw new PackError(`${at}: "anchors" must be a non-empty array`);
  sig.anchors.forEach((a, k) => {
    if (typeof a !== 'string' || a.trim().length < 2) throw new PackError(`${at}: anchors[${k}] must be a string of at least 2 characters`);
    if (Buffer.byteLength(a) > 200) throw new PackError(`${at}: anchors[${k}] is ${Buffer.byteLength(a)} bytes; the limit is 200`);
  });
  if (sig.confirm !== undefined) {
    if (typeof sig.confirm !== 'string') throw new PackError(`${at}: "confirm" must be a regex source string`);
    try {
      new RegExp(sig.confirm, 'u');
    } catch (err) {
      throw new PackError(`${at}: "confirm" is not a valid regex: ${(err as Error).message}`);
    }
  }
  if (sig.contexts !== undefined) {
    if (!Array.isArray(sig.contexts) || sig.contexts.some((c) => !kContexts.has(c as string))) {
      throw new PackError(`${at}: "contexts" must list contexts from ${[...kContexts].join(', ')}`);
    }
  }
  if (sig.variants !== undefined) {
    if (!Array.isArray(sig.variants) || sig.variants.some((v) => v !== 'squeeze' && v !== 'rot13')) {
      throw new PackError(`${at}: "variants" may only contain "squeeze" and "rot13"`);
    }
  }
  return sig as unknown as Signature;
}

function parseJsonFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new PackError(`${path}: not valid JSON (${(err as Error).message})`);
  }
}
