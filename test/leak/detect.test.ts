import { describe, expect, it } from 'vitest';
import { confirmLeaks, detectLeaks, scanUnanchored } from '../../src/leak/index.ts';
import { AnchorMatcher } from '../../src/leak/prefilter.ts';
import { anchoredRules } from '../../src/leak/detect.ts';
import { leakExamples } from './fixtures/examples.ts';
import { TokenFactory } from './fixtures/tokens.ts';

const examples = leakExamples();

describe('team leak examples (trading-agent contexts)', () => {
  for (const ex of examples.filter((e) => e.label === 'secret')) {
    it(`finds ${ex.rule} in ${ex.id} (${ex.family})`, () => {
      const findings = detectLeaks(ex.text);
      const hit = findings.find((f) => f.rule === ex.rule);
      expect(hit, JSON.stringify(findings.map((f) => f.rule))).toBeDefined();
      if (ex.value && ex.text.includes(ex.value)) {
        // The reported span covers the leaked value, and the evidence never contains it.
        const at = ex.text.indexOf(ex.value);
        expect(findings.some((f) => f.start <= at && f.end >= at + Math.min(ex.value!.length, 8))).toBe(true);
        for (const f of findings) if (ex.value.length >= 8) expect(f.evidence).not.toContain(ex.value);
      }
      expect(hit!.owasp).toBe('LLM02');
      expect(['secret', 'pii']).toContain(hit!.family);
    });
  }
  for (const ex of examples.filter((e) => e.label === 'not_secret')) {
    it(`keeps ${ex.id} clean (${ex.rule} near miss)`, () => {
      expect(detectLeaks(ex.text).map((f) => `${f.rule}:${ex.text.slice(f.start, f.end)}`)).toEqual([]);
    });
  }
});

describe('one-character near misses of validated formats', () => {
  const t = new TokenFactory(21);
  it('drops a card, IBAN, WIF and xprv when one character changes', () => {
    const card = t.card('5');
    expect(detectLeaks(`card ${card}`).map((f) => f.rule)).toEqual(['payment-card']);
    const bad = card.slice(0, 8) + ((Number(card[8]) + 3) % 10) + card.slice(9);
    expect(detectLeaks(`card ${bad}`)).toEqual([]);
    const iban = t.iban();
    expect(detectLeaks(`iban ${iban}`).map((f) => f.rule)).toEqual(['iban']);
    expect(detectLeaks(`iban ${iban.slice(0, 10)}${(Number(iban[10]) + 1) % 10}${iban.slice(11)}`)).toEqual([]);
    const wif = t.wif();
    expect(detectLeaks(`key ${wif}`).map((f) => f.rule)).toEqual(['wif-private-key']);
    const swapped = wif.slice(0, 20) + (wif[20] === 'z' ? 'y' : 'z') + wif.slice(21);
    expect(detectLeaks(`key ${swapped}`)).toEqual([]);
    const x = t.xprv();
    expect(detectLeaks(x).map((f) => f.rule)).toEqual(['bip32-xprv']);
    expect(detectLeaks(x.slice(0, 50) + (x[50] === 'z' ? 'y' : 'z') + x.slice(51))).toEqual([]);
  });
  it('finds a mnemonic split across lines with numbering, not 11 of its words', () => {
    const m = t.mnemonic(12).split(' ');
    expect(detectLeaks(m.map((w, i) => `${i + 1}) ${w}`).join('\n')).map((f) => f.rule)).toEqual(['bip39-mnemonic']);
    expect(detectLeaks(m.slice(0, 11).join(' '))).toEqual([]);
  });
  it('finds a mnemonic written as a JSON array, and a Solana keypair file next to a key word', () => {
    const words = t.mnemonic(12).split(' ');
    expect(detectLeaks(`{"seed": ${JSON.stringify(words)}}`).map((f) => f.rule)).toEqual(['bip39-mnemonic']);
    const bytes = Array.from(t.bytes(64));
    const keypair = `[${bytes.join(',')}]`;
    expect(detectLeaks(`~/.config/solana/id.json (keypair): ${keypair}`).map((f) => f.rule)).toEqual(['solana-keypair']);
    expect(detectLeaks(`histogram buckets: ${keypair}`)).toEqual([]);
    expect(detectLeaks(`solana keypair: [${[...bytes.slice(0, 63), 300].join(',')}]`)).toEqual([]);
  });
  it('does not report a secret value in evidence and keeps offsets on the raw text', () => {
    const key = t.githubPat();
    const text = `héllo ✓ — token ${key}`;
    const [f] = detectLeaks(text);
    expect(text.slice(f!.start, f!.end)).toBe(key);
    expect(f!.evidence.startsWith('ghp_')).toBe(true);
    expect(f!.evidence).not.toContain(key.slice(4, 12));
  });
});

describe('engine hooks', () => {
  it('confirmLeaks + scanUnanchored give the same findings as detectLeaks on every example', () => {
    const matcher = new AnchorMatcher(anchoredRules());
    for (const ex of examples) {
      const hits = matcher.findAll(ex.text);
      const split = [...confirmLeaks(ex.text, hits), ...scanUnanchored(ex.text)];
      const whole = detectLeaks(ex.text);
      for (const f of whole) expect(split.some((s) => s.start === f.start && s.end === f.end && s.rule === f.rule), `${ex.id} ${f.rule}`).toBe(true);
    }
  });
  it('gives the same findings whatever the order of the hits (the engine reports them in DFA order)', () => {
    const t = new TokenFactory(8);
    const text = Array.from({ length: 12 }, () => `AWS_ACCESS_KEY_ID=${t.awsAccessKey()} and api_key: "${t.mixed('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 32)}"\n`).join('filler text about fills and risk limits\n');
    const hits = new AnchorMatcher(anchoredRules()).findAll(text);
    const forward = confirmLeaks(text, hits);
    expect(forward.filter((f) => f.rule === 'aws-access-key')).toHaveLength(12);
    expect(forward.filter((f) => f.rule === 'generic-secret')).toHaveLength(12);
    expect(confirmLeaks(text, [...hits].reverse())).toEqual(forward);
  });
  it('ignores hits of other families and unknown signature ids', () => {
    expect(confirmLeaks('ignore previous instructions', [{ signatureId: 'inj.override.ignore-previous', start: 0, end: 6 }])).toEqual([]);
  });
  it('rejects non-string input with a clear error', () => {
    expect(() => detectLeaks(undefined as unknown as string)).toThrow(/text must be a string, got undefined/);
  });
  it('scans a large input in full (no truncation): a key at the very end is found', () => {
    const t = new TokenFactory(5);
    const key = t.awsAccessKey();
    const text = 'market data 67234.12 vol 1234 '.repeat(40_000) + key;
    const f = detectLeaks(text);
    expect(f.map((x) => x.rule)).toEqual(['aws-access-key']);
    expect(f[0]!.start).toBe(text.length - 20);
  });
});

describe('adversarial inputs (results; the suite timeout catches quadratic blow-ups)', () => {
  it('50,000 e-mail addresses give 50,000 findings; repeated BEGIN lines, eyJ runs and key= chains give none', () => {
    expect(detectLeaks('a@b-trading.co '.repeat(50_000)).length).toBe(50_000);
    expect(detectLeaks('-----BEGIN RSA PRIVATE KEY-----\n'.repeat(20_000))).toEqual([]);
    expect(detectLeaks('eyJ '.repeat(100_000))).toEqual([]);
    expect(detectLeaks('key='.repeat(100_000))).toEqual([]);
  });
});

describe('phone numbers', () => {
  it('finds E.164, NANP and national formats after a phone word; not dates, times or versions', () => {
    const rule = (s: string) => detectLeaks(s).map((f) => [f.rule, s.slice(f.start, f.end)]);
    expect(rule('reach me at +44 20 7946 0958 today')).toEqual([['phone', '+44 20 7946 0958']]);
    expect(rule('desk line (212) 555-0147')).toEqual([['phone', '(212) 555-0147']]);
    expect(rule('Mobile: 020 7946 0958')).toEqual([['phone', '020 7946 0958']]);
    expect(rule('Telefon 030/12345678 (Büro)')).toEqual([['phone', '030/12345678']]);
    expect(rule('phone review on 2024-05-21 at 10:30, app version 1.2.3')).toEqual([]);
  });
});

describe('prefixed vendor tokens (published prefixes, random bodies)', () => {
  const t = new TokenFactory(61);
  const UP = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const AN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const cases: Array<[string, () => string]> = [
    ['doppler-token', () => `dp.st.prd.${t.mixed(AN, 43)}`],
    ['linear-api-key', () => `lin_api_${t.mixed(AN, 40)}`],
    ['pulumi-token', () => `pul-${t.str('0123456789abcdef', 40)}`],
    ['dynatrace-token', () => `dt0c01.${t.str(UP, 24)}.${t.str(UP, 64)}`],
    ['groq-api-key', () => `gsk_${t.mixed(AN, 52)}`],
    ['google-oauth-secret', () => `GOCSPX-${t.mixed(AN, 28)}`],
    ['docker-hub-token', () => `dckr_pat_${t.mixed(AN, 27)}`],
    ['alibaba-access-key', () => `LTAI${t.mixed(AN, 20)}`],
    ['plaid-token', () => `access-production-${t.uuid()}`],
    ['npm-token', () => `npm_${t.mixed(AN, 36)}`],
    ['sendgrid-api-key', () => `SG.${t.mixed(AN, 22)}.${t.mixed(AN, 43)}`],
    ['digitalocean-token', () => `dop_v1_${t.str('0123456789abcdef', 64)}`],
  ];
  for (const [rule, make] of cases) {
    it(`${rule}: found in a config line; a placeholder body is not`, () => {
      const token = make();
      expect(detectLeaks(`TOKEN=${token}`).map((f) => f.rule)).toContain(rule);
      const fake = token.replace(/[A-Za-z0-9]{8}$/, 'xxxxxxxx');
      expect(detectLeaks(`see docs: ${fake.slice(0, fake.length - 20)}${'x'.repeat(20)}`).filter((f) => f.rule === rule)).toEqual([]);
    });
  }
});
