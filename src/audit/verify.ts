/**
 * `verifyAuditDir`: reads a log back and checks, in one pass,
 * - every line is a record whose seq is one more than the previous (deletion, reordering),
 * - `prev` equals the previous record's hash and `hash` matches the record's content (edits),
 * - every checkpoint is signed by a trusted key and its Merkle root and last hash match the
 *   records it covers (records edited and re-chained after signing),
 * - the records reach the count of the last checkpoint (truncation of the end of the log).
 * It stops at the first bad record and names it by seq and file:line.
 *
 * A torn final line (a write cut by a crash) that no checkpoint covers was never acknowledged;
 * it is reported as a warning, not a failure. Records after the last checkpoint can be removed
 * without trace by someone with write access: checkpoint often, and ship checkpoints elsewhere.
 */
import type { KeyObject } from 'node:crypto';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { GENESIS_HASH, recordHash, type AuditRecord } from './record.ts';
import { checkCheckpointSignature, type Checkpoint } from './checkpoint.ts';
import { MerkleFrontier } from './merkle.ts';
import { CHECKPOINT_FILE, readLines, readRecordLines } from './segments.ts';
import { loadPinnedPublicKey, loadRecordedPublicKeys } from './keys.ts';

export interface VerifyProblem {
  /** The record the problem is about (the first bad one), when there is one. */
  seq?: number;
  /** `segment-000001.jsonl:17` or `checkpoints.jsonl:3`. */
  location?: string;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  records: number;
  checkpoints: number;
  /** Count covered by the last valid checkpoint. */
  checkpointedCount: number;
  error: VerifyProblem | null;
  warnings: string[];
}

export interface VerifyOptions {
  /** Trust only this public key (PEM file) instead of the keys recorded beside the log. */
  publicKeyPath?: string;
}

export async function verifyAuditDir(dir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  try {
    return await verifyDir(dir, options);
  } catch (err) {
    // Unreadable files and bytes hidden behind padding (segments.ts) end up here.
    return fail(0, 0, 0, { message: (err as Error).message }, []);
  }
}

async function verifyDir(dir: string, options: VerifyOptions): Promise<VerifyReport> {
  if (!existsSync(dir)) return fail(0, 0, 0, { message: `audit directory ${dir} does not exist` }, []);
  const keys: Map<string, KeyObject> =
    options.publicKeyPath !== undefined ? await loadPinnedPublicKey(options.publicKeyPath) : await loadRecordedPublicKeys(dir);
  const warnings: string[] = [];

  // Checkpoints first: we need them to judge a torn tail and to know the counts to check roots at.
  const checkpoints: { cp: Checkpoint; location: string }[] = [];
  const cpLines = await readLines(join(dir, CHECKPOINT_FILE), CHECKPOINT_FILE).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
  for (const line of cpLines) {
    const location = `${CHECKPOINT_FILE}:${line.line}`;
    const cp = parseObject(line.text) as Checkpoint | null;
    if (cp === null || cp.type !== 'checkpoint' || !Number.isInteger(cp.count)) {
      if (line.unterminated) {
        warnings.push(`${location}: torn last checkpoint line ignored`);
        continue;
      }
      return fail(0, checkpoints.length, 0, { location, message: 'checkpoint line is not a valid checkpoint' }, warnings);
    }
    const sigProblem = checkCheckpointSignature(cp, keys);
    if (sigProblem !== null) return fail(0, checkpoints.length, 0, { location, message: `checkpoint (count ${cp.count}) ${sigProblem}` }, warnings);
    const previous = checkpoints[checkpoints.length - 1];
    if (previous !== undefined && cp.count < previous.cp.count) {
      return fail(0, checkpoints.length, 0, { location, message: `checkpoint count ${cp.count} is below the previous checkpoint's ${previous.cp.count} (checkpoints reordered)` }, warnings);
    }
    checkpoints.push({ cp, location });
  }
  const coveredCount = checkpoints[checkpoints.length - 1]?.cp.count ?? 0;

  const frontier = new MerkleFrontier();
  let nextCp = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let lastLocation = '(start of log)';
  let records = 0;
  const checkRootsAt = (count: number): VerifyProblem | null => {
    while (nextCp < checkpoints.length && checkpoints[nextCp]!.cp.count === count) {
      const { cp, location } = checkpoints[nextCp]!;
      if (cp.root !== frontier.root() || cp.lastHash !== prevHash) {
        const from = (checkpoints[nextCp - 1]?.cp.count ?? 0) + 1;
        return {
          seq: from,
          location,
          message: `records seq ${from}..${count} do not match the signed checkpoint at ${location} (Merkle root differs): altered and re-chained after signing`,
        };
      }
      nextCp++;
    }
    return null;
  };
  const atZero = checkRootsAt(0);
  if (atZero !== null) return fail(0, checkpoints.length, coveredCount, atZero, warnings);

  for await (const line of readRecordLines(dir)) {
    const location = `${line.file}:${line.line}`;
    const record = parseObject(line.text) as AuditRecord | null;
    if (record === null) {
      if (line.unterminated && line.lastSegment && expectedSeq > coveredCount) {
        warnings.push(`${location}: torn last line (a write cut by a crash, never acknowledged, not covered by any checkpoint) ignored`);
        break;
      }
      const what = line.unterminated ? 'torn line (write cut off) ' : '';
      return fail(records, checkpoints.length, coveredCount, { seq: expectedSeq, location, message: `${what}is not a valid JSON record where seq ${expectedSeq} was expected` }, warnings);
    }
    if (record.seq !== expectedSeq) {
      const message =
        typeof record.seq !== 'number'
          ? `record has no numeric seq (expected ${expectedSeq})`
          : record.seq > expectedSeq
            ? `expected seq ${expectedSeq}, found seq ${record.seq}: record${record.seq - expectedSeq > 1 ? `s ${expectedSeq}..${record.seq - 1}` : ` ${expectedSeq}`} deleted or moved`
            : `expected seq ${expectedSeq}, found seq ${record.seq}: records reordered or duplicated`;
      return fail(records, checkpoints.length, coveredCount, { seq: expectedSeq, location, message }, warnings);
    }
    if (record.prev !== prevHash) {
      return fail(records, checkpoints.length, coveredCount, { seq: record.seq, location, message: `seq ${record.seq}: prev does not match the hash of the record before it (${lastLocation}): chain broken` }, warnings);
    }
    let computed: string;
    try {
      computed = recordHash(record);
    } catch (err) {
      return fail(records, checkpoints.length, coveredCount, { seq: record.seq, location, message: `seq ${record.seq}: cannot be hashed: ${(err as Error).message}` }, warnings);
    }
    if (computed !== record.hash) {
      return fail(records, checkpoints.length, coveredCount, { seq: record.seq, location, message: `seq ${record.seq}: content does not match its hash (record edited)` }, warnings);
    }
    frontier.add(record.hash);
    prevHash = record.hash;
    records++;
    expectedSeq++;
    lastLocation = location;
    const rootProblem = checkRootsAt(record.seq);
    if (rootProblem !== null) return fail(records, checkpoints.length, coveredCount, rootProblem, warnings);
  }

  if (records < coveredCount) {
    return fail(records, checkpoints.length, coveredCount, {
      seq: records + 1,
      location: lastLocation,
      message: `log truncated: the signed checkpoint at ${checkpoints[checkpoints.length - 1]!.location} covers ${coveredCount} records but only ${records} are present; first missing seq ${records + 1} (after ${lastLocation})`,
    }, warnings);
  }
  if (nextCp < checkpoints.length) {
    const { cp, location } = checkpoints[nextCp]!;
    return fail(records, checkpoints.length, coveredCount, { location, message: `checkpoint at ${location} covers ${cp.count} records but its count does not line up with the records` }, warnings);
  }
  if (checkpoints.length === 0 && records > 0) warnings.push('no signed checkpoint yet: truncation of the log cannot be detected');
  else if (records > coveredCount) warnings.push(`${records - coveredCount} record(s) after the last checkpoint are chained but not yet signed`);
  return { ok: true, records, checkpoints: checkpoints.length, checkpointedCount: coveredCount, error: null, warnings };
}

function fail(records: number, checkpoints: number, checkpointedCount: number, error: VerifyProblem, warnings: string[]): VerifyReport {
  return { ok: false, records, checkpoints, checkpointedCount, error, warnings };
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
