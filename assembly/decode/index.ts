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

// Per ASCII character, one packed entry (so the fused loop does one table load per character):
const E_B64: u32 = 1; // [A-Za-z0-9+/_-]
const E_HEX: u32 = 2; // [0-9a-fA-F]
// bits 2-4: token class for the leetspeak test: 1 letter, 2 leet digit (0 1 3 4 5 7), 4 other digit
const E_NEWLINE: u32 = 32;
// bits 8-15: ROT13 test 1 weight (r g +5, e t -6); bits 16-23: test 2 weight (n r v b h +1, a e i o u -1),
// both signed and taken from the lower-cased character.

let table: usize = 0; // 128 u32 entries
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

function setTable(): void {
  table = kStatic;
  for (let c = 0; c < 128; c++) {
    let e: u32 = 0;
    const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    const digit = c >= 0x30 && c <= 0x39;
    if (letter || digit || c == 0x2b || c == 0x2f || c == 0x5f || c == 0x2d) e |= E_B64;
    if (digit || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)) e |= E_HEX;
    let tok: u32 = 0;
    if (letter) tok = 1;
    else if (c == 0x30 || c == 0x31 || c == 0x33 || c == 0x34 || c == 0x35 || c == 0x37) tok = 2;
    else if (digit) tok = 4;
    e |= tok << 2;
    if (c == 0x0a) e |= E_NEWLINE;
    const l = c | 0x20; // the tests read the ASCII lower case of any character below 0x80
    let et: i32 = 0;
    if (l == 0x72 || l == 0x67) et = 5;
    else if (l == 0x65 || l == 0x74) et = -6;
    let v: i32 = 0;
    if (l == 0x6e || l == 0x72 || l == 0x76 || l == 0x62 || l == 0x68) v = 1;
    else if (l == 0x61 || l == 0x65 || l == 0x69 || l == 0x6f || l == 0x75) v = -1;
    e |= (<u32>(et & 0xff)) << 8;
    e |= (<u32>(v & 0xff)) << 16;
    store<u32>(table + (<usize>c << 2), e);
  }
}
setTable();

// Most records a text of n units can produce: a run takes 16 units plus a boundary; a flagged line
// at least 12 (four leet words of two characters, three separators and the newline; a ROT13
// candidate 21). About 4.5 bytes of memory per unit in all, the text's two included.
@inline function maxRuns(n: i32): i32 { return n / (MIN_RUN + 1) + 2; }
@inline function maxLines(n: i32): i32 { return n / 12 + 2; }

/** Makes room for a text of n code units; returns where to write them. */
export function reserve(n: i32): usize {
  if (n > capacity) {
    capacity = n + (n >> 2) + 64;
    const need = kStatic + 512 + (<usize>(capacity + 1) << 1) + 16 + (<usize>maxRuns(capacity) << 4) + <usize>maxLines(capacity) * 12 + 64;
    const have = <usize>memory.size() << 16;
    if (need > have && memory.grow(<i32>((need - have + 0xffff) >> 16)) < 0) unreachable();
  }
  input = kStatic + 512;
  runs = (input + (<usize>(capacity + 1) << 1) + 15) & ~15;
  lines = runs + (<usize>maxRuns(capacity) << 4);
  return input;
}

@inline function unit(i: i32): u32 {
  return <u32>load<u16>(input + (<usize>i << 1));
}

/**
 * Scans n units written at inputPtr(), in one loop with one table load per character. Word and run
 * boundaries are counted with selects rather than branches (a boundary every few characters of
 * prose mispredicts); only a run end of length 2 or 16+ and a line end branch.
 */
export function scan(n: i32): void {
  nRuns = 0;
  nLines = 0;
  pairs = 0;
  // A newline after the text closes the last word, run and line.
  store<u16>(input + (<usize>n << 1), 0x0a);
  // Runs (base64/hex alphabet)
  let runLen = 0;
  let runHex: u32 = 0;
  pairStreak = 0;
  pairSeparatorAt = -2;
  // Lines (ROT13, leetspeak)
  let lineStart = 0;
  let et = 0;
  let vowel = 0;
  let tok: u32 = 0;
  let words = 0;
  let leetWords = 0;
  for (let i = 0; i <= n; i++) {
    const raw = unit(i);
    if (raw - 0x61 < 26) {
      // A run of lower-case ASCII letters (most of prose): each is in the base64 alphabet and in a
      // word, and adds its ROT13 weights — the same state changes as the general path, in a tight loop.
      let e = load<u32>(table + (<usize>raw << 2));
      let hex = select<u32>(runHex & e, e, runLen != 0);
      let len = runLen + 1;
      let etSum = et + ((<i32>(e << 16)) >> 24);
      let vowelSum = vowel + ((<i32>(e << 8)) >> 24);
      let j = i + 1;
      while (true) {
        const c = unit(j); // the newline stored after the text stops the loop
        if (c - 0x61 >= 26) break;
        e = load<u32>(table + (<usize>c << 2));
        hex &= e;
        len++;
        etSum += (<i32>(e << 16)) >> 24;
        vowelSum += (<i32>(e << 8)) >> 24;
        j++;
      }
      runHex = hex;
      runLen = len;
      et = etSum;
      vowel = vowelSum;
      tok |= 1;
      i = j - 1;
      continue;
    }
    let e: u32;
    if (raw < 0x80) e = load<u32>(table + (<usize>raw << 2));
    else e = (raw >= 0xc0 && raw <= 0x24f) || (raw >= 0x1e00 && raw <= 0x1eff) ? 0x10000000 : 0;
    // --- runs
    const b = e & E_B64;
    if (b == 0 && (runLen == 2 || runLen >= MIN_RUN)) endRun(i, runLen, runHex, n);
    runHex = select<u32>(runHex & e, e, runLen != 0);
    runLen = select<i32>(runLen + 1, 0, b != 0);
    // --- words and lines
    if ((e & 0x10000000) != 0) {
      // An accented Latin letter continues a word ("hasło") and adds nothing else.
      tok |= 1;
      continue;
    }
    const cls = (e >> 2) & 7;
    const ended = <i32>(cls == 0) & <i32>(tok != 0);
    words += ended;
    leetWords += ended & <i32>(tok == 3);
    tok = select<u32>(tok | cls, 0, cls != 0);
    if (e & E_NEWLINE) {
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
    et += (<i32>(e << 16)) >> 24;
    vowel += (<i32>(e << 8)) >> 24;
  }
}

// Separated hex pairs ("41 42 43 "): how many two-hex-digit tokens in a row, and where the last one's
// separator was. Only endRun changes them.
let pairStreak: i32 = 0;
let pairSeparatorAt: i32 = -2;

/** A run of `len` alphabet characters ended at i: a two-hex-digit token or a long run. */
function endRun(i: i32, len: i32, hex: u32, n: i32): void {
  const start = i - len;
  if (len == 2) {
    if ((hex & E_HEX) != 0 && i < n) {
      const sep = unit(i);
      if (sep == 0x20 || sep == 0x3a) {
        pairStreak = pairSeparatorAt == start - 1 ? pairStreak + 1 : 1;
        pairSeparatorAt = i;
        if (pairStreak >= 3) pairs = 1;
      }
    }
    return;
  }
  let end = i;
  while (end < n && end - i < 2 && unit(end) == 0x3d) end++;
  const r = runs + (<usize>nRuns << 4);
  store<i32>(r, start);
  store<i32>(r, i, 4);
  store<i32>(r, end, 8);
  store<i32>(r, (hex & E_HEX) != 0 ? 1 : 0, 12);
  nRuns++;
}

export function runsPtr(): usize { return runs; }
export function runCount(): i32 { return nRuns; }
export function linesPtr(): usize { return lines; }
export function lineCount(): i32 { return nLines; }
export function hexPairs(): i32 { return pairs; }
