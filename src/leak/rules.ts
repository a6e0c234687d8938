/**
 * Anchored leak rules: each has literal anchors (lowercase, matched by the engine's DFA on normalized
 * text or by the standalone prefilter) and a confirmer that runs a precise check on the RAW text in a
 * bounded window around the anchor hit. Formats are the vendors' published token formats.
 */
import type { Severity } from '../types.ts';
import { parseAssignment, type Assignment } from './assignment.ts';
import { PRIORITY, type LeakFamily, type LeakSpan } from './span.ts';
import { boundaryBefore, isIdentChar, isPlaceholder, looksLikePathOrUrl, looksRandom } from './text.ts';
import { base58Decode, classifyBase58Secret } from './validators/base58.ts';
import { entropyFloor, isPeriodic, longestRepeat, longestSequence, shannonEntropy } from './validators/entropy.ts';
import { checkJwt } from './validators/jwt.ts';
import { ssnValid } from './validators/ssn.ts';

export type Confirmer = (text: string, hitStart: number, hitEnd: number) => LeakSpan[];

export interface AnchoredRule {
  /** Signature id in the pack (`secret.github-token`). */
  id: string;
  family: LeakFamily;
  rule: string;
  severity: Severity;
  anchors: string[];
  description: string;
  confirm: Confirmer;
}

interface TokenSpec {
  rule: string;
  severity: Severity;
  family?: LeakFamily;
  /** Global regex with the `d` flag; named group `secret` is the reported span (default: whole match), `body` is checked for randomness. */
  re: RegExp;
  back?: number;
  fwd: number;
  reveal?: number;
  /** Require a non-alphanumeric char before the match (default true). */
  boundary?: boolean;
  /** Minimum body length for the randomness check; false disables it. */
  random?: number | false;
  check?: (m: RegExpExecArray, text: string, start: number) => boolean | Record<string, unknown>;
  priority?: number;
}

/** Fixed-format body check: not a placeholder, no long repeats, entropy near what random output of that length shows. */
export function formatBodyOk(body: string): boolean {
  if (isPlaceholder(body) || longestRepeat(body) >= 6 || longestSequence(body) >= 5 || isPeriodic(body)) return false;
  return shannonEntropy(body) >= entropyFloor(body);
}

/**
 * Body check for tokens that are base64url of binary data: as `formatBodyOk`, except that runs of `_`/`-`
 * (encoded 0xFF/0xFB bytes) are not read as a fill-in blank.
 */
export function encodedBodyOk(body: string): boolean {
  if (isPlaceholder(body.replace(/[_\-]{4,}/g, '')) || longestRepeat(body) >= 6 || longestSequence(body) >= 5 || isPeriodic(body)) return false;
  return shannonEntropy(body) >= entropyFloor(body);
}

/** A confirmer built from a format regex; `pattern` is kept for the V8 RegExp baseline in bench/leak.bench.ts. */
export type PatternConfirmer = Confirmer & { pattern?: RegExp };

function tokenRule(spec: TokenSpec): PatternConfirmer {
  const back = spec.back ?? 0;
  // When the anchor is the token's first characters, one sticky match at the hit replaces a window scan.
  const sticky = back === 0 ? new RegExp(spec.re.source, spec.re.flags.replace('g', '') + 'y') : null;
  const confirm: PatternConfirmer = (text, hitStart, hitEnd) => {
    const ws = Math.max(0, hitStart - back);
    const we = Math.min(text.length, hitEnd + spec.fwd);
    const win = text.slice(ws, we);
    const re = sticky ?? spec.re;
    re.lastIndex = sticky ? hitStart - ws : 0;
    const out: LeakSpan[] = [];
    let m: RegExpExecArray | null;
    let once = false;
    while (!once && (m = re.exec(win)) !== null) {
      once = sticky !== null;
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const s = ws + m.index;
      const e = s + m[0].length;
      if (s > hitStart || e < hitEnd) continue; // the match must contain the anchor hit
      // A prefix right after a letter/digit, or after a `.` (`video_box.ico-7a38….png`, a file name), starts no token.
      if (spec.boundary !== false && (!boundaryBefore(text, s) || text.charCodeAt(s - 1) === 46)) continue;
      const body = m.groups?.body ?? m[0];
      if (spec.random !== false && !(spec.random === undefined ? formatBodyOk(body) : body.length >= spec.random && formatBodyOk(body))) continue;
      let details: Record<string, unknown> | undefined;
      if (spec.check !== undefined) {
        const r = spec.check(m, text, s);
        if (r === false) continue;
        if (typeof r === 'object') details = r;
      }
      const g = m.indices?.groups?.secret;
      out.push({
        start: g ? ws + g[0] : s,
        end: g ? ws + g[1] : e,
        family: spec.family ?? 'secret',
        rule: spec.rule,
        severity: spec.severity,
        reveal: spec.reveal ?? 0,
        priority: spec.priority ?? PRIORITY.format,
        details,
      });
    }
    return out;
  };
  confirm.pattern = spec.re;
  return confirm;
}

function rule(
  rule: string,
  anchors: string[],
  description: string,
  confirm: Confirmer,
  severity: Severity = 'high',
  family: LeakFamily = 'secret',
): AnchoredRule {
  return { id: `${family}.${rule}`, family, rule, severity, anchors, description, confirm };
}

// ---------------------------------------------------------------- context-gated values

/**
 * Key names that hold identifiers, not secrets, even though they contain `key`/`token`/`secret`:
 * public keys, map/sort/cache keys, pagination tokens, names/ids/paths of secrets, lengths and types.
 * The words are matched as words of the key (`page_token`, `nextPageToken`, `csrftoken`, `rowkey`), so a vendor whose
 * name contains one (`dynatrace_token`, `pagerduty_key`, `hashicorp_token`, `nextcloud_secret`) is not caught.
 */
const kNotSecretWord =
  /(?:^|_)(?:(?:sort|partition|cache|row|index|unique|next|page|continuation|cursor|sync|request|trace|correlation|primary|foreign|lookup|nonce|keyword|keyboard|hash(?:ed|value|code)?)(?:keys?|tokens?)?(?:_|$)|public|publishable|pubkey|pub_key|authenticity|csrf|xsrf|idempot|dedup|monkey|turkey|hockey|jockey|donkey|whiskey)/;
const kNotSecretKeyShape =
  /(?:keys?_?(?:id|name|type|size|length|len|format|alg|algorithm|path|file|url|uri|version|prefix|label|field|ref|arn|vault|store|ring|pair|spec|usage|count|hint|policy)|(?:id|name|type|size|length|url|uri|endpoint|path|file|arn|ref|version|prefix|label|header|field|policy|rotation|expir\w*|ttl|count|limit|format|provider|manager|store|storage|scope|kind|mode|class|hint|description|desc|template|env|var|variable|ident)$|^(?:id|ids)$|(?:^|[_\-.])sign(?:ature)?$)/i;

function isNotSecretKey(key: string): boolean {
  return kNotSecretWord.test(keyWords(key).join('_')) || kNotSecretKeyShape.test(key);
}

/** Key words whose assigned value is a password rather than a token (also in Spanish, German, French, Portuguese, …). */
const kPasswordKey = /pass(?:word|wd|phrase)?|pwd|pswd|contrase(?:ñ|n)a|passwort|kennwort|mot_?de_?passe|senha|parola|wachtwoord|salasana|[sş]ifre|пароль/i;
/** Key names that say outright the value is a secret: any non-trivial literal counts, random-looking or not. */
const kStrongKey = /secret|api[_-]?key|(?:private|priv|access|auth|service|account|client|db|database|app|master|signing|encryption|shared|consumer|license)[_-]?key|(?:auth|access|api|bearer|refresh|personal[_-]?access)[_-]?token|credential/i;
/** Key-name words that mean the value is something else about a password (a policy, a hash, a field name). */
const kPasswordMeta = new Set(['reset', 'forgot', 'policy', 'min', 'max', 'length', 'len', 'hint', 'field', 'label', 'prompt', 'url', 'path', 'file', 'hash', 'hashed', 'salt', 'encoder', 'manager', 'validator', 'expiry', 'expires', 'expiration', 'expire', 'rotation', 'change', 'strength', 'rule', 'rules', 'regex', 'pattern', 'input', 'placeholder', 'type', 'format', 'mask', 'enabled', 'required', 'age', 'history', 'complexity', 'digest']);

/** Splits a key into lowercase words: `adminLoginPassword` / `ADMIN_LOGIN-password` → admin, login, password. */
function keyWords(key: string): string[] {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9\u00c0-\u024f\u0400-\u04ff]+/).filter((w) => w !== '');
}

function isPasswordMeta(key: string): boolean {
  return keyWords(key).some((w) => kPasswordMeta.has(w));
}

/** `foo(`, `self.get(` — a call, not a literal. */
const kCall = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*\(/;
/** `some_var`, `settings.SECRET_KEY`, `cfg.api.key` — a variable reference. */
const kIdentifier = /^[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)*$/;

/**
 * The value assigned near a context word, when it looks like a real credential: for password keys any
 * non-placeholder literal of 5+ characters; for keys that name a secret outright, a literal of 8+ characters
 * that is not a word or identifier; for other key/token keys, a random-looking token.
 */
export function contextValue(
  text: string,
  hitStart: number,
  hitEnd: number,
  minTokenLength = 16,
  parsed: Assignment | null = parseAssignment(text, hitStart, hitEnd), // speed: a caller that parsed already passes it
): { span: [number, number]; value: string; password: boolean; key: string } | null {
  const a = parsed;
  if (a === null) return null;
  let { valueStart, value } = a;
  // `Bearer <token>` / `Basic <token>` / `Token <token>` as a value
  const scheme = /^(?:bearer|basic|token)\s+/i.exec(value);
  if (scheme !== null) {
    valueStart += scheme[0].length;
    value = value.slice(scheme[0].length);
  } else if (a.quote !== '' && /\s/.test(value) && !kPasswordKey.test(a.key)) {
    return null;
  }
  if (value.length === 0 || value.length > 512 || isPlaceholder(value) || isSealedOrTemplated(value)) return null;
  // Only punctuation and symbols (`,.:-@*?!`): a parser test fixture, not a password or a token.
  if (!/[\p{L}\p{N}]/u.test(value)) return null;
  // `real_key`, `db_password`: an identifier that names a credential is a reference to one, quoted or not.
  if (/^[A-Za-z]+(?:_[A-Za-z]+)+$/.test(value) && /(?:^|_)(?:key|token|secret|password|passwd|pass|pwd|credentials?|apikey)(?:_|$)/i.test(value)) return null;
  // .npmrc keys (`_authToken`, `_auth`, `_password`) are judged by the npmrc rule, which knows their scoping.
  if (/^_(?:auth|authtoken|password)$/i.test(a.key)) return null;
  // A value cut short in documentation (`ops_eyJzaWdu...`, `…[Redacted]`) is an excerpt, not the secret.
  if (/^(?:\.{2,}|…|\[redacted\])/i.test(text.slice(a.valueEnd, a.valueEnd + 10))) return null;
  if ((a.op === '==' || a.op === '===' || a.op === '!=' || a.op === '!==') && a.quote === '') return null;
  if (value.toLowerCase() === a.key.toLowerCase() || value.toLowerCase().replace(/[^a-z]/g, '') === a.key.toLowerCase().replace(/[^a-z]/g, '')) return null;
  if (a.quote === '') {
    if (kCall.test(value)) return null;
    // `password = something;` (spaced, code style) ends a statement in C-family code: an unquoted right-hand
    // side there is an expression (a variable, a macro, a call), not a literal. `KEY=a;b` in env files stays.
    if (text.charCodeAt(a.valueEnd) === 59 && a.spaced) return null;
    // A bare identifier after a spaced ` = ` is a variable in code; in `KEY=value` / `key: value` config it is the value.
    // (A random-looking bare token stays a value even after ` = `: INI files such as ~/.aws/credentials space it.)
    if (kIdentifier.test(value) && (a.spaced || value.includes('.') || a.op === ',' || a.op === 'is') && !looksRandom(value, 16)) return null;
    // Digit-free snake/camel-case words and ALL_CAPS names are variables or constants anywhere (`login(password=user_pw)`).
    if (/^[A-Za-z_$][A-Za-z_$]*$/.test(value) && (/[_$]/.test(value) || /^[A-Z_]+$/.test(value) || /[a-z][A-Z]/.test(value))) return null;
  }
  const password = kPasswordKey.test(a.key) && !isPasswordMeta(a.key);
  const span: [number, number] = [valueStart, valueStart + value.length];
  if (password) {
    if (value.length < (a.quote === '' ? 6 : 5)) return null;
    if (a.quote === '' && /^[a-z]+$/i.test(value) && value.length < 8) return null;
    // Unquoted lowercase words joined by hyphens (`shorter-version`, `prod-db-secret`) name something (a
    // secret's name, a profile) rather than being the password.
    if (a.quote === '' && /^[a-z]+(?:-[a-z]+)+$/.test(value)) return null;
    return { span, value, password: true, key: a.key };
  }
  if (isNotSecretKey(a.key)) return null;
  if (kStrongKey.test(a.key) && strongLiteral(value)) return { span, value, password: false, key: a.key };
  // Numeric tokens (16+ random digits) under a token/secret/key name: some vendors issue them. Digits typed in
  // order or repeated (`1234…`, `1700000000000000`, a millisecond clock) are not random.
  if (/^\d{16,64}$/.test(value) && /token|secret|key/i.test(a.key) && randomDigits(value)) return { span, value, password: false, key: a.key };
  // Hex groups joined by dashes (UUIDs, `32hex-8hex-8hex` signing keys) are judged as the hex they carry;
  // a quoted alphanumeric value under a token/secret name may be as short as 12 characters (client tokens
  // of 12-15; versions and dotted names keep the usual minimum).
  const compact = /^[0-9a-fA-F]+(?:-[0-9a-fA-F]+)+$/.test(value) ? value.replace(/-/g, '') : value;
  const shortOk = a.quote !== '' && /token|secret/i.test(a.key) && /^[A-Za-z0-9]+$/.test(compact);
  if (!looksRandom(compact, shortOk ? Math.min(12, minTokenLength) : minTokenLength)) return null;
  return { span, value, password: false, key: a.key };
}

/**
 * Values that stand for a secret without being one: SOPS / Ansible Vault ciphertext (`ENC[AES256_GCM,…]`,
 * `$ANSIBLE_VAULT;…`, `!vault |`), shell parameter expansions even when cut short (`${KEY:=$2}`), format
 * placeholders (`{SumoAccessKey}`, `%(key)s`, `#{key}`) and command substitutions.
 */
function isSealedOrTemplated(value: string): boolean {
  return /^(?:ENC\[[A-Z0-9_]+(?:,|$)|\$ANSIBLE_VAULT;|!vault\b|\$\{|\$\(|#\{|%\{|\{[A-Za-z_][\w.\-]*\}$|\{\{|`)/.test(value);
}

/** Digits as a generator draws them: six or more of the ten present, no run of 4, no ascending/descending run of 4, no period. */
function randomDigits(v: string): boolean {
  if (new Set(v).size < 6 || longestRepeat(v) >= 4 || longestSequence(v) >= 4 || isPeriodic(v)) return false;
  const rev = [...v].reverse().join('');
  return longestSequence(rev) < 4 && shannonEntropy(v) >= entropyFloor(v);
}

/** A literal that is not a word, an identifier, a path or a URL: 8+ chars, a digit or symbol among letters, some entropy. */
function strongLiteral(value: string): boolean {
  if (value.length < 8) return false;
  if (!/[A-Za-z]/.test(value) || !/[^A-Za-z]/.test(value)) return false;
  if (/^[a-z]+(?:[_\-.:/][a-z0-9]+)+\/?$/i.test(value) && !/\d/.test(value)) return false;
  if (looksLikePathOrUrl(value)) return false;
  if (/^\d+(?:\.\d+)*[a-z]{0,3}$/i.test(value)) return false; // versions and quantities (`1.2.3`, `250ms`)
  if (longestRepeat(value) >= 5 || longestSequence(value) >= 5 || isPeriodic(value)) return false;
  return shannonEntropy(value) >= 2.5;
}

function contextRule(ruleName: string, severity: Severity, accept?: (value: string, key: string) => boolean | Record<string, unknown>, minTokenLength = 16): Confirmer {
  return (text, hitStart, hitEnd) => {
    const v = contextValue(text, hitStart, hitEnd, minTokenLength);
    if (v === null) return [];
    let details: Record<string, unknown> | undefined;
    if (accept !== undefined) {
      const r = accept(v.value, v.key);
      if (r === false) return [];
      if (typeof r === 'object') details = r;
    }
    return [
      {
        start: v.span[0],
        end: v.span[1],
        family: 'secret',
        rule: v.password ? 'password' : ruleName,
        severity: v.password ? 'high' : severity,
        priority: PRIORITY.context,
        details: { key: v.key, ...details },
      },
    ];
  };
}

const generic = contextRule('generic-secret', 'high');

// ---------------------------------------------------------------- exchange API keys

/** Venue names and header names → venue. Key formats as the venues document them. */
const kVenues: Array<[string, string[]]> = [
  ['binance', ['binance', 'x-mbx-apikey']],
  ['coinbase', ['coinbase', 'cb-access-key', 'cb-access-sign', 'cdp_api_key']],
  ['kraken', ['kraken']],
  ['bybit', ['bybit', 'x-bapi-api-key']],
  ['okx', ['okx', 'ok-access-key', 'ok-access-passphrase']],
  ['kucoin', ['kucoin', 'kc-api-key', 'kc-api-passphrase']],
  ['bitfinex', ['bitfinex', 'bfx-apikey']],
  ['gemini', ['gemini', 'x-gemini-apikey']],
  ['bitstamp', ['bitstamp', 'x-auth-signature']],
  ['bitget', ['bitget', 'access-passphrase']],
  ['gate', ['gate.io', 'gateio']],
  ['huobi', ['huobi', 'htx']],
  ['deribit', ['deribit']],
  ['mexc', ['mexc']],
  ['alpaca', ['alpaca', 'apca-api-key-id', 'apca-api-secret-key']],
  ['oanda', ['oanda']],
  ['interactive-brokers', ['ibkr']],
  ['polygon', ['polygon.io', 'polygon_api_key']],
  ['tradier', ['tradier']],
  // more crypto venues (their names, and API-key headers where they document their own)
  ['bitmex', ['bitmex']],
  ['bittrex', ['bittrex']],
  ['poloniex', ['poloniex']],
  ['upbit', ['upbit']],
  ['bithumb', ['bithumb']],
  ['crypto-com', ['crypto.com', 'cryptocom', 'crypto_com']],
  ['phemex', ['phemex', 'x-phemex-access-token']],
  ['bingx', ['bingx', 'x-bx-apikey']],
  ['bitvavo', ['bitvavo', 'bitvavo-access-key']],
  ['bitpanda', ['bitpanda']],
  ['bitflyer', ['bitflyer']],
  ['coincheck', ['coincheck']],
  ['coinex', ['coinex']],
  ['whitebit', ['whitebit']],
  ['lbank', ['lbank']],
  ['ascendex', ['ascendex']],
  ['btcturk', ['btcturk']],
  ['hyperliquid', ['hyperliquid']],
  ['dydx', ['dydx']],
  // brokers with trading APIs
  ['schwab', ['schwab']],
  ['tastytrade', ['tastytrade', 'tastyworks']],
  ['tradestation', ['tradestation']],
  ['etrade', ['etrade']],
  ['robinhood', ['robinhood']],
  ['saxo', ['saxo', 'saxobank']],
  ['zerodha', ['zerodha', 'kiteconnect', 'kite_api']],
  ['upstox', ['upstox']],
  ['fyers', ['fyers']],
  ['angel-one', ['angelone', 'smartapi']],
  ['dhan', ['dhanhq']],
];

const kExchangeKey = /(?:key|secret|token|passphrase|auth|credential|pass)/i;

/**
 * Exchange credentials: in a venue's context (its name or its auth header), the key/secret/passphrase
 * assignments within the next lines. The value must look machine-generated (passphrases: any literal).
 */
function exchangeConfirmer(venue: string): Confirmer {
  return (text, hitStart, hitEnd) => {
    const out: LeakSpan[] = [];
    // The hit itself may be the key (`BINANCE_API_KEY=`, `X-MBX-APIKEY: …`) …
    const direct = exchangeValue(text, hitStart, hitEnd);
    if (direct !== null) out.push(exchangeSpan(venue, direct.span, direct.key));
    // … or introduce a block whose key/secret lines follow (`binance:\n  api_key: …`, `ccxt.bybit({…})`,
    // `"venue": "gate.io", "key": …`). A venue named in running text or a log field (`venue=binance `) is not one.
    if (!opensBlock(text, hitEnd)) return out;
    const end = Math.min(text.length, hitEnd + 400);
    // Key words only; parseAssignment widens each to its whole identifier.
    const re = /key|secret|token|pass|credential/gi;
    re.lastIndex = 0;
    const win = text.slice(hitEnd, end);
    let m: RegExpExecArray | null;
    while ((m = re.exec(win)) !== null) {
      const s = hitEnd + m.index;
      if (!kExchangeKey.test(m[0])) continue;
      const v = exchangeValue(text, s, s + m[0].length);
      if (v !== null && !out.some((o) => o.start === v.span[0])) out.push(exchangeSpan(venue, v.span, v.key));
    }
    return out;
  };
}

/** After a venue word: `:`/`=`/`{`/`(`/`[` (optionally after the rest of an identifier), or a closing quote. */
function opensBlock(text: string, i: number): boolean {
  const end = Math.min(text.length, i + 40);
  while (i < end && isIdentChar(text.charCodeAt(i))) i++;
  if (i >= end) return false;
  const c = text[i]!;
  if (c === '"' || c === "'" || c === '`') return true;
  // Prose naming the credentials right after the venue: "my Bybit API credentials — key: …, secret: …".
  // (the rest of the line, at most 80 characters; speed: no split, no array)
  let lineEnd = i;
  const lineLimit = Math.min(text.length, i + 80);
  while (lineEnd < lineLimit && text.charCodeAt(lineEnd) !== 10) lineEnd++;
  const line = text.slice(i, lineEnd);
  if (/\b(?:key|secret|token|passphrase|credentials?)s?\b[^\n]{0,12}?(?::|=|\bis\b)/i.test(line)) return true;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  // A config line `name: binance` / `EXCHANGE=kraken` ending here: the block around it holds the credentials.
  if (i >= text.length || text[i] === '\n' || text[i] === '\r') return true;
  return i < end && /[:={(\[]/.test(text[i]!);
}

/** Exchange keys are random tokens or UUIDs (OKX, KuCoin); passphrases are any literal. */
function exchangeValue(text: string, s: number, e: number): { span: [number, number]; key: string } | null {
  const a = parseAssignment(text, s, e); // parsed once for both checks (most venue mentions are prose: null)
  if (a === null) return null;
  const v = contextValue(text, s, e, 16, a);
  if (v !== null) return v;
  if (kUuid.test(a.value) && /key|secret/i.test(a.key) && !isNotSecretKey(a.key)) return { span: [a.valueStart, a.valueEnd], key: a.key };
  return null;
}

function exchangeSpan(venue: string, span: [number, number], key: string): LeakSpan {
  const isSecret = /secret|private|pass/i.test(key);
  return {
    start: span[0],
    end: span[1],
    family: 'secret',
    rule: isSecret ? 'exchange-api-secret' : 'exchange-api-key',
    severity: 'critical',
    priority: PRIORITY.context + 0.5,
    details: { venue, key },
  };
}

// ---------------------------------------------------------------- vendor context with exact value formats

interface VendorFormat {
  /** Which key names this format applies to (default: any key/secret/token word). */
  key?: RegExp;
  value: RegExp;
  rule: string;
}

const kKeyWords = /key|secret|token|pass|pwd|auth|credential|sid|id|login/gi;

/**
 * A vendor's name (or its header / variable prefix) followed, within a few lines, by key assignments whose
 * value has exactly that vendor's published shape. The shape carries the evidence, so no entropy gate
 * beyond placeholder and repeated-character checks.
 */
function vendorRule(vendor: string, formats: VendorFormat[], severity: Severity = 'high'): Confirmer {
  return (text, hitStart, hitEnd) => {
    const out: LeakSpan[] = [];
    const ws = Math.max(0, hitStart - 64);
    const we = Math.min(text.length, hitEnd + 400);
    const win = text.slice(ws, we);
    const tryKey = (s: number, e: number, vendorAsKey: boolean): void => {
      const a = parseAssignment(text, s, e);
      if (a === null) return;
      // As the key, the vendor's name is a whole word of it (`sourcegraph`, `SNYK_TOKEN`), not letters inside
      // another word (`rookTable`, `sumOfExposures`).
      if (vendorAsKey && !keyWords(a.key).includes(text.slice(s, e).toLowerCase())) return;
      const value = a.value.replace(/^(?:bearer|basic|token)\s+/i, '');
      const vs = a.valueStart + (a.value.length - value.length);
      if (isPlaceholder(value) || longestRepeat(value) >= 8 || longestSequence(value) >= 6) return;
      for (const f of formats) {
        if (f.key !== undefined && (vendorAsKey || !f.key.test(a.key))) continue;
        if (!f.value.test(value)) continue;
        if (!out.some((o) => o.start === vs)) {
          out.push({ start: vs, end: vs + value.length, family: 'secret', rule: f.rule, severity, priority: PRIORITY.context + 0.5, details: { vendor, key: a.key } });
        }
        break;
      }
    };
    // The vendor's name may itself be the key (`sourcegraph: <token>`): only formats that need no key word apply.
    tryKey(hitStart, hitEnd, true);
    kKeyWords.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = kKeyWords.exec(win)) !== null) {
      const s = ws + m.index;
      tryKey(s, s + m[0].length, false);
    }
    return out;
  };
}

const kUuid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

// ---------------------------------------------------------------- structured confirmers

/**
 * PEM / OpenSSH / PGP private key blocks: the BEGIN line, then a body of base64 lines (after optional
 * `Proc-Type:`/`DEK-Info:` headers, JSON `\\n` escapes allowed) up to the END line or the end of the text.
 * The body is walked once, so repeated BEGIN lines cost time linear in the text.
 */
const kPemBegin = /-----BEGIN[ A-Z0-9]{0,24}PRIVATE KEY(?: BLOCK)?-----/y;
const pem: Confirmer = (text, hitStart) => {
  kPemBegin.lastIndex = hitStart;
  const head = kPemBegin.exec(text);
  if (head === null) return [];
  let i = hitStart + head[0].length;
  const limit = Math.min(text.length, i + 16_000);
  let b64 = 0;
  let sample = '';
  while (i < limit) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61) {
      b64++;
      if (sample.length < 400) sample += text[i];
      i++;
    } else if (c === 10 || c === 13 || c === 32 || c === 9 || c === 34 || c === 44) {
      i++;
    } else if (c === 92 && (text[i + 1] === 'n' || text[i + 1] === 'r')) {
      i += 2;
    } else if (b64 === 0 && /^(?:Proc-Type|DEK-Info|Comment):[^\n]*/.test(text.slice(i, i + 200))) {
      i = text.indexOf('\n', i) === -1 ? limit : text.indexOf('\n', i);
    } else break;
  }
  // A real key has a base64 body; an empty or `...` body is documentation. DER begins with structured bytes,
  // so the entropy bar is lower than for random tokens.
  if (b64 < 40 || isPlaceholder(sample.slice(0, 200)) || longestRepeat(sample) >= 12 || shannonEntropy(sample) < 4.5) return [];
  let end = i;
  const tail = /^-----END[ A-Z0-9]{0,24}PRIVATE KEY(?: BLOCK)?-----/.exec(text.slice(i, i + 60));
  if (tail !== null) end = i + tail[0].length;
  else if (i < text.length && text.charCodeAt(i) === 45) return []; // another marker, not this key's END
  const kind = /BEGIN ([A-Z0-9 ]*?)\s*PRIVATE/.exec(head[0])?.[1]?.trim().toLowerCase() || 'pkcs8';
  return [{ start: hitStart, end, family: 'secret', rule: 'private-key', severity: 'critical', priority: PRIORITY.validated, details: { keyType: kind } }];
};

const jwt = tokenRule({
  rule: 'jwt',
  severity: 'high',
  re: /e(?:yJ|wog|woJ|yAi|woi)[A-Za-z0-9_\-]{6,}={0,2}\.(?:[A-Za-z0-9_\-]*={0,2}\.[A-Za-z0-9_\-]*={0,2}(?:\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)?|e(?:yJ|wog|woJ|yAi|woi)[A-Za-z0-9_\-]{6,}={0,2}(?![.A-Za-z0-9_\-]))/dg,
  fwd: 8192,
  random: false,
  reveal: 0,
  priority: PRIORITY.validated,
  check: (m) => {
    const info = checkJwt(m[0].replace(/=/g, ''));
    return info === null ? false : { alg: info.alg, typ: info.typ, kind: info.kind };
  },
});

const extendedKey = tokenRule({
  rule: 'bip32-xprv',
  severity: 'critical',
  re: /(?:[xtyzuvYZ])prv[1-9A-HJ-NP-Za-km-z]{107,108}/dg,
  back: 1,
  fwd: 112,
  random: false,
  reveal: 4,
  priority: PRIORITY.validated,
  check: (m) => classifyBase58Secret(m[0]) === 'xprv',
});

/** 64 hex characters (optionally 0x-prefixed) assigned to, or right after, a private-key word. */
const hexPrivateKey: Confirmer = (text, _hitStart, hitEnd) => {
  const end = Math.min(text.length, hitEnd + 120);
  const win = text.slice(hitEnd, end);
  const re = /(?<![0-9A-Za-z])(?:0x)?([0-9a-fA-F]{64})(?![0-9A-Za-z])/dg;
  const m = re.exec(win);
  if (m === null || m.indices === undefined) return [];
  // Only the words in between may be punctuation and short connectors, not a new sentence about hashes.
  const between = win.slice(0, m.index);
  if (/\b(?:hash|tx|txid|transaction|block|digest|checksum|sha|address|public|pub)\b/i.test(between) || between.length > 80) return [];
  const hex = m[1]!;
  if (!looksRandom(hex, 64)) return [];
  const s = hitEnd + m.indices[1]![0];
  return [{ start: s, end: s + 64, family: 'secret', rule: 'hex-private-key', severity: 'critical', priority: PRIORITY.context + 0.5 }];
};

/**
 * Solana keypairs: `solana-keygen` writes a JSON array of 64 byte values (secret key then public key);
 * wallets export the same 64 bytes as base58 (87-88 chars). No checksum exists, so a key word must be near.
 */
const solanaKeypair: Confirmer = (text, hitStart, hitEnd) => {
  const ws = Math.max(0, hitStart - 200);
  const win = text.slice(ws, Math.min(text.length, hitEnd + 1200));
  const out: LeakSpan[] = [];
  const arr = /\[\s*(?:\d{1,3}\s*,\s*){63}\d{1,3}\s*\]/g;
  let m: RegExpExecArray | null;
  while ((m = arr.exec(win)) !== null) {
    const bytes = m[0].slice(1, -1).split(',').map((x) => Number(x.trim()));
    if (bytes.some((b) => b > 255) || new Set(bytes).size < 16) continue;
    out.push({ start: ws + m.index, end: ws + m.index + m[0].length, family: 'secret', rule: 'solana-keypair', severity: 'critical', priority: PRIORITY.validated });
  }
  const b58 = /(?<![1-9A-HJ-NP-Za-km-z])[1-9A-HJ-NP-Za-km-z]{86,88}(?![1-9A-HJ-NP-Za-km-z])/g;
  while ((m = b58.exec(win)) !== null) {
    const raw = base58Decode(m[0]);
    if (raw === null || raw.length !== 64 || !formatBodyOk(m[0])) continue;
    out.push({ start: ws + m.index, end: ws + m.index + m[0].length, family: 'secret', rule: 'solana-keypair', severity: 'critical', priority: PRIORITY.context + 0.5 });
  }
  return out;
};

/** `https://user:password@host` — credentials in a URL, the password being a literal. */
const urlCredentials: Confirmer = (text, _hitStart, hitEnd) => {
  const end = Math.min(text.length, hitEnd + 300);
  // The user may be empty (`redis://:password@host`: Redis AUTH with a password only).
  const m = /^([^\s:@\/"'<>]{0,128}):([^\s@\/"'<>]{1,256})@[A-Za-z0-9.\-]+/.exec(text.slice(hitEnd, end));
  if (m === null) return [];
  const pass = m[2]!;
  if (isPlaceholder(pass) || /^(?:pass(?:word)?|pwd|secret|\$\w+|%[0-9A-F]{2}.*|\*+)$/i.test(pass) || pass.length < 3) return [];
  if (/^\d{1,5}$/.test(pass)) return []; // host:port
  const s = hitEnd + m[1]!.length + 1;
  return [{ start: s, end: s + pass.length, family: 'secret', rule: 'url-credentials', severity: 'high', priority: PRIORITY.context, details: { user: m[1] } }];
};

/** `Authorization: Bearer …` / `Basic …` and API-key headers. */
const authHeader: Confirmer = (text, _hitStart, hitEnd) => {
  const end = Math.min(text.length, hitEnd + 600);
  const after = text.slice(hitEnd, end);
  // `Authorization: <scheme> <credential>` (Bearer, Basic, Token, Api-Token, SSWS, …) or the credential alone.
  const m = /^["']?\s*[:=]?\s*["']?\s*(?:([A-Za-z][A-Za-z\-]{1,20})[ \t]+(?=[A-Za-z0-9_\-.~+/=:]{8,}))?([A-Za-z0-9_\-.~+/=:]{8,})/i.exec(after);
  if (m === null) return [];
  let value = m[2]!;
  value = value.replace(/[.,]+$/, '');
  const s = hitEnd + m[0].length - m[2]!.length;
  const scheme = (m[1] ?? '').toLowerCase();
  if (isPlaceholder(value)) return [];
  if (scheme === 'basic') {
    // RFC 7617: base64 of `user-id:password`. The user id is printable text; the password may hold any
    // characters in any charset (a non-ASCII byte there does not make it something else), but most of it is
    // printable, and it is not a stand-in.
    const decoded = Buffer.from(value, 'base64').toString('latin1');
    const colon = decoded.indexOf(':');
    if (colon <= 0 || colon === decoded.length - 1 || /[^\x20-\x7e]/.test(decoded.slice(0, colon))) return [];
    const pass = decoded.slice(colon + 1);
    if (pass.replace(/[^\x20-\x7e]/g, '').length < 0.8 * pass.length || isPlaceholder(pass)) return [];
    return [{ start: s, end: s + value.length, family: 'secret', rule: 'basic-auth', severity: 'high', priority: PRIORITY.format }];
  }
  if (!(looksRandom(value, 16) || kUuid.test(value) || (scheme !== '' && value.length >= 12 && formatBodyOk(value) && /\d/.test(value) && /[A-Za-z]/.test(value)))) return [];
  return [{ start: s, end: s + value.length, family: 'secret', rule: 'auth-header', severity: 'high', priority: PRIORITY.context, details: { scheme: scheme || undefined } }];
};

/** curl `-u user:password` / `--user user:password`. */
const curlUser: Confirmer = (text, _hitStart, hitEnd) => {
  // The command runs to the end of the line, across `\` / `^` / backtick continuations.
  let lineEnd = hitEnd;
  for (;;) {
    const nl = text.indexOf('\n', lineEnd);
    if (nl === -1 || nl - hitEnd > 4000) {
      lineEnd = nl === -1 ? text.length : nl;
      break;
    }
    const prev = text.slice(Math.max(hitEnd, nl - 2), nl).trimEnd();
    lineEnd = nl + 1;
    if (!/[\\^`]$/.test(prev)) {
      lineEnd = nl;
      break;
    }
  }
  const win = text.slice(hitEnd, Math.min(lineEnd, hitEnd + 4000));
  // The argument of -u/--user: quoted as a whole (`"user:pass"`), quoted in parts (`"user":"pass"`,
  // `kdoe:'pass'`) or bare (`user:pass`).
  const re = /(?:^|\s)(?:-u|--user)(?:\s+|=|(?=[^\s-]))((?:"[^"\n]*"|'[^'\n]*'|[^\s"']+)(?::?(?:"[^"\n]*"|'[^'\n]*'|[^\s"']+))*)/g;
  const out: LeakSpan[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(win)) !== null) {
    const arg = m[1]!;
    const argStart = hitEnd + m.index + m[0].length - arg.length;
    // Unquote piece by piece, remembering where each character came from.
    let plain = '';
    const at: number[] = [];
    for (let k = 0; k < arg.length; k++) {
      const c = arg[k]!;
      if (c === '"' || c === "'") continue;
      plain += c;
      at.push(argStart + k);
    }
    const colon = plain.indexOf(':');
    if (colon === -1) continue; // a user name alone: curl prompts for the password
    const user = plain.slice(0, colon);
    const pass = plain.slice(colon + 1);
    // An API key passed as the user name with an empty password (`-u sk_live_…:`) is the credential.
    const [value, from] = pass === '' ? [user, 0] : [pass, colon + 1];
    if (value.length < 3 || (pass === '' && !looksRandom(user.replace(/^[a-z]{2,8}_(?:[a-z]{2,8}_)?/, ''), 16))) continue;
    if (isPlaceholder(value) || isPlaceholder(plain) || /^\$|\$[{(]|`|\{\{|^\[.*\]$/.test(value) || longestRepeat(value) === value.length) continue;
    const s = at[from]!;
    const e = at[from + value.length - 1]! + 1;
    out.push({ start: s, end: e, family: 'secret', rule: 'curl-auth-user', severity: 'high', priority: PRIORITY.format });
  }
  return out;
};

/** GCP service-account JSON: `"type": "service_account"` with its private key (or key id). */
const gcpServiceAccount: Confirmer = (text, hitStart, hitEnd) => {
  const before = text.slice(Math.max(0, hitStart - 40), hitStart);
  if (!/["']?type["']?\s*[:=]\s*["']?$/i.test(before)) return [];
  const ws = Math.max(0, hitStart - 4000);
  const win = text.slice(ws, Math.min(text.length, hitEnd + 6000));
  const key = /["']private_key["']\s*:\s*"(-----BEGIN[^"]{20,}?)"/d.exec(win);
  if (key?.indices) {
    return [{ start: ws + key.indices[1]![0], end: ws + key.indices[1]![1], family: 'secret', rule: 'gcp-service-account', severity: 'critical', priority: PRIORITY.validated }];
  }
  const id = /["']private_key_id["']\s*:\s*"([0-9a-f]{20,64})"/d.exec(win);
  if (id?.indices) {
    return [{ start: ws + id.indices[1]![0], end: ws + id.indices[1]![1], family: 'secret', rule: 'gcp-service-account', severity: 'critical', priority: PRIORITY.validated }];
  }
  return [];
};

/**
 * The credential strings of a Docker registry config (`{"auths": {host: {auth, password, identitytoken}}}` or
 * the legacy `{host: {auth, …}}`), or null when `json` is not one.
 */
function dockerConfigCredentials(json: string): string[] | null {
  if (!/"(?:auth|password|identitytoken)"\s*:/.test(json)) return null;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (v === null || typeof v !== 'object') return null;
  const root = v as Record<string, unknown>;
  const hosts = (typeof root.auths === 'object' && root.auths !== null ? root.auths : root) as Record<string, unknown>;
  const out: string[] = [];
  for (const entry of Object.values(hosts)) {
    if (entry === null || typeof entry !== 'object') continue;
    for (const k of ['auth', 'password', 'identitytoken']) {
      const c = (entry as Record<string, unknown>)[k];
      if (typeof c === 'string') out.push(c);
    }
  }
  return out.length > 0 ? out : null;
}

/** Kubernetes Secret manifests: every value under `data:` / `stringData:`. */
const kubernetesSecret: Confirmer = (text, hitStart, hitEnd) => {
  // `kind: Secret` exactly: SecretProviderClass, SecretStore, ExternalSecret-style CRDs hold references, not values.
  if (/^[A-Za-z0-9]/.test(text.slice(hitEnd, hitEnd + 1))) return [];
  // Only the YAML document that declares `kind: Secret` (documents are separated by `---`).
  let ws = Math.max(0, hitStart - 2000);
  const docStart = text.lastIndexOf('\n---', hitStart);
  if (docStart >= ws) ws = docStart + 4;
  let we = Math.min(text.length, hitEnd + 4000);
  const docEnd = text.indexOf('\n---', hitEnd);
  if (docEnd !== -1 && docEnd < we) we = docEnd;
  const win = text.slice(ws, we);
  const out: LeakSpan[] = [];
  const isStandIn = (v: string): boolean => {
    if (isPlaceholder(v)) return true;
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(v) && v.length % 4 === 0) {
      const d = Buffer.from(v, 'base64').toString('utf8');
      // A registry config (`.dockercfg`, `.dockerconfigjson`) is judged by its credential fields, not by its
      // registry host or e-mail (a documentation host name there says nothing about the password).
      const creds = dockerConfigCredentials(d);
      if (creds !== null) return creds.every((c) => isPlaceholder(c) || c.length < 4);
      // A value that decodes to four characters or fewer (`bar\n`, `1234`) is a stand-in, not a credential.
      if (/^[\x20-\x7e\t\r\n]*$/.test(d) && (isPlaceholder(d) || d.trim().length <= 4)) return true;
    }
    return false;
  };
  const block = /^([ \t]*)(?:data|stringData):[ \t]*\r?\n((?:\1[ \t]+[^\n]*\r?\n?)+)/gm;
  let b: RegExpExecArray | null;
  while ((b = block.exec(win)) !== null) {
    const blockStart = ws + b.index + b[0].length - b[2]!.length;
    const line = /^[ \t]+["']?[A-Za-z0-9_.\-]+["']?:[ \t]*["']?([^\s"'#][^"'\n#]*?)["']?[ \t]*$/gm;
    let l: RegExpExecArray | null;
    while ((l = line.exec(b[2]!)) !== null) {
      let value = l[1]!;
      let s = blockStart + l.index + l[0].indexOf(value, l[0].indexOf(':') + 1);
      if (/^[|>][-+]?$/.test(value)) {
        // A block scalar (`key: |` / `key: >`): the value is the next, deeper-indented line.
        const next = /^\r?\n([ \t]+)([^\s#][^\n]*?)[ \t]*$/m.exec(text.slice(s + value.length, s + value.length + 4000));
        if (next === null || next.index !== 0 || next[1]!.length <= l[0].search(/\S/)) continue;
        s = s + value.length + next[0].length - next[2]!.length;
        value = next[2]!;
      }
      if (value.length < 4 || isStandIn(value)) continue;
      out.push({ start: s, end: s + value.length, family: 'secret', rule: 'kubernetes-secret', severity: 'high', priority: PRIORITY.format });
    }
  }
  // JSON form: "data": { "k": "v" }
  const json = /["'](?:data|stringData)["']\s*:\s*\{([^{}]{1,4000})\}/g;
  while ((b = json.exec(win)) !== null) {
    const inner = /["'][^"']+["']\s*:\s*["']([^"']{4,})["']/g;
    let l: RegExpExecArray | null;
    while ((l = inner.exec(b[1]!)) !== null) {
      const value = l[1]!;
      if (isStandIn(value)) continue;
      const s = ws + b.index + b[0].indexOf(b[1]!) + l.index + l[0].lastIndexOf(value);
      out.push({ start: s, end: s + value.length, family: 'secret', rule: 'kubernetes-secret', severity: 'high', priority: PRIORITY.format });
    }
  }
  return out;
};

/** Account numbers after an account word: 6-17 digits, optionally grouped. */
const accountNumber: Confirmer = (text, _hitStart, hitEnd) => {
  const win = text.slice(hitEnd, Math.min(text.length, hitEnd + 48));
  const m = /^[A-Za-z]{0,12}[ \t]*(?:number|no\.?|num(?:ber)?|#|id)?[ \t]*[:#=]?[ \t]*["']?(\d[\d \-]{4,22}\d)(?![\d\-])/di.exec(win);
  if (m === null || m.indices === undefined) return [];
  const digits = m[1]!.replace(/[ \-]/g, '');
  if (digits.length < 6 || digits.length > 17 || /^(\d)\1+$/.test(digits)) return [];
  // A year or a date right after "account" is not an account number.
  if (/^(?:19|20)\d\d$/.test(digits)) return [];
  const s = hitEnd + m.indices[1]![0];
  return [{ start: s, end: s + m[1]!.length, family: 'pii', rule: 'account-number', severity: 'medium', priority: PRIORITY.context }];
};

const facebookSecret = vendorRule('facebook', [{ key: /secret|token|key/i, value: /^[0-9a-f]{32}$/, rule: 'facebook-app-secret' }]);

/**
 * Facebook/Meta app access tokens as Graph API documents them: `{app-id}|{app-secret}` (32 hex) or the
 * `{app-id}|{hash}` the client-credentials grant returns (base64url, 25-40). The numeric id and the pipe are
 * common enough elsewhere that the vendor's name must be within the window.
 */
const facebookAppToken: Confirmer = (text, _hitStart, hitEnd) => {
  const ws = hitEnd;
  const win = text.slice(ws, Math.min(text.length, hitEnd + 200));
  const out: LeakSpan[] = [];
  const re = /(?<![0-9A-Za-z])\d{13,17}\|(?<body>[0-9a-f]{32}|[A-Za-z0-9_\-]{25,40})(?![A-Za-z0-9_\-])/dg;
  let m: RegExpExecArray | null;
  while ((m = re.exec(win)) !== null) {
    const body = m.groups!.body!;
    if (!formatBodyOk(body) || !/\d/.test(body)) continue;
    out.push({ start: ws + m.index, end: ws + m.index + m[0].length, family: 'secret', rule: 'facebook-access-token', severity: 'high', priority: PRIORITY.format, details: { vendor: 'facebook' } });
  }
  return out;
};

// ---------------------------------------------------------------- the table

export const ANCHORED_RULES: AnchoredRule[] = [
  // --- cloud providers
  rule('aws-access-key', ['akia', 'asia', 'abia', 'acca', 'a3t', 'aet'], 'AWS access key id (AKIA/ASIA/ABIA/ACCA/A3T? prefix, 20 chars)', tokenRule({
    rule: 'aws-access-key', severity: 'critical', reveal: 4, fwd: 24,
    re: /(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])(?<body>[A-Z0-9]{16})(?![A-Za-z0-9])/dg,
    check: (m) => !/EXAMPLE$/.test(m[0]),
  }), 'critical'),
  rule('aws-secret-key', ['aws_secret', 'secret_access_key', 'secretaccesskey', 'aws secret'], 'AWS secret access key (40 chars) assigned to an AWS secret key name',
    contextRule('aws-secret-key', 'critical', (v) => /^[A-Za-z0-9/+]{40}$/.test(v)), 'critical'),
  rule('aws-bedrock-key', ['absk', 'bedrock-api-key-'], 'Amazon Bedrock API key (long-lived ABSK…, short-lived bedrock-api-key-…)', tokenRule({
    rule: 'aws-bedrock-key', severity: 'critical', reveal: 4, fwd: 2200,
    re: /(?:ABSK[A-Za-z0-9+/]{40,}={0,2}|bedrock-api-key-[A-Za-z0-9+/]{40,}={0,2}(?:&Version=\d+)?)/dg,
    check: (m) => !m[0].startsWith('ABSK') || Buffer.from(m[0].slice(4), 'base64').toString('latin1').startsWith('BedrockAPIKey-'),
  }), 'critical'),
  rule('gcp-api-key', ['aiza'], 'Google API key (AIzaSy + 33 chars)', tokenRule({
    rule: 'gcp-api-key', severity: 'high', reveal: 4, fwd: 40,
    // Google API keys are 39 characters and begin `AIzaSy` (their first bytes are fixed); `AIza` followed by
    // anything else is a word or a truncated/altered string, not a key.
    re: /AIzaSy(?<body>[0-9A-Za-z_\-]{33})(?![0-9A-Za-z_\-])/dg,
  })),
  rule('azure-datafactory-shir-key', ['ir@'], 'Azure Data Factory self-hosted integration runtime key (IR@<guid>@<factory>@<region>@<44 base64>)', tokenRule({
    rule: 'azure-datafactory-shir-key', severity: 'critical', fwd: 400,
    re: /IR@[0-9a-fA-F\-]{36}@[A-Za-z0-9\-_.]{1,100}@[A-Za-z0-9\-=]{1,40}@(?<body>[A-Za-z0-9+/]{43}=)/dg,
  }), 'critical'),
  rule('ansible-vault', ['$ansible_vault;'], 'Ansible Vault encrypted blob (ciphertext of secrets; reported low: readable only with the vault password)', tokenRule({
    rule: 'ansible-vault', severity: 'low', fwd: 200, boundary: false, random: false,
    re: /\$ANSIBLE_VAULT;\d\.\d;AES256(?:;[\w-]+)?[ \t]*\r?\n[ \t]*(?<body>[0-9a-f]{32,80})/dg,
    check: (m) => formatBodyOk(m.groups!.body!),
  })),
  rule('gcp-service-account', ['service_account'], 'GCP service-account JSON with its private key', gcpServiceAccount, 'critical'),
  rule('azure-storage-key', ['accountkey=', 'sharedaccesskey='], 'Azure storage account key / Service Bus shared access key in a connection string', tokenRule({
    rule: 'azure-storage-key', severity: 'critical', fwd: 120,
    re: /(?:AccountKey|SharedAccessKey)=(?<secret>(?<body>[A-Za-z0-9+/]{40,86})={0,2})/dgi,
  }), 'critical'),
  rule('azure-ad-client-secret', ['q~'], 'Microsoft Entra ID (Azure AD) client secret: 3 chars, a digit, "Q~", 31-34 chars', tokenRule({
    rule: 'azure-ad-client-secret', severity: 'critical', back: 4, fwd: 40,
    re: /[A-Za-z0-9_~.\-]{3}\dQ~(?<body>[A-Za-z0-9_~.\-]{31,34})(?![A-Za-z0-9_~.\-])/dg,
  }), 'critical'),
  // --- source hosting
  rule('github-token', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], 'GitHub tokens (classic ghp_/gho_/ghu_/ghs_/ghr_ + 36, fine-grained github_pat_)', tokenRule({
    rule: 'github-token', severity: 'critical', reveal: 4, fwd: 260,
    re: /(?:gh[pousr]_(?<body>[A-Za-z0-9]{36,251})|github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}|github_pat_[A-Za-z0-9_]{40,240})(?![A-Za-z0-9_])/dg,
  }), 'critical'),
  rule('gitlab-token', ['glpat-', 'gloas-', 'gldt-', 'glrt-', 'glrtr-', 'glcbt-', 'glptt-', 'glft-', 'glimt-', 'glagent-', 'glsoat-', 'glffct-', 'gr1348941', '1348941'], 'GitLab tokens by their documented prefixes', tokenRule({
    rule: 'gitlab-token', severity: 'critical', reveal: 5, fwd: 1100,
    // Every GitLab token type carries a documented prefix. Pipeline-trigger (glptt-, 40: hex when issued, the
    // token alphabet accepted as for the other types), incoming-mail
    // (glimt-, 25), OAuth-application (gloas-, 64) and agent (glagent-, 50+) tokens have fixed lengths; the
    // others are 20 characters (legacy) or longer routable tokens ending in `.<version>.<crc>`.
    re: /(?:glptt-(?<body>[0-9A-Za-z_\-]{40})|glimt-[A-Za-z0-9_\-]{25}|gloas-[A-Za-z0-9_\-]{64}|glagent-[A-Za-z0-9_\-]{50,1024}|(?:gl(?:pat|dt|ft|soat|rtr?|ffct|cbt)-|GR1348941)(?:[0-9a-f]{1,5}_)?[A-Za-z0-9_\-]{20,300}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,12})?)(?![A-Za-z0-9_\-.])/dg,
    random: false,
    check: (m) => formatBodyOk(m[0].replace(/^(?:gl[a-z]+-|GR1348941)(?:[0-9a-f]{1,5}_)?/, '').replace(/\.[0-9a-z]{2}\.[0-9a-z]{7,12}$/, '')),
  }), 'critical'),
  // --- chat and collaboration
  rule('slack-token', ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxo-', 'xoxe-', 'xoxe.', 'xapp-'], 'Slack bot/user/app/config/refresh tokens', tokenRule({
    rule: 'slack-token', severity: 'critical', reveal: 5, fwd: 300,
    // Slack's token shapes: a type prefix (bot xoxb, user xoxp, config xoxe.xoxp, refresh xoxe, app-level xapp,
    // legacy xoxa/xoxr/xoxo/xoxs), an optional version digit, numeric id groups (multi-digit team/user ids),
    // then a random segment of 10+ characters.
    re: /(?:xoxe\.xox[bp]-\d-[A-Za-z0-9]{30,200}|xoxe-\d-[A-Za-z0-9]{30,200}|xapp-\d-[A-Za-z0-9]{6,16}-\d{6,16}-[A-Za-z0-9]{24,80}|(?<!\.)xox[abposre]-(?:\d{1,2}-)?(?:\d{5,14}-){0,4}[A-Za-z0-9]{10,64})(?![0-9A-Za-z\-])/dg,
    random: false,
    check: (m) => {
      // The ids are ids; only the final random segment must look random.
      const body = m[0].slice(m[0].lastIndexOf('-') + 1);
      // Random segments under 32 characters carry a digit; letters-only CamelCase is a name (`…AccessTokenHere`).
      if (!/\d/.test(body) && (body.length < 32 || /^(?:[A-Z][a-z]+)+$/.test(body))) return false;
      return formatBodyOk(body) && !isPlaceholder(m[0]);
    },
  }), 'critical'),
  rule('slack-webhook', ['hooks.slack.com/'], 'Slack incoming-webhook / workflow URL', tokenRule({
    rule: 'slack-webhook', severity: 'high', fwd: 160, boundary: false,
    re: /hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<body>[A-Za-z0-9+/_\-]{20,140})/dg,
  })),
  rule('teams-webhook', ['webhook.office.com/webhookb2/', 'outlook.office.com/webhook/'], 'Microsoft Teams incoming-webhook URL', tokenRule({
    rule: 'teams-webhook', severity: 'high', fwd: 400, boundary: false,
    re: /(?:webhook\.office\.com\/webhookb2|outlook\.office\.com\/webhook)\/[a-f0-9\-]{36}@[a-f0-9\-]{36}\/IncomingWebhook\/(?<body>[A-Za-z0-9]{32})\/[a-f0-9\-]{36}/dg,
  })),
  rule('azure-logic-app-webhook', ['logic.azure.com'], 'Azure Logic Apps / Power Automate trigger URL with its signature', tokenRule({
    rule: 'azure-logic-app-webhook', severity: 'high', fwd: 600, boundary: false,
    re: /logic\.azure\.com(?::443)?\/workflows\/[a-f0-9]{32}\/triggers\/[^\s"'<>]{0,300}?[?&]sig=(?<body>[A-Za-z0-9_\-%]{40,90})/dg,
  })),
  rule('twitter-bearer-token', ['aaaaaaaaaaaaaaaaaaaaa'], 'Twitter/X app-only bearer token (21 A + 80-120)', tokenRule({
    rule: 'twitter-bearer-token', severity: 'high', fwd: 160, random: false,
    re: /A{21,23}(?<body>[A-Za-z0-9%]{80,120})(?![A-Za-z0-9%])/dg,
    check: (m) => formatBodyOk(m.groups!.body!.replace(/%[0-9A-F]{2}/g, '')),
  })),
  rule('discord-webhook', ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'], 'Discord webhook URL (id + token)', tokenRule({
    rule: 'discord-webhook', severity: 'high', fwd: 120, boundary: false,
    re: /discord(?:app)?\.com\/api\/webhooks\/\d{15,20}\/(?<body>[A-Za-z0-9_\-]{60,70})/dg,
  })),
  rule('telegram-bot-token', ['telegram', 'bot_token', 'api.telegram.org/bot'], 'Telegram bot token (digits:35 chars) in Telegram context', tokenRule({
    rule: 'telegram-bot-token', severity: 'high', fwd: 200, back: 1, // the token follows the context word: window scan, not sticky
    re: /\d{8,10}:(?<body>[A-Za-z0-9_\-]{35})(?![A-Za-z0-9_\-])/dg,
    boundary: false,
    check: () => true,
  })),
  // --- payments
  rule('stripe-key', ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'sk_prod_', 'rk_prod_', 'whsec_'], 'Stripe secret / restricted keys and webhook signing secrets', tokenRule({
    rule: 'stripe-key', severity: 'critical', reveal: 8, fwd: 260,
    re: /(?:(?:sk|rk)_(?:live|test|prod)_(?<body>[0-9A-Za-z]{10,247})|whsec_[A-Za-z0-9+/]{24,})(?![0-9A-Za-z])/dg,
    random: false,
    check: (m) => formatBodyOk(m.groups?.body ?? m[0].slice(6)) && { live: !m[0].includes('_test_') },
  }), 'critical'),
  rule('square-token', ['sq0atp-', 'sq0csp-'], 'Square access token / OAuth secret', tokenRule({
    rule: 'square-token', severity: 'critical', reveal: 7, fwd: 80,
    re: /(?:sq0atp-[0-9A-Za-z\-_]{22,60}|sq0csp-[0-9A-Za-z\-_]{43})(?![0-9A-Za-z\-_])/dg,
  }), 'critical'),
  rule('eaa-token', ['eaa'], 'Square (EAAA + 60) and Facebook/Meta Graph (EAA…) access tokens', tokenRule({
    rule: 'facebook-access-token', severity: 'high', reveal: 3, fwd: 400,
    re: /EAA(?:A[A-Za-z0-9_\-]{22,60}(?![A-Za-z0-9_\-])|[A-Za-z0-9]{30,380}(?![A-Za-z0-9]))/dg,
    check: (m) => (/^EAAA[A-Za-z0-9_\-]{22,60}$/.test(m[0]) && /[0-9]/.test(m[0]) ? { vendor: 'square' } : /[a-z]/.test(m[0]) && /\d/.test(m[0]) && { vendor: 'meta' }),
  })),
  // --- AI providers
  rule('openai-api-key', ['blbkfj', 'sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-none-'], 'OpenAI API keys (legacy sk-…T3BlbkFJ…, project, service-account and admin keys)', tokenRule({
    rule: 'openai-api-key', severity: 'critical', reveal: 3, back: 220, fwd: 260,
    // Legacy keys: sk- + 20 + "T3BlbkFJ" (base64 of "OpenAI") + 20. Project/service/admin keys are longer and carry the same marker.
    re: /sk-(?:[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}|(?:proj|svcacct|admin|None)-[A-Za-z0-9_\-]{20,200}T3BlbkFJ[A-Za-z0-9_\-]{20,200}|(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{100,200})(?![A-Za-z0-9_\-])/dg,
  }), 'critical'),
  rule('anthropic-api-key', ['sk-ant-'], 'Anthropic API / admin keys (sk-ant-api03-…, sk-ant-admin01-…)', tokenRule({
    rule: 'anthropic-api-key', severity: 'critical', reveal: 7, fwd: 140,
    re: /sk-ant-(?:api|admin|oat|ort|sid)\d{2}-(?<body>[A-Za-z0-9_\-]{80,120})(?![A-Za-z0-9_\-])/dg,
  }), 'critical'),
  rule('huggingface-token', ['hf_', 'api_org_'], 'Hugging Face user (hf_) and organization (api_org_) tokens: 34 letters', tokenRule({
    rule: 'huggingface-token', severity: 'high', reveal: 3, fwd: 44,
    re: /(?:hf_|api_org_)(?<body>[A-Za-z]{34})(?![A-Za-z0-9])/dg,
    check: (m) => /[a-z]/.test(m.groups!.body!) && /[A-Z]/.test(m.groups!.body!),
  })),
  rule('perplexity-api-key', ['pplx-'], 'Perplexity API key (pplx- + 48)', tokenRule({
    rule: 'perplexity-api-key', severity: 'high', reveal: 5, fwd: 56,
    re: /pplx-(?<body>[A-Za-z0-9]{48})(?![A-Za-z0-9])/dg,
  })),
  // --- developer platforms
  rule('npm-token', ['npm_'], 'npm access token (npm_ + 36)', tokenRule({
    rule: 'npm-token', severity: 'high', reveal: 4, fwd: 40,
    re: /npm_(?<body>[A-Za-z0-9]{36})(?![A-Za-z0-9])/dg,
  })),
  rule('pypi-token', ['pypi-ageichlwas', 'pypi-agendgvzdc'], 'PyPI / TestPyPI upload token (macaroon)', tokenRule({
    rule: 'pypi-token', severity: 'high', reveal: 5, fwd: 400,
    re: /pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)(?<body>[A-Za-z0-9_\-]{70,})/dg,
  })),
  rule('sendgrid-api-key', ['sg.'], 'SendGrid API key (SG.22.43)', tokenRule({
    rule: 'sendgrid-api-key', severity: 'high', reveal: 3, fwd: 72,
    re: /SG\.(?<body>[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43})(?![A-Za-z0-9_\-])/dg,
  })),
  rule('mailchimp-api-key', ['-us'], 'Mailchimp API key (32 hex + -usNN data centre)', tokenRule({
    rule: 'mailchimp-api-key', severity: 'high', back: 32, fwd: 4,
    re: /(?<body>[0-9a-f]{32})-us\d{1,2}(?![0-9A-Za-z])/dg,
  })),
  rule('shopify-token', ['shpat_', 'shpca_', 'shppa_', 'shpss_'], 'Shopify access tokens and shared secrets', tokenRule({
    rule: 'shopify-token', severity: 'high', reveal: 6, fwd: 40,
    re: /shp(?:at|ca|pa|ss)_(?<body>[a-fA-F0-9]{32})(?![A-Za-z0-9])/dg,
  })),
  rule('digitalocean-token', ['dop_v1_', 'doo_v1_', 'dor_v1_'], 'DigitalOcean tokens (dop_v1_ + 64 hex)', tokenRule({
    rule: 'digitalocean-token', severity: 'high', reveal: 7, fwd: 72,
    re: /do[opr]_v1_(?<body>[a-f0-9]{64})(?![A-Za-z0-9])/dg,
  })),
  rule('databricks-token', ['dapi'], 'Databricks personal access token (dapi + 32 hex)', tokenRule({
    rule: 'databricks-token', severity: 'high', reveal: 4, fwd: 40,
    re: /dapi(?<body>[a-f0-9]{32})(?:-\d)?(?![A-Za-z0-9])/dg,
  })),
  rule('sentry-token', ['sntrys_', 'sntryu_'], 'Sentry organization / user auth tokens', tokenRule({
    rule: 'sentry-token', severity: 'high', reveal: 7, fwd: 400,
    re: /(?:sntrys_(?<body>eyJ[A-Za-z0-9+/=_\-]{40,})|sntryu_[a-f0-9]{64})(?![A-Za-z0-9+/=_\-])/dg,
  })),
  rule('grafana-token', ['glc_', 'glsa_'], 'Grafana Cloud access policy / service account tokens', tokenRule({
    rule: 'grafana-token', severity: 'high', reveal: 4, fwd: 400,
    re: /(?:glc_(?<body>[A-Za-z0-9+/]{32,400}={0,2})|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![A-Za-z0-9+/=])/dg,
  })),
  rule('hashicorp-token', ['.atlasv1.', 'hvs.', 'hvb.', 'hvr.'], 'Terraform Cloud API token and Vault service/batch tokens', tokenRule({
    rule: 'hashicorp-token', severity: 'critical', back: 15, fwd: 400,
    re: /(?:[A-Za-z0-9]{14}\.atlasv1\.(?<body>[A-Za-z0-9_\-=]{60,70})|hv[sbr]\.[A-Za-z0-9_\-]{24,400})(?![A-Za-z0-9_\-])/dg,
  }), 'critical'),
  rule('heroku-api-key', ['hrku-'], 'Heroku platform API key v2 (HRKU-AA + 58)', tokenRule({
    rule: 'heroku-api-key', severity: 'high', reveal: 5, fwd: 72,
    re: /HRKU-AA(?<body>[A-Za-z0-9_\-]{58})(?![A-Za-z0-9_\-])/dg,
    // The body is base64url of binary: a run of `_` or `-` encodes 0xFF/0xFB bytes, not a blank to fill in,
    // so the `____` placeholder shape does not apply; repeats, sequences and entropy still do.
    random: false,
    check: (m) => encodedBodyOk(m.groups!.body!),
  })),
  rule('age-secret-key', ['age-secret-key-'], 'age encryption secret key (bech32)', tokenRule({
    rule: 'age-secret-key', severity: 'critical', reveal: 15, fwd: 64,
    re: /AGE-SECRET-KEY-1(?<body>[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Za-z0-9])/dg,
  }), 'critical'),
  rule('1password-token', ['ops_eyj', 'a3-'], '1Password service-account token and account Secret Key', tokenRule({
    rule: '1password-token', severity: 'critical', reveal: 4, fwd: 1200,
    re: /(?:ops_(?<body>eyJ[A-Za-z0-9+/]{100,}={0,3})|A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![A-Za-z0-9])/dg,
  }), 'critical'),
  rule('flyio-token', ['fm1r_', 'fm1a_', 'fm2_', 'fo1_'], 'Fly.io macaroon and OAuth tokens', tokenRule({
    rule: 'flyio-token', severity: 'high', reveal: 4, fwd: 1200,
    re: /(?:fm1[ar]|fm2|fo1)_(?<body>[A-Za-z0-9+/=_\-]{40,})/dg,
  })),
  rule('notion-token', ['ntn_'], 'Notion integration token (ntn_ + 11 digits + 35)', tokenRule({
    rule: 'notion-token', severity: 'high', reveal: 4, fwd: 52,
    re: /ntn_(?<body>\d{11}[A-Za-z0-9]{35})(?![A-Za-z0-9])/dg,
  })),
  rule('atlassian-token', ['atatt', 'atctt'], 'Atlassian API token (ATATT3…)', tokenRule({
    rule: 'atlassian-token', severity: 'high', reveal: 6, fwd: 200,
    re: /AT[AC]TT3(?<body>[A-Za-z0-9_\-=]{150,})/dg,
  })),
  rule('sonar-token', ['squ_', 'sqp_', 'sqa_'], 'SonarQube user / project / analysis tokens (40 hex)', tokenRule({
    rule: 'sonar-token', severity: 'high', reveal: 4, fwd: 44,
    re: /sq[upa]_(?<body>[a-f0-9]{40})(?![A-Za-z0-9])/dg,
  })),
  rule('sourcegraph-token', ['sgp_'], 'Sourcegraph access token', tokenRule({
    rule: 'sourcegraph-token', severity: 'high', reveal: 4, fwd: 80,
    // sgp_ + optional 16-hex instance id or `local` + `_`, then 40 hex. Hex digits are case-insensitive, and
    // the prefix and exact lengths carry the evidence.
    re: /sgp_(?:[a-fA-F0-9]{16}_|local_)?(?<body>[a-fA-F0-9]{40})(?![A-Za-z0-9_])/dg,
  })),
  rule('openshift-token', ['sha256~'], 'OpenShift OAuth access token (sha256~ + 43)', tokenRule({
    rule: 'openshift-token', severity: 'high', reveal: 7, fwd: 48,
    re: /sha256~(?<body>[A-Za-z0-9_\-]{43})(?![A-Za-z0-9_\-])/dg,
  })),
  rule('maxmind-license-key', ['_mmk'], 'MaxMind license key (…_mmk)', tokenRule({
    rule: 'maxmind-license-key', severity: 'medium', back: 40, fwd: 4,
    re: /(?<body>[A-Za-z0-9]{6}_[A-Za-z0-9]{29})_mmk(?![A-Za-z0-9])/dg,
  }), 'medium'),
  rule('infracost-token', ['ico-'], 'Infracost API token (ico- + 32)', tokenRule({
    rule: 'infracost-token', severity: 'medium', reveal: 4, fwd: 36,
    re: /ico-(?<body>[A-Za-z0-9]{32})(?![A-Za-z0-9])/dg,
  }), 'medium'),
  rule('scalingo-token', ['tk-us-'], 'Scalingo API token (tk-us- + 48)', tokenRule({
    rule: 'scalingo-token', severity: 'medium', reveal: 6, fwd: 52,
    re: /tk-us-(?<body>[A-Za-z0-9_\-]{48})(?![A-Za-z0-9_\-])/dg,
  }), 'medium'),
  rule('intra42-secret', ['s-s4t'], '42 Intra OAuth client secret', tokenRule({
    rule: 'intra42-secret', severity: 'medium', reveal: 9, fwd: 72,
    re: /s-s4t2(?:ud|af)-(?<body>[a-f0-9]{64})(?![A-Za-z0-9])/dg,
  }), 'medium'),
  rule('octopus-deploy-key', ['api-'], 'Octopus Deploy API key (API- + 26 uppercase)', tokenRule({
    rule: 'octopus-deploy-key', severity: 'medium', reveal: 4, fwd: 30,
    re: /API-(?<body>[A-Z0-9]{26})(?![A-Za-z0-9])/dg,
    check: (m) => /\d/.test(m.groups!.body!),
  }), 'medium'),
  rule('hubspot-private-app-token', ['pat-na1-', 'pat-eu1-'], 'HubSpot private app token (pat-<region>- + UUID)', tokenRule({
    rule: 'hubspot-private-app-token', severity: 'high', reveal: 8, fwd: 44,
    re: /pat-(?:na|eu)1-(?<body>[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})(?![A-Za-z0-9])/dg,
  })),
  rule('cloudflare-origin-ca-key', ['v1.0-'], 'Cloudflare Origin CA key (v1.0- + 24 hex - 146 hex)', tokenRule({
    rule: 'cloudflare-origin-ca-key', severity: 'high', reveal: 5, fwd: 180,
    re: /v1\.0-[a-f0-9]{24}-(?<body>[a-f0-9]{146})(?![A-Za-z0-9])/dg,
  })),
  // --- more prefixed developer/SaaS tokens (prefixes as the vendors document them; lengths kept as ranges)
  ...([
    ['doppler-token', ['dp.pt.', 'dp.st.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'], 'Doppler tokens (dp.pt./dp.st./… + 40-44)', /dp\.(?:pt|st|ct|sa|scim|audit)\.(?:[a-z0-9_\-]{2,35}\.)?(?<body>[A-Za-z0-9]{40,44})(?![A-Za-z0-9])/dg],
    ['linear-api-key', ['lin_api_'], 'Linear API key (lin_api_ + 40)', /lin_api_(?<body>[A-Za-z0-9]{40})(?![A-Za-z0-9])/dg],
    ['postman-api-key', ['pmak-'], 'Postman API key (PMAK-24hex-34hex)', /PMAK-[a-f0-9]{24}-(?<body>[a-f0-9]{34})(?![A-Za-z0-9])/dg],
    ['pulumi-token', ['pul-'], 'Pulumi access token (pul- + 40 hex)', /pul-(?<body>[a-f0-9]{40})(?![A-Za-z0-9])/dg],
    ['planetscale-token', ['pscale_tkn_', 'pscale_pw_', 'pscale_oauth_'], 'PlanetScale service token / password / OAuth token', /pscale_(?:tkn|pw|oauth)_(?<body>[A-Za-z0-9_\-.=]{32,64})(?![A-Za-z0-9_\-])/dg],
    ['rubygems-token', ['rubygems_'], 'RubyGems API key (rubygems_ + 48 hex)', /rubygems_(?<body>[a-f0-9]{48})(?![A-Za-z0-9])/dg],
    ['dynatrace-token', ['dt0c01.'], 'Dynatrace API token (dt0c01.<24>.<64>)', /dt0c01\.[A-Z0-9]{24}\.(?<body>[A-Z0-9]{64})(?![A-Za-z0-9])/dg],
    ['duffel-token', ['duffel_test_', 'duffel_live_'], 'Duffel API token', /duffel_(?:test|live)_(?<body>[A-Za-z0-9_\-=]{43})(?![A-Za-z0-9_\-])/dg],
    ['easypost-key', ['ezak', 'eztk'], 'EasyPost API keys (EZAK/EZTK + 54)', /EZ[AT]K(?<body>[A-Za-z0-9]{54})(?![A-Za-z0-9])/dg],
    ['mailgun-key', ['key-'], 'Mailgun private API key (key- + 32 hex)', /key-(?<body>[a-f0-9]{32})(?![A-Za-z0-9])/dg],
    ['frameio-token', ['fio-u-'], 'Frame.io API token', /fio-u-(?<body>[A-Za-z0-9_\-=]{64})(?![A-Za-z0-9_\-])/dg],
    ['flutterwave-key', ['flwseck', 'flwseck_test'], 'Flutterwave secret key', /FLWSECK(?:_TEST)?-(?<body>[a-h0-9]{32})-X(?![A-Za-z0-9])/dg],
    ['shippo-token', ['shippo_live_', 'shippo_test_'], 'Shippo API token', /shippo_(?:live|test)_(?<body>[a-f0-9]{40})(?![A-Za-z0-9])/dg],
    ['typeform-token', ['tfp_'], 'Typeform personal access token', /tfp_(?<body>[A-Za-z0-9_\-.=]{59})(?![A-Za-z0-9_\-])/dg],
    ['prefect-token', ['pnu_'], 'Prefect API key (pnu_ + 36)', /pnu_(?<body>[A-Za-z0-9]{36})(?![A-Za-z0-9])/dg],
    ['readme-token', ['rdme_'], 'ReadMe API key (rdme_ + 70)', /rdme_(?<body>[a-z0-9]{70})(?![A-Za-z0-9])/dg],
    ['adafruit-key', ['aio_'], 'Adafruit IO key (aio_ + 28)', /aio_(?<body>[A-Za-z0-9]{28})(?![A-Za-z0-9])/dg],
    ['clojars-token', ['clojars_'], 'Clojars deploy token', /CLOJARS_(?<body>[a-z0-9]{60})(?![A-Za-z0-9])/dg],
    ['brevo-key', ['xkeysib-', 'xsmtpsib-'], 'Brevo (Sendinblue) API / SMTP key', /x(?:key|smtp)sib-(?<body>[a-f0-9]{64})-[A-Za-z0-9]{16}(?![A-Za-z0-9])/dg],
    ['plaid-token', ['access-sandbox-', 'access-development-', 'access-production-'], 'Plaid access token (access-<env>-UUID)', /access-(?:sandbox|development|production)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}(?![A-Za-z0-9])/dg, 'uuid'],
    ['groq-api-key', ['gsk_'], 'Groq API key (gsk_ + 52)', /gsk_(?<body>[A-Za-z0-9]{52})(?![A-Za-z0-9])/dg],
    ['replicate-token', ['r8_'], 'Replicate API token (r8_ + 37)', /r8_(?<body>[A-Za-z0-9]{37})(?![A-Za-z0-9])/dg],
    ['xai-api-key', ['xai-'], 'xAI API key (xai- + 80)', /xai-(?<body>[A-Za-z0-9]{70,90})(?![A-Za-z0-9])/dg],
    ['langsmith-key', ['lsv2_pt_', 'lsv2_sk_'], 'LangSmith API key', /lsv2_(?:pt|sk)_(?<body>[a-f0-9]{32})_[a-f0-9]{10}(?![A-Za-z0-9])/dg],
    ['pinecone-key', ['pcsk_'], 'Pinecone API key (pcsk_…)', /pcsk_(?<body>[A-Za-z0-9_]{50,100})(?![A-Za-z0-9_])/dg],
    ['google-oauth-secret', ['gocspx-'], 'Google OAuth client secret (GOCSPX- + 28)', /GOCSPX-(?<body>[A-Za-z0-9_\-]{28})(?![A-Za-z0-9_\-])/dg],
    ['google-oauth-token', ['ya29.'], 'Google OAuth access token (ya29.…)', /ya29\.(?<body>[A-Za-z0-9_\-]{60,250})(?![A-Za-z0-9_\-])/dg],
    ['supabase-token', ['sbp_', 'sb_secret_'], 'Supabase access token / secret key', /(?:sbp_(?<body>[a-f0-9]{40})|sb_secret_[A-Za-z0-9_\-]{30,60})(?![A-Za-z0-9_\-])/dg],
    ['netlify-token', ['nfp_'], 'Netlify personal access token (nfp_ + 36)', /nfp_(?<body>[A-Za-z0-9]{36,40})(?![A-Za-z0-9])/dg],
    ['render-api-key', ['rnd_'], 'Render API key (rnd_ + 32)', /rnd_(?<body>[A-Za-z0-9]{32})(?![A-Za-z0-9])/dg],
    ['docker-hub-token', ['dckr_pat_', 'dckr_oat_'], 'Docker Hub personal / organization access token', /dckr_(?:pat|oat)_(?<body>[A-Za-z0-9_\-]{27,32})(?![A-Za-z0-9_\-])/dg],
    ['newrelic-key', ['nrak-', 'nrii-', 'nrjs-'], 'New Relic user API / ingest keys', /NR(?:AK|II|JS)-(?<body>[A-Z0-9]{19,32})(?![A-Za-z0-9])/dg],
    ['mapbox-secret-token', ['sk.eyj'], 'Mapbox secret access token (sk.eyJ…)', /sk\.(?<body>eyJ[A-Za-z0-9_\-]{20,}\.[A-Za-z0-9_\-]{16,})(?![A-Za-z0-9_\-])/dg],
    ['alibaba-access-key', ['ltai'], 'Alibaba Cloud AccessKey ID (LTAI + 12-20)', /LTAI(?<body>[A-Za-z0-9]{12,20})(?![A-Za-z0-9])/dg],
    ['tencent-secret-id', ['akid'], 'Tencent Cloud SecretId (AKID + 32)', /AKID(?<body>[A-Za-z0-9]{32})(?![A-Za-z0-9])/dg],
    ['contentful-token', ['cfpat-'], 'Contentful personal access token (CFPAT- + 43)', /CFPAT-(?<body>[A-Za-z0-9_\-]{43})(?![A-Za-z0-9_\-])/dg],
    ['harness-token', ['pat.', 'sat.'], 'Harness personal / service-account token (pat.<account>.<id>.<secret>)', /(?:pat|sat)\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{24}\.(?<body>[A-Za-z0-9_\-]{20})(?![A-Za-z0-9_\-])/dg],
    ['defined-networking-key', ['dnkey-'], 'Defined Networking (Nebula) API key (dnkey-<26>-<52>)', /dnkey-[A-Za-z0-9=_\-]{26}-(?<body>[A-Za-z0-9=_\-]{52})(?![A-Za-z0-9=_\-])/dg],
    ['dropbox-token', ['sl.'], 'Dropbox short-lived access token (sl. + 130+)', /sl\.(?:[A-Za-z]\.)?(?<body>[A-Za-z0-9_\-=]{130,1500})(?![A-Za-z0-9_\-=])/dg],
    ['settlemint-token', ['sm_pat_', 'sm_aat_', 'sm_sat_'], 'SettleMint personal / application / service access token', /sm_(?:pat|aat|sat)_(?<body>[A-Za-z0-9]{16,64})(?![A-Za-z0-9])/dg],
    ['yandex-api-key', ['aqvn'], 'Yandex Cloud API key (AQVN + 35-38)', /AQVN(?<body>[A-Za-z0-9_\-]{35,38})(?![A-Za-z0-9_\-])/dg],
    ['yandex-iam-token', ['t1.'], 'Yandex Cloud IAM token (t1.<…>.<86>)', /t1\.[A-Za-z0-9_\-]+={0,2}\.(?<body>[A-Za-z0-9_\-]{86})={0,2}(?![A-Za-z0-9_\-])/dg],
    ['gocardless-token', ['live_'], 'GoCardless live access token (live_ + 40)', /live_(?<body>[A-Za-z0-9_\-=]{40})(?![A-Za-z0-9_\-=])/dg],
    ['grafana-api-key', ['eyjrijoi'], 'Grafana API key (base64 JSON starting {"k":)', /eyJrIjoi(?<body>[A-Za-z0-9+/]{60,400})={0,2}(?![A-Za-z0-9+/=])/dg],
    ['tailscale-key', ['tskey-'], 'Tailscale API / auth / OAuth client key (tskey-<kind>-<id>-<secret>)', /tskey-(?:api|auth|client|webhook|scim)-[A-Za-z0-9]{6,24}-(?<body>[A-Za-z0-9]{20,64})(?![A-Za-z0-9])/dg],
    ['openrouter-key', ['sk-or-v1-'], 'OpenRouter API key (sk-or-v1- + 64 hex)', /sk-or-v1-(?<body>[a-f0-9]{64})(?![A-Za-z0-9])/dg],
    ['razorpay-key', ['rzp_live_', 'rzp_test_'], 'Razorpay API key id (rzp_live_/rzp_test_ + 14)', /rzp_(?:live|test)_(?<body>[A-Za-z0-9]{14})(?![A-Za-z0-9])/dg],
    ['braintree-token', ['access_token$production$', 'access_token$sandbox$'], 'Braintree / PayPal access token (access_token$<env>$<merchant>$<32 hex>)', /access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$(?<body>[0-9a-f]{32})(?![A-Za-z0-9])/dg],
    ['bitbucket-app-password', ['atbb'], 'Bitbucket app password (ATBB + 32)', /ATBB(?<body>[A-Za-z0-9]{32})[A-F0-9]{0,8}(?![A-Za-z0-9])/dg],
    ['figma-token', ['figd_'], 'Figma personal access token (figd_ + 40)', /figd_(?<body>[A-Za-z0-9_\-]{40,44})(?![A-Za-z0-9_\-])/dg],
    ['nuget-api-key', ['oy2'], 'NuGet.org API key (oy2 + 43)', /oy2(?<body>[a-z0-9]{43})(?![A-Za-z0-9])/dg],
    ['deno-token', ['ddp_', 'ddw_'], 'Deno Deploy access token (ddp_/ddw_ + 36)', /dd[pw]_(?<body>[A-Za-z0-9]{36})(?![A-Za-z0-9])/dg],
    ['neon-api-key', ['napi_'], 'Neon API key (napi_ + 64)', /napi_(?<body>[a-z0-9]{64})(?![A-Za-z0-9])/dg],
    ['notion-legacy-token', ['secret_'], 'Notion legacy integration token (secret_ + 43)', /secret_(?<body>[A-Za-z0-9]{43})(?![A-Za-z0-9])/dg],
    ['clickhouse-cloud-key', ['4b1d', '4b1'], 'ClickHouse Cloud API secret key (4b1d + 38)', /4b1d(?<body>[A-Za-z0-9]{38})(?![A-Za-z0-9])/dg],
    ['castai-api-key', ['castai_v1_'], 'CAST AI API key (castai_v1_ + 64 + _ + 8)', /castai_v1_(?<body>[A-Za-z0-9]{64})_[A-Za-z0-9]{8}(?![A-Za-z0-9])/dg],
    ['live-test-api-key', ['test_', 'live_'], 'Payment-platform live/test secret keys (Chargebee, Adyen client keys: test_/live_ + 30-40)', /(?:test|live)_(?<body>(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{30,39})(?![A-Za-z0-9_\-=])/dg],
    ['adyen-api-key', ['aqe'], 'Adyen API key (AQE<id>.<50-80>)', /AQE[a-z0-9]{5,20}\.(?<body>[A-Za-z0-9_=\-]{50,80})(?![A-Za-z0-9_=\-])/dg],
    ['chieftools-token', ['ctp_', 'cto_', 'ctr_'], 'Chief Tools personal / access / refresh token', /ct[por]_(?<body>[A-Za-z0-9]{30,248})(?![A-Za-z0-9])/dg],
    ['django-secret-key', ['django-insecure-'], 'Django development SECRET_KEY (django-insecure- + 50 generated)', /django-insecure-(?<body>[^\s"'`]{20,250})(?=["'`\s]|$)/dg],
    ['artifactory-key', ['akc'], 'JFrog Artifactory API key (AKC + 10+, AKCp… when issued)', /AKC(?<body>[A-Za-z0-9]{10,90})(?![A-Za-z0-9])/dg],
    ['adobe-client-secret', ['p8e-'], 'Adobe Developer Console OAuth client secret (p8e- + 32)', /p8e-(?<body>[A-Za-z0-9_\-]{32})(?![A-Za-z0-9_\-])/dg],
    ['launchdarkly-key', ['sdk-', 'mob-'], 'LaunchDarkly SDK / mobile key (sdk-/mob- + UUID)', /(?:sdk|mob)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}(?![A-Za-z0-9])/dg, 'uuid'],
    ['gitlab-session-cookie', ['_gitlab_session='], 'GitLab session cookie (_gitlab_session= + 32 hex)', /_gitlab_session=(?<secret>(?<body>[a-f0-9]{32}))(?![A-Za-z0-9])/dg],
  ] as Array<[string, string[], string, RegExp, string?]>).map(([name, anchors, description, re, body]) =>
    rule(name, anchors, description, tokenRule({
      rule: name, severity: 'high', reveal: Math.min(8, anchors[0]!.length), fwd: 320, re,
      // A UUID body is random by construction except its version nibbles: check the hex digits only.
      ...(body === 'uuid' ? { random: false as const, check: (m: RegExpExecArray) => formatBodyOk(m[0].replace(/^.*?-.*?-/, '').replace(/-/g, '')) } : {}),
    })),
  ),
  rule('sidekiq-secret', ['contribsys'], 'Sidekiq Enterprise/Pro gem-server credentials (BUNDLE_…CONTRIBSYS__COM or URL)', (text, hitStart, hitEnd) => {
    const ws = Math.max(0, hitStart - 120);
    const win = text.slice(ws, Math.min(text.length, hitEnd + 120));
    const out: LeakSpan[] = [];
    const re = /(?:BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM["']?\s*[:=]\s*["']?(?<a>[a-f0-9]{8}:[a-f0-9]{8}))|(?:https?:\/\/(?<b>[a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com)/dgi;
    let m: RegExpExecArray | null;
    while ((m = re.exec(win)) !== null) {
      const g = m.indices!.groups!.a ?? m.indices!.groups!.b!;
      out.push({ start: ws + g[0], end: ws + g[1], family: 'secret', rule: 'sidekiq-secret', severity: 'high', priority: PRIORITY.format });
    }
    return out;
  }),
  rule('nuget-config-password', ['cleartextpassword'], 'NuGet.config ClearTextPassword value', (text, _hitStart, hitEnd) => {
    const win = text.slice(hitEnd, Math.min(text.length, hitEnd + 300));
    const m = /^["']\s+value\s*=\s*["']([^"']{1,256})["']/d.exec(win);
    if (m === null || isPlaceholder(m[1]!) || m[1]!.length < 4) return [];
    const s = hitEnd + m.indices![1]![0];
    return [{ start: s, end: s + m[1]!.length, family: 'secret', rule: 'password', severity: 'high', priority: PRIORITY.format }];
  }),
  // --- keys and tokens by structure
  rule('private-key', ['-----begin'], 'PEM / OpenSSH / PGP private key block with a key body', pem, 'critical'),
  rule('putty-private-key', ['putty-user-key-file-'], 'PuTTY private key file', tokenRule({
    rule: 'private-key', severity: 'critical', fwd: 200, boundary: false, random: false,
    re: /PuTTY-User-Key-File-\d: [a-z0-9\-]+\s+Encryption: [a-z0-9\-]+/dg,
  }), 'critical'),
  rule('jwt', ['eyj', 'ewog', 'ewoj', 'eyai', 'ewoi'], 'JSON Web Token: the header decodes to a JSON object with an alg, three or five parts', jwt),
  rule('bip32-xprv', ['xprv', 'tprv', 'yprv', 'zprv', 'uprv', 'vprv'], 'BIP-32 extended private key (Base58Check-validated)', extendedKey, 'critical'),
  rule('hex-private-key', ['priv', 'secret_key', 'secretkey', 'signing_key', 'signingkey', 'wallet_key', 'eth_key', 'mnemonic_key', 'seed_hex'], '64-hex private key next to a private-key word', hexPrivateKey, 'critical'),
  rule('solana-keypair', ['keypair', 'solana', 'secret_key', 'secretkey', 'private_key', 'privatekey', 'wallet', 'phantom'], 'Solana keypair: the 64-byte array of a keypair file, or its 87-88 char base58 form, next to a key word', solanaKeypair, 'critical'),
  rule('url-credentials', ['://'], 'user:password@host credentials inside a URL', urlCredentials),
  rule('auth-header', ['authorization', 'bearer ', 'x-api-key', 'api-key:', 'x-auth-token', 'private-token', 'x-access-token'], 'Credentials in an Authorization / API-key header', authHeader),
  rule('curl-auth-user', ['curl '], 'curl -u user:password', curlUser),
  rule('kubernetes-secret', ['kind: secret', 'kind: "secret"', '"kind": "secret"', "kind: 'secret'"], 'Kubernetes Secret manifest data values', kubernetesSecret),
  // --- generic, gated by context words
  rule('generic-secret', ['secret', 'token', '_pass', '-pass', '.pass', 'pass"', "pass'", 'pass =', 'api_key', 'apikey', 'api-key', 'api key', 'access_key', 'accesskey', 'access key', 'client_secret', 'credential', 'auth_key', 'authkey', 'private_key', 'privatekey', 'signing', 'passwd', 'password', 'passphrase', 'pwd', 'pass:', 'pass=', '_key', '-key', 'key=', 'key:', 'key"', "key'", 'key =', 'key :', 'contrase', 'passwort', 'kennwort', 'senha', 'wachtwoord', 'salasana', 'sifre', 'auth"', "auth'", 'auth:', 'auth=', 'auth ='], 'A random-looking value or a literal password assigned to a key/secret/token/password name', generic),
  // --- vendors whose keys have no prefix: name/variable context + the vendor's exact value shape
  rule('ibm-cloud-iam-key', ['ibm', 'iam_api', 'iam-api', 'iamapikey', 'bluemix'], 'IBM Cloud IAM API key (44 chars) in IBM/IAM context', vendorRule('ibm-cloud', [
    { value: /^[A-Za-z0-9_\-]{44}$/, rule: 'ibm-cloud-iam-key' },
    { key: /secret|hmac/i, value: /^[a-f0-9]{48}$/, rule: 'ibm-cos-hmac-secret' },
    { key: /access|hmac|key/i, value: /^[a-f0-9]{32}$/, rule: 'ibm-cos-hmac-key' },
  ], 'critical'), 'critical'),
  rule('ibm-cos-hmac', ['cos_hmac', 'cos-hmac', 'coshmac', 'hmac_keys', 'hmac-keys', 'cloud-object-storage', 'cloud_object_storage'], 'IBM Cloud Object Storage HMAC secret (48 hex) / access key (32 hex)', vendorRule('ibm-cos', [
    { key: /secret/i, value: /^[a-f0-9]{48}$/, rule: 'ibm-cos-hmac-secret' },
    { value: /^[a-f0-9]{32}$/, rule: 'ibm-cos-hmac-key' },
  ], 'critical'), 'critical'),
  rule('softlayer-key', ['softlayer', 'sl_api', 'sl-api', 'slapi'], 'SoftLayer API key (64 hex) in SoftLayer context', vendorRule('softlayer', [
    { value: /^[a-z0-9]{64}$/, rule: 'softlayer-api-key' },
  ], 'critical'), 'critical'),
  rule('softlayer-url-key', ['api.softlayer.com/'], 'SoftLayer API key (64 hex) in an api.softlayer.com endpoint path', tokenRule({
    rule: 'softlayer-api-key', severity: 'critical', fwd: 120, boundary: false,
    re: /api\.softlayer\.com\/(?:soap|rest|xmlrpc)\/v3(?:\.1)?\/(?<secret>(?<body>[a-f0-9]{64}))(?![A-Za-z0-9])/dg,
  }), 'critical'),
  rule('cloudant-credential', ['cloudant'], 'IBM Cloudant password (64 hex) / API key (24 lowercase) in Cloudant context', vendorRule('cloudant', [
    { value: /^[a-f0-9]{64}$/, rule: 'cloudant-password' },
    { value: /^[a-z]{24}$/, rule: 'cloudant-api-key' },
  ])),
  rule('twilio-credential', ['twilio'], 'Twilio auth token (32 hex) / API key SID in Twilio context', vendorRule('twilio', [
    { value: /^SK[0-9a-fA-F]{32}$/, rule: 'twilio-api-key' },
    { key: /token|secret|auth/i, value: /^[0-9a-f]{32}$/, rule: 'twilio-auth-token' },
  ])),
  rule('sumologic-credential', ['sumo'], 'Sumo Logic access id (su + 12) / access key (64) in Sumo Logic context', vendorRule('sumologic', [
    { key: /id/i, value: /^su[A-Za-z0-9]{12}$/, rule: 'sumologic-access-id' },
    { value: /^[A-Za-z0-9]{64}$/, rule: 'sumologic-access-key' },
  ])),
  rule('uuid-token-vendors', ['snyk', 'heroku', 'hubspot', 'messagebird', 'okta', 'newrelic', 'new_relic', 'pagerduty', 'datadog', 'rollbar', 'mapbox', 'algolia', 'airtable', 'polygon', 'finnhub', 'alphavantage', 'alpha_vantage', 'tiingo', 'coingecko', 'coinmarketcap', 'cmc_pro', 'etherscan', 'infura', 'alchemy', 'moralis'], 'API token in a named vendor context: UUID, 32/40-hex or 24-64 char token', (text, hitStart, hitEnd) => {
    const vendor = text.slice(hitStart, hitEnd).toLowerCase();
    return vendorRule(vendor, [
      { value: kUuid, rule: 'vendor-api-key' },
      { value: /^[0-9a-f]{32}$|^[0-9a-f]{40}$|^[0-9a-f]{64}$/i, rule: 'vendor-api-key' },
      { value: /^(?=[A-Za-z0-9_\-]*\d)(?=[A-Za-z0-9_\-]*[A-Za-z])[A-Za-z0-9_\-]{20,64}$/, rule: 'vendor-api-key' },
    ])(text, hitStart, hitEnd);
  }),
  rule('sonar-sourcegraph-token', ['sonar', 'sourcegraph', 'src_access_token'], 'SonarQube / Sourcegraph token (40 hex) assigned in their context', vendorRule('sonar/sourcegraph', [
    { value: /^(?:sq[upa]_[a-f0-9]{40}|(?:sgp_(?:[a-fA-F0-9]{16}_|local_)?)?[a-fA-F0-9]{40})$/, rule: 'code-platform-token' },
    { key: /token|login|key/i, value: /^(?:sq[upa]_)?(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{40}$/, rule: 'code-platform-token' },
  ])),
  rule('vault-legacy-token', ['vault'], 'HashiCorp Vault legacy service token (s. + 24) assigned in Vault context', vendorRule('vault', [
    { key: /token/i, value: /^s\.(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{24}$/, rule: 'hashicorp-token' },
  ], 'critical'), 'critical'),
  rule('facebook-secret', ['facebook', 'fb_app', 'fb-app', 'fbapp'], 'Facebook/Meta app secret (32 hex) and app access token (app id|secret) in Facebook context', (text, hitStart, hitEnd) => [
    ...facebookSecret(text, hitStart, hitEnd),
    ...facebookAppToken(text, hitStart, hitEnd),
  ]),
  rule('npmrc-auth', ['_authtoken', '_auth', '_password'], '.npmrc registry credentials (//registry/:_authToken, _auth, _password)', (text, hitStart, hitEnd) => {
    // npm reads these keys only scoped to a registry, `//host[:port][/path]/:_authToken` (npm 9 refuses
    // unscoped auth): a key without a `//host/:` scope (`_authToken=`, `//host:_authToken`, `///:_authToken`)
    // is a malformed line that authenticates nothing.
    if (!/\/\/[A-Za-z0-9][A-Za-z0-9.\-]*(?::\d+)?(?:\/[^\s:/]+)*\/:$/.test(text.slice(Math.max(0, hitStart - 300), hitStart))) return [];
    const m = /^\s*=\s*(\S+)/.exec(text.slice(hitEnd, hitEnd + 300));
    if (m === null) return [];
    const value = m[1]!.replace(/^["']|["']$/g, '');
    if (isPlaceholder(value)) return [];
    // _authToken: a UUID (legacy), npm_… or another random token; _auth / _password: base64 credentials.
    const token = kUuid.test(value) || /^npm_[A-Za-z0-9]{36}$/.test(value) || looksRandom(value, 20);
    const b64 = /^[A-Za-z0-9+/]{8,}={0,2}$/.test(value) && /^[\x20-\x7e]{4,}$/.test(Buffer.from(value, 'base64').toString('latin1')) && !isPlaceholder(Buffer.from(value, 'base64').toString('latin1'));
    if (!(text.slice(hitStart, hitEnd).toLowerCase() === '_authtoken' ? token : b64 || token)) return [];
    const s = text.indexOf(value, hitEnd - 1);
    return [{ start: s, end: s + value.length, family: 'secret', rule: 'npm-token', severity: 'high', priority: PRIORITY.format }];
  }),
  rule('artifactory-token', ['akcp', 'cmvmdgtu'], 'JFrog Artifactory API key (AKCp…) and reference token (base64 "reftkn")', tokenRule({
    rule: 'artifactory-token', severity: 'high', reveal: 4, fwd: 100,
    re: /(?:AKCp[A-Za-z0-9]{69}|cmVmdGtu[A-Za-z0-9]{56})(?![A-Za-z0-9])/dg,
  })),
  // --- exchanges
  ...kVenues.map(([venue, anchors]) =>
    rule(`exchange-${venue}`, anchors, `${venue} API key / secret / passphrase assigned in ${venue} context`, exchangeConfirmer(venue), 'critical'),
  ),
  rule('alpaca-key-id', ['apca'], 'Alpaca API key id (PK/AK + 18) in APCA header or variable', tokenRule({
    rule: 'exchange-api-key', severity: 'critical', back: 0, fwd: 80, boundary: false,
    re: /APCA[_\-]API[_\-]KEY[_\-]ID["']?\s*[:=]\s*["']?(?<secret>[PA]K(?<body>[A-Z0-9]{18}))(?![A-Za-z0-9])/dgi,
  }), 'critical'),
  rule('oanda-token', ['oanda'], 'OANDA v20 personal access token (32 hex - 32 hex) in OANDA context', (text, hitStart, hitEnd) => {
    const ws = Math.max(0, hitStart - 200);
    const win = text.slice(ws, Math.min(text.length, hitEnd + 300));
    const out: LeakSpan[] = [];
    const re = /(?<![A-Za-z0-9])[a-f0-9]{32}-[a-f0-9]{32}(?![A-Za-z0-9])/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(win)) !== null) {
      if (!formatBodyOk(m[0].replace('-', ''))) continue;
      out.push({ start: ws + m.index, end: ws + m.index + m[0].length, family: 'secret', rule: 'exchange-api-key', severity: 'critical', priority: PRIORITY.format, details: { venue: 'oanda' } });
    }
    return out;
  }, 'critical'),
  // --- personal data
  rule('ssn-context', ['ssn', 'social security', 'social_security', 'socialsecurity'], 'US SSN written as 9 plain digits after an SSN word (invalid ranges excluded)', (text, _hitStart, hitEnd) => {
    const m = /^[^\d\n]{0,24}?(?<![\d-])(\d{3}[ \-]?\d{2}[ \-]?\d{4})(?![\d-])/d.exec(text.slice(hitEnd, hitEnd + 48));
    if (m === null || !ssnValid(m[1]!.replace(/\D/g, ''))) return [];
    const s = hitEnd + m.indices![1]![0];
    return [{ start: s, end: s + m[1]!.length, family: 'pii', rule: 'ssn', severity: 'high', priority: PRIORITY.validated }];
  }, 'high', 'pii'),
  rule('phone-context', ['phone', 'tel:', 'tel.', 'mobile', 'cell:', 'whatsapp', 'telefon', 'call me'], 'Phone number (7-15 digits, any national format) after a phone word', (text, _hitStart, hitEnd) => {
    const m = /^[^\d+\n]{0,24}?(\+?\(?\d[\d ()\-.\/]{5,20}\d)(?![\d\-])/d.exec(text.slice(hitEnd, hitEnd + 60));
    if (m === null) return [];
    const v = m[1]!;
    const digits = v.replace(/\D/g, '');
    // Dates, times and versions are not phone numbers.
    if (digits.length < 7 || digits.length > 15 || /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(v) || /^(\d)\1+$/.test(digits)) return [];
    const s = hitEnd + m.indices![1]![0];
    return [{ start: s, end: s + v.length, family: 'pii', rule: 'phone', severity: 'medium', priority: PRIORITY.context }];
  }, 'medium', 'pii'),
  rule('account-number', ['account', 'acct', 'a/c', 'konto', 'routing'], '6-17 digit account number after an account word', accountNumber, 'medium', 'pii'),
];

/**
 * Prefixes with look-alike digits (`A3T`, `4b1d`, `GR1348941`) carry two anchors: the prefix itself, which
 * the pack compiler folds like a token whose digits are read as letters (it then matches texts whose token
 * was folded the same way), and a short or letter-free part that is never folded (`a3t` + `aet`,
 * `4b1d` + `4b1`, `gr1348941` + `1348941`) for tokens that also hold a 2 or 6 and so stay unfolded.
 *
 * Anchors are lowercase and contain no digit between letters: the engine's normalizer folds look-alike
 * digits (`3`→`e`) depending on their neighbours, so an anchor like `t3blbkfj` matches alone but not
 * inside `…y2T3BlbkFJ…`. Digits are fine at the edge of a token prefix (`sk_live_`, `pat-na1-`).
 */
for (const r of ANCHORED_RULES) {
  for (const a of r.anchors) {
    if (a.length === 0 || a !== a.toLowerCase()) throw new Error(`leak rule ${r.id}: anchor ${JSON.stringify(a)} must be non-empty lowercase`);
  }
}

