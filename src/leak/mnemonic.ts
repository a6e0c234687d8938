/**
 * BIP-39 mnemonic recognition: the ten standard wordlists (from @scure/bip39), a cheap per-token
 * membership test for the unanchored scan, and checksum validation of 12/15/18/21/24-word windows.
 */
import { createHash } from 'node:crypto';
import { wordlist as czech } from '@scure/bip39/wordlists/czech.js';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { wordlist as french } from '@scure/bip39/wordlists/french.js';
import { wordlist as italian } from '@scure/bip39/wordlists/italian.js';
import { wordlist as japanese } from '@scure/bip39/wordlists/japanese.js';
import { wordlist as korean } from '@scure/bip39/wordlists/korean.js';
import { wordlist as portuguese } from '@scure/bip39/wordlists/portuguese.js';
import { wordlist as chineseSimplified } from '@scure/bip39/wordlists/simplified-chinese.js';
import { wordlist as spanish } from '@scure/bip39/wordlists/spanish.js';
import { wordlist as chineseTraditional } from '@scure/bip39/wordlists/traditional-chinese.js';
import { mix32 } from '../util/hash.ts';

interface Wordlist {
  language: string;
  index: Map<string, number>;
}

const kSources: Array<[string, readonly string[]]> = [
  ['english', english],
  ['czech', czech],
  ['french', french],
  ['italian', italian],
  ['japanese', japanese],
  ['korean', korean],
  ['portuguese', portuguese],
  ['chinese_simplified', chineseSimplified],
  ['chinese_traditional', chineseTraditional],
  ['spanish', spanish],
];

/** Open-addressing table of exact 32-bit word hashes → language mask (~22k forms in 2^16 slots). */
const kTableSize = 1 << 16;

let lists: Wordlist[] | null = null;
/** Normalized word → bitmask of the lists holding it. */
let wordLangs: Map<string, number> = new Map();
let hashKeys = new Int32Array(kTableSize);
let hashMasks = new Int32Array(kTableSize);

/**
 * Token hash used both here and by the unanchored scanner's inner loop: FNV-style over UTF-16 code
 * units, ASCII letters folded to lowercase. Keep the two in step.
 */
export function wordHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

function init(): void {
  if (lists !== null) return;
  lists = [];
  wordLangs = new Map();
  hashKeys = new Int32Array(kTableSize);
  hashMasks = new Int32Array(kTableSize);
  kSources.forEach(([language, words], li) => {
    const index = new Map<string, number>();
    words.forEach((w, i) => {
      // Wordlists are NFKD; texts usually arrive NFC. Index both forms.
      for (const form of new Set([w, w.normalize('NFC')])) {
        index.set(form, i);
        wordLangs.set(form, (wordLangs.get(form) ?? 0) | (1 << li));
        insertHash(wordHash(form, 0, form.length), 1 << li);
      }
    });
    lists!.push({ language, index });
  });
}

/** murmur3 finalizer: FNV's high bits are poorly mixed for short words, which clusters linear probing. */
function slotOf(hash: number): number {
  return mix32(hash) & (kTableSize - 1);
}

function insertHash(hash: number, mask: number): void {
  const key = hash | 0 || 1;
  let slot = slotOf(hash);
  while (hashKeys[slot] !== 0 && hashKeys[slot] !== key) slot = (slot + 1) & (kTableSize - 1);
  hashKeys[slot] = key;
  hashMasks[slot]! |= mask;
}

/** Longest wordlist entry in UTF-16 units over both normalization forms (tokens longer are skipped). */
export const MAX_WORD_UNITS = 16;

/**
 * Language mask for a token by its `wordHash` alone (no string is built): the hot path of the unanchored
 * scan. A hash collision can only add a candidate; `mnemonicLanguage` re-checks the exact words.
 */
export function wordMaskByHash(hash: number): number {
  if (lists === null) init();
  const key = hash | 0 || 1;
  let slot = slotOf(hash);
  for (;;) {
    const k = hashKeys[slot]!;
    if (k === key) return hashMasks[slot]!;
    if (k === 0) return 0;
    slot = (slot + 1) & (kTableSize - 1);
  }
}

/** Bitmask of the wordlists holding the token text[start, end) (0 if none). */
export function wordLanguages(text: string, start: number, end: number): number {
  if (lists === null) init();
  return wordLangs.get(text.slice(start, end).toLowerCase()) ?? 0;
}

/** Language names for a mask from `wordLanguages`. */
export function languagesOf(mask: number): string[] {
  if (lists === null) init();
  return lists!.filter((_, i) => (mask & (1 << i)) !== 0).map((l) => l.language);
}

/**
 * The language whose wordlist contains every word and whose BIP-39 checksum holds, or null.
 * `words` are normalized lowercase; `mask` limits the lists tried.
 */
export function mnemonicLanguage(words: string[], mask = -1): string | null {
  if (lists === null) init();
  const n = words.length;
  if (n < 12 || n > 24 || n % 3 !== 0) return null;
  for (let li = 0; li < lists!.length; li++) {
    if ((mask & (1 << li)) === 0) continue;
    if (checksumHolds(words, lists![li]!.index)) return lists![li]!.language;
  }
  return null;
}

function checksumHolds(words: string[], index: Map<string, number>): boolean {
  const n = words.length;
  const entBytes = (n / 3) * 4;
  const bytes = new Uint8Array(entBytes + 1);
  let acc = 0;
  let bits = 0;
  let pos = 0;
  for (const w of words) {
    const i = index.get(w);
    if (i === undefined) return false;
    acc = (acc << 11) | i;
    bits += 11;
    while (bits >= 8) {
      bits -= 8;
      bytes[pos++] = (acc >>> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) bytes[pos] = (acc << (8 - bits)) & 0xff;
  const csBits = n / 3; // one checksum bit per 32 bits of entropy
  const digest = createHash('sha256').update(bytes.subarray(0, entBytes)).digest();
  const mask = (0xff << (8 - csBits)) & 0xff;
  return (digest[0]! & mask) === (bytes[entBytes]! & mask);
}
