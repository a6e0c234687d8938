/**
 * Signed checkpoints, in the spirit of Certificate Transparency's signed tree heads: an Ed25519
 * signature over the record count, the Merkle root of the first `count` record hashes, the hash
 * of record `count` and the time. A checkpoint commits to every record before it, so records
 * removed from the end of the log after a checkpoint show up as "count not covered".
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import type { SigningKey } from './keys.ts';

export interface Checkpoint {
  type: 'checkpoint';
  v: number;
  /** Number of records covered (seq 1..count). */
  count: number;
  /** RFC 6962-style Merkle root over the record hashes of seq 1..count (hex). */
  root: string;
  /** Hash of record `count` (hex), or the genesis hash when count is 0. */
  lastHash: string;
  time: string;
  keyId: string;
  /** Base64 Ed25519 signature over `signedBytes(...)`. */
  sig: string;
}

/** Exactly what is signed: the checkpoint without `sig`, as canonical JSON, under a domain tag. */
export function signedBytes(cp: Omit<Checkpoint, 'sig'>): Buffer {
  const { type: _t, ...body } = cp as Checkpoint;
  void _t;
  const { sig: _s, ...unsigned } = body as Checkpoint;
  void _s;
  return Buffer.from('tollgate-audit-checkpoint-v1\n' + canonicalJson(unsigned));
}

export function signCheckpoint(fields: { count: number; root: string; lastHash: string; time?: Date }, key: SigningKey): Checkpoint {
  const unsigned = {
    type: 'checkpoint' as const,
    v: 1,
    count: fields.count,
    root: fields.root,
    lastHash: fields.lastHash,
    time: (fields.time ?? new Date()).toISOString(),
    keyId: key.keyId,
  };
  const sig = sign(null, signedBytes(unsigned), key.privateKey).toString('base64');
  return { ...unsigned, sig };
}

/** Null when the signature is good, else what is wrong. */
export function checkCheckpointSignature(cp: Checkpoint, keys: Map<string, KeyObject>): string | null {
  const key = keys.get(cp.keyId);
  if (key === undefined) return `signed by unknown key ${cp.keyId} (known: ${[...keys.keys()].join(', ') || 'none'})`;
  let ok = false;
  try {
    ok = verify(null, signedBytes(cp), key, Buffer.from(cp.sig, 'base64'));
  } catch (err) {
    return `signature could not be checked: ${(err as Error).message}`;
  }
  return ok ? null : 'bad signature (checkpoint edited or signed by another key)';
}
