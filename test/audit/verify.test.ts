import { describe, expect, it } from 'vitest';
import { readFile, writeFile, appendFile, rm, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { verifyAuditDir, openAuditLog, auditRecordFromScan, recordHash } from '../../src/audit/index.ts';
import { tempDir, writeHonestLog, segmentLines, writeSegmentLines, fakeResult } from './helpers.ts';

describe('audit verify', () => {
  it('passes on an honest log, with checkpoints covering every record after close', async () => {
    const dir = await tempDir();
    await writeHonestLog(dir, 10, { checkpointEvery: 4 });
    const report = await verifyAuditDir(dir);
    expect(report.error).toBeNull();
    expect(report).toMatchObject({ ok: true, records: 10, checkpoints: 3, checkpointedCount: 10 });
  });

  it('continues the chain across reopen and still verifies', async () => {
    const dir = await tempDir();
    await writeHonestLog(dir, 5);
    await writeHonestLog(dir, 6);
    const report = await verifyAuditDir(dir);
    expect(report).toMatchObject({ ok: true, records: 11 });
  });

  it('rolls segments and verifies across them', async () => {
    const dir = await tempDir();
    const log = await openAuditLog({ dir, maxSegmentBytes: 1500, checkpointEvery: 3, env: {} });
    for (let i = 0; i < 12; i++) await log.append(auditRecordFromScan(`text ${i}`, fakeResult('allow')));
    await log.close();
    const segments = (await readdir(dir)).filter((n) => n.startsWith('segment-'));
    expect(segments.length).toBeGreaterThan(1);
    expect((await verifyAuditDir(dir)).ok).toBe(true);
  });

  it('names the edited record (seq and file:line)', async () => {
    const dir = await tempDir();
    await writeHonestLog(dir, 10);
    const lines = await segmentLines(dir);
    const rec = JSON.parse(lines[6]!);
    rec.verdict = 'allow';
    lines[6] = JSON.stringify(rec);
    await writeSegmentLines(dir, lines);
    const report = await verifyAuditDir(dir);
    expect(report.ok).toBe(false);
    expect(report.error).toMatchObject({ seq: 7, location: 'segment-000001.jsonl:7' });
    expect(report.error!.message).toMatch(/edited/);
  });

  it('names the record after a deletion', async () => {
    const dir = await tempDir();
    await writeHonestLog(dir, 10);
    const lines = await segmentLines(dir);
    lines.splice(3, 1);
    await writeSegmentLines(dir, lines);
    const report = await verifyAuditDir(dir);
    expect(report.ok).toBe(false);
    expect(report.error).toMatchObject({ seq: 4, location: 'segment-000001.jsonl:4' });
    expect(report.error!.message).toMatch(/expected seq 4, found seq 5.*deleted or moved/);
  });

  it('names the first out-of-place record after a reorder', async () => {
    const dir = await tempDir();
    await writeHonestLog(dir, 10);
    const lines = await segmentLines(dir);
    [lines[7], lines[8]] = [lines[8]!, lines[7]!];
    await writeSegmentLines(dir, lines);
    const report = await verifyAuditDir(dir);
    expect(report.ok).toBe(false);
    expect(report.error).toMatchObject({ seq: 8, location: 'segment-000001.jsonl:8' });
  });

  it('detects truncation of the end through the last checkpoint', async () => {
    const dir = await tempDir();
    await writeHonestLog(dir, 10);
    const lines = await segmentLines(dir);
    await writeSegmentLines(dir, lines.slice(0, 7));
    const report = await verifyAuditDir(dir);
    expect(report.ok).toBe(false);
    expect(report.error!.seq).toBe(8);
    expect(report.error!.message).toMatch(/log truncated: .* covers 10 records but only 7 are present; first missing seq 8 \(after segment-000001\.jsonl:7\)/);
  });

  it('detects an edit that was re-chained (every hash recomputed) through the signed roots', async () => {
    const dir = await tempDir();
    await writeHonestLog(dir, 10, { checkpointEvery: 4 });
    const lines = (await segmentLines(dir)).map((l) => JSON.parse(l));
    lines[5].verdict = 'allow';
    for (let i = 5; i < lines.length; i++) {
      lines[i].prev = lines[i - 1].hash;
      lines[i].hash = recordHash(lines[i]);
    }
    await writeSegmentLines(dir, lines.map((r) => JSON.stringify(r)));
    const report = await verifyAuditDir(dir);
    expect(report.ok).toBe(false);
    expect(report.error!.seq).toBe(5);
    expect(report.error!.message).toMatch(/records seq 5\.\.8 do not match the signed checkpoint/);
  });

  it('rejects an edited checkpoint and a checkpoint signed by an unpinned key', async () => {
    const dir = await tempDir();
    await writeHonestLog(dir, 8);
    const cpPath = join(dir, 'checkpoints.jsonl');
    const original = await readFile(cpPath, 'utf8');
    const cps = original.trim().split('\n').map((l) => JSON.parse(l));
    cps[1].count = 9;
    await writeFile(cpPath, cps.map((c) => JSON.stringify(c) + '\n').join(''));
    expect((await verifyAuditDir(dir)).error!.message).toMatch(/bad signature/);
    await writeFile(cpPath, original);

    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const pinned = join(dir, '..', `pinned-${Date.now()}.pem`);
    await writeFile(pinned, other);
    const report = await verifyAuditDir(dir, { publicKeyPath: pinned });
    expect(report.ok).toBe(false);
    expect(report.error!.message).toMatch(/unknown key/);
    await rm(pinned);
  });

  it('reports a torn unacknowledged last line as a warning; the writer cuts it off on reopen', async () => {
    const dir = await tempDir();
    await writeHonestLog(dir, 6);
    await appendFile(join(dir, 'segment-000001.jsonl'), '{"v":1,"seq":7,"time":"2026-');
    const report = await verifyAuditDir(dir);
    expect(report.ok).toBe(true);
    expect(report.warnings.join('\n')).toMatch(/segment-000001\.jsonl:7: torn last line/);

    const log = await openAuditLog({ dir, env: {} });
    expect(log.openNotes.join('\n')).toMatch(/torn last line/);
    await log.append(auditRecordFromScan('after the crash', fakeResult('allow')));
    await log.close();
    expect(await verifyAuditDir(dir)).toMatchObject({ ok: true, records: 7, warnings: [] });
  });

  it('fails on a torn line that a checkpoint covers', async () => {
    const dir = await tempDir();
    await writeHonestLog(dir, 6);
    const lines = await segmentLines(dir);
    await writeFile(join(dir, 'segment-000001.jsonl'), lines.slice(0, 5).map((l) => l + '\n').join('') + lines[5]!.slice(0, 40));
    const report = await verifyAuditDir(dir);
    expect(report.ok).toBe(false);
    expect(report.error).toMatchObject({ seq: 6, location: 'segment-000001.jsonl:6' });
  });
});

describe('timed checkpoints', () => {
  it('signs the tail of a quiet log after checkpointIntervalMs', async () => {
    const dir = await tempDir();
    const log = await openAuditLog({ dir, checkpointEvery: 1000, checkpointIntervalMs: 30, env: {} });
    await log.append(auditRecordFromScan('one', fakeResult('allow')));
    await log.append(auditRecordFromScan('two', fakeResult('deny')));
    await new Promise((r) => setTimeout(r, 120));
    await log.flush();
    // Not closed: the timer alone must have covered both records.
    expect(await verifyAuditDir(dir)).toMatchObject({ ok: true, records: 2, checkpointedCount: 2 });
    await log.close();
  });
});

describe('one writer per directory', () => {
  it('refuses a second live writer and takes over a lock left by a dead process', async () => {
    const dir = await tempDir();
    const first = await openAuditLog({ dir, env: {} });
    // Same process, so fake another live holder: pid 1 always exists.
    await first.close();
    await writeFile(join(dir, 'writer.lock'), '1');
    await expect(openAuditLog({ dir, env: {} })).rejects.toThrow(/in use by another writer \(pid 1\)/);
    await writeFile(join(dir, 'writer.lock'), '999999999');
    const second = await openAuditLog({ dir, env: {} });
    await second.append(auditRecordFromScan('after takeover', fakeResult('allow')));
    await second.close();
    expect((await readdir(dir)).includes('writer.lock')).toBe(false);
    expect((await verifyAuditDir(dir)).ok).toBe(true);
  });
});

describe('preallocated segments', () => {
  it('reads through the zero padding a crash leaves, and the writer trims it on reopen', async () => {
    const dir = await tempDir();
    const log = await openAuditLog({ dir, checkpointEvery: 2, checkpointIntervalMs: 0, env: {} });
    for (let i = 0; i < 5; i++) await log.append(auditRecordFromScan(`text ${i}`, fakeResult('allow')));
    await log.flush();
    // Simulate kill -9: the log is never closed, so the segment still carries its padding.
    const path = join(dir, 'segment-000001.jsonl');
    const size = (await readFile(path)).length;
    expect(size).toBe(4 * 1024 * 1024);
    expect(await verifyAuditDir(dir)).toMatchObject({ ok: true, records: 5, checkpointedCount: 4 });
    await rm(join(dir, 'writer.lock'));
    const again = await openAuditLog({ dir, env: {} });
    await again.append(auditRecordFromScan('after restart', fakeResult('deny')));
    await again.close();
    const bytes = await readFile(path);
    expect(bytes.includes(0)).toBe(false); // trimmed to its records on close
    expect(await verifyAuditDir(dir)).toMatchObject({ ok: true, records: 6, checkpointedCount: 6 });
  });

  it('fails when anything but zeros follows the padding (records hidden behind it)', async () => {
    const dir = await tempDir();
    await writeHonestLog(dir, 3);
    const path = join(dir, 'segment-000001.jsonl');
    const data = await readFile(path);
    const hidden = Buffer.concat([data.subarray(0, 100), Buffer.alloc(50), data.subarray(150)]);
    await writeFile(path, hidden);
    const report = await verifyAuditDir(dir);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toMatch(/segment-000001\.jsonl: non-zero byte at offset 150 after zero padding that starts at offset 100/);
  });
});
