import { createEngine, type Engine } from '../engine.ts';
import { CONTEXTS, type Context, type ScanInput } from '../types.ts';
import { parseFlags, UsageError, type Subcommand } from './io.ts';
import { expectObject, processJsonLines } from './jsonl.ts';
import { auditRecordFromScan, openAuditLog } from '../audit/index.ts';
import { ENGINE_VERSION as kEngineVersion } from '../version.ts';

const kHelp = `usage: tollgate scan [--context C] [--pack DIR] [--pool] [--public-key PEM] [--audit-dir DIR [--audit-raw]]

Reads JSON Lines on stdin, one {"id": string, "text": string, "context"?: string, "task"?: string}
per line, and writes one line per input, in input order:
  {"id", "flagged", "verdict", "score", "findings"}
A malformed line yields {"id": <id if readable, else the line number>, "error": "..."} in its place.
Exit status 0 only if every line was scanned.

  --context C       default context for lines without one (${CONTEXTS.join(' | ')}); default user_prompt
  --pack DIR        signature pack directory (default: the embedded pack)
  --pool            scan in the worker pool instead of inline (throughput for large batches)
  --public-key PEM  refuse signature databases not signed by this Ed25519 key
  --audit-dir DIR   append a hash-chained audit record per scanned line (input hashed, not stored)
  --audit-raw       with --audit-dir: keep the raw text in the records (needed by 'audit replay')
`;

export const run: Subcommand = async (args, io) => {
  const { flags } = parseFlags(args, { strings: ['context', 'pack', 'public-key', 'audit-dir', 'audit-key'], booleans: ['pool', 'help', 'audit-raw'] });
  if (flags.help) {
    io.stdout.write(kHelp);
    return 0;
  }
  const context = (flags.context as string | undefined) ?? 'user_prompt';
  if (!CONTEXTS.includes(context as Context)) throw new UsageError(`--context must be one of ${CONTEXTS.join(', ')}, got '${context}'`);
  const engine: Engine = await createEngine({
    inline: !flags.pool,
    defaultContext: context as Context,
    ...(typeof flags.pack === 'string' ? { pack: flags.pack } : {}),
    ...(typeof flags['public-key'] === 'string' ? { publicKey: await readKey(flags['public-key']) } : {}),
  });
  const audit = typeof flags['audit-dir'] === 'string'
    ? await openAuditLog({ dir: flags['audit-dir'], env: io.env, ...(typeof flags['audit-key'] === 'string' ? { keyPath: flags['audit-key'] } : {}) })
    : undefined;
  const meta = { engineVersion: kEngineVersion, packVersion: `${engine.database.packName}@${engine.database.packVersion}`, storeRawText: flags['audit-raw'] === true };
  try {
    const { failed } = await processJsonLines(
      io.stdin,
      io.stdout,
      async (value, lineNo) => {
        const line = expectObject(value);
        const id = line.id;
        if (typeof id !== 'string' && typeof id !== 'number') throw new Error(`line ${lineNo}: "id" must be a string`);
        if (typeof line.text !== 'string') throw new Error(`line ${lineNo}: "text" must be a string`);
        if (line.context !== undefined && !CONTEXTS.includes(line.context as Context)) {
          throw new Error(`line ${lineNo}: "context" must be one of ${CONTEXTS.join(', ')}, got ${JSON.stringify(line.context)}`);
        }
        if (line.task !== undefined && line.task !== null && typeof line.task !== 'string') throw new Error(`line ${lineNo}: "task" must be a string`);
        const input: ScanInput = { text: line.text, context: (line.context as Context | undefined) ?? (context as Context) };
        if (typeof line.task === 'string' && line.task !== '') input.task = line.task;
        const result = await engine.scan(input);
        // The record is durable before the line is answered: nothing acknowledged is lost on kill -9.
        if (audit) await audit.append(auditRecordFromScan(input, result, { ...meta, requestId: String(id) }));
        return { id, flagged: result.flagged, verdict: result.verdict, score: result.score, findings: result.findings };
      },
      { concurrency: flags.pool ? 64 : 1 },
    );
    return failed === 0 ? 0 : 1;
  } finally {
    await audit?.close();
    await engine.close();
  }
};

async function readKey(path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(path, 'utf8');
}
