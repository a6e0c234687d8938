/**
 * CLI contract for keygen, passport and authorize, run in-process through main(), plus one
 * spawned process killed with SIGKILL mid-stream to prove acknowledged decisions survive.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.ts';
import { baseSpec } from './helpers.ts';
import { openJournaledStore } from '../../src/guard/store.ts';

const repoRoot = new URL('../../', import.meta.url).pathname;
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-cli-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function cli(argv: string[], input = '', env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await main(argv, { stdin: Readable.from([input]), stdout, stderr, env });
  return { code, stdout: out, stderr: err };
}

function jsonLines(text: string): Record<string, any>[] {
  return text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** keygen + a spec file + an issued token, through the CLI itself. */
async function setup(specOverrides: Record<string, unknown> = {}): Promise<{ dir: string; token: string; specPath: string }> {
  const dir = tempDir();
  expect((await cli(['keygen', '--out', join(dir, 'keys')])).code).toBe(0);
  const specPath = join(dir, 'spec.json');
  writeFileSync(specPath, JSON.stringify({ ...baseSpec(), ...specOverrides }));
  const issued = await cli(['passport', 'issue', '--key', join(dir, 'keys/private.pem'), '--spec', specPath]);
  expect(issued.code).toBe(0);
  return { dir, token: issued.stdout.trim(), specPath };
}

function line(id: string, token: string, args: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ id, passport: token, action: { tool: 'place_order', args: { account: 'ACC1', symbol: 'AAPL', side: 'buy', price: 100, ...args } }, reference_price: 100, ...extra });
}

describe('tollgate keygen', () => {
  it('writes private.pem (0600) and public.pem, and refuses to overwrite', async () => {
    const dir = tempDir();
    const r = await cli(['keygen', '--out', join(dir, 'k')]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'k/private.pem'), 'utf8')).toMatch(/BEGIN PRIVATE KEY/);
    expect(readFileSync(join(dir, 'k/public.pem'), 'utf8')).toMatch(/BEGIN PUBLIC KEY/);
    expect(statSync(join(dir, 'k/private.pem')).mode & 0o777).toBe(0o600);
    const again = await cli(['keygen', '--out', join(dir, 'k')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/private\.pem already exists/);
    expect((await cli(['keygen'])).code).toBe(2);
  });
});

describe('tollgate passport', () => {
  it('issue prints exactly one token line; inspect verifies it and flags a tampered one', async () => {
    const { dir, token } = await setup();
    expect(token.split('\n')).toHaveLength(1);
    const ok = await cli(['passport', 'inspect', '--public-key', join(dir, 'keys/public.pem'), token]);
    expect(ok.code).toBe(0);
    const shown = JSON.parse(ok.stdout);
    expect(shown.valid).toBe(true);
    expect(shown.claims.agent).toBe('bot-1');
    const tampered = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);
    const bad = await cli(['passport', 'inspect', '--public-key', join(dir, 'keys/public.pem')], tampered + '\n');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).reason.code).toMatch(/passport\.(bad_signature|malformed)/);
  });

  it('reads keys from environment variables instead of files', async () => {
    const { dir, specPath } = await setup();
    const env = { TOLLGATE_PRIVATE_KEY: readFileSync(join(dir, 'keys/private.pem'), 'utf8'), TOLLGATE_PUBLIC_KEY: readFileSync(join(dir, 'keys/public.pem'), 'utf8') };
    const issued = await cli(['passport', 'issue', '--spec', specPath], '', env);
    expect(issued.code).toBe(0);
    const out = await cli(['authorize'], line('e1', issued.stdout.trim(), { qty: 1 }) + '\n', env);
    expect(jsonLines(out.stdout)[0]).toMatchObject({ id: 'e1', verdict: 'allow' });
    const noKey = await cli(['passport', 'issue', '--spec', specPath]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/TOLLGATE_PRIVATE_KEY/);
    expect((await cli(['authorize'], '')).code).toBe(2);
  });

  it('rejects a bad spec naming the field', async () => {
    const { dir } = await setup();
    const specPath = join(dir, 'bad.json');
    writeFileSync(specPath, JSON.stringify({ ...baseSpec(), budget: 'lots' }));
    const r = await cli(['passport', 'issue', '--key', join(dir, 'keys/private.pem'), '--spec', specPath]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/spec\.budget must be a finite number >= 0, got "lots"/);
  });

  it('warns about unknown limit names and leaves them out (fail-closed)', async () => {
    const { dir } = await setup();
    const specPath = join(dir, 'typo.json');
    const { max_position: _p, ...limits } = baseSpec().limits;
    writeFileSync(specPath, JSON.stringify({ ...baseSpec(), limits: { ...limits, max_postion: 300 } }));
    const r = await cli(['passport', 'issue', '--key', join(dir, 'keys/private.pem'), '--spec', specPath]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/spec\.limits\.max_postion is not a known limit/);
    const out = await cli(['authorize', '--public-key', join(dir, 'keys/public.pem')], line('t1', r.stdout.trim(), { qty: 1 }));
    expect(jsonLines(out.stdout)[0]).toMatchObject({ verdict: 'deny', reasons: [{ code: 'limit.missing', limit: 'max_position' }] });
  });

  it('issues a child wider than its parent with a warning, and authorize denies it', async () => {
    const { dir, token: parent } = await setup();
    const childSpec = join(dir, 'child.json');
    writeFileSync(childSpec, JSON.stringify({ ...baseSpec(), limits: { ...baseSpec().limits, max_order_qty: 1_000 }, parent }));
    const child = await cli(['passport', 'issue', '--key', join(dir, 'keys/private.pem'), '--spec', childSpec]);
    expect(child.code).toBe(0);
    expect(child.stderr).toMatch(/delegation_widened.*max_order_qty 1000 exceeds parent's 100/);
    const out = await cli(['authorize', '--public-key', join(dir, 'keys/public.pem')], line('c1', child.stdout.trim(), { qty: 1 }) + '\n');
    expect(jsonLines(out.stdout)[0]).toMatchObject({ id: 'c1', verdict: 'deny', reasons: [{ code: 'passport.delegation_widened', owasp: 'LLM06' }] });
  });
});

describe('tollgate authorize', () => {
  it('writes one line per input line, in order; malformed lines yield {id, error} and the stream goes on', async () => {
    const { dir, token } = await setup();
    const input = [
      line('a1', token, { qty: 10 }),
      'this is not json',
      JSON.stringify({ id: 'a2', action: { tool: 'place_order', args: {} } }),
      '',
      JSON.stringify([1, 2]),
      JSON.stringify({ id: 'a3', passport: token, action: 'place_order' }),
      JSON.stringify({ id: 'a4', passport: token, action: { tool: 'place_order', args: { account: 'ACC1', symbol: 'AAPL', side: 'buy', qty: 1 } }, reference_price: -5 }),
      line('a5', token, { qty: 500 }),
      line('a6', token, { qty: 500 }, { allow_restrict: true }),
      line('a7', 'tg1.garbage.sig', { qty: 1 }),
    ].join('\n');
    const r = await cli(['authorize', '--public-key', join(dir, 'keys/public.pem')], input + '\n');
    expect(r.code).toBe(1); // some lines failed
    const out = jsonLines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['a1', 2, 'a2', 5, 'a3', 'a4', 'a5', 'a6', 'a7']);
    expect(out[0]).toEqual({ id: 'a1', verdict: 'allow', reasons: [], remaining: expect.any(Object), order_id: 'a1' });
    expect(Object.keys(out[1]!).sort()).toEqual(['error', 'id']);
    expect(out[2]!.error).toMatch(/passport must be a token string/);
    expect(out[3]!.error).toMatch(/must be a JSON object, got an array/);
    expect(out[4]!.error).toMatch(/action must be a JSON object/);
    expect(out[5]!.error).toMatch(/reference_price must be a number > 0, got -5/);
    expect(out[6]).toMatchObject({ verdict: 'deny', reasons: [{ code: 'limit.order_qty', limit: 100, observed: 500, owasp: 'LLM06' }, { code: 'limit.order_notional' }, { code: 'limit.position' }] });
    expect(out[7]).toMatchObject({ verdict: 'restrict', modified_action: { tool: 'place_order', args: { qty: 100 } } });
    expect(out[8]).toMatchObject({ verdict: 'deny', reasons: [{ code: 'passport.malformed' }] });
    for (const o of out.filter((x) => x.verdict)) for (const reason of o.reasons) expect(Object.keys(reason)).toEqual(expect.arrayContaining(['code', 'message', 'owasp']));
  });

  it('exits 0 when every line was processed, denials included', async () => {
    const { dir, token } = await setup();
    const r = await cli(['authorize', '--public-key', join(dir, 'keys/public.pem')], [line('1', token, { qty: 1 }), line('2', token, { symbol: 'TSLA', qty: 1 })].join('\n'));
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout).map((o) => o.verdict)).toEqual(['allow', 'deny']);
  });

  it('--state-dir keeps positions across runs', async () => {
    const { dir, token } = await setup();
    const args = ['authorize', '--public-key', join(dir, 'keys/public.pem'), '--state-dir', join(dir, 'state')];
    const run1 = await cli(args, [line('r1', token, { qty: 100 }), line('r2', token, { qty: 99 })].join('\n'));
    expect(jsonLines(run1.stdout).map((o) => o.verdict)).toEqual(['allow', 'allow']);
    const run2 = await cli(args, [line('r3', token, { qty: 98 }), line('r4', token, { qty: 97 })].join('\n'));
    const out = jsonLines(run2.stdout);
    expect(out.map((o) => o.verdict)).toEqual(['allow', 'deny']);
    expect(out[1]!.reasons[0]).toMatchObject({ code: 'limit.position', limit: 300, observed: 394 });
    // Request ids repeat across runs; without client_order_id the guard derives a fresh order id.
    const run3 = await cli(args, [JSON.stringify({ id: 'r1', control: 'list_orders' }), line('r1', token, { qty: 3, side: 'sell' })].join('\n'));
    const [listed, reused] = jsonLines(run3.stdout);
    expect(listed!.orders.map((o: { order_id: string }) => o.order_id)).toEqual(['r1', 'r2', 'r3']);
    expect(reused).toMatchObject({ verdict: 'allow', order_id: expect.stringMatching(/^r1~/) });
    // Without --state-dir, each run starts empty.
    const fresh = await cli(['authorize', '--public-key', join(dir, 'keys/public.pem')], line('r5', token, { qty: 97 }));
    expect(jsonLines(fresh.stdout)[0]!.verdict).toBe('allow');
  });

  it('control lines: kill lists open orders and refuses everything after; resume needs --allow-resume', async () => {
    const { dir, token } = await setup();
    const pub = join(dir, 'keys/public.pem');
    const input = [
      line('o1', token, { qty: 5 }),
      JSON.stringify({ id: 'k1', control: 'kill', scope: 'agent', target: 'bot-1', reason: 'looping' }),
      line('o2', token, { qty: 6 }),
      JSON.stringify({ id: 'k2', control: 'resume', scope: 'agent', target: 'bot-1' }),
      JSON.stringify({ id: 's', control: 'scan', session: 't1', context: 'tool_output', flagged: true, findings: [{ id: 'inj.a', family: 'injection', owasp: 'LLM01', severity: 'high', start: 0, end: 1, evidence: 'x' }] }),
      JSON.stringify({ id: 'bad', control: 'explode' }),
    ].join('\n');
    const r = await cli(['authorize', '--public-key', pub], input);
    const out = jsonLines(r.stdout);
    expect(out[1]).toMatchObject({ id: 'k1', ok: true, open_orders: [{ order_id: 'o1', qty: 5 }] });
    expect(out[2]).toMatchObject({ id: 'o2', verdict: 'deny', reasons: [{ code: 'kill.active' }] });
    expect(out[3]!.error).toMatch(/--allow-resume/);
    expect(out[4]).toMatchObject({ id: 's', ok: true, tainted: true });
    expect(out[5]!.error).toMatch(/control must be one of/);
    const more = await cli(['authorize', '--public-key', pub], [
      line('o4', token, { qty: 8 }),
      JSON.stringify({ id: 'f', control: 'fill', tenant: 'acme', order_id: 'o4', qty: 8, price: 100 }),
      JSON.stringify({ id: 'st', control: 'status' }),
      JSON.stringify({ id: 'f2', control: 'fill', tenant: 'acme', order_id: 'nope', qty: 1, price: 1 }),
    ].join('\n'));
    const tainted = await cli(['authorize', '--public-key', pub], [
      JSON.stringify({ id: 'scan', control: 'scan', session: 'tr', result: { flagged: true, context: 'tool_output', findings: [{ id: 'inj.b', family: 'injection', owasp: 'LLM01', severity: 'critical', start: 0, end: 3, evidence: 'abc' }] } }),
      JSON.stringify({ id: 'w', passport: token, session: 'tr', action: { tool: 'withdraw', args: { asset: 'BTC', amount: 1, address: 'bc1-new' } } }),
    ].join('\n'));
    expect(jsonLines(tainted.stdout)[1]).toMatchObject({ id: 'w', verdict: 'challenge', reasons: [{ code: 'withdraw.address_new' }, { code: 'taint.session', owasp: 'LLM01', finding: { id: 'inj.b' } }] });
    const [, fill, status, badFill] = jsonLines(more.stdout);
    expect(fill).toMatchObject({ id: 'f', ok: true });
    expect(status).toMatchObject({ id: 'st', kills: [], open_orders: 0 });
    expect(badFill!.error).toMatch(/fill for unknown order "nope"/);
    const allowed = await cli(['authorize', '--public-key', pub, '--allow-resume'], [JSON.stringify({ id: 'k', control: 'kill', scope: 'global' }), JSON.stringify({ id: 'r', control: 'resume', scope: 'global' }), line('o3', token, { qty: 7 })].join('\n'));
    expect(jsonLines(allowed.stdout).map((o) => o.verdict ?? o.ok)).toEqual([true, true, 'allow']);
  });
});

describe('kill -9', () => {
  it('a SIGKILLed authorize loses no acknowledged decision', { timeout: 60_000 }, async () => {
    const { dir, token } = await setup({ limits: { ...baseSpec().limits, max_orders_per_second: 1e6, max_messages_per_second: 1e6, max_position: 1e9 }, budget: 1e12 });
    const pub = join(dir, 'keys/public.pem');
    const state = join(dir, 'state');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'authorize', '--public-key', pub, '--state-dir', state], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const killed = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let sent = 0;
    let stop = false;
    child.stdin.on('error', () => {}); // EPIPE after the kill
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl;
      while ((nl = buffered.indexOf('\n')) !== -1) {
        const out = JSON.parse(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
        if (out.verdict === 'allow') acked.push(out.order_id);
        if (acked.length >= 400 && !stop) {
          stop = true;
          child.kill('SIGKILL'); // mid-stream: more lines are in flight
        }
      }
    });
    // Keep a steady stream of distinct orders going until the kill (distinct qty/price pairs, so
    // duplicate detection never fires; all within size, notional and collar limits).
    let lockError = '';
    while (!stop && sent < 50_000 && child.exitCode === null) {
      if (lockError === '' && acked.length > 0) {
        // While the child runs, nobody else may open its state directory.
        try {
          await openJournaledStore(state).close();
          lockError = 'opened';
        } catch (err) {
          lockError = (err as Error).message;
        }
      }
      const batch = [];
      for (let i = 0; i < 50; i++, sent++) batch.push(line(`k${sent}`, token, { qty: 1 + (Math.floor(sent / 1000) % 100), price: 95 + (sent % 1000) / 100 }));
      child.stdin.write(batch.join('\n') + '\n');
      await new Promise((r) => setTimeout(r, 2));
    }
    if (!stop) child.kill('SIGKILL');
    await killed;
    expect(stderr).toBe('');
    expect(lockError).toMatch(new RegExp(`in use by process ${child.pid}`));
    expect(acked.length).toBeGreaterThanOrEqual(400);
    expect(sent).toBeGreaterThan(acked.length);
    expect(existsSync(join(state, 'guard.journal'))).toBe(true);

    // Restart on the same state: every acknowledged order is still working.
    const after = await cli(['authorize', '--public-key', pub, '--state-dir', state], [JSON.stringify({ id: 'list', control: 'list_orders' }), line('again', token, { qty: 3, price: 99.999, client_order_id: acked[0] })].join('\n'));
    const [list, again] = jsonLines(after.stdout);
    const working = new Set((list!.orders as { order_id: string }[]).map((o) => o.order_id));
    if (process.env.GUARD_DEBUG) console.log(`kill -9: sent ${sent}, acked ${acked.length}, persisted ${working.size}`);
    const lost = acked.filter((id) => !working.has(id));
    expect(lost).toEqual([]);
    expect(again).toMatchObject({ verdict: 'deny', reasons: [{ code: 'order.id_in_use' }] });
    expect(working.size).toBeGreaterThanOrEqual(acked.length);
  });
});
