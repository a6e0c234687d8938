/**
 * `tollgate` command-line entry: dispatches to one module per subcommand. Subcommand modules
 * hold flags and glue only; the logic lives in the library (src/).
 */
import type { CliIO, Subcommand } from './io.ts';
import { UsageError } from './io.ts';

/** Subcommand name → lazy loader, so `tollgate keygen` does not pay for loading the scanner. */
const kSubcommands: Record<string, () => Promise<Subcommand>> = {
  scan: async () => (await import('./scan.ts')).run,
  redact: async () => (await import('./redact.ts')).run,
  keygen: async () => (await import('./keygen.ts')).run,
  passport: async () => (await import('./passport.ts')).run,
  authorize: async () => (await import('./authorize.ts')).run,
  corpus: async () => (await import('./corpus.ts')).run,
  audit: async () => (await import('./audit.ts')).run,
  serve: async () => (await import('./serve.ts')).run,
  anomaly: async () => (await import('./anomaly.ts')).run,
};

const kUsage = `usage: tollgate <command> [options]

commands:
  ${Object.keys(kSubcommands).sort().join('\n  ')}

Run 'tollgate <command> --help' for a command's options. See README.md for the JSON Lines contracts.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(kUsage + '\n');
    return command === undefined ? 2 : 0;
  }
  const load = kSubcommands[command];
  if (load === undefined) {
    io.stderr.write(`tollgate: unknown command '${command}'\n${kUsage}\n`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`tollgate ${command}: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`tollgate ${command}: ${(err as Error).message}\n`);
    return 1;
  }
}

