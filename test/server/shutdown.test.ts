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
    await new Promise((r) => setTimeout(r, 100)); // all five are now waiting on the slow scan
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
