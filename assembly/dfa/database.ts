// Layout of a compiled signature database in WASM memory (written by src/signatures/compile.ts).
// All fields are little-endian u32 words at the start of the block:
//   0 magic 'TGDB'  1 format version  2 alphabet length (byte classes)  3 number of states
//   4 start state (premultiplied)      5 first match state (premultiplied)
//   6 longest pattern in bytes         7 byte offset of the 256-byte class table
//   8 byte offset of transitions (u32 premultiplied next state, states x alphabet)
//   9 byte offset of the match index (u32 per match state: word offset into outputs)
//  10 byte offset of outputs (per match state: count, then pattern ids)
//  11 total block bytes
// Match states are numbered last so "is this a match state" is one compare in the scan loop.

import { S_OK, S_ERR_BAD_DATABASE } from '../util/status';

export const DB_MAGIC: u32 = 0x42444754;
/** Set in the version word once a block has been prepared (relocated) for scanning. */
export const DB_PREPARED: u32 = 0x80000000;
/** Bytes a host must reserve after the table for prepareDatabase's class lookup. */
export const DB_SCRATCH_BYTES: u32 = 1024;
export const DB_VERSION: u32 = 1;
export const DB_HEADER_WORDS: i32 = 12;

/**
 * Checks a database block before any scan trusts it: offsets inside the block, every transition
 * pointing at a valid premultiplied state, every output list inside the block. Returns S_OK or
 * S_ERR_BAD_DATABASE. After this, the scan loop may use unchecked loads.
 */
export function validateDatabase(db: usize, bytes: u32): i32 {
  if (bytes < <u32>(DB_HEADER_WORDS << 2)) return S_ERR_BAD_DATABASE;
  if (load<u32>(db) != DB_MAGIC || load<u32>(db, 4) != DB_VERSION) return S_ERR_BAD_DATABASE;
  const alphabet = load<u32>(db, 8);
  const states = load<u32>(db, 12);
  const start = load<u32>(db, 16);
  const firstMatch = load<u32>(db, 20);
  const classes = load<u32>(db, 28);
  const trans = load<u32>(db, 32);
  const matchIndex = load<u32>(db, 36);
  const outputs = load<u32>(db, 40);
  const total = load<u32>(db, 44);
  if (total != bytes || alphabet == 0 || alphabet > 256 || states == 0) return S_ERR_BAD_DATABASE;
  const cells = <u64>states * <u64>alphabet;
  if (cells > 0x3fffffff) return S_ERR_BAD_DATABASE;
  const limit = <u32>cells; // premultiplied ids are < states * alphabet
  if (start >= limit || start % alphabet != 0 || firstMatch > limit || firstMatch % alphabet != 0) return S_ERR_BAD_DATABASE;
  if (<u64>classes + 256 > <u64>total) return S_ERR_BAD_DATABASE;
  if (<u64>trans + (cells << 2) > <u64>total) return S_ERR_BAD_DATABASE;
  const matchStates = (limit - firstMatch) / alphabet;
  if (<u64>matchIndex + (<u64>matchStates << 2) > <u64>total) return S_ERR_BAD_DATABASE;
  if (outputs > total) return S_ERR_BAD_DATABASE;
  for (let c: u32 = 0; c < 256; c++) {
    if (<u32>load<u8>(db + classes + c) >= alphabet) return S_ERR_BAD_DATABASE;
  }
  for (let k: u32 = 0; k < limit; k++) {
    const next = load<u32>(db + trans + (k << 2));
    if (next >= limit || next % alphabet != 0) return S_ERR_BAD_DATABASE;
  }
  const outputWords = (total - outputs) >> 2;
  for (let m: u32 = 0; m < matchStates; m++) {
    const at = load<u32>(db + matchIndex + (m << 2));
    if (at >= outputWords) return S_ERR_BAD_DATABASE;
    const count = load<u32>(db + outputs + (at << 2));
    if (count == 0 || <u64>at + 1 + <u64>count > <u64>outputWords) return S_ERR_BAD_DATABASE;
  }
  return S_OK;
}

/**
 * Validates a database block, then prepares it for scanning in place: every transition becomes
 * the absolute byte address of its target row and the class table becomes byte offsets, so one
 * DFA step is a single add and load — `state = load(state + class4[byte])` — with no multiply or
 * shift on the loop-carried dependency. The block must have DB_SCRATCH_BYTES free after `bytes`
 * for the widened class table. Returns S_OK or S_ERR_BAD_DATABASE (also for a block prepared twice).
 */
export function prepareDatabase(db: usize, bytes: u32): i32 {
  const status = validateDatabase(db, bytes);
  if (status != S_OK) return status;
  const alphabet = load<u32>(db, 8);
  const cells = load<u32>(db, 12) * alphabet;
  const trans = db + <usize>load<u32>(db, 32);
  for (let k: u32 = 0; k < cells; k++) {
    const p = trans + (<usize>k << 2);
    store<u32>(p, <u32>trans + (load<u32>(p) << 2));
  }
  store<u32>(db, <u32>trans + (load<u32>(db, 16) << 2), 16);
  store<u32>(db, <u32>trans + (load<u32>(db, 20) << 2), 20);
  const classes = db + <usize>load<u32>(db, 28);
  const class4 = db + <usize>bytes;
  for (let c: u32 = 0; c < 256; c++) store<u32>(class4 + (c << 2), <u32>load<u8>(classes + c) << 2);
  store<u32>(db, DB_VERSION | DB_PREPARED, 4);
  return S_OK;
}
