/**
 * `replayAuditLog`: re-runs recorded scans against the current engine and reports the ones whose
 * verdict changed (after a signature-pack update, say). Only records stored with their raw text
 * can be replayed: by default a record keeps just the input's SHA-256, which proves what was
 * scanned but cannot be scanned again. Open the log with `storeRawText: true` (server/CLI flag
 * `--audit-raw`) where replay matters more than keeping prompts out of the log.
 */
import { readRecordLines } from './segments.ts';
import { sha256Hex, type AuditRecord } from './record.ts';
import type { Context, ScanInput, ScanResult } from '../types.ts';

export interface ReplayScanner {
  scan(input: ScanInput): Promise<ScanResult>;
}

export interface ReplayChange {
  seq: number;
  location: string;
  was: string;
  now: string;
  added: string[];
  removed: string[];
}

export interface ReplayReport {
  /** Scan records re-run. */
  replayed: number;
  unchanged: number;
  changed: ReplayChange[];
  /** Scan records without raw text: cannot be replayed. */
  withoutText: number;
  /** Records of other kinds (authorize, redact): not replayed. */
  otherKinds: number;
  /** Records whose stored text no longer matches their input hash (edited): not replayed. */
  hashMismatch: string[];
}

export async function replayAuditLog(dir: string, scanner: ReplayScanner, onChange?: (c: ReplayChange) => void): Promise<ReplayReport> {
  const report: ReplayReport = { replayed: 0, unchanged: 0, changed: [], withoutText: 0, otherKinds: 0, hashMismatch: [] };
  for await (const line of readRecordLines(dir)) {
    let record: AuditRecord;
    try {
      record = JSON.parse(line.text) as AuditRecord;
    } catch {
      continue; // verify reports damaged lines; replay only re-runs what it can read
    }
    const location = `${line.file}:${line.line}`;
    if (record.kind !== 'scan') {
      report.otherKinds++;
      continue;
    }
    if (typeof record.text !== 'string') {
      report.withoutText++;
      continue;
    }
    if (sha256Hex(record.text) !== record.inputSha256) {
      report.hashMismatch.push(location);
      continue;
    }
    const input: ScanInput = { text: record.text };
    if (record.context !== undefined) input.context = record.context as Context;
    if (record.task !== undefined) input.task = record.task;
    if (record.session !== undefined) input.session = record.session;
    const result = await scanner.scan(input);
    report.replayed++;
    if (result.verdict === record.verdict) {
      report.unchanged++;
      continue;
    }
    const before = new Set(record.findings.map((f) => f.id));
    const after = new Set(result.findings.map((f) => f.id));
    const change: ReplayChange = {
      seq: record.seq,
      location,
      was: record.verdict,
      now: result.verdict,
      added: [...after].filter((id) => !before.has(id)),
      removed: [...before].filter((id) => !after.has(id)),
    };
    report.changed.push(change);
    onChange?.(change);
  }
  return report;
}
