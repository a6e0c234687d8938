// Segment feature extraction: UTF-8 bytes -> folded code points -> tokens -> hashed word 1-2-grams,
// char 3-5-grams and structural counts. One routine serves scoring (dot products against the heads),
// training (sparse feature list out) and embedding (random projection), so train and inference
// features are the same code.
import { BUCKET_MASK, EMBED_DIM, MINI_SIZE, NUM_STRUCT } from './layout';
import { C_PUNCT, C_SOLO, C_SPACE, C_WORD, DROP, classify, confusable, foldCp, leet } from './fold';
import { SEED_BI, SEED_CHAR3, SEED_CHAR4, SEED_CHAR5, SEED_STEM, SEED_TRI, SEED_UNI, SEED_WORD, fmix, pair, step } from './hash';
import { lexGet } from './lexicon';

// Lexicon category bits (src/model/lexicon.ts uses the same numbering).
export const CAT_ADDR: u32 = 1 << 0;
export const CAT_IMPER: u32 = 1 << 1;
export const CAT_OVERRIDE: u32 = 1 << 2;
export const CAT_URGENT: u32 = 1 << 3;
export const CAT_AUTHORITY: u32 = 1 << 4;
export const CAT_HIJACK: u32 = 1 << 5;
export const CAT_SECRET: u32 = 1 << 6;
export const CAT_EXTRACT: u32 = 1 << 7;
export const CAT_ROLEPLAY: u32 = 1 << 8;
export const CAT_QUESTION: u32 = 1 << 9;
export const CAT_WRAPPER: u32 = 1 << 10;
export const CAT_ROLE: u32 = 1 << 11;
export const CAT_STOP: u32 = 1 << 12;
export const CAT_RESTRICT: u32 = 1 << 13;
export const CAT_EXFIL: u32 = 1 << 14;
export const CAT_PREVIOUS: u32 = 1 << 15;
const NUM_CATS: i32 = 16;

const K_WORD: i32 = 1;
const K_SOLO: i32 = 2;
const K_PUNCT: i32 = 3;

export const MODE_SCORE: i32 = 0;
export const MODE_EXTRACT: i32 = 1;
export const MODE_EMBED: i32 = 2;
export const MODE_TASK: i32 = 3;

// Scratch, sized for the longest segment by ensureScratch().
let cap: i32 = 0;
let cpsA: usize = 0; // token code points as produced
let offA: usize = 0;
let lenA: usize = 0;
let kindA: usize = 0;
let spA: usize = 0; // 1 if whitespace preceded the token
let flagA: usize = 0; // per word token: F_DIGIT | F_ASCII | F_WIDE, what its code points contain
// The B view: tokens after merging spaced-out letters. It points at the own* buffers when a run
// was merged, and at the A buffers themselves when none was (most segments: no copy then).
let cpsB: usize = 0;
let offB: usize = 0;
let lenB: usize = 0;
let kindB: usize = 0;
let spB: usize = 0;
let ownCpsB: usize = 0;
let ownOffB: usize = 0;
let ownLenB: usize = 0;
let ownKindB: usize = 0;
let ownSpB: usize = 0;
let wordHash: usize = 0; // per token in B (0 for punctuation)
let charBuf: usize = 0;
let outBuf: usize = 0;
let outCap: i32 = 0;

export let weights: usize = 0;
export let structBuf: usize = 0;
let miniSeg: usize = 0;
let miniTask: usize = 0;
let touched: usize = 0;
let nTouched: i32 = 0;
export let embedBuf: usize = 0;

export let nTokA: i32 = 0;
export let nTokB: i32 = 0;
let mode: i32 = MODE_SCORE;
export let dot0: f32 = 0;
export let dot1: f32 = 0;
export let nFeat: i32 = 0;
export let nOut: i32 = 0;
export let taskNorm2: f32 = 0;
let upperCount: i32 = 0;
let letterCount: i32 = 0;
let digitCount: i32 = 0;

// classify() of each ASCII code point, filled by initStatic.
let asciiClass: usize = 0;

export function initStatic(numBuckets: i32, numHeads: i32): void {
  asciiClass = heap.alloc(128);
  for (let c: u32 = 0; c < 128; c++) store<u8>(asciiClass + <usize>c, <u8>classify(c));
  weights = heap.alloc(<usize>numBuckets * <usize>numHeads * 4);
  memory.fill(weights, 0, <usize>numBuckets * <usize>numHeads * 4);
  structBuf = heap.alloc(<usize>NUM_STRUCT * 4);
  miniSeg = heap.alloc(<usize>MINI_SIZE * 4);
  memory.fill(miniSeg, 0, <usize>MINI_SIZE * 4);
  miniTask = heap.alloc(<usize>MINI_SIZE * 4);
  memory.fill(miniTask, 0, <usize>MINI_SIZE * 4);
  touched = heap.alloc(<usize>MINI_SIZE * 4);
  embedBuf = heap.alloc(<usize>EMBED_DIM * 4);
}

export function ensureScratch(maxSegBytes: i32): void {
  if (maxSegBytes <= cap) return;
  let c = cap == 0 ? 4096 : cap;
  while (c < maxSegBytes) c <<= 1;
  cap = c;
  const n = <usize>(c + 8);
  cpsA = heap.alloc(n * 4);
  offA = heap.alloc(n * 4);
  lenA = heap.alloc(n * 4);
  kindA = heap.alloc(n);
  spA = heap.alloc(n);
  flagA = heap.alloc(n);
  ownCpsB = heap.alloc(n * 4);
  ownOffB = heap.alloc(n * 4);
  ownLenB = heap.alloc(n * 4);
  ownKindB = heap.alloc(n);
  ownSpB = heap.alloc(n);
  wordHash = heap.alloc(n * 4);
  charBuf = heap.alloc(n * 8 + 16);
  outCap = (c + 8) * 8 + 64;
  outBuf = heap.alloc(<usize>outCap * 4);
}

export function outPtr(): usize {
  return outBuf;
}

export function setMode(m: i32): void {
  mode = m;
}

// ---- tokenization ------------------------------------------------------------------------

// What a word token's (folded) code points contain: the repair passes after tokenizing only visit
// words that can need them (digits for leetspeak and numbers, Latin plus non-ASCII for homoglyphs).
const F_DIGIT: u8 = 1;
const F_ASCII: u8 = 2; // a-z
const F_WIDE: u8 = 4; // any code point >= 0x80
const F_OTHER: u8 = 8; // anything else a word holds ('_')

@inline function closeWordA(len: i32, flags: u8): void {
  store<i32>(lenA + (<usize>(nTokA - 1) << 2), len);
  store<u8>(flagA + <usize>(nTokA - 1), flags);
}

@inline function pushTokenA(kind: i32, sp: i32, at: i32): void {
  store<i32>(offA + (<usize>nTokA << 2), at);
  store<i32>(lenA + (<usize>nTokA << 2), 0);
  store<u8>(kindA + <usize>nTokA, <u8>kind);
  store<u8>(spA + <usize>nTokA, <u8>sp);
  nTokA++;
}

/** Decodes and folds [start, end) of memory into tokens in the A buffers. */
function tokenize(start: usize, end: usize): void {
  nTokA = 0;
  upperCount = 0;
  letterCount = 0;
  digitCount = 0;
  let nCp: i32 = 0;
  let inWord = false;
  let wordLen: i32 = 0;
  let wordFlags: u8 = 0;
  let sawSpace: i32 = 1; // whitespace characters since the previous token, capped at 3
  let p = start;
  while (p < end) {
    let cp: u32 = load<u8>(p);
    if (inWord && cp - 0x61 < 26) {
      // The rest of a word in lower-case ASCII letters (most of prose): the same state changes as the
      // general path below makes per letter, without its class, case and digit tests. The word's
      // first character went through that path, which opens the token.
      wordFlags |= F_ASCII;
      let q = p;
      while (true) {
        store<u32>(cpsA + (<usize>nCp << 2), cp);
        nCp++;
        q++;
        if (q >= end) break;
        cp = load<u8>(q);
        if (cp - 0x61 >= 26) break;
      }
      const run = <i32>(q - p);
      letterCount += run;
      wordLen += run;
      p = q;
      continue;
    }
    if (cp < 0x80) {
      p += 1;
    } else if ((cp & 0xe0) == 0xc0 && p + 1 < end) {
      cp = ((cp & 0x1f) << 6) | (<u32>load<u8>(p, 1) & 0x3f);
      p += 2;
    } else if ((cp & 0xf0) == 0xe0 && p + 2 < end) {
      cp = ((cp & 0x0f) << 12) | ((<u32>load<u8>(p, 1) & 0x3f) << 6) | (<u32>load<u8>(p, 2) & 0x3f);
      p += 3;
    } else if ((cp & 0xf8) == 0xf0 && p + 3 < end) {
      cp = ((cp & 0x07) << 18) | ((<u32>load<u8>(p, 1) & 0x3f) << 12) | ((<u32>load<u8>(p, 2) & 0x3f) << 6) | (<u32>load<u8>(p, 3) & 0x3f);
      p += 4;
    } else {
      cp = 0xfffd;
      p += 1;
    }
    let f: u32;
    let cls: i32;
    if (cp < 0x80) {
      // ASCII (most text): one table load instead of the fold and class if-chains.
      if (cp - 0x41 < 26) {
        upperCount++;
        f = cp + 0x20;
      } else f = cp;
      cls = <i32>load<u8>(asciiClass + <usize>f);
    } else if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf)) {
      // CJK ideographs and kana: folding keeps them and each is a token of its own (what foldCp and
      // classify answer after a dozen range tests each).
      f = cp;
      cls = C_SOLO;
    } else if ((cp >= 0x430 && cp <= 0x45f) || (cp >= 0xac00 && cp <= 0xd7a3)) {
      // Lower-case Cyrillic and Hangul syllables: kept, word characters.
      f = cp;
      cls = C_WORD;
    } else {
      f = foldCp(cp);
      if (f == DROP) continue;
      cls = classify(f);
    }
    if (cls == C_WORD) {
      let flag: u8;
      if (f - 0x30 < 10) {
        digitCount++;
        flag = F_DIGIT;
      } else {
        letterCount++;
        flag = f - 0x61 < 26 ? F_ASCII : f >= 0x80 ? F_WIDE : F_OTHER;
      }
      if (!inWord) {
        pushTokenA(K_WORD, sawSpace, nCp);
        inWord = true;
        sawSpace = 0;
        wordLen = 0;
        wordFlags = 0;
      }
      store<u32>(cpsA + (<usize>nCp << 2), f);
      nCp++;
      // The open word's length and flags live in locals; written when the word ends.
      wordLen++;
      wordFlags |= flag;
      continue;
    }
    if (inWord) closeWordA(wordLen, wordFlags);
    inWord = false;
    if (cls == C_SPACE) {
      if (sawSpace < 3) sawSpace++;
      continue;
    }
    letterCount += cls == C_SOLO ? 1 : 0;
    pushTokenA(cls == C_SOLO ? K_SOLO : K_PUNCT, sawSpace, nCp);
    sawSpace = 0;
    store<u32>(cpsA + (<usize>nCp << 2), f);
    nCp++;
    store<i32>(lenA + (<usize>(nTokA - 1) << 2), 1);
  }
  if (inWord) closeWordA(wordLen, wordFlags);
  shortenRepeats();
  // Per-word repairs: homoglyphs inside Latin words, leetspeak digits, numbers to a shape. Only a
  // word with a Latin letter and a digit or a non-ASCII character can need one.
  let leetWords = 0;
  for (let t = 0; t < nTokA; t++) {
    if (load<u8>(kindA + <usize>t) != <u8>K_WORD) continue;
    const flags = load<u8>(flagA + <usize>t);
    if ((flags & F_ASCII) == 0 || (flags & (F_DIGIT | F_WIDE)) == 0) continue;
    const o = load<i32>(offA + (<usize>t << 2));
    const l = load<i32>(lenA + (<usize>t << 2));
    let ascii = 0;
    let digits = 0;
    let conf = 0;
    for (let i = 0; i < l; i++) {
      const c = load<u32>(cpsA + (<usize>(o + i) << 2));
      if (c >= 0x61 && c <= 0x7a) ascii++;
      else if (c >= 0x30 && c <= 0x39) digits++;
      else if (confusable(c) != 0) conf++;
    }
    if (conf > 0 && ascii > 0) {
      for (let i = 0; i < l; i++) {
        const q = cpsA + (<usize>(o + i) << 2);
        const m = confusable(load<u32>(q));
        if (m != 0) store<u32>(q, m);
      }
    }
    if (digits > 0 && ascii > 0) {
      // "4551574n7" (assistant) has one letter left: any word of 3+ characters with a Latin letter.
      const leetOk = l >= 3;
      for (let i = 0; i < l; i++) {
        const q = cpsA + (<usize>(o + i) << 2);
        const c = load<u32>(q);
        if (c >= 0x30 && c <= 0x39) store<u32>(q, leetOk ? leet(c) : 0x30);
      }
      if (leetOk) {
        leetWords++;
        digitCount -= digits; // they were letters in disguise: not a "mostly digits" segment
        letterCount += digits;
      }
    }
  }
  // Numbers: in a segment written in leetspeak, short all-digit words are words too ("70" = to,
  // "17" = it); elsewhere every digit becomes 0 so amounts and years share one shape.
  for (let t = 0; t < nTokA; t++) {
    // All digits, as read (a word the leetspeak repair touched had a Latin letter).
    if (load<u8>(kindA + <usize>t) != <u8>K_WORD || load<u8>(flagA + <usize>t) != F_DIGIT) continue;
    const o = load<i32>(offA + (<usize>t << 2));
    const l = load<i32>(lenA + (<usize>t << 2));
    const asWord = leetWords >= 2 && l <= 3;
    for (let i = 0; i < l; i++) {
      const q = cpsA + (<usize>(o + i) << 2);
      store<u32>(q, asWord ? leet(load<u32>(q)) : 0x30);
    }
  }
  mergeSpacedLetters();
}

/** Shortest word that shortenRepeats() looks at, and the longest repeating unit it recognises. */
const REPEAT_MIN_LEN: i32 = 8;
const REPEAT_MAX_PERIOD: i32 = 4;

/**
 * A word that is one short unit repeated ("xxxxxxxx", "hahahaha", "abcabcabc") keeps two copies of
 * the unit. Its character n-grams would otherwise count once per repeat, and the hashed part of a
 * logit grows with the square root of a count: 32 x's scored as an instruction at margin 5 and 1,000
 * at margin 60. Laughter, masks and filler carry no more meaning at length 40 than at length 4.
 */
function shortenRepeats(): void {
  for (let t = 0; t < nTokA; t++) {
    if (load<u8>(kindA + <usize>t) != <u8>K_WORD) continue;
    const l = load<i32>(lenA + (<usize>t << 2));
    if (l < REPEAT_MIN_LEN) continue;
    const o = cpsA + (<usize>load<i32>(offA + (<usize>t << 2)) << 2);
    for (let p = 1; p <= REPEAT_MAX_PERIOD; p++) {
      let i = p;
      while (i < l && load<u32>(o + (<usize>i << 2)) == load<u32>(o + (<usize>(i - p) << 2))) i++;
      if (i == l) {
        store<i32>(lenA + (<usize>t << 2), 2 * p);
        break;
      }
    }
  }
}

@inline function isSingleLetterA(t: i32): bool {
  // Any one-character word (Latin, accented, Cyrillic, leet digit): spacing-out is script-independent.
  return load<u8>(kindA + <usize>t) == <u8>K_WORD && load<i32>(lenA + (<usize>t << 2)) == 1;
}

@inline function isJoinPunctA(t: i32): bool {
  if (load<u8>(kindA + <usize>t) != <u8>K_PUNCT) return false;
  const c = load<u32>(cpsA + (<usize>load<i32>(offA + (<usize>t << 2)) << 2));
  return c == 0x2e || c == 0x2d || c == 0x5f || c == 0x2a || c == 0x2c || c == 0x7c || c == 0x2f || c == 0x2b || c == 0x7e;
}

/** Whether mergeSpacedLetters() can merge anything: a single letter followed by another joined to it. */
function hasSpacedRun(): bool {
  for (let t = 0; t + 1 < nTokA; t++) {
    if (!isSingleLetterA(t)) continue;
    if (isSingleLetterA(t + 1) && load<u8>(spA + <usize>(t + 1)) == 1) return true;
    if (isJoinPunctA(t + 1) && load<u8>(spA + <usize>(t + 1)) == 0 && t + 2 < nTokA && isSingleLetterA(t + 2) && load<u8>(spA + <usize>(t + 2)) == 0) return true;
  }
  return false;
}

/** "i g n o r e" and "i.g.n.o.r.e" become one word when at least three single letters run together. */
function mergeSpacedLetters(): void {
  if (!hasSpacedRun()) {
    // Nothing to merge: the B view is the A buffers (same tokens, same contiguous offsets).
    cpsB = cpsA;
    offB = offA;
    lenB = lenA;
    kindB = kindA;
    spB = spA;
    nTokB = nTokA;
    return;
  }
  cpsB = ownCpsB;
  offB = ownOffB;
  lenB = ownLenB;
  kindB = ownKindB;
  spB = ownSpB;
  nTokB = 0;
  let nCp: i32 = 0;
  let t = 0;
  while (t < nTokA) {
    if (isSingleLetterA(t)) {
      // Find the run: letters joined the same way throughout, either by one space ("i g n o r e")
      // or by one punctuation mark with no space ("i.g.n.o.r.e"). Two or more spaces end a word.
      let count = 1;
      let last = t;
      let u = t + 1;
      let style = 0; // 1 = single spaces, 2 = punctuation
      while (u < nTokA) {
        if (isSingleLetterA(u) && (style == 0 || style == 1) && load<u8>(spA + <usize>u) == 1) { style = 1; count++; last = u; u++; continue; }
        if ((style == 0 || style == 2) && isJoinPunctA(u) && load<u8>(spA + <usize>u) == 0 && u + 1 < nTokA && isSingleLetterA(u + 1) && load<u8>(spA + <usize>(u + 1)) == 0) { style = 2; count++; last = u + 1; u += 2; continue; }
        break;
      }
      // Two letters only when the run is set off by wide gaps ("d e   a g i r") or dots ("e.g").
      const wideBefore = t == 0 || load<u8>(spA + <usize>t) >= 2;
      const wideAfter = last + 1 >= nTokA || load<u8>(spA + <usize>(last + 1)) >= 2;
      if (count >= 3 || (count == 2 && (style == 2 || (wideBefore && wideAfter)))) {
        store<i32>(offB + (<usize>nTokB << 2), nCp);
        store<i32>(lenB + (<usize>nTokB << 2), count);
        store<u8>(kindB + <usize>nTokB, <u8>K_WORD);
        store<u8>(spB + <usize>nTokB, load<u8>(spA + <usize>t));
        for (let v = t; v <= last; v++) {
          if (load<u8>(kindA + <usize>v) != <u8>K_WORD) continue;
          store<u32>(cpsB + (<usize>nCp << 2), load<u32>(cpsA + (<usize>load<i32>(offA + (<usize>v << 2)) << 2)));
          nCp++;
        }
        nTokB++;
        t = last + 1;
        continue;
      }
    }
    const o = load<i32>(offA + (<usize>t << 2));
    const l = load<i32>(lenA + (<usize>t << 2));
    store<i32>(offB + (<usize>nTokB << 2), nCp);
    store<i32>(lenB + (<usize>nTokB << 2), l);
    store<u8>(kindB + <usize>nTokB, load<u8>(kindA + <usize>t));
    store<u8>(spB + <usize>nTokB, load<u8>(spA + <usize>t));
    memory.copy(cpsB + (<usize>nCp << 2), cpsA + (<usize>o << 2), <usize>l << 2);
    nCp += l;
    nTokB++;
    t++;
  }
}

// ---- hashing of tokens ---------------------------------------------------------------------

function hashWords(): void {
  for (let t = 0; t < nTokB; t++) {
    const k = load<u8>(kindB + <usize>t);
    if (k == <u8>K_PUNCT) {
      store<u32>(wordHash + (<usize>t << 2), 0);
      continue;
    }
    const o = load<i32>(offB + (<usize>t << 2));
    const l = load<i32>(lenB + (<usize>t << 2));
    let h: u32 = SEED_WORD;
    for (let i = 0; i < l; i++) h = step(h, load<u32>(cpsB + (<usize>(o + i) << 2)));
    store<u32>(wordHash + (<usize>t << 2), fmix(h) | 1);
  }
}

/** Word-level hash of a phrase loaded into memory, for the lexicon (1-3 words). Returns 0 if unusable. */
export function phraseHash(start: usize, end: usize): u32 {
  ensureScratch(<i32>(end - start) + 16);
  tokenize(start, end);
  hashWords();
  let h0: u32 = 0;
  let h1: u32 = 0;
  let n = 0;
  let key: u32 = 0;
  for (let t = 0; t < nTokB; t++) {
    const h = load<u32>(wordHash + (<usize>t << 2));
    if (h == 0) continue;
    if (n == 0) key = h;
    else if (n == 1) key = pair(h0, h, SEED_BI);
    else if (n == 2) key = pair(pair(h1, h0, SEED_BI), h, SEED_TRI);
    else return 0;
    h1 = h0;
    h0 = h;
    n++;
  }
  return key;
}

// ---- feature emission ---------------------------------------------------------------------

@inline function emit(h: u32): void {
  nFeat++;
  const idx = h & BUCKET_MASK;
  if (mode == MODE_SCORE) {
    // The sign bit of the hash picks +1 or -1. Hash bits are random, so a branch on it mispredicts
    // half the time (three times per character); copying the bit into 1.0f is exact and branch-free.
    const p = weights + (<usize>idx << 3);
    const sign = reinterpret<f32>((h & 0x80000000) | 0x3f800000);
    dot0 += sign * load<f32>(p);
    dot1 += sign * load<f32>(p, 4);
  } else if (mode == MODE_EXTRACT) {
    if (nOut < outCap) {
      store<u32>(outBuf + (<usize>nOut << 2), idx | (h & 0x80000000));
      nOut++;
    }
  } else if (mode == MODE_EMBED) {
    const s: f32 = h >> 31 ? -1.0 : 1.0;
    const a = fmix(idx ^ 0x9e3779b9);
    const b = fmix(idx ^ 0x7f4a7c15);
    for (let d = 0; d < 32; d++) {
      const q = embedBuf + (<usize>d << 2);
      store<f32>(q, load<f32>(q) + (((a >> d) & 1) ? s : -s));
      const r = embedBuf + (<usize>(d + 32) << 2);
      store<f32>(r, load<f32>(r) + (((b >> d) & 1) ? s : -s));
    }
  }
}

@inline function addStruct(slot: i32, v: f32): void {
  const p = structBuf + (<usize>slot << 2);
  store<f32>(p, load<f32>(p) + v);
}

@inline function tokCp(t: i32): u32 {
  return load<u32>(cpsB + (<usize>load<i32>(offB + (<usize>t << 2)) << 2));
}

@inline function isPunct(t: i32, c: u32): bool {
  return load<u8>(kindB + <usize>t) == <u8>K_PUNCT && tokCp(t) == c;
}

function addMini(buf: usize, h: u32): void {
  const idx = fmix(h ^ SEED_STEM) & <u32>(MINI_SIZE - 1);
  const p = buf + (<usize>idx << 2);
  const old = load<f32>(p);
  if (buf == miniSeg && old == 0) {
    store<u32>(touched + (<usize>nTouched << 2), idx);
    nTouched++;
  }
  store<f32>(p, old + 1);
}

/**
 * Processes one segment [start, end) of memory in the current mode. Leaves the structural counts in
 * structBuf, the dot products in dot0/dot1 (score mode), the sparse list in outBuf (extract mode).
 */
export function processSegment(start: usize, end: usize): void {
  ensureScratch(<i32>(end - start) + 16);
  tokenize(start, end);
  hashWords();
  dot0 = 0;
  dot1 = 0;
  nFeat = 0;
  nOut = 0;
  memory.fill(structBuf, 0, <usize>NUM_STRUCT * 4);
  if (mode == MODE_EMBED) memory.fill(embedBuf, 0, <usize>EMBED_DIM * 4);

  // Word features and lexicon cues.
  let prev: u32 = 0;
  let prevPair: u32 = 0;
  let words = 0;
  let any: u32 = 0;
  let firstWordMask: u32 = 0;
  let sentenceStart = true;
  let punctCode = 0;
  let punctTotal = 0;
  let hashRun = 0;
  let maxHashRun = 0;
  let addrEarly = false;
  let firstIsPunct = nTokB > 0 && load<u8>(kindB) == <u8>K_PUNCT;
  let soloSeen = false;
  let prevSolo: u32 = 0;
  for (let t = 0; t < nTokB; t++) {
    const k = load<u8>(kindB + <usize>t);
    if (k == <u8>K_PUNCT) {
      const c = tokCp(t);
      punctTotal++;
      if (c == 0x3b || c == 0x7b || c == 0x7d || c == 0x28 || c == 0x29 || c == 0x3d) punctCode++;
      if (c == 0x23 || c == 0x3d || c == 0x2d) { hashRun++; if (hashRun > maxHashRun) maxHashRun = hashRun; } else hashRun = 0;
      if (c == 0x21) addStruct(23, 1);
      if (c == 0x40) addStruct(24, 1);
      if (c == 0x22 || c == 0x27 || c == 0xab || c == 0xbb || c == 0x201c || c == 0x201d) addStruct(38, 1);
      if (c == 0x2e || c == 0x21 || c == 0x3f || c == 0x3a || c == 0x3002 || c == 0x3b) sentenceStart = true;
      prevSolo = 0;
      continue;
    }
    hashRun = 0;
    const h = load<u32>(wordHash + (<usize>t << 2));
    emit(fmix(h ^ SEED_UNI));
    let m = lexGet(h);
    if (prev != 0) {
      const bi = pair(prev, h, SEED_BI);
      emit(bi);
      m |= lexGet(bi);
      if (prevPair != 0) m |= lexGet(pair(prevPair, h, SEED_TRI));
      prevPair = bi;
    }
    prev = h;
    if (k == <u8>K_SOLO) soloSeen = true;
    if (words == 0) firstWordMask = m;
    if (words < 3 && (m & CAT_ADDR)) addrEarly = true;
    if (sentenceStart && words > 0 && (m & CAT_IMPER)) addStruct(34, 1);
    sentenceStart = false;
    any |= m;
    // One addition per set category bit (most words carry one or two: stopword, question).
    for (let bits = m; bits != 0; bits &= bits - 1) addStruct(<i32>ctz(bits), 1);
    // Wrapper tokens: <information>, [system], <|im_start|>, {admin}
    if ((m & CAT_WRAPPER) && t > 0) {
      const pk = load<u8>(kindB + <usize>(t - 1)) == <u8>K_PUNCT;
      if (pk) {
        const c = tokCp(t - 1);
        if (c == 0x3c || c == 0x5b || c == 0x7c || c == 0x7b || c == 0x2f) addStruct(20, 1);
      }
    }
    // Chat-role headers: "system:" at segment start, or after <| / [ .
    if ((m & CAT_ROLE) && t + 1 < nTokB && isPunct(t + 1, 0x3a) && words == 0) addStruct(21, 1);
    if ((m & CAT_ROLE) && t > 0 && (isPunct(t - 1, 0x7c) || isPunct(t - 1, 0x5b))) addStruct(21, 1);
    // Task relatedness: content words (stems) into the mini vector.
    // Without a task the relatedness is not computed (relatednessAndReset returns -1), so skip the stems.
    if ((mode == MODE_SCORE && taskNorm2 > 0) || mode == MODE_TASK) {
      const buf = mode == MODE_TASK ? miniTask : miniSeg;
      if (k == <u8>K_SOLO) {
        const c = tokCp(t);
        if (prevSolo != 0) addMini(buf, step(step(SEED_WORD, prevSolo), c));
        prevSolo = c;
      } else {
        prevSolo = 0;
        const l = load<i32>(lenB + (<usize>t << 2));
        if (l >= 3 && (m & CAT_STOP) == 0) {
          const o = load<i32>(offB + (<usize>t << 2));
          let hs: u32 = SEED_WORD;
          const n = l < 5 ? l : 5;
          for (let i = 0; i < n; i++) hs = step(hs, load<u32>(cpsB + (<usize>(o + i) << 2)));
          addMini(buf, hs);
        }
      }
    }
    words++;
  }
  if (firstWordMask & CAT_IMPER) addStruct(16, 1);
  if (firstWordMask & CAT_QUESTION) addStruct(17, 1);
  // Last token a question mark.
  if (nTokB > 0 && isPunct(nTokB - 1, 0x3f)) addStruct(18, 1);
  if ((any & CAT_ADDR) && (any & CAT_IMPER)) addStruct(19, 1);
  if (maxHashRun >= 2) addStruct(22, 1);
  const letters = letterCount;
  if (letters >= 6 && upperCount * 10 > letters * 6) addStruct(25, 1);
  if (digitCount * 10 > (letters + digitCount) * 3 && digitCount >= 3) addStruct(26, 1);
  if (words < 4) addStruct(27, 1);
  else if (words <= 12) addStruct(28, 1);
  else if (words <= 40) addStruct(29, 1);
  else addStruct(30, 1);
  if (soloSeen) addStruct(31, 1);
  if (punctCode >= 3 && punctCode * 6 > words) addStruct(32, 1);
  if (addrEarly) addStruct(33, 1);
  if ((any & CAT_OVERRIDE) && (any & CAT_PREVIOUS)) addStruct(35, 1);
  if ((any & CAT_EXTRACT) && (any & CAT_SECRET)) addStruct(36, 1);
  if ((any & CAT_HIJACK) && (any & (CAT_SECRET | CAT_EXFIL))) addStruct(37, 1);
  if (firstIsPunct) addStruct(39, 1);
  void punctTotal;

  // Character 3-5-grams over the token stream, with a space where the text had one.
  let n: i32 = 0;
  store<u32>(charBuf, 0x20);
  n = 1;
  for (let t = 0; t < nTokB; t++) {
    // Spaces between unspaced-script characters ("次 の 文") are padding, not word breaks.
    const bothSolo = t > 0 && load<u8>(kindB + <usize>t) == <u8>K_SOLO && load<u8>(kindB + <usize>(t - 1)) == <u8>K_SOLO;
    if (t > 0 && load<u8>(spB + <usize>t) != 0 && !bothSolo) {
      store<u32>(charBuf + (<usize>n << 2), 0x20);
      n++;
    }
    const o = load<i32>(offB + (<usize>t << 2));
    const l = load<i32>(lenB + (<usize>t << 2));
    memory.copy(charBuf + (<usize>n << 2), cpsB + (<usize>o << 2), <usize>l << 2);
    n += l;
  }
  store<u32>(charBuf + (<usize>n << 2), 0x20);
  n++;
  if (mode == MODE_SCORE) {
    scoreCharGrams(n);
    return;
  }
  for (let i = 0; i + 3 <= n; i++) {
    const q = charBuf + (<usize>i << 2);
    let h: u32 = step(step(step(SEED_CHAR3, load<u32>(q)), load<u32>(q, 4)), load<u32>(q, 8));
    emit(fmix(h));
    if (i + 4 <= n) {
      const h4 = step(h ^ SEED_CHAR4, load<u32>(q, 12));
      emit(fmix(h4));
      if (i + 5 <= n) emit(fmix(step(h4 ^ SEED_CHAR5, load<u32>(q, 16))));
    }
  }
}

@inline function addWeighted(h: u32, acc: f32, head: i32): f32 {
  const sign = reinterpret<f32>((h & 0x80000000) | 0x3f800000);
  return acc + sign * load<f32>(weights + (<usize>(h & BUCKET_MASK) << 3) + (<usize>head << 2));
}

/**
 * The character 3-5-grams of charBuf[0, n) in score mode: the same features, in the same order, as
 * the emit() loop above, but accumulated in locals. emit() goes through module globals, and a chain
 * of global read-add-write per feature (three per character) is what bounded this loop.
 */
function scoreCharGrams(n: i32): void {
  let d0 = dot0;
  let d1 = dot1;
  let count = 0;
  for (let i = 0; i + 3 <= n; i++) {
    const q = charBuf + (<usize>i << 2);
    const h = step(step(step(SEED_CHAR3, load<u32>(q)), load<u32>(q, 4)), load<u32>(q, 8));
    const f3 = fmix(h);
    d0 = addWeighted(f3, d0, 0);
    d1 = addWeighted(f3, d1, 1);
    count++;
    if (i + 4 <= n) {
      const h4 = step(h ^ SEED_CHAR4, load<u32>(q, 12));
      const f4 = fmix(h4);
      d0 = addWeighted(f4, d0, 0);
      d1 = addWeighted(f4, d1, 1);
      count++;
      if (i + 5 <= n) {
        const f5 = fmix(step(h4 ^ SEED_CHAR5, load<u32>(q, 16)));
        d0 = addWeighted(f5, d0, 0);
        d1 = addWeighted(f5, d1, 1);
        count++;
      }
    }
  }
  dot0 = d0;
  dot1 = d1;
  nFeat += count;
}

/** Cosine between the last scored segment's content stems and the task's; -1 when no task is set. Resets the segment vector. */
export function relatednessAndReset(): f32 {
  let dot: f32 = 0;
  let norm: f32 = 0;
  for (let i = 0; i < nTouched; i++) {
    const idx = load<u32>(touched + (<usize>i << 2));
    const p = miniSeg + (<usize>idx << 2);
    const v = load<f32>(p);
    dot += v * load<f32>(miniTask + (<usize>idx << 2));
    norm += v * v;
    store<f32>(p, 0);
  }
  nTouched = 0;
  if (taskNorm2 <= 0) return -1;
  if (norm <= 0) return 0;
  return dot / Mathf.sqrt(norm * taskNorm2);
}

export function clearTask(): void {
  // taskNorm2 == 0 means no stem was added since the last clear: the vector is already zero, and
  // most scans have no task, so skip rewriting 16 KB each time.
  if (taskNorm2 == 0) return;
  memory.fill(miniTask, 0, <usize>MINI_SIZE * 4);
  taskNorm2 = 0;
}

export function finishTask(): void {
  let s: f32 = 0;
  for (let i = 0; i < MINI_SIZE; i++) {
    const v = load<f32>(miniTask + (<usize>i << 2));
    s += v * v;
  }
  taskNorm2 = s;
}

void C_PUNCT;
void SEED_UNI;
