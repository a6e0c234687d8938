// Decoder gates: the linear passes that decide where encoded or disguised text may be, over a
// text's UTF-16 code units, so the host decodes only candidates (src/model/decode.ts). In JS these
// two character loops cost ~10 ns per character on prose, most of an empty decode; here they run
// once, fused.
//
// Layout (all offsets are UTF-16 indices): the host reserves room for n units, writes them at
// inputPtr(), calls scan(n), then reads
//   runs:  runCount() records of 4 i32 at runsPtr(): start, end of the alphabet run, end after '='
//          padding, 1 if every character is a hex digit — runs of 16+ base64-alphabet characters;
//   lines: lineCount() records of 3 i32 at linesPtr(): start, end, flags (1 ROT13 candidate,
//          2 leetspeak candidate) — only lines with a flag.
//   hexPairs(): 1 if three two-hex-digit tokens follow one another, each ended by a space or colon.

const CLS_B64: u8 = 1; // [A-Za-z0-9+/_-]
const CLS_HEX: u8 = 2; // [0-9a-fA-F]

let classTable: usize = 0; // 128 bytes: CLS_* bits
let tokTable: usize = 0; // 128 bytes: 1 letter, 2 leet digit (0 1 3 4 5 7), 4 other digit
let rotEt: usize = 0; // 128 i8: r g +5, e t -6 (lower-case index)
let rotVowel: usize = 0; // 128 i8: n r v b h +1, a e i o u -1
let input: usize = 0;
let runs: usize = 0;
let lines: usize = 0;
let capacity: i32 = 0;
let nRuns: i32 = 0;
let nLines: i32 = 0;
let pairs: i32 = 0;

const kStatic: usize = 1024;
const MIN_RUN: i32 = 16;
const ROT_MIN_LINE: i32 = 20;
const LEET_MIN_WORDS: i32 = 4;

function setTables(): void {
  classTable = kStatic;
  tokTable = kStatic + 128;
  rotEt = kStatic + 256;
  rotVowel = kStatic + 384;
  for (let c = 0; c < 128; c++) {
    let cls: u8 = 0;
    const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    const digit = c >= 0x30 && c <= 0x39;
    if (letter || digit || c == 0x2b || c == 0x2f || c == 0x5f || c == 0x2d) cls |= CLS_B64;
    if (digit || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)) cls |= CLS_HEX;
    store<u8>(classTable + c, cls);
    let tok: u8 = 0;
    if (letter) tok = 1;
    else if (c == 0x30 || c == 0x31 || c == 0x33 || c == 0x34 || c == 0x35 || c == 0x37) tok = 2;
    else if (digit) tok = 4;
    store<u8>(tokTable + c, tok);
    let et: i8 = 0;
    if (c == 0x72 || c == 0x67) et = 5;
    else if (c == 0x65 || c == 0x74) et = -6;
    store<i8>(rotEt + c, et);
    let v: i8 = 0;
    if (c == 0x6e || c == 0x72 || c == 0x76 || c == 0x62 || c == 0x68) v = 1;
    else if (c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6f || c == 0x75) v = -1;
    store<i8>(rotVowel + c, v);
  }
}
setTables();

/** Makes room for a text of n code units; returns where to write them. */
export function reserve(n: i32): usize {
  if (n > capacity) {
    capacity = n + (n >> 2) + 64;
    const need = kStatic + 512 + (<usize>capacity << 1) + (<usize>(capacity / MIN_RUN + 2) << 4) + (<usize>(capacity + 2) * 12) + 64;
    const have = <usize>memory.size() << 16;
    if (need > have) memory.grow(<i32>((need - have + 0xffff) >> 16));
  }
  input = kStatic + 512;
  runs = (input + (<usize>capacity << 1) + 15) & ~15;
  lines = runs + (<usize>(capacity / MIN_RUN + 2) << 4);
  return input;
}

@inline function unit(i: i32): u32 {
  return <u32>load<u16>(input + (<usize>i << 1));
}

/** Scans n units written at inputPtr(). */
export function scan(n: i32): void {
  nRuns = 0;
  nLines = 0;
  pairs = 0;
  scanRuns(n);
  scanLines(n);
}

function scanRuns(n: i32): void {
  let i = 0;
  let pairStreak = 0;
  let pairSeparatorAt = -2;
  while (i < n) {
    const c = unit(i);
    if (c >= 128 || (load<u8>(classTable + c) & CLS_B64) == 0) {
      i++;
      continue;
    }
    let j = i;
    let hex: u8 = CLS_HEX;
    while (j < n) {
      const d = unit(j);
      if (d >= 128) break;
      const k = load<u8>(classTable + d);
      if ((k & CLS_B64) == 0) break;
      hex &= k;
      j++;
    }
    if (j - i == 2 && hex != 0 && j < n) {
      const sep = unit(j);
      if (sep == 0x20 || sep == 0x3a) {
        pairStreak = pairSeparatorAt == i - 1 ? pairStreak + 1 : 1;
        pairSeparatorAt = j;
        if (pairStreak >= 3) pairs = 1;
      }
    }
    let end = j;
    while (end < n && end - j < 2 && unit(end) == 0x3d) end++;
    if (j - i >= MIN_RUN) {
      const r = runs + (<usize>nRuns << 4);
      store<i32>(r, i);
      store<i32>(r, j, 4);
      store<i32>(r, end, 8);
      store<i32>(r, hex != 0 ? 1 : 0, 12);
      nRuns++;
    }
    i = end > i ? end : i + 1;
  }
}

function scanLines(n: i32): void {
  let lineStart = 0;
  let et = 0;
  let vowel = 0;
  let tok = 0; // token classes seen in the current word
  let words = 0;
  let leetWords = 0;
  for (let i = 0; i <= n; i++) {
    const raw: u32 = i < n ? unit(i) : 0x0a;
    if (raw >= 0x80) {
      // Accented Latin letters continue a word; any other script ends it.
      if ((raw >= 0xc0 && raw <= 0x24f) || (raw >= 0x1e00 && raw <= 0x1eff)) tok |= 1;
      else if (tok != 0) {
        words++;
        if (tok == 3) leetWords++;
        tok = 0;
      }
      continue;
    }
    const cls = <i32>load<u8>(tokTable + raw);
    if (cls != 0) tok |= cls;
    else if (tok != 0) {
      words++;
      if (tok == 3) leetWords++;
      tok = 0;
    }
    if (raw == 0x0a) {
      let flags = 0;
      if ((et > 0 || vowel > 0) && i - lineStart >= ROT_MIN_LINE) flags |= 1;
      if (leetWords >= LEET_MIN_WORDS && leetWords * 2 >= words) flags |= 2;
      if (flags != 0) {
        const r = lines + <usize>nLines * 12;
        store<i32>(r, lineStart);
        store<i32>(r, i, 4);
        store<i32>(r, flags, 8);
        nLines++;
      }
      lineStart = i + 1;
      et = 0;
      vowel = 0;
      words = 0;
      leetWords = 0;
      continue;
    }
    const c = raw | 0x20;
    et += <i32>load<i8>(rotEt + c);
    vowel += <i32>load<i8>(rotVowel + c);
  }
}

export function runsPtr(): usize { return runs; }
export function runCount(): i32 { return nRuns; }
export function linesPtr(): usize { return lines; }
export function lineCount(): i32 { return nLines; }
export function hexPairs(): i32 { return pairs; }
