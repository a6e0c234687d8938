/**
 * `tollgate corpus add | validate | stats`: the researcher's loop over corpus/. Flags and printing
 * only; the work is in src/corpus/.
 */
import { readFile } from 'node:fs/promises';
import { addSamples, computeStats, formatProblem, formatStats, readCorpus, validateCorpus } from '../corpus/index.ts';
import { parseFlags, UsageError, type CliIO, type Subcommand } from './io.ts';

const kUsage = `usage:
  tollgate corpus add [--file F] [--to corpus/<family>.jsonl] [--dir corpus] [--dry-run]
      reads JSON Lines (from F, else stdin), validates each row, assigns missing ids, refuses exact and
      near duplicates; appends accepted rows to <dir>/<family>.jsonl (or --to). Exit 1 if any row is rejected.
  tollgate corpus validate [--dir corpus]
      checks every <dir>/*.jsonl (subfolders like signatures/ are not samples); exit 0 only if all rows are valid,
      ids are unique and no two texts are exact duplicates.
  tollgate corpus stats [--dir corpus] [--json]
      counts by label, family, context, language and technique.`;

export const run: Subcommand = async (args, io) => {
  const [action, ...rest] = args;
  switch (action) {
    case 'add':
      return add(rest, io);
    case 'validate':
      return validate(rest, io);
    case 'stats':
      return stats(rest, io);
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(kUsage + '\n');
      return 0;
    default:
      throw new UsageError(`${action === undefined ? 'missing action' : `unknown action '${action}'`}\n${kUsage}`);
  }
};

async function add(args: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseFlags(args, { strings: ['file', 'to', 'dir'], booleans: ['dry-run'] });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (use --file)`);
  const input = typeof flags.file === 'string' ? await readFile(flags.file, 'utf8') : await readAll(io.stdin);
  const result = addSamples(input, {
    dir: typeof flags.dir === 'string' ? flags.dir : 'corpus',
    ...(typeof flags.to === 'string' && { to: flags.to }),
    dryRun: flags['dry-run'] === true,
  });
  const where = typeof flags.file === 'string' ? flags.file : 'stdin';
  for (const r of result.rejected) {
    io.stderr.write(`rejected ${where} line ${r.line}${r.id !== undefined ? ` (${r.id})` : ''}: ${r.message}\n`);
  }
  for (const a of result.accepted) io.stdout.write(`${flags['dry-run'] === true ? 'would add' : 'added'} ${a.sample.id} → ${a.file}\n`);
  io.stdout.write(`${result.accepted.length} accepted, ${result.rejected.length} rejected\n`);
  return result.rejected.length > 0 ? 1 : 0;
}

async function validate(args: string[], io: CliIO): Promise<number> {
  const { flags } = parseFlags(args, { strings: ['dir'] });
  const dir = typeof flags.dir === 'string' ? flags.dir : 'corpus';
  const report = validateCorpus(dir);
  for (const p of report.problems) io.stderr.write(formatProblem(p) + '\n');
  const verdict = report.problems.length === 0 ? 'valid' : `${report.problems.length} problem(s)`;
  io.stdout.write(`${dir}: ${report.files} files, ${report.rows} valid rows, ${verdict}\n`);
  return report.problems.length === 0 ? 0 : 1;
}

async function stats(args: string[], io: CliIO): Promise<number> {
  const { flags } = parseFlags(args, { strings: ['dir'], booleans: ['json'] });
  const { rows, problems } = readCorpus(typeof flags.dir === 'string' ? flags.dir : 'corpus');
  const s = computeStats(rows.map((r) => r.sample));
  io.stdout.write(flags.json === true ? JSON.stringify(s, null, 2) + '\n' : formatStats(s));
  if (problems.length > 0) io.stderr.write(`${problems.length} invalid row(s) not counted; run 'tollgate corpus validate'\n`);
  return problems.length > 0 ? 1 : 0;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
