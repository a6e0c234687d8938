/**
 * Coverage of vendor token formats, context-gated assignments in many languages' syntax, public IP addresses
 * and structural seed phrases, with near misses for each. Every value is generated here from a seeded PRNG
 * in the vendor's published shape (team-made, never real); templates: {A36} mixed alphanumeric, {H40} hex,
 * {W43} base64url, {B40} base64, {L34} letters, {U27} upper+digits, {D12} digits, {l40} lower+digits,
 * {Z16} AWS base32, {E58} bech32, {UUID}.
 */
import { describe, expect, it } from 'vitest';
import { detectLeaks } from '../../src/leak/index.ts';
import { isFunctionWord, isPublicIpv4, isPublicIpv6, parseIpv6 } from '../../src/leak/unanchored-extra.ts';
import { ALNUM, B64, B64URL, HEX, LETTERS, TokenFactory, UPPER_DIGITS, prng } from './fixtures/tokens.ts';

const t = new TokenFactory(606);
const kAlphabets: Record<string, string> = {
  H: HEX,
  B: B64,
  W: B64URL,
  L: LETTERS,
  U: UPPER_DIGITS,
  D: '0123456789',
  l: 'abcdefghijklmnopqrstuvwxyz0123456789',
  Z: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  E: 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'.toUpperCase(),
};

function expand(template: string): string {
  return template
    .replace(/\{UUID\}/g, () => t.uuid())
    .replace(/\{([A-Za-z])(\d+)\}/g, (_, a: string, n: string) => (a === 'A' ? t.mixed(ALNUM, Number(n)) : t.str(kAlphabets[a]!, Number(n))));
}

/** [template, rule expected among the findings] */
const kTokens: Array<[string, string]> = [
  ['ANTHROPIC_API_KEY=sk-ant-api03-{W93}AA', 'anthropic-api-key'],
  ['export ARTIFACTORY_API_KEY=AKCp8{A68}', 'artifactory-token'],
  ['jfrog: AKC{A24}', 'artifactory-key'],
  ['SONAR_TOKEN=squ_{H40}', 'sonar-token'],
  ['SRC_ACCESS_TOKEN=sgp_{H16}_{H40}', 'sourcegraph-token'],
  ['AGE-SECRET-KEY-1{E58}', 'age-secret-key'],
  ['heroku: HRKU-AA{W58}', 'heroku-api-key'],
  ['GITLAB_TOKEN=glpat-{W20}', 'gitlab-token'],
  ['runner: GR1348941{W20}', 'gitlab-token'],
  ['glcbt-{H2}_{W20}', 'gitlab-token'],
  ['trigger glptt-{H40}', 'gitlab-token'],
  ['agent glagent-{W50}', 'gitlab-token'],
  ['oauth gloas-{W64}', 'gitlab-token'],
  ['mail glimt-{W25}', 'gitlab-token'],
  ['GITLAB_TOKEN=glpat-{W27}.01.{l9}', 'gitlab-token'],
  ['slack_token = "xoxb-{D11}-{D12}-{A24}"', 'slack-token'],
  ['xoxp-{D11}-{D11}-{D12}-{H32}', 'slack-token'],
  ['xoxa-2-{A40}', 'slack-token'],
  ['xoxs-{D10}-{D10}-{D10}-{H10}', 'slack-token'],
  ['xoxe.xoxp-1-{A163}', 'slack-token'],
  ['xapp-1-A{U10}-{D13}-{H64}', 'slack-token'],
  ['AKIA{Z16}', 'aws-access-key'],
  ['A3T{U17}', 'aws-access-key'],
  ['CFPAT-{W43}', 'contentful-token'],
  ['harness: pat.{W22}.{W24}.{W20}', 'harness-token'],
  ['dnkey-{U26}-{U52}', 'defined-networking-key'],
  ['DROPBOX=sl.{W135}', 'dropbox-token'],
  ['GOCARDLESS=live_{A40}', 'gocardless-token'],
  ['sm_pat_{A16}', 'settlemint-token'],
  ['yc: AQVN{W35}', 'yandex-api-key'],
  ['t1.{W10}.{W86}', 'yandex-iam-token'],
  ['https://acme.webhook.office.com/webhookb2/{UUID}@{UUID}/IncomingWebhook/{H32}/{UUID}', 'teams-webhook'],
  ['CLICKHOUSE_SECRET=4b1d{A38}', 'clickhouse-cloud-key'],
  ['tskey-api-{A12}-{A32}', 'tailscale-key'],
  ['sk-or-v1-{H64}', 'openrouter-key'],
  ['rzp_live_{A14}', 'razorpay-key'],
  ['access_token$production${l16}${H32}', 'braintree-token'],
  ['ATBB{A32}', 'bitbucket-app-password'],
  ['figd_{W40}', 'figma-token'],
  ['oy2{l43}', 'nuget-api-key'],
  ['ddp_{A36}', 'deno-token'],
  ['napi_{l64}', 'neon-api-key'],
  ['NOTION=secret_{A43}', 'notion-legacy-token'],
  ['grafana: eyJrIjoi{A70}', 'grafana-api-key'],
  ['Bearer AAAAAAAAAAAAAAAAAAAAA{A90}', 'twitter-bearer-token'],
  ['name="sonar.login" value="{A40}"', 'code-platform-token'],
  ['CASTAI_API_TOKEN="castai_v1_{A64}_{A8}"', 'castai-api-key'],
  ['chargebeeToken := "test_{A32}"', 'live-test-api-key'],
  ['adyen_key = "AQEyhmfx.{W60}"', 'adyen-api-key'],
  ['chieftools_api_token = "ctp_{A36}"', 'chieftools-token'],
  ['SECRET_KEY = "django-insecure-{l30}!@#$%^&*(-_=+){l12}"', 'django-secret-key'],
  ['VAULT_TOKEN=s.{A24}', 'hashicorp-token'],
  ['square_token = "sq0atp-{W30}"', 'square-token'],
  ['ARG token=EAAA{W40}', 'facebook-access-token'],
  ['http://api.softlayer.com/soap/v3.1/{H64}', 'softlayer-api-key'],
];

/** Assignments the way different languages and config formats write them. */
const kAssignments: string[] = [
  'if (password == "Tr0ub4dor&3x") {',
  "if password === 'Kq7#mW2pLz' then",
  '"Kq7#mW2pLz" == password',
  'char db_key[] = "Kq7#mW2pLz";',
  'private_key "Kq7mW2pLz9RtXv";',
  'contraseña = "Kq7#mW2pLz"',
  "client_key = 'Kq7mW2pLz9RtXvB'",
  'service_key: "Kq7mW2pLz9RtXvB"',
  'administrator_login_password = "Kq7#mW2pLz"',
  'SONAR.LOGIN ::= "{A40}"',
  'SONAR.LOGIN ?= "{A40}"',
  'API-TOKEN PIC X(40) VALUE "{A40}".',
  'let sonarToken: &str = "{A40}";',
  'String snykToken = "{UUID}";',
  'apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockercfg\ndata:\n  .dockercfg: |\n    {B60}=\n',
  'apiVersion: v1\ndata:\n  .dockercfg: >\n    {B60}=\nmetadata:\n  name: reg\nkind: Secret\n',
  // the syntaxes config files and languages write a token name and value in
  'acmeToken="{A32}"',
  'acmeToken = {A32}',
  '{\n    "acme_token": "{A32}"\n}',
  '\\{\n    \\"acme_token\\": \\"{A32}\\"\n\\}',
  '<acmeToken>{A32}</acmeToken>',
  '<acmeToken>\n    {A32}\n</acmeToken>',
  "acme_token: '{A32}'",
  'acme_token: |\n  {A32}',
  'acme_token: >-\n  {l40}',
  'var acmeToken string = "{A32}"',
  'acmeToken := `{A32}`',
  '$acmeToken .= "{A32}"',
  '$acmeToken ??= "{A32}"',
  'acmeToken,{A32},',
  '  "acmeToken" => "{A32}"',
  'ACME_TOKEN += "{A32}"',
  'DB_PASSWORD={A6}',
  'DB_PASSWORD=Ab3;x{A8}',
];

const kNearMisses: string[] = [
  'if password == "":',
  'password = user_input_buffer;',
  'char *password = get_pass();',
  'db_pass = cfg->password;',
  'password = "${DB_PASSWORD}"',
  'password: <your-password>',
  'api_key = "xxxxxxxxxxxxxxxxxxxx"',
  'curl -H "Authorization: Bearer ${API_TOKEN}" https://x.io',
  'std::string::npos',
  'name="password" value=""',
  'password_policy = "Min8Chars!"',
  '"xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere"',
  'xoxb-12345-abcd234',
  'xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d',
  'glpat-{W19}',
  'glptt-{H39}',
  'AKIA{Z15}',
  'SONAR_TOKEN=12345678ABCDEFGH1234567890ABCDEFGH123456',
  'apiVersion: v1\nkind: Secret\ndata:\n\textra: YmFyCg==\n',
  'stringData:\n    db-password: ENC[AES256_GCM,data:{B8},iv:{B43}=,tag:{B22}==,type:str]',
  'db_password: !vault |',
  'SUMO_ACCESS_KEY={SumoAccessKey}',
  'SUMO_ACCESS_KEY=${SUMO_ACCESS_KEY:=$2}',
  '<input type="hidden" name="authenticity_token" value="{W86}" autocomplete="off" />',
  'In short, token,expiry and scope are fields.',
  'def test_login_with_valid_credentials_and_redirect():',
  'test_{L35}',
  'vault: s.hello',
  'aws-cli@sha256:eaaa7b11{H56}',
  '<token>\n</token>',
  'token: |\n  multi word description of the field',
];

/** curl commands as agents write them in tool calls: credentials in -u/--user and in headers. */
const kCurl: string[] = [
  // (and credentials in connection strings, bot tokens, webhooks the same tool calls carry)
  "bot = telebot.TeleBot(\"{D10}:AA{W33}\")",
  "TELEGRAM_BOT_TOKEN={D9}:AA{W33}",
  "{D10}:AA{W33}",
  "DefaultEndpointsProtocol=https;AccountName=acmestore;AccountKey={B86}==;EndpointSuffix=core.windows.net",
  "OPENAI_API_KEY=sk-{A20}T3BlbkFJ{A20}",
  "sk-proj-{W74}T3BlbkFJ{W74}",
  "password = pypi-AgEIcHlwaS5vcmc{W100}",
  "SENDGRID_API_KEY=SG.{W22}.{W43}",
  "stripe.api_key = \"sk_live_{A99}\"",
  "mailchimp: {H32}-us21",
  "https://discord.com/api/webhooks/{D18}/{W68}",
  "Authorization: Basic ZGVwbG95OktxN21XMnBMejk=",
  "https://ops:Kq7mW2pLz9@db.acme.io:5432/prod",
  "postgres://app_user:Kq7mW2pLz9xY@10.1.2.3:5432/orders",
  "mongodb+srv://svc:{A16}@cluster0.ab1cd.mongodb.net/test",
  "redis://:{A20}@cache.acme.io:6379/0",
  "jdbc:mysql://db.acme.io:3306/app?user=app&password={A12}",
  "Server=tcp:acme.database.windows.net,1433;Database=app;User ID=app;Password={A14};Encrypt=true",
  "amqp://guest2:{A14}@mq.acme.io:5672/",
  "curl --cacert ca.pem -u admin:Wq8$vT2r https://10.0.0.5:9200",
  "curl -k -X POST https://svc:8443/api \\\\\n  -H 'Content-type: text/plain' \\\\\n  -u deployer:{A16}",
  "curl -u \":{A12}\" https://localhost:9200",
  "curl -u \"{A24}:\" https://api.acme.io/v1/charges",
  "curl -s -X POST --user  'mlee:t7Gh#2kLp~9' $API_URL/commits --data @body.json",
  "curl --user ops@acme.io:{A10} https://files.acme.io/link -v",
  "curl -X POST --user \"{UUID}\":\"{A14}\" --header \"Accept: application/json\" https://gw.acme.io/translate",
  "curl --user kdoe:'{A16}' -iX PATCH -H \"Content-Type: application/json\"",
  "curl --header  'Authorization:  {UUID}'",
  "curl -H \"Authorization: Api-Token {H40}\" --request PUT https://acme.io/api/use/1",
  "curl -H \"Authorization: Token {H40}\" https://acme.io",
  "curl -X POST --header \"Api-Token: {A11}\"",
  "curl -XPOST http://localhost:8080/api/tasks -H \"Token: {H16}\" -d \"content=x\"",
  "curl -X GET https://deploy.acme.net/ -H \"X-Octopus-ApiKey: {UUID}\"",
  "curl -X GET -H \"apikey: {UUID}\" -H \"Accept: application/json\"",
  "curl -H \"Authorization: Bearer {H32}\" https://acme.io",
  "curl -L -H \"Authorization: sha256~{W20}@=-.a+/{W6}\"",
];

const kCurlNearMisses: string[] = [
  "postgres://user:password@localhost:5432/db",
  "redis://localhost:6379/0",
  "mongodb://${MONGO_USER}:${MONGO_PASS}@mongo:27017",
  "curl -i -u 'test:test'",
  "curl -sL --user \"$1:$2\" \"$3\"",
  "curl -u <user:password> https://test.com/endpoint",
  "curl --user neo4j:[PASSWORD] http://[IP]:7474/db/data/",
  "curl -u \"myusername\" http://localhost:15130/api/check_user/",
  "curl -u username:token",
  "curl -u \"${_username}:${_password}\"",
  "curl -u \"${username}\":\"${password}\"",
  "curl -k -X POST -I -u \"SRVC_JENKINS:${APPID}\"",
  "curl -u \":\" https://localhost:9200",
  "curl --user \"xxx:yyy\"",
  "curl -XGET -i -u \"${{ env.ELK_ID }}:${{ build.env.ELK_PASS }}\"",
  "curl -X POST --user \"$(cat ./login.txt):$(cat ./password.txt)\"",
  "curl http://127.0.0.1:5000/file --user user:pass --digest",
  "curl -X GET --insecure --user \"username:password\" \\\\",
  "curl --silent --insecure --user ${f5user}:${f5pass} \\\\",
  "curl --user \"src@acme.io\" --upload-file out.txt",
  "curl -H \"Authorization: Bearer XXXXXXXXXXXX\" https://x.io",
  "curl --header \"Authorization: Basic ...\"",
  "curl -H \"Authorization: Bearer <Openverse API token>\" https://x.io",
  "curl -H \"Authorization: Token **********\" https://x.io",
  "curl -H \"Authorization: basic {base64(email:password[\\\n])}\"",
  "curl -H \"apikey: $API_KEY\" -H \"Accept: $FORMAT\"",
  "curl -H \"Authorization: Bearer $(gcloud auth print-access-token)\" https://x.io",
  "curl -H 'Authorization: Basic YnJvd3Nlcjo=' https://x.io",
];

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
