/**
 * Published token shapes and near-miss principles added in the coverage/precision pass of 2026-11-22
 * (issue 6). Every value is generated here from a seeded PRNG (team-made, never real).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine.ts';
import { detectLeaks } from '../../src/leak/index.ts';
import { engineMisses } from './fixtures/engine-parity.ts';
import { ALNUM, B64URL, HEX, TokenFactory } from './fixtures/tokens.ts';

const t = new TokenFactory(2611);
/** Hex with each letter's case flipped at random: hex is case-insensitive. */
const mixedHex = (n: number): string => [...t.str(HEX, n)].map((c) => (t.int(2) === 0 ? c.toUpperCase() : c)).join('');
const rules = (text: string): string[] => detectLeaks(text).filter((f) => f.family === 'secret').map((f) => f.rule ?? '');

const kFormatCases: Array<[string, string]> = [
    [`SRC_ACCESS_TOKEN=sgp_${mixedHex(16)}_${mixedHex(40)}`, 'sourcegraph-token'],
    [`token: sgp_local_${mixedHex(40)}`, 'sourcegraph-token'],
    [`sourcegraph: ${t.str(HEX, 40)}`, 'code-platform-token'],
    [`snyk: ${t.uuid()}`, 'vendor-api-key'],
    [`facebook app token ${t.digits(15)}|${t.mixed(B64URL, 27)}`, 'facebook-access-token'],
    [`{"facebook": {"app_access_token": "${t.digits(16)}|${t.str(HEX, 32)}"}}`, 'facebook-access-token'],
    [`HEROKU_API_KEY=HRKU-AA${t.mixed(B64URL, 24)}____${t.mixed(B64URL, 30)}`, 'heroku-api-key'],
    [`STRIPE_RESTRICTED=rk_prod_51${t.mixed(ALNUM, 96)}`, 'stripe-key'],
    [`trigger: glptt-${t.mixed(B64URL, 40)}`, 'gitlab-token'],
    [`maps_key = "AIzaSy${t.mixed(B64URL, 33)}"`, 'gcp-api-key'],
    [`{"proxy_auth": "${Buffer.from(`desk-${t.digits(4)}:${t.mixed(ALNUM, 24)}`).toString('base64')}"}`, 'generic-secret'],
    // a vendor whose name holds a word that marks identifiers elsewhere (trace, page, hash)
    [`DYNATRACE_TOKEN=${t.mixed(ALNUM, 24)}`, 'generic-secret'],
    [`HASHICORP_CLOUD_TOKEN = "${t.mixed(ALNUM, 20)}"`, 'generic-secret'],
    // base64url split by _ and - is not a snake/kebab identifier
    [`gitter_token: ${t.mixed(ALNUM, 6)}_${t.mixed(ALNUM, 20)}-${t.mixed(ALNUM, 12)}`, 'generic-secret'],
    // a numeric token
    ['ASANA_TOKEN="4829175036182947"', 'generic-secret'],
    [`ADOBE_CLIENT_SECRET=p8e-${t.mixed(B64URL, 32)}`, 'adobe-client-secret'],
    [`ldClient.init('sdk-${t.uuid()}')`, 'launchdarkly-key'],
    [`Cookie: _gitlab_session=${t.str(HEX, 32)}; path=/`, 'gitlab-session-cookie'],
];

describe('vendor formats', () => {
  for (const [text, rule] of kFormatCases) {
    it(`finds ${rule} in ${text.slice(0, 40)}`, () => {
      expect(rules(text), text).toContain(rule);
    });
  }

  it('reads a Basic credential whose password holds a non-ASCII byte', () => {
    const raw = Buffer.concat([Buffer.from(`svc-${t.mixed(ALNUM, 8)}:${t.mixed(ALNUM, 10)}`), Buffer.from([0xe9]), Buffer.from(t.mixed(ALNUM, 8))]);
    const text = `curl -H "Authorization: Basic ${raw.toString('base64')}" https://api.exchange.test/v1/orders`;
    expect(rules(text), text).toContain('basic-auth');
  });
});

describe('near misses', () => {
  const cases: string[] = [
    // the vendor's name inside another word is no vendor context
    `rookTable = 00${t.mixed(ALNUM, 40)}`,
    `sumOfExposures = ${t.mixed(ALNUM, 64)};`,
    // AIza without the fixed `Sy` that follows it in every Google API key
    `const label = "AIzaQ${t.mixed(B64URL, 34)}"`,
    // app id | secret without any Facebook context
    `order ${t.digits(15)}|${t.mixed(B64URL, 27)} filled`,
    // .npmrc auth keys must be scoped to a registry (`//host/:_authToken`)
    `_authToken=${t.uuid()}`,
    `//registry.npmjs.org:_authToken=${t.uuid()}`,
    `///:_authToken=${t.uuid()}`,
    // values that say what they are not: fake, punctuation only, an identifier naming a credential, a kebab-case name
    'db_password = "not-a-real-fake-value"',
    'password = "#!?-*.,;"',
    'password: "admin_password"',
    'password: staging-db-secret',
    // identifiers under token names, and digits typed in order or a clock
    `nextPageToken = "${t.mixed(ALNUM, 24)}"`,
    `csrftoken=${t.mixed(ALNUM, 32)}`,
    `cachekey = "${t.str(HEX, 32)}"`,
    `{"nexttoken": "${t.mixed(ALNUM, 40)}"}`,
    'order_token: order_book_snapshot_v2_eu',
    'session_token: Risk-Limits-EU-Desk3',
    'order_token = "1234567890123456"',
    'batch_token = "1700000000000000"',
    // a name ending in auth holding a word, not a credential
    '{"auth": "oauth2", "default_auth": "session_cookie"}',
  ];
  for (const text of cases) {
    it(`keeps ${text.slice(0, 50)} clean`, () => {
      expect(rules(text), text).toEqual([]);
    });
  }

  it('still reports a registry-scoped .npmrc token', () => {
    const text = `//npm.pkg.example.io/team/:_authToken=${t.uuid()}`;
    expect(rules(text), text).toContain('npm-token');
  });
});

describe('structural seed phrases holding one common word', () => {
  // Team-made pseudo-words (random syllables); the wordlists we do not ship include a few common words.
  const syllables = (n: number): string => Array.from({ length: n }, () => 'бвгджзклмнпрстфх'[t.int(16)]! + 'аеиоуя'[t.int(6)]!).join('');
  const words = (n: number): string[] => Array.from({ length: n }, () => syllables(2 + t.int(2)));

  it('finds a 12-word phrase with one common word among them', () => {
    const w = words(12);
    w[7] = 'после';
    const text = `seed: ${w.join(' ')}`;
    expect(rules(text), text).toContain('seed-phrase');
  });
  it('ignores 12 words of prose with two common words and no short word', () => {
    const text = 'трейдер сказал что бот продал весь объём после резкого падения цены утром';
    expect(rules(text), text).toEqual([]);
  });
});

describe('the same cases through the engine (WASM DFA anchors on normalized text)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine({ inline: true });
  });
  afterAll(async () => {
    await engine.close();
  });
  it('reports every standalone secret finding at the same span with the same rule', async () => {
    const missed = await engineMisses(engine, kFormatCases.map(([text]) => text), (f) => f.family === 'secret');
    expect(missed).toEqual([]);
  });
});

describe('registry configs in Kubernetes Secrets', () => {
  const manifest = (config: object): string =>
    `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\nmetadata:\n  name: registry-pull\ndata:\n  .dockerconfigjson: |\n    ${Buffer.from(JSON.stringify(config)).toString('base64')}\n`;
  it('judges the credential fields, not the registry host', () => {
    const text = manifest({ auths: { 'https://registry.example.com/v1/': { auth: Buffer.from(`bot:${t.mixed(ALNUM, 20)}`).toString('base64') } } });
    expect(rules(text), text).toContain('kubernetes-secret');
  });
  it('ignores a config whose credentials are stand-ins', () => {
    const text = manifest({ auths: { 'https://ghcr.io': { username: 'bot', password: 'changeme' } } });
    expect(rules(text), text).toEqual([]);
  });
});
