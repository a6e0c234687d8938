/**
 * `tollgate passport issue --key DIR/private.pem --spec SPEC.json` prints one token;
 * `tollgate passport inspect [--public-key DIR/public.pem] [TOKEN]` decodes (and verifies) one.
 */
import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CliIO, Subcommand } from './io.ts';
import { parseFlags, UsageError } from './io.ts';
import { loadPrivateKey, loadPublicKey, PRIVATE_KEY_ENV, PUBLIC_KEY_ENV } from '../guard/keys.ts';
import { decodePassport, issuePassport, parseSpec, verifyPassport } from '../guard/passport.ts';

const kUsage = `usage: tollgate passport issue --key PRIVATE.pem --spec SPEC.json   (or $${PRIVATE_KEY_ENV}; --spec - reads stdin)
       tollgate passport inspect [--public-key PUBLIC.pem] [TOKEN]   (token from stdin when omitted; or $${PUBLIC_KEY_ENV})`;

export const run: Subcommand = async (args, io) => {
  const [action, ...rest] = args;
  if (action === 'issue') return issue(rest, io);
  if (action === 'inspect') return inspect(rest, io);
  if (action === '--help' || action === 'help') {
    io.stdout.write(kUsage + '\n');
    return 0;
  }
  throw new UsageError(`expected "issue" or "inspect", got ${action === undefined ? 'nothing' : JSON.stringify(action)}\n${kUsage}`);
};

async function issue(args: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseFlags(args, { strings: ['key', 'spec'] });
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}\n${kUsage}`);
  if (typeof flags.spec !== 'string') throw new UsageError(`--spec SPEC.json is required\n${kUsage}`);
  if (typeof flags.key !== 'string' && (io.env[PRIVATE_KEY_ENV] ?? '').trim() === '') {
    throw new UsageError(`--key PRIVATE.pem is required (or set $${PRIVATE_KEY_ENV})\n${kUsage}`);
  }
  const key = loadPrivateKey(flags.key as string | undefined, io.env);
  const specText = flags.spec === '-' ? await readAll(io.stdin) : readText(flags.spec, 'spec');
  let raw: unknown;
  try {
    raw = JSON.parse(specText);
  } catch (err) {
    throw new Error(`spec ${flags.spec} is not valid JSON: ${(err as Error).message}`);
  }
  const warn = (message: string): void => void io.stderr.write(`tollgate passport issue: warning: ${message}\n`);
  const spec = parseSpec(raw, { onUnknown: (m) => warn(`${m}; left out (an absent limit refuses, it never allows)`) });
  if (spec.ttl_s <= 0) warn(`ttl_s ${spec.ttl_s} makes a passport that is already expired`);
  if (spec.parent !== undefined && !spec.parent.startsWith('tg1.')) {
    // The parent may be given as a file holding the token, relative to the cwd or the spec.
    const candidates = [resolve(spec.parent), ...(flags.spec === '-' ? [] : [resolve(dirname(flags.spec), spec.parent)])];
    const found = candidates.find((p) => existsSync(p));
    if (found === undefined) throw new Error(`spec.parent is neither a tg1 token nor a readable file: ${JSON.stringify(spec.parent)}`);
    spec.parent = readFileSync(found, 'utf8').trim();
  }
  const token = issuePassport(spec, key);
  if (spec.parent !== undefined) {
    // Authorize re-checks the chain on every use; warn now so the operator is not surprised.
    const check = verifyPassport(token, createPublicKey(key), Date.now() / 1000);
    if (!check.ok) io.stderr.write(`tollgate passport issue: warning: ${check.reason.code}: ${check.reason.message}; authorize will deny this passport\n`);
  }
  io.stdout.write(token + '\n');
  return 0;
}

async function inspect(args: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseFlags(args, { strings: ['public-key'] });
  if (positionals.length > 1) throw new UsageError(`expected at most one TOKEN\n${kUsage}`);
  const token = (positionals[0] ?? (await readAll(io.stdin))).trim();
  if (token === '') throw new UsageError(`no token given\n${kUsage}`);
  let claims;
  try {
    claims = decodePassport(token).claims;
  } catch (err) {
    io.stdout.write(JSON.stringify({ valid: false, reason: { code: 'passport.malformed', message: (err as Error).message, owasp: 'LLM06' } }) + '\n');
    return 1;
  }
  const chain: unknown[] = [];
  for (let parent = claims.parent; parent !== undefined; ) {
    const link = decodePassport(parent).claims;
    chain.push({ jti: link.jti, agent: link.agent, exp: link.exp });
    parent = link.parent;
  }
  const { parent: _parent, ...shown } = claims;
  const out: Record<string, unknown> = { claims: shown, expires: new Date(claims.exp * 1000).toISOString() };
  if (chain.length > 0) out.parents = chain;
  let code = 0;
  const keyGiven = typeof flags['public-key'] === 'string' || (io.env[PUBLIC_KEY_ENV] ?? '') !== '';
  if (keyGiven) {
    const result = verifyPassport(token, loadPublicKey(flags['public-key'] as string | undefined, io.env), Date.now() / 1000);
    out.valid = result.ok;
    if (!result.ok) {
      out.reason = result.reason;
      code = 1;
    }
  }
  io.stdout.write(JSON.stringify(out) + '\n');
  return code;
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
