/** `tollgate keygen --out DIR`: writes an Ed25519 pair DIR/private.pem and DIR/public.pem. */
import type { Subcommand } from './io.ts';
import { parseFlags, UsageError } from './io.ts';
import { writeKeyPair } from '../guard/keys.ts';

const kUsage = 'usage: tollgate keygen --out DIR [--force]';

export const run: Subcommand = async (args, io) => {
  const { flags, positionals } = parseFlags(args, { strings: ['out'], booleans: ['force', 'help'] });
  if (flags.help) {
    io.stdout.write(`${kUsage}\nWrites DIR/private.pem (mode 0600) and DIR/public.pem; refuses to overwrite without --force.\n`);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}\n${kUsage}`);
  if (typeof flags.out !== 'string') throw new UsageError(`--out DIR is required\n${kUsage}`);
  const { privatePath, publicPath, kid } = writeKeyPair(flags.out, { overwrite: flags.force === true });
  io.stdout.write(JSON.stringify({ private_key: privatePath, public_key: publicPath, kid }) + '\n');
  return 0;
};
