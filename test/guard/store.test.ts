import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openJournal } from '../../src/guard/journal.ts';
import { JOURNAL_FILE, openJournaledStore } from '../../src/guard/store.ts';
import { codes, fakeClock, order, passportFor, testGuard } from './helpers.ts';
import type { Finding } from '../../src/types.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tollgate-guard-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const finding: Finding = { id: 'inj.x', family: 'injection', owasp: 'LLM01', severity: 'high', start: 0, end: 1, evidence: 'x' };

describe('journaled state', () => {
  it('a restart mid-stream keeps positions, working orders, rate counters, budgets, nonces, taint and kills', async () => {
    const dir = tempDir();
    const clock = fakeClock();
    const passport = passportFor(clock, { budget: 100 });
    const other = passportFor(clock, { agent: 'bot-2' });
    const first = testGuard(clock, { stateDir: dir });
    // 250 of 300 position used, 3 of 5 orders this second, one nonce used, a tainted session, bot-2 killed.
    for (const [i, qty] of [100, 99, 51].entries()) {
      expect((await first.authorize(order({ qty, client_order_id: `o${i}` }), { passport, referencePrice: 100, nonce: `n${i}` })).verdict).toBe('allow');
    }
    await first.recordScan('trace-1', { flagged: true, findings: [finding], context: 'tool_output' });
    await first.kill('agent', 'bot-2', 'operator');
    const before = await first.authorize({ tool: 'search_web', args: {} }, { passport });
    // No close(): the process "dies" here; everything above was acknowledged.

    const second = testGuard(clock, { stateDir: dir });
    const pos = await second.authorize(order({ qty: 60, client_order_id: 'x1' }), { passport, referencePrice: 100 });
    expect(pos.reasons).toEqual([expect.objectContaining({ code: 'limit.position', limit: 300, observed: 310 })]);
    expect((await second.authorize(order({ qty: 49, client_order_id: 'x2' }), { passport, referencePrice: 100 })).verdict).toBe('allow');
    // 4 orders in this second now; the 5th passes, the 6th is throttled: the counter survived.
    expect((await second.authorize(order({ qty: 1, client_order_id: 'x3' }), { passport, referencePrice: 100 })).verdict).toBe('allow');
    expect(codes(await second.authorize(order({ qty: 1, client_order_id: 'x4', side: 'sell' }), { passport, referencePrice: 100 }))).toEqual(['throttle.orders_per_second']);
    expect(codes(await second.authorize({ tool: 'search_web', args: {} }, { passport, nonce: 'n1' }))).toEqual(['request.replayed']);
    expect(codes(await second.authorize({ tool: 'withdraw', args: { asset: 'USD', amount: 1, address: 'bc1-known' } }, { passport, session: 'trace-1' }))).toEqual(['taint.session']);
    expect(codes(await second.authorize({ tool: 'search_web', args: {} }, { passport: other }))).toEqual(['kill.active']);
    const after = await second.authorize({ tool: 'search_web', args: {} }, { passport });
    // Budget continued from where it was: orders x2 and x3 (1 step + notional risk each), then this search_web
    // (1 step); the refused requests spent nothing.
    expect(after.remaining.budget).toBeCloseTo(before.remaining.budget! - (1 + 0.245) - (1 + 0.005) - 1, 6);
    expect(second.openOrders({ tenant: 'acme' }).map((o) => o.order_id).sort()).toEqual(['o0', 'o1', 'o2', 'x2', 'x3']);
    await second.close();
    await first.close();
  });

  it('acknowledges a burst with group commit and loses none of it on reopen', async () => {
    const dir = tempDir();
    const clock = fakeClock();
    const guard = testGuard(clock, { stateDir: dir });
    const passport = passportFor(clock, { budget: 1e9 });
    const pending = [];
    for (let i = 0; i < 300; i++) {
      clock.advance(250); // 4 per second: under the throttle
      pending.push(guard.authorize({ tool: 'search_web', args: { i } }, { passport, nonce: `b${i}` }));
    }
    const decisions = await Promise.all(pending);
    expect(decisions.every((d) => d.verdict === 'allow')).toBe(true);
    const lines = readFileSync(join(dir, JOURNAL_FILE), 'utf8').trim().split('\n');
    expect(lines.length).toBe(1 + 300 * 2); // passport seen once, then nonce + spend per request
    const reopened = openJournaledStore(dir);
    expect(reopened.replayed).toBe(lines.length);
    expect(reopened.view.nonceUsed(JSON.parse(lines[0]!).jti, 'b299')).toBe(true);
    await reopened.close();
    await guard.close();
  });

  it('compaction rewrites the journal as a snapshot that decides exactly like the full history', async () => {
    const dirA = tempDir();
    const dirB = tempDir();
    const clock = fakeClock();
    const passport = passportFor(clock, { budget: 500, ttl_s: 4 * 3600 });
    const other = passportFor(clock, { agent: 'bot-2', ttl_s: 4 * 3600 });
    const guard = testGuard(clock, { stateDir: dirA });
    for (let i = 0; i < 60; i++) {
      clock.advance(120_000); // two hours of history: old rate events and duplicate keys can go
      await guard.authorize(order({ qty: 5 + (i % 40), side: i % 3 === 0 ? 'sell' : 'buy', symbol: i % 2 ? 'AAPL' : 'MSFT', client_order_id: `c${i}` }), { passport, referencePrice: 100, nonce: `n${i}` });
      if (i % 5 === 0) await guard.authorize({ tool: 'cancel_order', args: { order_id: `c${i - 1}` } }, { passport });
      if (i % 6 === 1 && guard.openOrders().some((o) => o.order_id === `c${i}`)) await guard.recordFill({ tenant: 'acme', orderId: `c${i}`, qty: 3, price: 99 + (i % 4) });
    }
    await guard.recordScan('trace-c', { flagged: true, findings: [finding], context: 'retrieved_doc' });
    await guard.kill('agent', 'acme/bot-2', 'test');
    // A burst at the end: 4 orders this second, so the throttle must survive compaction.
    for (let i = 0; i < 4; i++) await guard.authorize(order({ qty: 1 + i, client_order_id: `burst${i}` }), { passport, referencePrice: 100 });
    await guard.close();
    copyFileSync(join(dirA, JOURNAL_FILE), join(dirB, JOURNAL_FILE));
    const linesBefore = readFileSync(join(dirA, JOURNAL_FILE), 'utf8').trim().split('\n').length;

    const compacted = testGuard(clock, { stateDir: dirA, compactAfter: 10 });
    const full = testGuard(clock, { stateDir: dirB });
    const linesAfter = readFileSync(join(dirA, JOURNAL_FILE), 'utf8').trim().split('\n').length;
    expect(linesAfter).toBeLessThan(linesBefore);
    expect(compacted.openOrders()).toEqual(full.openOrders());
    const probes: [Parameters<typeof guard.authorize>[0], Parameters<typeof guard.authorize>[1]][] = [
      [order({ qty: 90, client_order_id: 'p1' }), { passport, referencePrice: 100 }],
      [order({ qty: 90, symbol: 'MSFT', side: 'sell', client_order_id: 'p2' }), { passport, referencePrice: 97, allowRestrict: true }],
      [{ tool: 'search_web', args: {} }, { passport, nonce: 'n7' }],
      [{ tool: 'withdraw', args: { asset: 'USD', amount: 1, address: 'bc1-known' } }, { passport, session: 'trace-c' }],
      [{ tool: 'search_web', args: {} }, { passport: other }],
      [order({ qty: 1, client_order_id: 'p3' }), { passport, referencePrice: 100 }],
      [order({ qty: 2, client_order_id: 'p4' }), { passport, referencePrice: 100 }],
    ];
    const verdicts = [];
    for (const [action, ctx] of probes) {
      const d = await compacted.authorize(action, ctx);
      expect(d).toEqual(await full.authorize(action, ctx));
      verdicts.push(d.reasons[0]?.code ?? d.verdict);
    }
    if (process.env.GUARD_DEBUG) console.log(`compaction: ${linesBefore} -> ${linesAfter} lines`, verdicts);
    // The probes hit the state that compaction had to keep.
    expect(verdicts).toEqual(expect.arrayContaining(['request.replayed', 'taint.session', 'kill.active', 'throttle.orders_per_second']));
    await compacted.close();
    await full.close();
  });

  it('drops a torn last line (never acknowledged) and truncates it away', async () => {
    const dir = tempDir();
    const path = join(dir, JOURNAL_FILE);
    writeFileSync(path, '{"t":"kill","ts":1,"scope":"global","target":"*","reason":"a"}\n');
    appendFileSync(path, '{"t":"resume","ts":2,"scope":"glo');
    const { journal, records } = openJournal(path);
    expect(records).toHaveLength(1);
    expect(statSync(path).size).toBe(Buffer.byteLength('{"t":"kill","ts":1,"scope":"global","target":"*","reason":"a"}\n'));
    await journal.append([{ t: 'resume', ts: 3, scope: 'global', target: '*' }]);
    await journal.close();
    expect(readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l).t)).toEqual(['kill', 'resume']);
  });

  it('refuses to start on a journal corrupted in the middle, naming the line', () => {
    const dir = tempDir();
    const path = join(dir, JOURNAL_FILE);
    writeFileSync(path, '{"t":"kill","ts":1,"scope":"global","target":"*","reason":"a"}\n{oops}\n{"t":"resume","ts":2,"scope":"global","target":"*"}\n');
    expect(() => openJournal(path)).toThrow(/line 2 is corrupt/);
  });
});
