/**
 * Detectors with no literal anchor, run in ONE pass of charCode loops over the raw text:
 * - digit groups → payment cards (issuer range + Luhn), US SSNs (formatted, invalid ranges excluded),
 *   phone numbers (E.164 with '+', NANP 3-3-4), Telegram bot tokens;
 * - alphanumeric runs → IBANs (mod-97, compact or grouped by four), WIF keys (Base58Check), Twilio API
 *   key SIDs, Discord bot tokens (first segment decodes to a numeric user id), hex-encoded text;
 * - base64 runs → decoded once and re-scanned, a finding inside is reported on the encoded span;
 * - whitespace-separated words → BIP-39 mnemonics (12-24 wordlist words, checksum-validated).
 */
import { MAX_WORD_UNITS, mnemonicLanguage, wordMaskByHash } from './mnemonic.ts';
import { formatBodyOk } from './rules.ts';
import { scanExtraSpans } from './unanchored-extra.ts';
import { PRIORITY, type LeakSpan } from './span.ts';
import { classifyBase58Secret, isBase58Char } from './validators/base58.ts';
import { ibanLength, ibanValid } from './validators/iban.ts';
import { cardScheme, luhnValid } from './validators/luhn.ts';
import { ssnValid } from './validators/ssn.ts';

/** 1 digit, 2 upper, 3 lower, 0 anything else (ASCII only). */
const kCharClass = new Uint8Array(128);
for (let c = 48; c <= 57; c++) kCharClass[c] = 1;
for (let c = 65; c <= 90; c++) kCharClass[c] = 2;
for (let c = 97; c <= 122; c++) kCharClass[c] = 3;

/** Scans decoded layers (base64/hex) of `text`; supplied by detect.ts to avoid an import cycle. */
export type LayerScanner = (decoded: string) => LeakSpan[];

interface DigitChain {
  start: number;
  end: number;
  /** Start offset of each group. */
  starts: number[];
  ends: number[];
}

function isSpaceCode(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}


const kMinEncoded = 24;

export function scanUnanchoredSpans(text: string, layer?: LayerScanner): LeakSpan[] {
  const out: LeakSpan[] = [];
  const n = text.length;

  // --- digit chains: groups of digits joined by one or two separator characters ---------------
  // Fixed-size scratch (no allocation per number): at most 12 groups per chain.
  const chainStarts = new Int32Array(12);
  const chainEnds = new Int32Array(12);
  let chainCount = 0;
  let chainDigits = 0;
  const flushChain = (): void => {
    // Cards need 12+ digits, phones 8+, SSNs 9, Telegram bot ids 8+: shorter chains (prices, sizes) end here.
    if (chainDigits >= 8 && chainWorthEvaluating()) {
      const starts = Array.from(chainStarts.subarray(0, chainCount));
      const ends = Array.from(chainEnds.subarray(0, chainCount));
      evaluateChain(text, { start: starts[0]!, end: ends[chainCount - 1]!, starts, ends }, out);
    }
    chainCount = 0;
    chainDigits = 0;
  };
  /** A lone digit run is a card (12-19 digits, issuer 2-6), a '+' phone, or a Telegram bot id before ':'; else skip. */
  const chainWorthEvaluating = (): boolean => {
    if (chainCount > 1) return true;
    const s = chainStarts[0]!;
    const len = chainEnds[0]! - s;
    if (s > 0 && text.charCodeAt(s - 1) === 43) return true;
    if (len >= 8 && len <= 10 && text.charCodeAt(chainEnds[0]!) === 58) return true;
    const d = text.charCodeAt(s);
    return len >= 12 && len <= 19 && d >= 50 && d <= 54;
  };
  const addDigitRun = (s: number, e: number): void => {
    if (chainCount > 0) {
      if (chainCount < 12 && isChainGap(text, chainEnds[chainCount - 1]!, s)) {
        chainStarts[chainCount] = s;
        chainEnds[chainCount++] = e;
        chainDigits += e - s;
        return;
      }
      flushChain();
    }
    chainStarts[0] = s;
    chainEnds[0] = e;
    chainCount = 1;
    chainDigits = e - s;
  };

  // --- mnemonic word runs (positions only; words are sliced when a run reaches 12) --------------
  let runStarts: Int32Array = new Int32Array(64);
  let runEnds: Int32Array = new Int32Array(64);
  let runCount = 0;
  let runMask = 0;
  const flushRun = (): void => {
    if (runCount >= 12) evaluateMnemonicRun(text, Array.from(runStarts.subarray(0, runCount)), Array.from(runEnds.subarray(0, runCount)), runMask, out);
    runCount = 0;
    runMask = 0;
  };
  const pushWord = (s: number, e: number, mask: number): void => {
    if (runCount === runStarts.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      runStarts = grow(runStarts);
      runEnds = grow(runEnds);
    }
    runMask = runCount === 0 ? mask : runMask & mask;
    runStarts[runCount] = s;
    runEnds[runCount++] = e;
  };

  let alnumStart = -1;
  let alnumFlags = 0; // 1 lower, 2 upper, 4 digit, 8 non-hex letter
  let b64Start = -1;
  let tokStart = -1;
  let coreStart = -1;
  let coreEnd = -1;
  let coreBroken = false;
  let hash = 0x811c9dc5;

  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 32;
    const cls = c < 128 ? kCharClass[c]! : 0;
    if (cls === 3 && coreEnd === i && alnumStart >= 0) {
      // Fast path: lowercase letters continuing a word (most of any prose). One tight loop, no other state.
      let j = i;
      let h = hash;
      let f = alnumFlags;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d < 97 || d > 122) break;
        h = Math.imul(h ^ d, 0x01000193);
        f |= d > 102 ? 9 : 1;
        j++;
      }
      hash = h;
      alnumFlags = f;
      coreEnd = j;
      i = j - 1;
      continue;
    }
    if (cls !== 0) {
      const isDigit = cls === 1;
      const isUpper = cls === 2;
      if (alnumStart < 0) {
        alnumStart = i;
        alnumFlags = 0;
        if (b64Start < 0) b64Start = i;
      }
      alnumFlags |= isDigit ? 4 : isUpper ? (c > 70 ? 10 : 2) : c > 102 ? 9 : 1;
      if (tokStart < 0) {
        tokStart = i;
        coreStart = -1;
        coreEnd = -1;
        coreBroken = false;
        hash = 0x811c9dc5;
      }
      if (!isDigit) {
        if (coreStart < 0) coreStart = i;
        else if (coreEnd !== i) coreBroken = true;
        coreEnd = i + 1;
        hash = Math.imul(hash ^ (isUpper ? c + 32 : c), 0x01000193);
      }
      continue;
    }
    // a non-alphanumeric character: close the alphanumeric run
    if (alnumStart >= 0) {
      if (alnumFlags === 4) addDigitRun(alnumStart, i);
      else {
        if (chainCount > 0) flushChain();
        if (i - alnumStart >= 4) alnumRun(text, alnumStart, i, alnumFlags, out, layer);
      }
      alnumStart = -1;
    }
    if (c === 64) emailAt(text, i, out);
    // base64 runs (superset of alphanumeric runs)
    if (c === 43 || c === 47 || c === 95 || c === 45 || c === 61) {
      if (b64Start < 0) b64Start = i;
    } else if (b64Start >= 0) {
      if (layer !== undefined && i - b64Start >= kMinEncoded) base64Run(text, b64Start, i, out, layer);
      b64Start = -1;
    }
    // words separated by whitespace or commas (`["abandon","ability",…]`)
    if (isSpaceCode(c) || c === 44) {
      if (tokStart >= 0) {
        if (coreStart < 0) {
          // punctuation/digit-only token ("1.", "-", "12)") stays transparent inside a run
          if (runCount > 0 && i - tokStart > 4) flushRun();
        } else {
          const len = coreEnd - coreStart;
          const mask = !coreBroken && len <= MAX_WORD_UNITS ? wordMaskByHash(hash >>> 0) : 0;
          // Sentence punctuation bounds a phrase: "Market wrap: word word …" starts a new run after the colon,
          // and a word ending in . : ; ! ? closes the run after itself. Commas and quotes do not.
          const lead = coreStart > tokStart ? text.charCodeAt(coreStart - 1) : 0;
          if (runCount > 0 && (lead === 58 || lead === 46 || lead === 59 || lead === 33 || lead === 63)) {
            if (!/^\d+[.):]$/.test(text.slice(tokStart, coreStart))) flushRun();
          }
          if (mask !== 0 && (runCount === 0 || (runMask & mask) !== 0)) {
            pushWord(coreStart, coreEnd, mask);
          } else {
            if (runCount > 0) flushRun();
            if (mask !== 0) pushWord(coreStart, coreEnd, mask);
          }
          const trail = coreEnd < i ? text.charCodeAt(coreEnd) : 0;
          if (runCount > 0 && (trail === 58 || trail === 46 || trail === 59 || trail === 33 || trail === 63)) flushRun();
        }
        tokStart = -1;
      }
    } else {
      if (tokStart < 0) {
        tokStart = i;
        coreStart = -1;
        coreEnd = -1;
        coreBroken = false;
        hash = 0x811c9dc5;
      }
      if (c >= 128) {
        // non-ASCII letters (other wordlists); ASCII punctuation ends the core, letters after it break the word
        if (coreStart < 0) coreStart = i;
        else if (coreEnd !== i) coreBroken = true;
        coreEnd = i + 1;
        hash = Math.imul(hash ^ c, 0x01000193);
      }
    }
  }
  flushChain();
  flushRun();
  scanExtraSpans(text, out);
  return out;
}

/** Between digit groups of one number: ' ', '-', '.', '/', ')', '(', ') ', ' (', '-(', ') -'. */
function isChainGap(text: string, from: number, to: number): boolean {
  const len = to - from;
  if (len === 1) {
    const c = text.charCodeAt(from);
    return c === 32 || c === 45 || c === 46 || c === 47 || c === 41 || c === 40;
  }
  if (len === 2 || len === 3) {
    const g = text.slice(from, to);
    return g === ') ' || g === ' (' || g === '-(' || g === ') -' || g === ')-';
  }
  return false;
}

// ----------------------------------------------------------------------------- digit chains

const kNanpSeps = new Set(['--', '..', '  ', ') -', ')  ', ')-']);

function evaluateChain(text: string, chain: DigitChain, out: LeakSpan[]): void {
  const g = chain.starts.length;
  const lens = chain.starts.map((s, k) => chain.ends[k]! - s);
  const before = chain.start > 0 ? text.charCodeAt(chain.start - 1) : 0;
  // Numbers glued to letters or decimals ("v2.4111…", "x1234") are not cards or phones.
  if ((before >= 65 && before <= 90) || (before >= 97 && before <= 122) || before === 46 || before === 44) return;
  const gaps: string[] = [];
  for (let k = 1; k < g; k++) gaps.push(text.slice(chain.ends[k - 1]!, chain.starts[k]!));

  // Payment cards: a single run, or groups separated consistently by spaces or dashes.
  for (let a = 0; a < g; a++) {
    let digits = '';
    for (let b = a; b < g && digits.length < 19; b++) {
      if (b > a && !(gaps[b - 1] === ' ' || gaps[b - 1] === '-')) break;
      if (b > a + 1 && gaps[b - 1] !== gaps[a]) break;
      digits += text.slice(chain.starts[b]!, chain.ends[b]!);
      if (digits.length >= 12 && digits.length <= 19 && (b === g - 1 || !/^[ \-]$/.test(gaps[b]!) || digits.length >= 16)) {
        const grouped = b > a;
        if (grouped && !groupedLikeCard(lens.slice(a, b + 1))) continue;
        if (/^(\d)\1+$/.test(digits)) continue;
        const scheme = cardScheme(digits);
        if (scheme !== null && luhnValid(digits)) {
          out.push({ start: chain.starts[a]!, end: chain.ends[b]!, family: 'pii', rule: 'payment-card', severity: 'high', priority: PRIORITY.validated, details: { scheme } });
          return;
        }
      }
    }
  }

  // US SSN: ddd-dd-dddd (or spaced), invalid ranges excluded.
  for (let a = 0; a + 2 < g; a++) {
    if (lens[a] === 3 && lens[a + 1] === 2 && lens[a + 2] === 4 && gaps[a] === gaps[a + 1] && (gaps[a] === '-' || gaps[a] === ' ')) {
      if (a + 3 < g && (gaps[a + 2] === '-' || gaps[a + 2] === ' ')) continue;
      const nine = text.slice(chain.starts[a]!, chain.ends[a]!) + text.slice(chain.starts[a + 1]!, chain.ends[a + 1]!) + text.slice(chain.starts[a + 2]!, chain.ends[a + 2]!);
      if (ssnValid(nine)) {
        out.push({ start: chain.starts[a]!, end: chain.ends[a + 2]!, family: 'pii', rule: 'ssn', severity: 'high', priority: PRIORITY.validated });
        return;
      }
    }
  }

  // Phones: E.164 after '+', or NANP (NXX) NXX-XXXX.
  const all = chain.starts.map((s, k) => text.slice(s, chain.ends[k]!)).join('');
  if (before === 43 /* + */) {
    if (all.length >= 8 && all.length <= 15 && all[0] !== '0' && (g > 1 || all.length >= 10)) {
      if (g === 1 || gaps.every((x) => x === ' ' || x === '-' || x === '.' || x === ' (' || x === ') ' || x === '(' || x === ')')) {
        out.push({ start: chain.start - 1, end: chain.end, family: 'pii', rule: 'phone', severity: 'medium', priority: PRIORITY.format });
      }
    }
    return;
  }
  for (let a = 0; a + 2 < g; a++) {
    const lead1 = lens[a] === 1 && text[chain.starts[a]!] === '1' && a + 3 < g;
    const k = lead1 ? a + 1 : a;
    if (!(lens[k] === 3 && lens[k + 1] === 3 && lens[k + 2] === 4)) continue;
    const sep = (gaps[k] ?? '') + (gaps[k + 1] ?? '');
    const paren = text.charCodeAt(chain.starts[k]! - 1) === 40;
    if (!(kNanpSeps.has(sep) || (paren && /^\) ?-?$/.test(gaps[k]!) && (gaps[k + 1] === '-' || gaps[k + 1] === ' ')))) continue;
    if (!paren && gaps[k] !== gaps[k + 1]) continue;
    const area = text.charCodeAt(chain.starts[k]!) - 48;
    const exch = text.charCodeAt(chain.starts[k + 1]!) - 48;
    if (area < 2 || exch < 2) continue;
    if (k + 3 < g && /^[\-.]$/.test(gaps[k + 2]!)) continue; // part of a longer dotted/dashed number
    const start = lead1 ? chain.starts[a]! : paren ? chain.starts[k]! - 1 : chain.starts[k]!;
    out.push({ start, end: chain.ends[k + 2]!, family: 'pii', rule: 'phone', severity: 'medium', priority: PRIORITY.format });
    return;
  }

  // Telegram bot token: <8-10 digit bot id>:AA<33 chars>
  if (g === 1 && lens[0]! >= 8 && lens[0]! <= 10 && text.charCodeAt(chain.end) === 58) {
    const m = /^:(AA[A-Za-z0-9_\-]{33})(?![A-Za-z0-9_\-])/.exec(text.slice(chain.end, chain.end + 40));
    if (m !== null) out.push({ start: chain.start, end: chain.end + 36, family: 'secret', rule: 'telegram-bot-token', severity: 'high', reveal: 0, priority: PRIORITY.format });
  }
}

/** Card numbers are printed in groups of four (Amex 4-6-5, Diners 4-6-4). */
function groupedLikeCard(lens: number[]): boolean {
  const s = lens.join(',');
  if (s === '4,6,5' || s === '4,6,4') return true;
  for (let k = 0; k < lens.length - 1; k++) if (lens[k] !== 4) return false;
  return lens[lens.length - 1]! >= 1 && lens[lens.length - 1]! <= 4;
}

// ------------------------------------------------------------------------ alphanumeric runs

function alnumRun(text: string, s: number, e: number, flags: number, out: LeakSpan[], layer?: LayerScanner): void {
  const len = e - s;
  const c0 = text.charCodeAt(s);
  const c1 = text.charCodeAt(s + 1);
  // IBAN: CCdd + BBAN, compact …
  if (len >= 15 && len <= 34 && c0 >= 65 && c0 <= 90 && c1 >= 65 && c1 <= 90 && (flags & 1) === 0) {
    const v = text.slice(s, e);
    if (ibanValid(v)) {
      out.push({ start: s, end: e, family: 'pii', rule: 'iban', severity: 'medium', priority: PRIORITY.validated, details: { country: v.slice(0, 2) } });
      return;
    }
  }
  // … or printed in groups of four: "DE89 3704 0044 0532 0130 00"
  if (len === 4 && c0 >= 65 && c0 <= 90 && c1 >= 65 && c1 <= 90 && text.charCodeAt(e) === 32) {
    const want = ibanLength(text.slice(s, s + 2));
    if (want !== undefined && /^\d\d$/.test(text.slice(s + 2, e))) {
      const m = /^(?: [A-Z0-9]{1,4}){1,8}/.exec(text.slice(e, e + 44));
      if (m !== null) {
        const groups = m[0].split(' ').slice(1);
        let compact = text.slice(s, e);
        let end = e;
        for (const grp of groups) {
          if (compact.length + grp.length > want) break;
          compact += grp;
          end += 1 + grp.length;
          if (compact.length === want) break;
          if (grp.length < 4) break;
        }
        if (compact.length === want && ibanValid(compact) && !/^[A-Za-z0-9]/.test(text.slice(end, end + 1))) {
          out.push({ start: s, end, family: 'pii', rule: 'iban', severity: 'medium', priority: PRIORITY.validated, details: { country: compact.slice(0, 2) } });
          return;
        }
      }
    }
  }
  // WIF private key: 51 chars from '5'/'9', 52 from 'K'/'L'/'c'; Base58Check with version 0x80/0xef.
  if ((len === 51 && (c0 === 53 || c0 === 57)) || (len === 52 && (c0 === 75 || c0 === 76 || c0 === 99))) {
    let ok = true;
    for (let i = s; i < e && ok; i++) ok = isBase58Char(text.charCodeAt(i));
    if (ok && classifyBase58Secret(text.slice(s, e)) === 'wif') {
      out.push({ start: s, end: e, family: 'secret', rule: 'wif-private-key', severity: 'critical', reveal: 0, priority: PRIORITY.validated });
      return;
    }
  }
  // GitLab runner registration token: GR1348941 + 20 (no safe literal anchor: the prefix is mostly digits).
  if (len >= 9 && c0 === 71 && c1 === 82 && text.startsWith('GR1348941', s) && boundaryOk(text, s)) {
    const m = /^GR1348941[A-Za-z0-9_\-]{20}(?![A-Za-z0-9_\-])/.exec(text.slice(s, s + 30));
    if (m !== null && formatBodyOk(m[0].slice(9))) {
      out.push({ start: s, end: s + 29, family: 'secret', rule: 'gitlab-token', severity: 'critical', reveal: 9, priority: PRIORITY.format });
      return;
    }
  }
  // Twilio API key SID (SK) / account SID (AC): 2 letters + 32 hex.
  if (len === 34 && ((c0 === 83 && c1 === 75) || (c0 === 65 && c1 === 67)) && /^(?:SK|AC)[0-9a-fA-F]{32}$/.test(text.slice(s, e))) {
    out.push({ start: s, end: e, family: 'secret', rule: c0 === 83 ? 'twilio-api-key' : 'twilio-account-sid', severity: 'medium', reveal: 2, priority: PRIORITY.format });
    return;
  }
  // Discord bot token: base64(user id).6.27+
  if (len >= 23 && len <= 28 && text.charCodeAt(e) === 46 && (c0 === 77 || c0 === 78 || c0 === 79)) {
    const m = /^\.[A-Za-z0-9_\-]{6}\.[A-Za-z0-9_\-]{27,38}(?![A-Za-z0-9_\-])/.exec(text.slice(e, e + 48));
    // The first segment is base64 of the numeric user id; accept it decoded, or by Discord's exact segment lengths.
    const decodesToId = /^\d{17,20}$/.test(Buffer.from(text.slice(s, e), 'base64').toString('latin1'));
    const exactShape = len >= 24 && len <= 26 && /^\.[A-Za-z0-9_\-]{6}\.(?:[A-Za-z0-9_\-]{27}|[A-Za-z0-9_\-]{38})$/.test(m?.[0] ?? '') && (flags & 7) === 7;
    if (m !== null && (decodesToId || exactShape)) {
      out.push({ start: s, end: e + m[0].length, family: 'secret', rule: 'discord-bot-token', severity: 'high', reveal: 0, priority: PRIORITY.validated });
      return;
    }
  }
  // Hex-encoded text (e.g. an exfiltrated canary or key): decode once and re-scan.
  if (layer !== undefined && len >= kMinEncoded && len % 2 === 0 && (flags & 8) === 0 && (flags & 3) !== 3) {
    const decoded = Buffer.from(text.slice(s, e), 'hex').toString('latin1');
    if (mostlyPrintable(decoded)) pushLayer(out, layer(decoded), s, e, 'hex');
  }
}

function base64Run(text: string, s: number, e: number, out: LeakSpan[], layer: LayerScanner): void {
  const run = text.slice(s, e);
  // Mixed case is what base64 of text looks like; hex and words are handled elsewhere.
  if (!/[a-z]/.test(run) || !/[A-Z]/.test(run)) return;
  const buf = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (buf.length < 12) return;
  const decoded = buf.toString('utf8');
  if (!mostlyPrintable(decoded)) return;
  pushLayer(out, layer(decoded), s, e, 'base64');
}

function mostlyPrintable(s: string): boolean {
  if (s.length < 8) return false;
  let bad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 32 && c !== 10 && c !== 13 && c !== 9) || c === 0xfffd || (c >= 127 && c < 160)) bad++;
  }
  return bad <= s.length * 0.05;
}

function pushLayer(out: LeakSpan[], inner: LeakSpan[], s: number, e: number, encoding: string): void {
  if (inner.length === 0) return;
  const best = inner.reduce((a, b) => (b.priority > a.priority ? b : a));
  out.push({
    start: s,
    end: e,
    family: best.family,
    rule: best.rule,
    severity: best.severity,
    priority: best.priority,
    details: { encoding, inner: inner.map((x) => x.rule) },
  });
}

// --------------------------------------------------------------------------- mnemonics

const kSizes = [24, 21, 18, 15, 12];

/** In a run longer than this, a phrase is only looked for near its start or end (see below). */
const kLongRun = 30;

function evaluateMnemonicRun(text: string, starts: number[], ends: number[], mask: number, out: LeakSpan[]): void {
  const words = starts.map((s, k) => text.slice(s, ends[k]!).toLowerCase());
  // A seed phrase is written as its own run of words, maybe after a word or two that happen to be in the
  // list ("seed", "wallet"). Inside a long list of wordlist words, 1 window in 16 passes a 12-word checksum
  // by chance, so long runs are only searched within 6 words of their start or end.
  const long = words.length > kLongRun;
  let off = 0;
  while (off + 12 <= words.length) {
    if (long && off > 6 && off < words.length - 24 - 6) {
      off = words.length - 24 - 6;
      continue;
    }
    let found = 0;
    let language: string | null = null;
    for (const size of kSizes) {
      if (off + size > words.length) continue;
      language = mnemonicLanguage(words.slice(off, off + size), mask);
      if (language !== null) {
        found = size;
        break;
      }
    }
    if (found > 0) {
      out.push({
        start: starts[off]!,
        end: ends[off + found - 1]!,
        family: 'secret',
        rule: 'bip39-mnemonic',
        severity: 'critical',
        priority: PRIORITY.validated,
        details: { words: found, language },
      });
      off += found;
    } else off++;
  }
}

// ------------------------------------------------------------------------------- e-mail

const kLocalChar = /[A-Za-z0-9._%+\-]/;

/** E-mail address around the `@` at `at`; documentation domains (RFC 2606) and URL credentials are not personal data. */
function emailAt(text: string, at: number, out: LeakSpan[]): void {
  let s = at;
  while (s > 0 && at - s < 64 && kLocalChar.test(text[s - 1]!)) s--;
  if (s === at) return;
  const prev = s > 0 ? text[s - 1]! : '';
  if (prev === ':' || prev === '/') return;
  while (text.charCodeAt(s) === 46) s++;
  const m = /^@((?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24})(?![A-Za-z0-9\-])/.exec(text.slice(at, at + 260));
  if (m === null || s >= at) return;
  const domain = m[1]!.toLowerCase();
  if (/(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local)$/.test(domain)) return;
  const end = at + m[0].length;
  if (text.charCodeAt(end) === 58 && /^:[\w~\/.\-]/.test(text.slice(end, end + 2))) return; // git@host:org/repo
  out.push({ start: s, end, family: 'pii', rule: 'email', severity: 'medium', priority: PRIORITY.format });
}

/** The char before `s` is not part of a token (`_`/`-` included). */
function boundaryOk(text: string, s: number): boolean {
  if (s === 0) return true;
  const c = text.charCodeAt(s - 1);
  return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45);
}
