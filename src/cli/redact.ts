import { readFileSync } from 'node:fs';
import { CanaryRegistry, REDACTION_MODES, redactLeaks, type CanaryRecord, type RedactionMode } from '../leak/index.ts';
import { parseFlags, UsageError, type Subcommand } from './io.ts';
import { expectObject, processJsonLines } from './jsonl.ts';

const kHelp = `usage: tollgate redact [--mode mask|hash|remove] [--jsonl] [--canaries FILE]

Reads text on stdin and writes it with every secret, wallet secret, personal-data and canary span replaced.
  --mode M         mask (default): one '*' per character, line breaks kept (lengths and offsets unchanged)
                   hash: [<rule>:<8 hex of SHA-256>] so equal secrets get equal tags; remove: delete the span
  --hash-key K     HMAC key for --mode hash (recommended: short values such as card numbers are guessable)
  --jsonl          read {"id", "text"} lines and write {"id", "text", "findings"} lines in input order;
                   a malformed line yields {"id", "error"} and the run goes on (exit 1 if any line failed)
  --canaries FILE  JSON array of canary records ({"token", "label", "plantedIn"?}) to detect as well
`;

export const run: Subcommand = async (args, io) => {
  const { flags, positionals } = parseFlags(args, { strings: ['mode', 'hash-key', 'canaries'], booleans: ['jsonl', 'help'] });
  if (flags.help) {
    io.stdout.write(kHelp);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (input is read from stdin)`);
  const mode = (flags.mode as string | undefined) ?? 'mask';
  if (!REDACTION_MODES.includes(mode as RedactionMode)) throw new UsageError(`--mode must be one of ${REDACTION_MODES.join(', ')}, got '${mode}'`);
  const options = {
    mode: mode as RedactionMode,
    ...(typeof flags['hash-key'] === 'string' ? { hashKey: flags['hash-key'] } : {}),
    ...(typeof flags.canaries === 'string' ? { canaries: loadCanaries(flags.canaries) } : {}),
  };

  if (!flags.jsonl) {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    io.stdout.write(redactLeaks(Buffer.concat(chunks).toString('utf8'), options).text);
    return 0;
  }
  const { failed } = await processJsonLines(io.stdin, io.stdout, (value, lineNo) => {
    const line = expectObject(value);
    const id = line.id;
    if (typeof id !== 'string' && typeof id !== 'number') throw new Error(`line ${lineNo}: "id" must be a string`);
    if (typeof line.text !== 'string') throw new Error(`line ${lineNo}: "text" must be a string, got ${line.text === undefined ? 'nothing' : typeof line.text}`);
    const { text, findings } = redactLeaks(line.text, options);
    return { id, text, findings };
  });
  return failed === 0 ? 0 : 1;
};

function loadCanaries(path: string): CanaryRegistry {
  let records: unknown;
  try {
    records = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`--canaries ${path}: ${(err as Error).message}`);
  }
  if (!Array.isArray(records)) throw new UsageError(`--canaries ${path}: expected a JSON array of {"token", "label"} records`);
  return CanaryRegistry.fromJSON(records as CanaryRecord[]);
}
