// Text normalization over UTF-8 bytes: the matcher and the semantic scorer both read its output,
// so an attacker's spelling tricks (case, homoglyphs, invisible characters, spaced-out letters,
// leetspeak) fold to the same bytes the signatures were compiled from.
//
// Output: normalized UTF-8 bytes, plus for every output byte the raw byte offset of the code point
// it came from (so findings can be reported in the caller's coordinates), plus counters of what
// was removed or decoded (hidden characters are evidence in themselves).

import { FOLD_TABLE, FOLD_FIRST, FOLD_LAST } from './fold-table';

// Counter slots in the stats block the host passes in (u32 each).
export const STAT_INVISIBLE: i32 = 0; // zero-width, soft hyphen, variation selectors, combining marks
export const STAT_BIDI: i32 = 1; // bidi embedding/override/isolate controls
export const STAT_TAGS: i32 = 2; // Unicode tag characters (U+E0000..U+E007F), decoded to ASCII
export const STAT_CONFUSABLE: i32 = 3; // non-ASCII look-alikes folded to ASCII
export const STAT_COLLAPSED: i32 = 4; // runs of spaced-out letters joined ("i g n o r e")
export const STAT_LEET: i32 = 5; // tokens whose digits were read as letters ("1gn0r3")
export const STAT_INVALID: i32 = 6; // bytes that were not valid UTF-8
export const STAT_COUNT: i32 = 7;

const K_DROP: u32 = 0xffffffff;
const K_SPACE: u32 = 0xfffffffe;

// @ts-ignore: decorator
@inline function isAsciiAlnum(b: u32): bool {
  return (b - 0x61 < 26) || (b - 0x30 < 10);
}

// @ts-ignore: decorator
@inline function isSeparator(b: u32): bool {
  // Characters attackers put between letters to break up a keyword.
  return b == 0x20 || b == 0x2e || b == 0x2d || b == 0x5f || b == 0x2a || b == 0x2f || b == 0x7c ||
    b == 0x2c || b == 0x2b || b == 0x7e || b == 0x27 || b == 0x60 || b == 0x3a || b == 0x3b;
}

/** Classifies code points outside the fold table: >= 0 means "emit this ASCII byte", else a K_* code. */
function foldWide(cp: u32): u32 {
  // Scripts with no rule below (kana and CJK ideographs but the Hangul filler, Hangul syllables,
  // Arabic, Devanagari, Bengali, Thai): kept at once instead of after ~60 range tests per character.
  if ((cp >= 0x3040 && cp <= 0x9fff && cp != 0x3164) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0900 && cp <= 0x09ff) || (cp >= 0x0e00 && cp <= 0x0e7f)) return 0xfffffffd;
  // Whitespace: collapsed like ASCII spaces.
  if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f ||
      cp == 0x205f || cp == 0x3000) return K_SPACE;
  // Invisible formatting characters.
  if ((cp >= 0x200b && cp <= 0x200d) || (cp >= 0x2060 && cp <= 0x2065) || cp == 0xfeff || cp == 0x180e ||
      cp == 0x115f || cp == 0x1160 || cp == 0x3164 || cp == 0xffa0 || (cp >= 0xfe00 && cp <= 0xfe0f) ||
      (cp >= 0xe0100 && cp <= 0xe01ef) || (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff) ||
      (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f)) return K_DROP;
  // Fullwidth ASCII.
  if (cp >= 0xff01 && cp <= 0xff5e) return cp - 0xfee0;
  // Mathematical alphanumerics (bold, italic, script, fraktur, double-struck, sans, mono).
  if (cp >= 0x1d400 && cp <= 0x1d6a3) {
    const k = (cp - 0x1d400) % 52;
    return 0x61 + (k < 26 ? k : k - 26);
  }
  if (cp >= 0x1d7ce && cp <= 0x1d7ff) return 0x30 + (cp - 0x1d7ce) % 10;
  // Enclosed and parenthesized letters, regional indicators.
  if (cp >= 0x24b6 && cp <= 0x24cf) return 0x61 + cp - 0x24b6;
  if (cp >= 0x24d0 && cp <= 0x24e9) return 0x61 + cp - 0x24d0;
  if (cp >= 0x249c && cp <= 0x24b5) return 0x61 + cp - 0x249c;
  if (cp >= 0x1f130 && cp <= 0x1f149) return 0x61 + cp - 0x1f130;
  if (cp >= 0x1f150 && cp <= 0x1f169) return 0x61 + cp - 0x1f150;
  if (cp >= 0x1f170 && cp <= 0x1f189) return 0x61 + cp - 0x1f170;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return 0x61 + cp - 0x1f1e6;
  // Small capitals and modifier letters commonly abused as look-alikes.
  if (cp == 0x1d00) return 0x61;
  if (cp == 0x0299) return 0x62;
  if (cp == 0x1d04) return 0x63;
  if (cp == 0x1d05) return 0x64;
  if (cp == 0x1d07) return 0x65;
  if (cp == 0x0262) return 0x67;
  if (cp == 0x029c) return 0x68;
  if (cp == 0x026a) return 0x69;
  if (cp == 0x1d0a) return 0x6a;
  if (cp == 0x1d0b) return 0x6b;
  if (cp == 0x029f) return 0x6c;
  if (cp == 0x1d0d) return 0x6d;
  if (cp == 0x0274) return 0x6e;
  if (cp == 0x1d0f) return 0x6f;
  if (cp == 0x1d18) return 0x70;
  if (cp == 0x0280) return 0x72;
  if (cp == 0xa731) return 0x73;
  if (cp == 0x1d1b) return 0x74;
  if (cp == 0x1d1c) return 0x75;
  if (cp == 0x1d20) return 0x76;
  if (cp == 0x1d21) return 0x77;
  if (cp == 0x028f) return 0x79;
  if (cp == 0x1d22) return 0x7a;
  return 0xfffffffd; // keep as is
}

/**
 * Normalizes `len` UTF-8 bytes at `inp` into `out`, writing one u32 raw offset per output byte to
 * `map` (the offset is relative to `inp`, plus `mapBase`), and adding to the u32 counters at `stats`.
 * `out` and `map` must hold at least `2 * len + 8` entries (a tag run adds a space on each side).
 * Returns the number of output bytes.
 */
export function normalizeInto(inp: usize, len: i32, out: usize, map: usize, stats: usize, mapBase: u32): i32 {
  let o: i32 = 0;
  let i: i32 = 0;
  let lastSpace = true; // drop leading whitespace
  let inTags = false;
  let invisible: u32 = 0, bidi: u32 = 0, tags: u32 = 0, confusable: u32 = 0, invalid: u32 = 0;
  while (i < len) {
    const start = i;
    let b0 = <u32>load<u8>(inp + i);
    // ASCII fast path: the common case for English text.
    if (b0 < 0x80) {
      i++;
      if (inTags) {
        inTags = false;
        if (!lastSpace) { store<u8>(out + o, 0x20); store<u32>(map + (o << 2), mapBase + start); o++; lastSpace = true; }
      }
      if (b0 - 0x41 < 26) b0 |= 0x20;
      if (b0 <= 0x20 || b0 == 0x7f) {
        if (lastSpace) continue;
        b0 = 0x20;
        lastSpace = true;
      } else {
        lastSpace = false;
      }
      store<u8>(out + o, <u8>b0);
      store<u32>(map + (o << 2), mapBase + start);
      o++;
      continue;
    }
    // Decode one multi-byte code point; invalid sequences pass through byte by byte.
    let cp: u32 = 0;
    let n: i32 = 0;
    if ((b0 & 0xe0) == 0xc0) { cp = b0 & 0x1f; n = 2; }
    else if ((b0 & 0xf0) == 0xe0) { cp = b0 & 0x0f; n = 3; }
    else if ((b0 & 0xf8) == 0xf0) { cp = b0 & 0x07; n = 4; }
    let ok = n > 0 && i + n <= len;
    if (ok) {
      for (let k = 1; k < n; k++) {
        const bk = <u32>load<u8>(inp + i + k);
        if ((bk & 0xc0) != 0x80) { ok = false; break; }
        cp = (cp << 6) | (bk & 0x3f);
      }
    }
    if (!ok) {
      invalid++;
      i++;
      store<u8>(out + o, <u8>b0);
      store<u32>(map + (o << 2), mapBase + start);
      o++;
      lastSpace = false;
      continue;
    }
    i += n;
    // Unicode tag characters spell hidden ASCII ("ASCII smuggling"): decode them so the hidden
    // text is scanned, fenced by spaces so it does not fuse with the visible words around it.
    if (cp >= 0xe0000 && cp <= 0xe007f) {
      tags++;
      if (cp < 0xe0020 || cp == 0xe007f) continue;
      let a = cp - 0xe0000;
      if (!inTags) {
        inTags = true;
        if (!lastSpace) { store<u8>(out + o, 0x20); store<u32>(map + (o << 2), mapBase + start); o++; lastSpace = true; }
      }
      if (a - 0x41 < 26) a |= 0x20;
      if (a == 0x20) { if (lastSpace) continue; lastSpace = true; } else lastSpace = false;
      store<u8>(out + o, <u8>a);
      store<u32>(map + (o << 2), mapBase + start);
      o++;
      continue;
    }
    if (inTags) {
      inTags = false;
      if (!lastSpace) { store<u8>(out + o, 0x20); store<u32>(map + (o << 2), mapBase + start); o++; lastSpace = true; }
    }
    let f: u32;
    if (cp <= FOLD_LAST) f = load<u32>(FOLD_TABLE + ((cp - FOLD_FIRST) << 2));
    else {
      f = foldWide(cp);
      if (f == 0xfffffffd) f = 0;
    }
    if (f == K_DROP) {
      // Bidi controls are counted apart: they reorder what a human sees versus what a model reads.
      invisible++;
      continue;
    }
    if (f == K_SPACE) {
      if (lastSpace) continue;
      store<u8>(out + o, 0x20);
      store<u32>(map + (o << 2), mapBase + start);
      o++;
      lastSpace = true;
      continue;
    }
    if (f == 0) {
      // Bidi controls fold to "keep" in the table range check above only for cp <= 0x4ff; detect here.
      if (cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061c) {
        bidi++;
        continue;
      }
      for (let k = 0; k < n; k++) {
        store<u8>(out + o, load<u8>(inp + start + k));
        store<u32>(map + (o << 2), mapBase + start);
        o++;
      }
      lastSpace = false;
      continue;
    }
    if (f >= 0x10000) {
      // Lowercase of a non-Latin letter: re-encode as UTF-8 (always 2 bytes below U+0800).
      const lc = f & 0xffff;
      store<u8>(out + o, <u8>(0xc0 | (lc >> 6)));
      store<u32>(map + (o << 2), mapBase + start);
      store<u8>(out + o + 1, <u8>(0x80 | (lc & 0x3f)));
      store<u32>(map + ((o + 1) << 2), mapBase + start);
      o += 2;
      lastSpace = false;
      continue;
    }
    confusable++;
    let a = f & 0xff;
    if (a - 0x41 < 26) a |= 0x20;
    store<u8>(out + o, <u8>a);
    store<u32>(map + (o << 2), mapBase + start);
    o++;
    const second = (f >> 8) & 0xff;
    if (second != 0) {
      store<u8>(out + o, <u8>second);
      store<u32>(map + (o << 2), mapBase + start);
      o++;
    }
    lastSpace = a == 0x20;
  }
  // Bidi controls inside the fold table range cannot occur (they are all >= U+061C handled above).
  store<u32>(stats + (STAT_INVISIBLE << 2), load<u32>(stats + (STAT_INVISIBLE << 2)) + invisible);
  store<u32>(stats + (STAT_BIDI << 2), load<u32>(stats + (STAT_BIDI << 2)) + bidi);
  store<u32>(stats + (STAT_TAGS << 2), load<u32>(stats + (STAT_TAGS << 2)) + tags);
  store<u32>(stats + (STAT_CONFUSABLE << 2), load<u32>(stats + (STAT_CONFUSABLE << 2)) + confusable);
  store<u32>(stats + (STAT_INVALID << 2), load<u32>(stats + (STAT_INVALID << 2)) + invalid);
  o = collapseSpacedLetters(out, map, o, stats);
  readLeetspeak(out, o, stats);
  return o;
}

/**
 * Walks a candidate run from the lone letter at r: single letter, 1-3 separators, single letter, ...
 * Returns (number of letters << 32) | position of the last one.
 */
function spacedRun(out: usize, len: i32, r: i32): u64 {
  let count = 1;
  let j = r; // position of the current single letter
  while (true) {
    let k = j + 1;
    let seps = 0;
    while (k < len && seps < 3 && isSeparator(<u32>load<u8>(out + k))) { k++; seps++; }
    if (seps == 0 || k >= len) break;
    const c = <u32>load<u8>(out + k);
    if (!isAsciiAlnum(c)) break;
    if (k + 1 < len && isAsciiAlnum(<u32>load<u8>(out + k + 1))) break;
    count++;
    j = k;
  }
  return (<u64>count << 32) | <u64>j;
}

/**
 * Position of the first run collapseSpacedLetters will join (len if none). Prose has a lone letter
 * or digit every few dozen bytes and almost never four spaced out in a row, so most 16-byte blocks
 * hold no lone alphanumeric byte at all and are passed over without a per-byte test.
 */
function firstCollapse(out: usize, len: i32): i32 {
  // The first 16 bytes and the tail one by one (no neighbour outside the text is read); in between,
  // 16 bytes at a time, a block with no lone alphanumeric byte is skipped with SIMD.
  let r = 0;
  const head = len < 16 ? len : 16;
  for (; r < head; r++) if (startsCollapse(out, len, r)) return r;
  for (; r + 17 <= len; r += 16) {
    const lone = v128.andnot(v128.andnot(alnumLanes(v128.load(out + <usize>r)), alnumLanes(v128.load(out + <usize>r - 1))), alnumLanes(v128.load(out + <usize>r + 1)));
    if (!v128.any_true(lone)) continue;
    for (let k = r; k < r + 16; k++) if (startsCollapse(out, len, k)) return k;
  }
  for (; r < len; r++) if (startsCollapse(out, len, r)) return r;
  return len;
}

/** A lone alphanumeric byte that starts a run of four or more spaced-out letters. */
// @ts-ignore: decorator
@inline function startsCollapse(out: usize, len: i32, r: i32): bool {
  return isLoneAlnum(out, len, r) && (spacedRun(out, len, r) >> 32) >= 4;
}

/** [a-z0-9] per byte lane (0xff) — isAsciiAlnum on 16 bytes. */
// @ts-ignore: decorator
@inline function alnumLanes(v: v128): v128 {
  return v128.or(i8x16.lt_u(i8x16.sub(v, i8x16.splat(0x61)), i8x16.splat(26)), i8x16.lt_u(i8x16.sub(v, i8x16.splat(0x30)), i8x16.splat(10)));
}

/** An alphanumeric byte whose neighbours (inside the text) are not: where a spaced-out run can start. */
// @ts-ignore: decorator
@inline function isLoneAlnum(out: usize, len: i32, r: i32): bool {
  return isAsciiAlnum(<u32>load<u8>(out + r)) && (r == 0 || !isAsciiAlnum(<u32>load<u8>(out + r - 1))) &&
    (r + 1 >= len || !isAsciiAlnum(<u32>load<u8>(out + r + 1)));
}

/**
 * Joins runs of four or more single letters separated by one to three separator characters
 * ("i g n o r e", "i.g.n.o.r.e", "i - g - n") into one word, in place. Returns the new length.
 */
function collapseSpacedLetters(out: usize, map: usize, len: i32, stats: usize): i32 {
  // Until the first run collapses every byte stays where it is, so skip straight to it.
  let r = firstCollapse(out, len);
  if (r >= len) return len;
  let w: i32 = r;
  let runs: u32 = 0;
  while (r < len) {
    const b = <u32>load<u8>(out + r);
    if (!isLoneAlnum(out, len, r)) {
      // Until the first collapse, w == r and the copy would rewrite each byte onto itself.
      if (w != r) {
        store<u8>(out + w, <u8>b);
        store<u32>(map + (w << 2), load<u32>(map + (r << 2)));
      }
      w++; r++;
      continue;
    }
    const run = spacedRun(out, len, r);
    const count = <i32>(run >> 32);
    const j = <i32>(run & 0xffffffff);
    if (count >= 4) {
      // Emit only the letters of the run.
      let p = r;
      while (p <= j) {
        const c = <u32>load<u8>(out + p);
        if (isAsciiAlnum(c)) {
          store<u8>(out + w, <u8>c);
          store<u32>(map + (w << 2), load<u32>(map + (p << 2)));
          w++;
        }
        p++;
      }
      runs++;
      r = j + 1;
    } else {
      if (w != r) {
        store<u8>(out + w, <u8>b);
        store<u32>(map + (w << 2), load<u32>(map + (r << 2)));
      }
      w++; r++;
    }
  }
  store<u32>(stats + (STAT_COLLAPSED << 2), load<u32>(stats + (STAT_COLLAPSED << 2)) + runs);
  return w;
}

// @ts-ignore: decorator
@inline function leetLetter(d: u32): u32 {
  // 0→o 1→i 3→e 4→a 5→s 7→t 8→b 9→g; 2 and 6 have no common reading.
  if (d == 0x30) return 0x6f;
  if (d == 0x31) return 0x69;
  if (d == 0x33) return 0x65;
  if (d == 0x34) return 0x61;
  if (d == 0x35) return 0x73;
  if (d == 0x37) return 0x74;
  if (d == 0x38) return 0x62;
  if (d == 0x39) return 0x67;
  return 0;
}

/**
 * In a token mixing letters and digits ("1gn0r3", "pr3v10us"), reads the digits as the letters they
 * imitate, in place. Tokens of digits only (prices, quantities) are left alone.
 */
function readLeetspeak(out: usize, len: i32, stats: usize): void {
  // A token can need reading only where a digit touches a letter (it needs both, and a token is
  // contiguous). Sixteen bytes at a time, find such a pair; only the tokens around one are read.
  // Everything before `done` has been read.
  let done: i32 = 0;
  let tokens: u32 = 0;
  const zero = i8x16.splat(0x30);
  const ten = i8x16.splat(10);
  const a = i8x16.splat(0x61);
  const letters = i8x16.splat(26);
  let p: i32 = 0;
  for (; p + 17 <= len; p += 16) {
    const v = v128.load(out + <usize>p);
    const w = v128.load(out + <usize>p + 1); // each byte's right neighbour
    const digit = i8x16.lt_u(i8x16.sub(v, zero), ten);
    const letter = i8x16.lt_u(i8x16.sub(v, a), letters);
    const digitNext = i8x16.lt_u(i8x16.sub(w, zero), ten);
    const letterNext = i8x16.lt_u(i8x16.sub(w, a), letters);
    if (!v128.any_true(v128.or(v128.and(digit, letterNext), v128.and(letter, digitNext)))) continue;
    // Read the tokens from the one holding byte p until one starts past this block and its right neighbours.
    const r = readLeetTokens(out, len, p, done, p + 17);
    tokens += <u32>(r >> 32);
    done = <i32>(r & 0xffffffff);
  }
  // The tail (fewer than 17 bytes left): read it all.
  const r = readLeetTokens(out, len, p, done, len);
  tokens += <u32>(r >> 32);
  store<u32>(stats + (STAT_LEET << 2), load<u32>(stats + (STAT_LEET << 2)) + tokens);
}

/**
 * Reads the tokens from the one holding byte `from` (backing up to its start, never before `done`,
 * where reading stopped last time) to the last one that starts before `limit`, each whole, up to len:
 * in a token mixing letters and digits, the digits become the letters they imitate. Returns
 * (tokens changed << 32) | where it stopped.
 */
function readLeetTokens(out: usize, len: i32, from: i32, done: i32, limit: i32): u64 {
  let i = from > done ? from : done;
  while (i > done && isAsciiAlnum(<u32>load<u8>(out + <usize>i - 1))) i--;
  let tokens: u32 = 0;
  while (i < len && i < limit) {
    const b = <u32>load<u8>(out + i);
    if (!isAsciiAlnum(b)) { i++; continue; }
    let j = i;
    let letters = 0, leet = 0, otherDigits = 0;
    while (j < len) {
      const c = <u32>load<u8>(out + j);
      if (c - 0x61 < 26) letters++;
      else if (c - 0x30 < 10) { if (leetLetter(c) != 0) leet++; else otherDigits++; }
      else break;
      j++;
    }
    if (letters >= 2 && leet > 0 && otherDigits == 0 && j - i >= 4) {
      for (let k = i; k < j; k++) {
        const c = <u32>load<u8>(out + k);
        if (c - 0x30 < 10) store<u8>(out + k, <u8>leetLetter(c));
      }
      tokens++;
    }
    i = j;
  }
  return (<u64>tokens << 32) | <u64>i;
}
