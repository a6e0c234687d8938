import { entropyToMnemonic } from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as japanese } from '@scure/bip39/wordlists/japanese.js';
import { wordlist as spanish } from '@scure/bip39/wordlists/spanish.js';
import { describe, expect, it } from 'vitest';
import { mnemonicLanguage } from '../../src/leak/mnemonic.ts';
import { base58CheckDecode, base58CheckEncode, base58Decode, base58Encode, classifyBase58Secret } from '../../src/leak/validators/base58.ts';
import { alphabetClass, entropyFloor, isPeriodic, randomEntropyQuantile, shannonEntropy } from '../../src/leak/validators/entropy.ts';
import { ibanFromBban, ibanValid } from '../../src/leak/validators/iban.ts';
import { checkJwt } from '../../src/leak/validators/jwt.ts';
import { cardScheme, luhnCheckDigit, luhnValid } from '../../src/leak/validators/luhn.ts';
import { ssnValid } from '../../src/leak/validators/ssn.ts';
import { TokenFactory, ALNUM, HEX } from './fixtures/tokens.ts';

/** Changes the digit at `i` to a different digit. */
function changeDigit(s: string, i: number): string {
  const d = (Number(s[i]) + 1 + (i % 8)) % 10;
  return s.slice(0, i) + d + s.slice(i + 1);
}

describe('Luhn', () => {
  const t = new TokenFactory(11);
  it('accepts generated card numbers of every scheme and rejects every single-digit change', () => {
    for (const prefix of ['4', '51', '2221', '34', '6011', '3530', '62']) {
      const n = t.card(prefix);
      expect(luhnValid(n), n).toBe(true);
      for (let i = 0; i < n.length; i++) expect(luhnValid(changeDigit(n, i)), `${n} digit ${i}`).toBe(false);
    }
  });
  it('knows the published test numbers and the schemes by range and length', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('41111111a1111111')).toBe(false);
    expect(cardScheme('4111111111111111')).toBe('visa');
    expect(cardScheme('378282246310005')).toBe('amex');
    expect(cardScheme('5555555555554444')).toBe('mastercard');
    expect(cardScheme('1234567812345670')).toBeNull();
    expect(luhnCheckDigit('411111111111111')).toBe('1');
  });
});

describe('IBAN mod-97', () => {
  const t = new TokenFactory(12);
  it('accepts built IBANs and rejects one changed digit and wrong lengths', () => {
    for (const [cc, len] of [['DE', 18], ['GB', 18], ['FR', 23], ['NL', 14], ['CH', 17]] as const) {
      const bban = cc === 'GB' ? 'NWBK' + t.digits(14) : cc === 'NL' ? 'ABNA' + t.digits(10) : t.digits(len);
      const iban = ibanFromBban(cc, bban);
      expect(ibanValid(iban), iban).toBe(true);
      expect(ibanValid(changeDigit(iban, iban.length - 3)), 'changed').toBe(false);
      expect(ibanValid(iban + '0'), 'too long').toBe(false);
    }
    expect(ibanValid('DE89370400440532013000')).toBe(true); // the published example
    expect(ibanValid('DE89370400440532013001')).toBe(false);
    expect(ibanValid('XX89370400440532013000')).toBe(false);
  });
});

describe('US SSN ranges', () => {
  it('excludes area 000/666/9xx, group 00, serial 0000 and the advertised numbers', () => {
    expect(ssnValid('123456788')).toBe(true);
    expect(ssnValid('536221234')).toBe(true);
    for (const bad of ['000123456', '666123456', '912345678', '123006789', '123450000', '078051120', '12345678', '12345678a']) {
      expect(ssnValid(bad), bad).toBe(false);
    }
  });
});

describe('Base58Check', () => {
  const t = new TokenFactory(13);
  it('round-trips and rejects a changed character', () => {
    const payload = t.bytes(25);
    const s = base58CheckEncode(payload);
    expect(Buffer.from(base58CheckDecode(s)!)).toEqual(Buffer.from(payload));
    const i = 10;
    const swapped = s.slice(0, i) + (s[i] === 'a' ? 'b' : 'a') + s.slice(i + 1);
    expect(base58CheckDecode(swapped)).toBeNull();
    expect(base58Decode('0OIl')).toBeNull();
    expect(base58Encode(new Uint8Array([0, 0, 1]))).toBe('112');
  });
  it('classifies WIF (compressed and not) and xprv, not other payloads', () => {
    expect(classifyBase58Secret(t.wif(true))).toBe('wif');
    expect(classifyBase58Secret(t.wif(false))).toBe('wif');
    const x = t.xprv();
    expect(x.startsWith('xprv')).toBe(true);
    expect(classifyBase58Secret(x)).toBe('xprv');
    // the same bytes with xpub version bytes are a public key
    const pub = base58CheckDecode(x)!;
    pub.set([0x04, 0x88, 0xb2, 0x1e], 0);
    expect(classifyBase58Secret(base58CheckEncode(pub))).toBeNull();
    // a Bitcoin address (version 0) is not a private key
    expect(classifyBase58Secret(base58CheckEncode(new Uint8Array([0, ...t.bytes(20)])))).toBeNull();
  });
});

describe('BIP-39 checksum', () => {
  it('validates phrases built from fixed entropy in several languages, 12 and 24 words', () => {
    const e16 = Uint8Array.from({ length: 16 }, (_, i) => i * 7);
    const e32 = Uint8Array.from({ length: 32 }, (_, i) => 255 - i * 3);
    expect(mnemonicLanguage(entropyToMnemonic(e16, english).split(' '))).toBe('english');
    expect(mnemonicLanguage(entropyToMnemonic(e32, english).split(' '))).toBe('english');
    expect(mnemonicLanguage(entropyToMnemonic(e16, spanish).normalize('NFC').split(' '))).toBe('spanish');
    expect(mnemonicLanguage(entropyToMnemonic(e16, japanese).split('\u3000'))).toBe('japanese');
  });
  it('rejects a phrase whose last word breaks the checksum, and wrong lengths', () => {
    const words = entropyToMnemonic(new Uint8Array(16).fill(9), english).split(' ');
    let broken = 0;
    for (const w of ['zoo', 'abandon', 'ability', 'able']) {
      const bad = [...words.slice(0, 11), w];
      if (w !== words[11] && mnemonicLanguage(bad) === null) broken++;
    }
    expect(broken).toBeGreaterThanOrEqual(3);
    expect(mnemonicLanguage(words.slice(0, 11))).toBeNull();
    expect(mnemonicLanguage([...words, 'abandon'])).toBeNull();
  });
});

describe('JWT structure', () => {
  const t = new TokenFactory(14);
  it('accepts signed and unsigned tokens with a JSON header naming alg', () => {
    expect(checkJwt(t.jwt())).toMatchObject({ alg: 'HS256', typ: 'JWT', kind: 'jws' });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`;
    expect(checkJwt(none)).toMatchObject({ alg: 'none' });
  });
  it('rejects a header with neither alg nor a JWT typ, a non-JSON header, a missing signature and wrong part counts', () => {
    const claims = Buffer.from('{"sub":"x"}').toString('base64url');
    const sig = Buffer.from(t.bytes(16)).toString('base64url');
    expect(checkJwt(`${Buffer.from('{"typ":"JWT"}').toString('base64url')}.${claims}.${sig}`)).toMatchObject({ alg: 'unspecified' });
    expect(checkJwt(`${Buffer.from('{"kid":"k1"}').toString('base64url')}.${claims}.${sig}`)).toBeNull();
    expect(checkJwt(`${Buffer.from('not json').toString('base64url')}.${claims}.${sig}`)).toBeNull();
    expect(checkJwt(`${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${claims}.`)).toBeNull();
    expect(checkJwt(`${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${claims}.${sig}.${sig}`)).toBeNull();
  });
  it('accepts header.claims without a signature only when both decode to JSON objects', () => {
    const header = Buffer.from('{"typ":"JWT",\r\n"alg":"HS256"}').toString('base64url');
    expect(checkJwt(`${header}.${Buffer.from('{"name":"Ann",\n"role":"desk"}').toString('base64url')}`)).toMatchObject({ alg: 'HS256', kind: 'unsigned' });
    expect(checkJwt(`${header}.${Buffer.from('plain text').toString('base64url')}`)).toBeNull();
    expect(checkJwt(`${Buffer.from('{"kid":"k1"}').toString('base64url')}.${Buffer.from('{"a":1}').toString('base64url')}`)).toBeNull();
  });
});

describe('entropy floor', () => {
  it('re-measures: at most ~0.5% of fresh random tokens fall under the floor', () => {
    const t = new TokenFactory(15);
    for (const [alphabet, n] of [[ALNUM, 20], [ALNUM, 40], [HEX, 32], [HEX, 64], ['ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16]] as const) {
      let under = 0;
      for (let i = 0; i < 2000; i++) {
        const s = t.str(alphabet, n);
        if (shannonEntropy(s) < entropyFloor(s)) under++;
      }
      expect(under, `${alphabet.length}-symbol alphabet, length ${n}`).toBeLessThanOrEqual(10);
    }
  });
  it('puts typed placeholders below it, and catches repeated units that entropy alone misses', () => {
    for (const s of ['aaaaaaaabbbbbbbb11111111', 'aaaaaaaaaaaa1111bbbb2222', '1111111111111111aaaa']) {
      expect(shannonEntropy(s) < entropyFloor(s), s).toBe(true);
    }
    expect(shannonEntropy('abcd1234abcd1234abcd1234') < entropyFloor('abcd1234abcd1234abcd1234')).toBe(false);
    expect(isPeriodic('abcd1234abcd1234abcd1234')).toBe(true);
    expect(isPeriodic(new TokenFactory(3).str(ALNUM, 40))).toBe(false);
    expect(alphabetClass('deadbeef')).toBe(16);
    expect(alphabetClass('ABCZ234')).toBe(32);
    expect(randomEntropyQuantile(1000, 64)).toBeCloseTo(5.18);
  });
});
