import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectLeaks } from '../../src/leak/index.ts';
import { describe, expect, it } from 'vitest';
import { evaluateSecretVectors, evaluateTeamCorpus } from '../../scripts/eval-secrets.ts';

const kVectors = '../shared/datasets/secrets';
const kTrain = '../shared/datasets/train';

/**
 * The secret-vector gate asserts the levels the detectors actually reach (measured 2026-11-22, after the coverage work), so a
 * regression fails; the targets (>= 95% found in every family, <= 2% near misses flagged) are NOT
 * met yet — see the per-family table from `npm run eval:secrets`.
 */
describe.skipIf(!existsSync(kVectors))('secret test vectors (evaluation only)', () => {
  const result = evaluateSecretVectors()!;
  const fam = (name: string) => result.table.find((r) => r.family === name)!;
  it('finds every BIP-32 extended private key and every standard-wordlist BIP-39 phrase', () => {
    expect(fam('wallet: xprv/wif').found / fam('wallet: xprv/wif').secrets).toBe(1);
    // Russian and Turkish phrases use wordlists outside the BIP-39 standard set (236 of 284 are standard);
    // the structural seed-phrase check finds those whose words do not repeat (260 measured).
    expect(fam('wallet: bip39 mnemonic').found).toBeGreaterThanOrEqual(260);
  });
  it('overall recall and near-miss rate stay at or better than measured', () => {
    expect(result.total.found / result.total.secrets).toBeGreaterThanOrEqual(0.885);
    expect(result.total.flagged / result.total.nearMisses).toBeLessThanOrEqual(0.07);
    expect(fam('cloud').found / fam('cloud').secrets).toBeGreaterThanOrEqual(0.82);
    expect(fam('devops & saas').flagged / fam('devops & saas').nearMisses).toBeLessThanOrEqual(0.05);
    expect(fam('generic & passwords').found / fam('generic & passwords').secrets).toBeGreaterThanOrEqual(0.91);
    expect(fam('messaging & social').found / fam('messaging & social').secrets).toBeGreaterThanOrEqual(0.95);
    expect(fam('jwt').found / fam('jwt').secrets).toBeGreaterThanOrEqual(0.94);
    expect(fam('ip addresses').found).toBeGreaterThanOrEqual(4);
    expect(fam('private keys').found).toBe(fam('private keys').secrets);
    expect(fam('ai providers').found / fam('ai providers').secrets).toBeGreaterThanOrEqual(0.94);
  });
});

describe('team leak corpus', () => {
  it('finds every leak and flags no near miss', () => {
    const r = evaluateTeamCorpus()!;
    expect(r.total.secrets).toBeGreaterThanOrEqual(40);
    expect(r.total.found).toBe(r.total.secrets);
    expect(r.total.flagged).toBe(0);
  });
});

/**
 * Real texts that hold no credentials (prompts, e-mails, news, report tables, jailbreaks: every row of
 * train/, 13,512 measured) — a near-miss measure on text the rules were not written from. E-mail
 * addresses and phone numbers there are real personal data and are not counted.
 */
describe.skipIf(!existsSync(kTrain))('no secret, IP address or seed phrase in the training texts', () => {
  it('flags none of them', () => {
    const hits: string[] = [];
    let rows = 0;
    for (const file of readdirSync(kTrain).filter((f) => f.endsWith('.jsonl')).sort()) {
      for (const line of readFileSync(join(kTrain, file), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const { text } = JSON.parse(line) as { text: string };
        rows++;
        for (const f of detectLeaks(text)) if (f.family === 'secret' || f.rule === 'ip-address') hits.push(`${file}: ${f.rule}`);
      }
    }
    expect(rows).toBeGreaterThan(10_000);
    expect(hits).toEqual([]);
  });
});
