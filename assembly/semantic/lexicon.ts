// Lexicon of structural cue words (addressee, imperative, override, ...), keyed by the same word /
// bigram / trigram hashes the tokenizer produces, so the host loads phrases as text and WASM folds
// and hashes them exactly as it folds the scanned text.
import { LEX_SLOTS } from './layout';

let lexTable: usize = 0;
// One bit per (key >> 14) & 0x7fff: most words and pairs of a text are in no category, and this 4 KB
// filter answers them from L1 instead of a probe into the 128 KB table. The high bits are used
// because the table's slot already comes from the low ones.
let lexFilter: usize = 0;
const FILTER_BITS: u32 = 32768;

export function lexInit(): void {
  if (lexTable == 0) {
    lexTable = heap.alloc(<usize>LEX_SLOTS * 8);
    lexFilter = heap.alloc(<usize>(FILTER_BITS >> 3));
  }
  memory.fill(lexTable, 0, <usize>LEX_SLOTS * 8);
  memory.fill(lexFilter, 0, <usize>(FILTER_BITS >> 3));
}

@inline function filterBit(key: u32): u32 {
  return (key >> 14) & (FILTER_BITS - 1);
}

@inline function keyOf(h: u32): u32 {
  return h == 0 ? 1 : h;
}

export function lexPut(h: u32, mask: u32): bool {
  const key = keyOf(h);
  let slot = key & <u32>(LEX_SLOTS - 1);
  for (let probe = 0; probe < LEX_SLOTS; probe++) {
    const p = lexTable + (<usize>slot << 3);
    const k = load<u32>(p);
    if (k == key) {
      store<u32>(p, load<u32>(p, 4) | mask, 4);
      return true;
    }
    if (k == 0) {
      store<u32>(p, key);
      store<u32>(p, mask, 4);
      const bit = filterBit(key);
      const f = lexFilter + <usize>(bit >> 3);
      store<u8>(f, load<u8>(f) | <u8>(<u32>1 << (bit & 7)));
      return true;
    }
    slot = (slot + 1) & <u32>(LEX_SLOTS - 1);
  }
  return false;
}

@inline export function lexGet(h: u32): u32 {
  const key = keyOf(h);
  const bit = filterBit(key);
  if ((load<u8>(lexFilter + <usize>(bit >> 3)) & (1 << (bit & 7))) == 0) return 0;
  return lexProbe(key);
}

function lexProbe(key: u32): u32 {
  let slot = key & <u32>(LEX_SLOTS - 1);
  for (let probe = 0; probe < LEX_SLOTS; probe++) {
    const p = lexTable + (<usize>slot << 3);
    const k = load<u32>(p);
    if (k == key) return load<u32>(p, 4);
    if (k == 0) return 0;
    slot = (slot + 1) & <u32>(LEX_SLOTS - 1);
  }
  return 0;
}
