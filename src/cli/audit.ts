/**
 * `tollgate audit verify|export|replay --audit-dir DIR`: flags and glue over src/audit.
 *
 * verify  exit 0 when the log is intact, 1 when it is not (the first bad record is named), 2 on usage errors.
 * export  writes every record with OWASP / NIST AI RMF / EU AI Act columns to stdout.
 * replay  re-scans records stored with raw text against the current engine; exit 0 when no
 *         verdict changed, 1 when some did.
 */
import type { CliIO, Subcommand } from './io.ts';
import { parseFlags, UsageError } from './io.ts';
import { verifyAuditDir } from '../audit/verify.ts';
import { exportAuditLog, type ExportFormat } from '../audit/export.ts';
import { replayAuditLog, type ReplayScanner } from '../audit/replay.ts';
import { loadDetector } from '../server/load-detector.ts';

const kUsage = `usage:
  tollgate audit verify --audit-dir DIR [--public-key FILE] [--json]
  tollgate audit export --audit-dir DIR --format jsonl|csv
  tollgate audit replay --audit-dir DIR [--json]`;

export const run: Subcommand = async (args, io) => {
  const [action, ...rest] = args;
  if (action === undefined || action === '--help' || action === '-h') {
    io.stdout.write(kUsage + '\n');
    return action === undefined ? 2 : 0;
  }
  const { flags, positionals } = parseFlags(rest, { strings: ['audit-dir', 'public-key', 'format'], booleans: ['json', 'help'] });
  if (flags.help === true) {
    io.stdout.write(kUsage + '\n');
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const dir = flags['audit-dir'];
  if (typeof dir !== 'string') throw new UsageError('--audit-dir DIR is required');
  switch (action) {
    case 'verify':
      return verify(dir, flags, io);
    case 'export': {
      const format = flags.format ?? 'jsonl';
      if (format !== 'jsonl' && format !== 'csv') throw new UsageError(`--format must be jsonl or csv, got '${String(format)}'`);
      const { skipped } = await exportAuditLog(dir, format as ExportFormat, io.stdout);
      if (skipped.length > 0) io.stderr.write(`tollgate audit export: skipped unreadable lines: ${skipped.join(', ')} (run 'tollgate audit verify')\n`);
      return skipped.length > 0 ? 1 : 0;
    }
    case 'replay':
      return replay(dir, flags.json === true, io);
    default:
      throw new UsageError(`unknown audit action '${action}' (expected verify, export or replay)`);
  }
};

async function verify(dir: string, flags: Record<string, string | boolean>, io: CliIO): Promise<number> {
  const report = await verifyAuditDir(dir, { publicKeyPath: typeof flags['public-key'] === 'string' ? flags['public-key'] : undefined });
  if (flags.json === true) {
    io.stdout.write(JSON.stringify(report) + '\n');
    return report.ok ? 0 : 1;
  }
  for (const w of report.warnings) io.stderr.write(`warning: ${w}\n`);
  if (report.ok) {
    io.stdout.write(`ok: ${report.records} records, ${report.checkpoints} signed checkpoints (covering ${report.checkpointedCount})\n`);
    return 0;
  }
  const e = report.error!;
  const where = [e.seq !== undefined ? `seq ${e.seq}` : '', e.location ?? ''].filter((s) => s !== '').join(' at ');
  io.stdout.write(`FAILED${where !== '' ? ` (${where})` : ''}: ${e.message}\n`);
  return 1;
}

async function replay(dir: string, json: boolean, io: CliIO): Promise<number> {
  const detector = await loadDetector({ inline: true });
  try {
    const scanner: ReplayScanner = { scan: (input) => detector.scan(input) };
    const report = await replayAuditLog(dir, scanner, (c) => {
      if (!json) io.stdout.write(`changed seq ${c.seq} (${c.location}): ${c.was} -> ${c.now}${c.added.length ? ` +[${c.added.join(', ')}]` : ''}${c.removed.length ? ` -[${c.removed.join(', ')}]` : ''}\n`);
    });
    if (json) io.stdout.write(JSON.stringify(report) + '\n');
    else {
      io.stdout.write(`replayed ${report.replayed} scan records: ${report.unchanged} unchanged, ${report.changed.length} changed\n`);
      if (report.withoutText > 0) {
        io.stdout.write(`${report.withoutText} scan records were stored without raw text (SHA-256 only) and cannot be replayed; record with --audit-raw (tollgate scan or serve) to make them replayable\n`);
      }
      if (report.otherKinds > 0) io.stdout.write(`${report.otherKinds} authorize/redact records are not replayed\n`);
      if (report.hashMismatch.length > 0) io.stdout.write(`text does not match its input hash (edited) at: ${report.hashMismatch.join(', ')}\n`);
    }
    return report.changed.length > 0 || report.hashMismatch.length > 0 ? 1 : 0;
  } finally {
    await detector.close?.();
  }
}
