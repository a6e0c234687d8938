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
import { decodePassport } from '../guard/passport.ts';
import { auditRecordFromDecision, openAuditLog, type AuditEntry } from '../audit/index.ts';
import { ENGINE_VERSION } from '../version.ts';

const kUsage = `usage: tollgate authorize --public-key PUBLIC.pem [--state-dir DIR] [--allow-resume] [--durability fsync|none] [--audit-dir DIR]
  (the key may instead come from $${PUBLIC_KEY_ENV})`;

/** Lines decided ahead of the slowest pending fsync; lets one fsync acknowledge a whole burst. */
const kInFlight = 256;

export const run: Subcommand = async (args, io) => {
  const { flags, positionals } = parseFlags(args, { strings: ['public-key', 'state-dir', 'durability', 'audit-dir', 'audit-key'], booleans: ['allow-resume', 'help'] });
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
  const audit = typeof flags['audit-dir'] === 'string'
    ? await openAuditLog({ dir: flags['audit-dir'], env: io.env, ...(typeof flags['audit-key'] === 'string' ? { keyPath: flags['audit-key'] } : {}) })
    : undefined;
  const decide = async (value: unknown, lineNo: number): Promise<Record<string, unknown>> => {
    const output = await handleWireLine(guard, value, lineNo, wire);
    // Every decision is durable in the audit log before its line is answered.
    if (audit && typeof output.verdict === 'string') await audit.append(auditEntryOf(value as Record<string, unknown>, output));
    return output;
  };
  try {
    const { failed } = await processJsonLines(io.stdin, io.stdout, decide, { concurrency: kInFlight });
    return failed === 0 ? 0 : 1;
  } finally {
    await audit?.close();
    await guard.close();
  }
};

/** The audit record of one decision: the request is hashed (its passport is a credential), never stored. */
function auditEntryOf(line: Record<string, unknown>, output: Record<string, unknown>): AuditEntry {
  let claims: { agent?: string; tenant?: string; session?: string } = {};
  try {
    claims = decodePassport(String(line.passport)).claims;
  } catch {
    // An undecodable passport was denied; the record still says so, without agent or tenant.
  }
  const reasons = Array.isArray(output.reasons) ? (output.reasons as Array<{ code?: unknown }>).map((r) => String(r.code)) : [];
  const session = typeof line.session === 'string' ? line.session : claims.session;
  return auditRecordFromDecision(
    { kind: 'authorize', input: line, verdict: String(output.verdict), reasons },
    {
      engineVersion: ENGINE_VERSION,
      requestId: String(output.id),
      ...(claims.agent !== undefined ? { agent: claims.agent } : {}),
      ...(claims.tenant !== undefined ? { tenant: claims.tenant } : {}),
      ...(session !== undefined ? { session } : {}),
    },
  );
}
