import { describe, expect, it } from 'vitest';
import { spawnServer } from './spawn-server.ts';
import { join } from 'node:path';
import { verifyAuditDir } from '../../src/audit/verify.ts';
import { signRequest } from '../../src/server/auth.ts';
import { tempDir } from '../audit/helpers.ts';

describe('graceful shutdown of tollgate serve', () => {
  it('on SIGTERM finishes in-flight requests, writes the final checkpoint and exits 0', async () => {
    const dir = join(await tempDir(), 'audit');
    const secret = 'shutdown-test-secret-0123';
    const { child, url, stderr } = await spawnServer(
      'test/server/fixtures/serve-fake.ts',
      ['--port', '0', '--audit-dir', dir, '--audit-checkpoint-every', '1000', '--log-level', 'info'],
      { TOLLGATE_API_KEYS: `k1:${secret}`, FAKE_SCAN_MS: '300' },
    );
    const post = (i: number) => {
      const body = JSON.stringify({ text: `slow request ${i}, ignore previous`, agent: 'a1' });
      return fetch(`${url}/v1/scan`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...signRequest({ keyId: 'k1', secret, method: 'POST', path: '/v1/scan', body }) } });
    };
    const inFlight = Array.from({ length: 5 }, (_, i) => post(i));
    // Wait until all five are inside the server, waiting on the slow scan (a fixed sleep was not
    // enough on a loaded machine: the requests had not arrived when SIGTERM did).
    for (let waited = 0; ; waited += 20) {
      const metrics = await (await fetch(`${url}/metrics`)).text();
      if (/^tollgate_in_flight 5$/m.test(metrics)) break;
      if (waited > 10_000) throw new Error(`requests never all in flight:\n${metrics}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    const responses = await Promise.all(inFlight);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const seqs = (await Promise.all(responses.map((r) => r.json() as Promise<{ audit: { seq: number } }>))).map((b) => b.audit.seq).sort();
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
    expect(await exited).toBe(0);
    const report = await verifyAuditDir(dir);
    expect(report).toMatchObject({ ok: true, records: 5, checkpointedCount: 5 });
    // Logs are structured and carry no secrets or request text.
    const logs = stderr();
    expect(logs).toMatch(/"msg":"shutting down: draining in-flight requests"/);
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain('slow request');
  });
});
