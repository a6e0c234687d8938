// Lexicon of structural cue words (addressee, imperative, override, ...), keyed by the same word /
// bigram / trigram hashes the tokenizer produces, so the host loads phrases as text and WASM folds
// and hashes them exactly as it folds the scanned text.
import { LEX_SLOTS } from './layout';

let lexTable: usize = 0;

export function lexInit(): void {
  if (lexTable == 0) lexTable = heap.alloc(<usize>LEX_SLOTS * 8);
  memory.fill(lexTable, 0, <usize>LEX_SLOTS * 8);
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
      return true;
    }
    slot = (slot + 1) & <u32>(LEX_SLOTS - 1);
  }
  return false;
}

export function lexGet(h: u32): u32 {
  const key = keyOf(h);
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
