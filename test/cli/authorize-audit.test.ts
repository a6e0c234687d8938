import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonLines, runCli } from '../helpers/cli.ts';

describe('tollgate authorize --audit-dir', () => {
  it('audits every decision (not malformed lines) and the log verifies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tollgate-authz-audit-'));
    expect((await runCli(['keygen', '--out', join(dir, 'keys')])).code).toBe(0);
    const spec = {
      agent: 'bot-9', tenant: 'desk',
      scopes: { tools: ['place_order'], accounts: ['A1'], symbols: ['MSFT'] },
      limits: { max_order_qty: 10, max_order_notional: 10000, max_position: 20, max_daily_loss: 500, max_orders_per_second: 5, price_tolerance_pct: 5 },
      budget: 100, ttl_s: 600,
    };
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
    const issued = await runCli(['passport', 'issue', '--key', join(dir, 'keys/private.pem'), '--spec', join(dir, 'spec.json')]);
    const passport = issued.stdout.trim();
    const lines = [
      { id: 'ok', passport, action: { tool: 'place_order', args: { account: 'A1', symbol: 'MSFT', side: 'buy', qty: 5, type: 'limit', price: 400 } }, reference_price: 401 },
      { id: 'too-big', passport, action: { tool: 'place_order', args: { account: 'A1', symbol: 'MSFT', side: 'buy', qty: 50, type: 'limit', price: 400 } }, reference_price: 401 },
    ].map((l) => JSON.stringify(l));
    const audit = join(dir, 'audit');
    const out = await runCli(['authorize', '--public-key', join(dir, 'keys/public.pem'), '--audit-dir', audit], [lines[0], 'not json', lines[1]].join('\n'));
    const results = jsonLines(out.stdout);
    expect(results.map((r) => r.id)).toEqual(['ok', 2, 'too-big']);
    expect(results[0]!.verdict).toBe('allow');
    expect(results[2]!.verdict).toBe('deny');
    expect((await runCli(['audit', 'verify', '--audit-dir', audit])).code).toBe(0);
    const records = jsonLines((await runCli(['audit', 'export', '--audit-dir', audit, '--format', 'jsonl'])).stdout);
    expect(records.map((r) => [r.kind, r.verdict, r.agent])).toEqual([['authorize', 'allow', 'bot-9'], ['authorize', 'deny', 'bot-9']]);
    expect(JSON.stringify(records)).not.toContain(passport); // the credential is hashed, never stored
  });
});
