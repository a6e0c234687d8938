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
import { acquireCodes, releaseCodes } from './text.ts';

/** 1 digit, 2 upper, 3 lower, 0 anything else (every non-ASCII code unit included). */
const kCharClass = new Uint8Array(65536); // every UTF-16 code unit: no range test before the lookup
for (let c = 48; c <= 57; c++) kCharClass[c] = 1;
for (let c = 65; c <= 90; c++) kCharClass[c] = 2;
for (let c = 97; c <= 122; c++) kCharClass[c] = 3;

/**
 * ASCII punctuation that, inside a token and outside any run, changes nothing: not a separator (controls,
 * space, comma), not a base64 character (+ / _ - =), not `@` or `:` (which the pass looks around).
 */
const kQuiet = new Uint8Array(65536);
for (let c = 33; c < 128; c++) kQuiet[c] = kCharClass[c] === 0 && c !== 44 && c !== 43 && c !== 47 && c !== 95 && c !== 45 && c !== 61 && c !== 64 && c !== 58 ? 1 : 0;

/**
 * What a character outside [A-Za-z0-9] does in the general path, one lookup instead of a chain of compares:
 * QUIET as `kQuiet`; B64 the base64 punctuation `+ / _ - =`; SEP a word separator (controls, space, comma,
 * the Unicode spaces of `isSpaceCode`); AT_COLON `@` or `:`; HIGH any other code unit from U+0080.
 */
const QUIET = 1;
const B64 = 2;
const SEP = 4;
const AT_COLON = 8;
const HIGH = 16;
const kAction = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  if (kCharClass[c] !== 0) continue;
  let a = kQuiet[c] === 1 ? QUIET : 0;
  if (c === 43 || c === 47 || c === 95 || c === 45 || c === 61) a |= B64;
  if (c === 32 || c === 44 || c < 32 || (c >= 128 && isSpaceCode(c))) a |= SEP;
  else if (c >= 128) a |= HIGH;
  if (c === 64 || c === 58) a |= AT_COLON;
  kAction[c] = a;
}

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
/** Words in a BIP-39 phrase (the shortest phrase length). */
const kMinPhrase = 12;

/**
 * State of the rarer events of one scan (digit chains, stretches of words), kept out of the character
 * loop's locals. One per scan: a decoded layer is scanned while the outer scan is mid-stretch.
 */
class ScanState {
  out: LeakSpan[] = [];
  /** Digit groups of the current chain (at most 12). */
  readonly chainStarts = new Int32Array(12);
  readonly chainEnds = new Int32Array(12);
  chainCount = 0;
  chainDigits = 0;
  /**
   * Words since the last phrase boundary (sentence punctuation, a long punctuation-only token): where their
   * letters start and end, the end negated when the word cannot be a wordlist word. Nothing is hashed yet.
   */
  segStarts: Int32Array = new Int32Array(64);
  segEnds: Int32Array = new Int32Array(64);
  /** Wordlist mask per word of the stretch, looked up on demand: valid where `segStamp` holds `stamp`. */
  segMasks: Int32Array = new Int32Array(64);
  segStamp: Int32Array = new Int32Array(64);
  /** Numbers the stretches resolved (from 1), so masks need no clearing between them. */
  stamp = 0;
  segCount = 0;
  /**
   * Set when the text holds something `scanExtraSpans` (unanchored-extra.ts) could report: digits `d.d.d` (IPv4),
   * a hex digit, `:` and a hex digit or `:` (IPv6), a letter in U+00C0-U+04FF (seed phrases of other wordlists).
   * Each is a necessary condition of that file's patterns: keep them in step.
   */
  extraHint = false;
  text = '';
  codes: Uint16Array = new Uint16Array(0);

  /** Ready for a scan of `text` (the arrays are kept: every slot is written before it is read). */
  reset(text: string, codes: Uint16Array): void {
    this.out = [];
    this.chainCount = 0;
    this.chainDigits = 0;
    this.segCount = 0;
    this.extraHint = false;
    this.text = text;
    this.codes = codes;
  }
}

/** One state per nesting level (a decoded layer is scanned inside the outer scan), reused across scans. */
const statePool: ScanState[] = [];
let stateDepth = 0;

/** Unanchored detectors over `text` (its code units copied once into a reused buffer). */
export function scanUnanchoredSpans(text: string, layer?: LayerScanner): LeakSpan[] {
  const codes = acquireCodes(text);
  try {
    return scanUnanchoredCodes(text, codes, layer);
  } finally {
    releaseCodes();
  }
}

/**
 * The same over code units already in `codes` (from `acquireCodes(text)`, with its trailing space).
 * One pass; per character only a class test. Everything else happens where a token or run ends, and the
 * validators only when a run has the right shape: words are looked up in the wordlists only when a
 * stretch of 12+ of them could be a phrase (see `resolveStretch`).
 */
export function scanUnanchoredCodes(text: string, codes: Uint16Array, layer?: LayerScanner): LeakSpan[] {
  const st = (statePool[stateDepth] ??= new ScanState());
  st.reset(text, codes);
  stateDepth++;
  try {
    scanText(st, text, codes, layer);
    return st.out;
  } finally {
    stateDepth--;
    st.text = '';
    st.out = [];
  }
}

function scanText(st: ScanState, text: string, codes: Uint16Array, layer: LayerScanner | undefined): void {
  const n = text.length;

  let alnumStart = -1;
  let alnumLetters = false;
  let b64Start = -1;
  let tokStart = -1;
  let coreStart = -1;
  let coreEnd = -1;
  let coreBroken = false;
  let extraHint = false;

  // codes[n] is a space: the last iteration closes whatever is open.
  for (let i = 0; i <= n; i++) {
    const c = codes[i]!;
    const cls = kCharClass[c]!;
    if (cls !== 0) {
      if (alnumStart < 0) {
        alnumStart = i;
        alnumLetters = false;
        if (b64Start < 0) b64Start = i;
      }
      if (tokStart < 0) {
        tokStart = i;
        coreStart = -1;
        coreEnd = -1;
        coreBroken = false;
      }
      let j = i + 1;
      if (cls === 1) {
        // digits: part of the alphanumeric run, not of a word's letters (a letter after them breaks the word)
        for (let d = codes[j]!; d >= 48 && d <= 57; d = codes[++j]!);
      } else {
        alnumLetters = true;
        if (coreStart < 0) coreStart = i;
        else if (coreEnd !== i) coreBroken = true;
        // ASCII letters: (d | 32) folds A-Z onto a-z and moves every other code outside a-z.
        for (let d = codes[j]!; ((d | 32) - 97) >>> 0 < 26; d = codes[++j]!);
        coreEnd = j;
        const after = codes[j]!;
        if (tokStart === i && (after <= 32 || after === 44)) {
          // Fast path, most of any prose: a token of letters only, then a space, line break or comma. What that
          // separator would do in the general path below, without its tests: close the alphanumeric and base64
          // runs (both started here) and append the word (no punctuation around it) to the stretch.
          if (st.chainCount > 0) flushChain(st);
          // Prose: stay here while tokens are letters-only words each followed by such a separator (nothing is
          // open between them), and hand back to the general path at the first other token, from its start.
          let s = i;
          let c0 = c;
          tokStart = -1; // (set again only where a word is handed over)
          for (;;) {
            const len = j - s;
            if (alnumRunMayMatch(len, c0, codes[s + 1]!)) alnumRun(text, s, j, alnumFlagsOf(codes, s, j), st.out, layer);
            if (layer !== undefined && len >= kMinEncoded) base64Run(text, s, j, st.out, layer);
            let k = st.segCount;
            if (k === st.segStarts.length) growStretch(st);
            st.segStarts[k] = s;
            st.segEnds[k] = len <= MAX_WORD_UNITS ? j : -j;
            st.segCount = ++k;
            if (j >= n) break;
            const next = j + 1;
            c0 = codes[next]!;
            if (((c0 | 32) - 97) >>> 0 >= 26) break;
            let e = next + 1;
            for (let d = codes[e]!; ((d | 32) - 97) >>> 0 < 26; d = codes[++e]!);
            const sep = codes[e]!;
            if (!(sep <= 32 || sep === 44)) {
              // A word of letters ending in something else (`zero.`, `puts;`, `abc123`): hand it over in the state
              // the path below would have reached after its letters, and go on after them.
              alnumStart = next;
              alnumLetters = true;
              b64Start = next;
              tokStart = next;
              coreStart = next;
              coreEnd = e;
              coreBroken = false;
              i = e - 1;
              break;
            }
            s = next;
            j = e;
          }
          if (tokStart >= 0) continue; // handed over
          alnumStart = -1;
          b64Start = -1;
          i = j; // the separator
          continue;
        }
      }
      i = j - 1;
      continue;
    }
    const act = kAction[c]!;
    // Punctuation inside a token with no run open (`{"`, `("`, `."`): nothing to close, start or extend.
    if ((act & QUIET) !== 0 && alnumStart < 0 && b64Start < 0 && tokStart >= 0) continue;
    // a non-alphanumeric character: close the alphanumeric run
    if (alnumStart >= 0) {
      if (!alnumLetters) addDigitRun(st, alnumStart, i);
      else {
        if (st.chainCount > 0) flushChain(st);
        const len = i - alnumStart;
        if (alnumRunMayMatch(len, codes[alnumStart]!, codes[alnumStart + 1]!)) alnumRun(text, alnumStart, i, alnumFlagsOf(codes, alnumStart, i), st.out, layer);
      }
      alnumStart = -1;
    }
    if ((act & AT_COLON) !== 0) {
      if (c === 64) emailAt(text, i, st.out);
      else if (i > 0 && isHex(codes[i - 1]!) && (codes[i + 1] === 58 || isHex(codes[i + 1]!))) extraHint = true; // `h:h`, `h::`: IPv6
    }
    // base64 runs (superset of alphanumeric runs)
    if ((act & B64) !== 0) {
      if (b64Start < 0) b64Start = i;
    } else if (b64Start >= 0) {
      if (layer !== undefined && i - b64Start >= kMinEncoded) base64Run(text, b64Start, i, st.out, layer);
      b64Start = -1;
    }
    // words separated by whitespace or commas (`["abandon","ability",…]`)
    if ((act & SEP) !== 0) {
      if (tokStart >= 0) {
        if (coreStart >= 0) {
          // A word: append it to the stretch. Sentence punctuation bounds a phrase: "Market wrap: word word …"
          // starts a new stretch at the word after the colon ("1." / "2)" list numbers do not), and a word
          // ending in . : ; ! ? closes the stretch after itself. Commas and quotes do not.
          if (coreStart > tokStart && st.segCount > 0 && isSentencePunct(codes[coreStart - 1]!) && !/^\d+[.):]$/.test(text.slice(tokStart, coreStart))) endStretch(st);
          let k = st.segCount;
          if (k === st.segStarts.length) growStretch(st);
          st.segStarts[k] = coreStart;
          // a word that cannot be in a wordlist (letters after a digit or punctuation, or too long) is stored negated
          st.segEnds[k] = !coreBroken && coreEnd - coreStart <= MAX_WORD_UNITS ? coreEnd : -coreEnd;
          st.segCount = ++k;
          if (coreEnd < i && isSentencePunct(codes[coreEnd]!)) endStretch(st);
        } else if (i - tokStart > 4) endStretch(st); // punctuation/digit-only token ("1.", "-", "12)") stays transparent; a longer one ends the stretch
        tokStart = -1;
      }
    } else {
      if (tokStart < 0) {
        tokStart = i;
        coreStart = -1;
        coreEnd = -1;
        coreBroken = false;
      }
      if (c >= 128) {
        // non-ASCII letters (other wordlists); ASCII punctuation ends the core, letters after it break the word
        if (c >= 0xc0 && c <= 0x4ff) extraHint = true; // Latin-1 letters to Cyrillic: wordlists we do not ship
        if (coreStart < 0) coreStart = i;
        else if (coreEnd !== i) coreBroken = true;
        coreEnd = i + 1;
      }
    }
  }
  flushChain(st);
  endStretch(st);
  // The extra detectors run regexes over the whole text; call them only when the pass saw what they need.
  if (extraHint || st.extraHint) scanExtraSpans(text, st.out);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

/** 1 lower, 2 upper, 4 digit, 8 letter outside a-f (the flags `alnumRun` takes). */
function alnumFlagsOf(codes: Uint16Array, s: number, e: number): number {
  let f = 0;
  for (let i = s; i < e; i++) {
    const c = codes[i]!;
    f |= c <= 57 ? 4 : c <= 90 ? (c > 70 ? 10 : 2) : c > 102 ? 9 : 1;
  }
  return f;
}

function isSentencePunct(c: number): boolean {
  return c === 58 || c === 46 || c === 59 || c === 33 || c === 63;
}

function growStretch(st: ScanState): void {
  const m = st.segStarts.length * 2;
  const grow = (a: Int32Array, b: Int32Array): Int32Array => {
    b.set(a);
    return b;
  };
  st.segStarts = grow(st.segStarts, new Int32Array(m));
  st.segEnds = grow(st.segEnds, new Int32Array(m));
  st.segMasks = new Int32Array(m);
  st.segStamp = new Int32Array(m);
}

/** Wordlist mask of word `k` of the stretch (0: in no list), looked up once. */
/**
 * mnemonic.ts's `wordHash` (FNV-1a over UTF-16 code units, A-Z folded to lower case) read from the code
 * buffer instead of the string; test/leak/speed.test.ts checks the two agree.
 */
export function codesWordHash(codes: Uint16Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    const c = codes[i]!;
    h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), 0x01000193);
  }
  return h >>> 0;
}

/**
 * A small direct-mapped cache in front of `wordMaskByHash` (keyed by the whole 32-bit hash, so it returns
 * exactly what the lookup would): prose repeats its words, and this table stays in the L1 cache while the
 * wordlists' table (2 x 256 KB) does not.
 */
const kMaskCacheSize = 1024;
const maskCacheKeys = new Int32Array(kMaskCacheSize);
const maskCacheValues = new Int32Array(kMaskCacheSize).fill(-1);

function cachedWordMask(hash: number): number {
  const slot = (hash ^ (hash >>> 10) ^ (hash >>> 20)) & (kMaskCacheSize - 1);
  const v = maskCacheValues[slot]!;
  if (v >= 0 && maskCacheKeys[slot] === (hash | 0)) return v;
  const m = wordMaskByHash(hash);
  maskCacheKeys[slot] = hash | 0;
  maskCacheValues[slot] = m;
  return m;
}

function stretchMask(st: ScanState, k: number): number {
  if (st.segStamp[k] === st.stamp) return st.segMasks[k]!;
  const end = st.segEnds[k]!;
  const m = end > 0 ? cachedWordMask(codesWordHash(st.codes, st.segStarts[k]!, end)) : 0;
  st.segMasks[k] = m;
  st.segStamp[k] = st.stamp;
  return m;
}

/**
 * The stretch of words ends: find its runs of consecutive wordlist words that share a list, and check those
 * of 12+ words for a phrase. A word in no list ends a run, so 12 words in a row are only looked at where
 * the 12th of them is in a list (checked first, backwards): in prose most words are never hashed.
 */
function endStretch(st: ScanState): void {
  // (small enough to be inlined where a stretch ends; most stretches are sentences shorter than a phrase)
  if (st.segCount >= kMinPhrase) resolveStretch(st);
  else st.segCount = 0;
}

function resolveStretch(st: ScanState): void {
  const m = st.segCount;
  st.segCount = 0;
  st.stamp++; // (every mask of the stretch is stale; 2^31 stretches per scan state before it wraps)
  let p = 0;
  while (p + kMinPhrase <= m) {
    let q = p + kMinPhrase - 1;
    while (q >= p && stretchMask(st, q) !== 0) q--;
    if (q >= p) {
      p = q + 1;
      continue;
    }
    // words p … p+11 are all in some list; the run of listed words goes on to r
    let r = p + kMinPhrase;
    while (r < m && stretchMask(st, r) !== 0) r++;
    // Split it where a word shares no list with the run so far (as a reader would: the run restarts there).
    let runStart = p;
    let runMask = stretchMask(st, p);
    for (let k = p + 1; k < r; k++) {
      const mk = stretchMask(st, k);
      if ((runMask & mk) !== 0) runMask &= mk;
      else {
        evaluateRun(st, runStart, k, runMask);
        runStart = k;
        runMask = mk;
      }
    }
    evaluateRun(st, runStart, r, runMask);
    p = r + 1;
  }
}

function evaluateRun(st: ScanState, from: number, to: number, mask: number): void {
  // (every word of a run is in a list, so its stored end is positive)
  if (to - from >= kMinPhrase) evaluateMnemonicRun(st.text, toArray(st.segStarts, from, to), toArray(st.segEnds, from, to), mask, st.out);
}

/** `a[from, to)` as a plain array (`Array.from` on a typed array goes through the iterator: an object per element). */
function toArray(a: Int32Array, from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(a[k]!);
  return out;
}

// ----------------------------------------------------------------------------- digit chains

function addDigitRun(st: ScanState, s: number, e: number): void {
  const codes = st.codes;
  if (codes[e] === 46 && s >= 2 && codes[s - 1] === 46 && isDigit(codes[s - 2]!) && isDigit(codes[e + 1]!)) st.extraHint = true; // d.ddd.d: IPv4
  if (st.chainCount > 0) {
    if (st.chainCount < 12 && isChainGap(codes, st.chainEnds[st.chainCount - 1]!, s)) {
      st.chainStarts[st.chainCount] = s;
      st.chainEnds[st.chainCount++] = e;
      st.chainDigits += e - s;
      return;
    }
    flushChain(st);
  }
  st.chainStarts[0] = s;
  st.chainEnds[0] = e;
  st.chainCount = 1;
  st.chainDigits = e - s;
}

function flushChain(st: ScanState): void {
  // Cards need 12+ digits, phones 8+, SSNs 9, Telegram bot ids 8+: shorter chains (prices, sizes) end here.
  if (st.chainDigits >= 8 && chainWorthEvaluating(st)) {
    const starts = toArray(st.chainStarts, 0, st.chainCount);
    const ends = toArray(st.chainEnds, 0, st.chainCount);
    evaluateChain(st.text, { start: starts[0]!, end: ends[st.chainCount - 1]!, starts, ends }, st.out);
  }
  st.chainCount = 0;
  st.chainDigits = 0;
}

/** A lone digit run is a card (12-19 digits, issuer 2-6), a '+' phone, or a Telegram bot id before ':'; else skip. */
function chainWorthEvaluating(st: ScanState): boolean {
  if (st.chainCount > 1) return true;
  const codes = st.codes;
  const s = st.chainStarts[0]!;
  const e = st.chainEnds[0]!;
  const len = e - s;
  if (s > 0 && codes[s - 1] === 43) return true;
  if (len >= 8 && len <= 10 && codes[e] === 58) return true;
  const d = codes[s]!;
  return len >= 12 && len <= 19 && d >= 50 && d <= 54;
}

/** Between digit groups of one number: ' ', '-', '.', '/', ')', '(', ') ', ' (', '-(', ') -'. */
function isChainGap(codes: Uint16Array, from: number, to: number): boolean {
  const len = to - from;
  const a = codes[from]!;
  if (len === 1) return a === 32 || a === 45 || a === 46 || a === 47 || a === 41 || a === 40;
  const b = codes[from + 1]!;
  if (len === 2) return (a === 41 && (b === 32 || b === 45)) || (b === 40 && (a === 32 || a === 45)); // ') ' ')-' ' (' '-('
  if (len === 3) return a === 41 && b === 32 && codes[from + 2] === 45; // ') -'
  return false;
}

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

/**
 * The cheap gate in front of `alnumRun`, so ordinary words never pay for a call: every check there needs 15+
 * characters, except a grouped IBAN's first group (four characters, two capitals) and a GitLab runner token
 * (`GR` and 9+). Keep the two in step.
 */
function alnumRunMayMatch(len: number, c0: number, c1: number): boolean {
  if (len >= 15) return true;
  if (len === 4) return c0 >= 65 && c0 <= 90 && c1 >= 65 && c1 <= 90;
  return len >= 9 && c0 === 71 && c1 === 82;
}

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
  // Mixed case is what base64 of text looks like; hex and words are handled elsewhere.
  if (!hasLowerAndUpper(text, s, e)) return;
  // Node's base64 decoder takes the URL-safe alphabet (`-`, `_`) as well: no rewriting first.
  const buf = Buffer.from(text.slice(s, e), 'base64');
  if (buf.length < 12) return;
  const decoded = buf.toString('utf8');
  if (!mostlyPrintable(decoded)) return;
  pushLayer(out, layer(decoded), s, e, 'base64');
}

function hasLowerAndUpper(text: string, s: number, e: number): boolean {
  let lower = false;
  let upper = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    if (lower && upper) return true;
  }
  return false;
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
