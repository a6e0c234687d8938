/**
 * `exportAuditLog`: writes the records of a log as JSON Lines or CSV with compliance columns
 * (OWASP LLM Top 10, NIST AI RMF function, EU AI Act article). Export reads; it does not verify —
 * run `tollgate audit verify` first when the export is evidence.
 */
import type { Writable } from 'node:stream';
import { readRecordLines } from './segments.ts';
import type { AuditRecord } from './record.ts';
import { complianceColumns } from './compliance-map.ts';

export type ExportFormat = 'jsonl' | 'csv';

const kCsvColumns = [
  'seq', 'time', 'kind', 'verdict', 'score', 'flagged', 'agent', 'session', 'tenant', 'context',
  'finding_ids', 'owasp_ids', 'owasp_names', 'nist_ai_rmf', 'eu_ai_act', 'reasons',
  'input_sha256', 'input_bytes', 'engine_version', 'pack_version', 'hash',
] as const;

export function csvCell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  // Quote anything with a separator, quote or line break; prefix formula starters so a
  // spreadsheet does not execute attacker-chosen text (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function exportAuditLog(dir: string, format: ExportFormat, out: Writable): Promise<{ records: number; skipped: string[] }> {
  if (format !== 'jsonl' && format !== 'csv') throw new Error(`--format must be jsonl or csv, got ${String(format)}`);
  const skipped: string[] = [];
  let records = 0;
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  if (format === 'csv') await write(kCsvColumns.join(',') + '\n');
  for await (const line of readRecordLines(dir)) {
    let record: AuditRecord;
    try {
      record = JSON.parse(line.text) as AuditRecord;
      if (record === null || typeof record !== 'object' || !Array.isArray(record.findings)) throw new Error('not a record');
    } catch {
      skipped.push(`${line.file}:${line.line}`);
      continue;
    }
    records++;
    const c = complianceColumns(record);
    if (format === 'jsonl') {
      await write(JSON.stringify({ ...record, owasp: c.owaspIds, owaspNames: c.owaspNames, nistAiRmf: c.nistAiRmf, euAiAct: c.euAiAct }) + '\n');
      continue;
    }
    const row: Record<(typeof kCsvColumns)[number], unknown> = {
      seq: record.seq,
      time: record.time,
      kind: record.kind,
      verdict: record.verdict,
      score: record.score,
      flagged: record.flagged,
      agent: record.agent,
      session: record.session,
      tenant: record.tenant,
      context: record.context,
      finding_ids: record.findings.map((f) => f.id).join(';'),
      owasp_ids: c.owaspIds.join(';'),
      owasp_names: c.owaspNames.join(';'),
      nist_ai_rmf: c.nistAiRmf.join(';'),
      eu_ai_act: c.euAiAct.join(';'),
      reasons: (record.reasons ?? []).join(';'),
      input_sha256: record.inputSha256,
      input_bytes: record.inputBytes,
      engine_version: record.engineVersion,
      pack_version: record.packVersion,
      hash: record.hash,
    };
    await write(kCsvColumns.map((col) => csvCell(row[col])).join(',') + '\n');
  }
  return { records, skipped };
}
