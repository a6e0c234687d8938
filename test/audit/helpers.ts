import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditLog, auditRecordFromScan } from '../../src/audit/index.ts';
import type { ScanResult, Verdict } from '../../src/types.ts';

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'tollgate-audit-'));
}

export function fakeResult(verdict: Verdict, owasp: 'LLM01' | 'LLM02' = 'LLM01'): ScanResult {
  const flagged = verdict !== 'allow';
  return {
    flagged,
    verdict,
    score: flagged ? 0.9 : 0.01,
    findings: flagged ? [{ id: 'inj.test', family: 'injection', owasp, severity: 'high', start: 0, end: 6, evidence: 'ignore' }] : [],
    timings: { totalUs: 5 },
  };
}

/** Writes `n` scan records (verdicts cycling) and closes the log. */
export async function writeHonestLog(dir: string, n: number, options: { checkpointEvery?: number; storeRawText?: boolean } = {}): Promise<void> {
  const log = await openAuditLog({ dir, checkpointEvery: options.checkpointEvery ?? 4, env: {} });
  const verdicts: Verdict[] = ['allow', 'deny', 'challenge', 'monitor'];
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      log.append(auditRecordFromScan({ text: `input number ${i}`, context: 'user_prompt' }, fakeResult(verdicts[i % 4]!), { agent: 'agent-7', storeRawText: options.storeRawText, engineVersion: '0.1.0' })),
    ),
  );
  await log.close();
}

export async function segmentLines(dir: string, name = 'segment-000001.jsonl'): Promise<string[]> {
  return (await readFile(join(dir, name), 'utf8')).split('\n').filter((l) => l !== '');
}

export async function writeSegmentLines(dir: string, lines: string[], name = 'segment-000001.jsonl'): Promise<void> {
  await writeFile(join(dir, name), lines.map((l) => l + '\n').join(''));
}
