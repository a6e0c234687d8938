/**
 * Coverage of vendor token formats, context-gated assignments in many languages' syntax, public IP addresses
 * and structural seed phrases, with near misses for each. Every value is generated here from a seeded PRNG
 * in the vendor's published shape (team-made, never real); templates: {A36} mixed alphanumeric, {H40} hex,
 * {W43} base64url, {B40} base64, {L34} letters, {U27} upper+digits, {D12} digits, {l40} lower+digits,
 * {Z16} AWS base32, {E58} bech32, {UUID}.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine.ts';
import { detectLeaks } from '../../src/leak/index.ts';
import { isFunctionWord, isPublicIpv4, isPublicIpv6, parseIpv6 } from '../../src/leak/unanchored-extra.ts';
import { expand, kAssignments, kCurl, kCurlNearMisses, kNearMisses, kTokens } from './fixtures/coverage-cases.ts';
import { engineMisses } from './fixtures/engine-parity.ts';
import { prng } from './fixtures/tokens.ts';

describe('vendor token formats (generated values in published shapes)', () => {
  for (const [template, rule] of kTokens) {
    it(`finds ${rule} in ${template.slice(0, 40)}`, () => {
      const text = expand(template);
      const rules = detectLeaks(text).map((f) => f.rule);
      expect(rules, text).toContain(rule);
    });
  }
});

describe('context-gated assignments across languages', () => {
  for (const template of kAssignments) {
    it(`flags ${template.slice(0, 50)}`, () => {
      const text = expand(template);
      expect(detectLeaks(text).filter((f) => f.family === 'secret').length, text).toBeGreaterThan(0);
    });
  }
  for (const template of kNearMisses) {
    it(`keeps ${template.slice(0, 50)} clean`, () => {
      const text = expand(template);
      expect(detectLeaks(text).filter((f) => f.family === 'secret').map((f) => f.rule), text).toEqual([]);
    });
  }
});

describe('curl credentials', () => {
  for (const template of kCurl) {
    it(`flags ${template.slice(0, 60)}`, () => {
      const text = expand(template);
      expect(detectLeaks(text).filter((f) => f.family === 'secret').length, text).toBeGreaterThan(0);
    });
  }
  for (const template of kCurlNearMisses) {
    it(`keeps ${template.slice(0, 60)} clean`, () => {
      const text = expand(template);
      expect(detectLeaks(text).filter((f) => f.family === 'secret').map((f) => f.rule), text).toEqual([]);
    });
  }
  it('reports the password (or a key passed as the user name), not the user', () => {
    const text = 'curl -u "ops:Tq8#wL2vRz" https://x.io && curl -u sk_test_4eC39HqLyjWDarjtT1zdp7dc: https://y.io';
    expect(detectLeaks(text).filter((f) => f.rule === 'curl-auth-user').map((f) => text.slice(f.start, f.end))).toEqual(['Tq8#wL2vRz', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc']);
  });
});

describe('public IP addresses (low-severity personal data)', () => {
  it('reports public IPv4 and global IPv6 addresses only', () => {
    const text = 'login from 81.2.69.142 and 2a03:2880:f10c:83:face:b00c:0:25de; proxy 45.33.32.156.';
    const f = detectLeaks(text);
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(['81.2.69.142', '2a03:2880:f10c:83:face:b00c:0:25de', '45.33.32.156']);
    expect(f.every((x) => x.rule === 'ip-address' && x.family === 'pii' && x.severity === 'low')).toBe(true);
  });
  it('leaves private, reserved, documentation, resolver, CIDR, version and OID numbers alone', () => {
    const text = [
      '10.0.0.1 172.16.5.4 192.168.1.1 127.0.0.1 169.254.1.1 100.64.0.1 0.0.0.0 255.255.255.0 224.0.0.1',
      '192.0.2.10 198.51.100.7 203.0.113.10 198.18.0.1 8.8.8.8 1.1.1.1 81.2.69.0/24 version 2.10.4.1',
      '1.3.6.1.4.1.311 1.2.3.4.5 2001:db8::1 fe80::1 fd00::1 ::1 12:30:45 2024:11:22 ff02::1',
    ].join('\n');
    expect(detectLeaks(text).map((f) => text.slice(f.start, f.end))).toEqual([]);
  });
  it('classifies address ranges', () => {
    expect(isPublicIpv4(81, 2, 69, 142)).toBe(true);
    expect(isPublicIpv4(172, 32, 0, 1)).toBe(true);
    expect(isPublicIpv4(172, 31, 0, 1)).toBe(false);
    expect(isPublicIpv6(parseIpv6('2606:4700::6810:85e5')!)).toBe(true);
    expect(isPublicIpv6(parseIpv6('2001:db8:1::5')!)).toBe(false);
    expect(parseIpv6('1::2::3')).toBeNull();
    expect(parseIpv6('1:2:3:4:5:6:7')).toBeNull();
  });
});

describe('structural seed phrases in wordlists we do not ship', () => {
  // Team-made pseudo-words (random syllables), so no real wordlist is needed to exercise the shape checks.
  const rand = prng(77);
  const pick = (s: string): string => s[Math.floor(rand() * s.length)]!;
  const word = (c: string, v: string): string => {
    let w = '';
    const n = 2 + Math.floor(rand() * 2);
    for (let i = 0; i < n; i++) w += pick(c) + pick(v);
    if (rand() < 0.5) w += pick(c);
    return isFunctionWord(w) ? word(c, v) : w;
  };
  const phrase = (c: string, v: string, n: number): string => Array.from({ length: n }, () => word(c, v)).join(' ');
  const cyr: [string, string] = ['бвгджзклмнпрстфхцчшщ', 'аеиоуыэюяё'];
  const tr: [string, string] = ['bcçdfgğhjklmnprsştvyz', 'aeıioöuü'];

  it('finds 12-24 word phrases on their own line, after a label, in quotes and in NFKD', () => {
    for (const n of [12, 15, 18, 21, 24]) {
      for (const text of [phrase(...cyr, n), `seed: ${phrase(...tr, n)}`, `mnemonic = "${phrase(...cyr, n)}"`, phrase(...tr, n).normalize('NFKD')]) {
        const f = detectLeaks(text);
        expect(f.map((x) => x.rule), text).toContain('seed-phrase');
        expect(f.find((x) => x.rule === 'seed-phrase')!.details).toMatchObject({ words: n, validated: false });
      }
    }
  });
  it('finds phrases written one word per line, numbered, in a grid or as a JSON array', () => {
    const words = phrase(...cyr, 12).split(' ');
    const texts = [
      words.map((w, i) => `${i + 1}. ${w}`).join('\n'),
      'Backup:\n' + words.map((w, i) => `${i + 1}) ${w}`).join('\n') + '\nDone.',
      words.join('\n'),
      [0, 3, 6, 9].map((k) => words.slice(k, k + 3).map((w, i) => `${k + i + 1}. ${w}`).join('  ')).join('\n'),
      `["${words.join('", "')}"]`,
    ];
    for (const text of texts) expect(detectLeaks(text).map((f) => f.rule), text).toContain('seed-phrase');
  });
  it('ignores a bulleted note list and 11 numbered words', () => {
    const words = phrase(...cyr, 11).split(' ');
    const texts = [
      'Список дел:\n- купить хлеб\n- позвонить маме\n- оплатить счёт\n- забрать посылку\n- помыть машину\n- записаться врачу',
      words.map((w, i) => `${i + 1}. ${w}`).join('\n'),
    ];
    for (const text of texts) expect(detectLeaks(text).filter((f) => f.rule === 'seed-phrase'), text).toEqual([]);
  });
  it('ignores wrong word counts, prose with function words or capitals, and one word repeated', () => {
    const texts = [
      phrase(...cyr, 11),
      phrase(...tr, 13),
      'Сегодня рынок показал сильный рост после публикации данных по инфляции в США, инвесторы ждут решения ФРС.',
      'клиент сообщил что пароль был изменён после входа нового устройства попросил проверить журнал',
      'bugün piyasa güçlü yükseldi enflasyon verileri beklenenden düşük geldi yatırımcılar faiz kararını bekliyor',
      Array.from({ length: 12 }, () => 'тест').join(' '),
      'zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo',
    ];
    for (const text of texts) expect(detectLeaks(text).filter((f) => f.rule === 'seed-phrase'), text).toEqual([]);
  });
});

describe('coverage cases through the engine (WASM DFA anchors on normalized text)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine({ inline: true });
  });
  afterAll(async () => {
    await engine.close();
  });
  it('reports every standalone secret (and IP address) finding at the same span with the same rule', async () => {
    const texts = [...kTokens.map(([template]) => template), ...kAssignments, ...kCurl].map(expand);
    // the unanchored extras: public IPs and a structural seed phrase (Cyrillic, and NFKD Latin with diacritics)
    texts.push('login from 81.2.69.142 and 2a03:2880:f10c:83:face:b00c:0:25de; proxy 45.33.32.156.');
    texts.push('seed: жабото мирукас телопи вамуро кисоле дупаки ромесу ханопи бежури лотака сумеро вакипу');
    texts.push('yedek: çalışkan gömlek şırınga böcek üzgün kırmızı dağlık ılgaz öğle sürgün çiçek gümüş'.normalize('NFKD'));
    const missed = await engineMisses(engine, texts, (f) => f.family === 'secret' || f.rule === 'ip-address');
    expect(missed).toEqual([]);
  });
});
