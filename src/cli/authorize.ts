/**
 * `tollgate authorize --public-key DIR/public.pem [--state-dir DIR]`: JSON Lines in, one decision
 * line out per input line, in order. See src/guard/README.md for the line formats.
 */
import type { Subcommand } from './io.ts';
import { parseFlags, UsageError } from './io.ts';
import { processJsonLines } from './jsonl.ts';
import { createGuard } from '../guard/guard.ts';
import { loadPublicKey, PUBLIC_KEY_ENV } from '../guard/keys.ts';
import { handleWireLine } from '../guard/wire.ts';

const kUsage = `usage: tollgate authorize --public-key PUBLIC.pem [--state-dir DIR] [--allow-resume] [--durability fsync|none]
  (the key may instead come from $${PUBLIC_KEY_ENV})`;

/** Lines decided ahead of the slowest pending fsync; lets one fsync acknowledge a whole burst. */
const kInFlight = 256;

export const run: Subcommand = async (args, io) => {
  const { flags, positionals } = parseFlags(args, { strings: ['public-key', 'state-dir', 'durability'], booleans: ['allow-resume', 'help'] });
  if (flags.help) {
    io.stdout.write(kUsage + '\n');
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}\n${kUsage}`);
  const durability = flags.durability ?? 'fsync';
  if (durability !== 'fsync' && durability !== 'none') throw new UsageError(`--durability must be fsync or none, got ${JSON.stringify(durability)}`);
  if (typeof flags['public-key'] !== 'string' && (io.env[PUBLIC_KEY_ENV] ?? '').trim() === '') {
    throw new UsageError(`--public-key PUBLIC.pem is required (or set $${PUBLIC_KEY_ENV})\n${kUsage}`);
  }
  const publicKey = loadPublicKey(flags['public-key'] as string | undefined, io.env);
  const guard = createGuard({
    publicKey,
    ...(typeof flags['state-dir'] === 'string' ? { stateDir: flags['state-dir'] } : {}),
    durability,
  });
  const wire = { allowResume: flags['allow-resume'] === true };
  try {
    const { failed } = await processJsonLines(io.stdin, io.stdout, (value, lineNo) => handleWireLine(guard, value, lineNo, wire), { concurrency: kInFlight });
    return failed === 0 ? 0 : 1;
  } finally {
    await guard.close();
  }
};
