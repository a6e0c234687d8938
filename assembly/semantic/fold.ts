// Per-code-point folding for the semantic features: case, fullwidth and "mathematical" letter styles
// fold to plain lower-case ASCII, invisible characters are dropped. This is deliberately local to the
// semantic module (the core normalizer records removals as evidence; here only the folded text matters).

/** Returned by foldCp for characters that carry no text (zero-width, bidi controls, tag characters). */
export const DROP: u32 = 0xffffffff;

export function foldCp(cp: u32): u32 {
  if (cp < 0x80) {
    if (cp >= 0x41 && cp <= 0x5a) return cp + 0x20;
    return cp;
  }
  if (cp == 0xad) return DROP; // soft hyphen
  if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7) return cp + 0x20;
  if (cp >= 0x100 && cp <= 0x17f) return cp | 1; // Latin Extended-A pairs: odd = lower case
  if (cp >= 0x300 && cp <= 0x36f) return DROP; // combining accents
  if (cp >= 0x391 && cp <= 0x3a9) return cp + 0x20; // Greek capitals
  if (cp >= 0x410 && cp <= 0x42f) return cp + 0x20; // Cyrillic capitals
  if (cp >= 0x400 && cp <= 0x40f) return cp + 0x50;
  if (cp >= 0x200b && cp <= 0x200f) return DROP; // zero-width, LRM/RLM
  if (cp >= 0x202a && cp <= 0x202e) return DROP; // bidi embedding/override
  if (cp >= 0x2060 && cp <= 0x2069) return DROP; // word joiner, invisible operators, isolates
  if (cp == 0xfeff) return DROP;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return DROP; // variation selectors
  if (cp >= 0xe0000 && cp <= 0xe007f) return DROP; // tag characters (decoded separately by the host)
  if (cp >= 0xff01 && cp <= 0xff5e) return foldCp(cp - 0xfee0); // fullwidth ASCII
  if (cp >= 0x24b6 && cp <= 0x24cf) return cp - 0x24b6 + 0x61; // circled capitals
  if (cp >= 0x24d0 && cp <= 0x24e9) return cp - 0x24d0 + 0x61; // circled small
  if (cp >= 0x1d400 && cp <= 0x1d6a3) {
    // Mathematical alphanumeric letters: 13 styles x (26 capitals + 26 small).
    const off = (cp - 0x1d400) % 52;
    return 0x61 + (off < 26 ? off : off - 26);
  }
  if (cp >= 0x1d7ce && cp <= 0x1d7ff) return 0x30 + (cp - 0x1d7ce) % 10;
  if (cp >= 0x1f130 && cp <= 0x1f149) return cp - 0x1f130 + 0x61; // squared latin
  if (cp >= 0x1f150 && cp <= 0x1f169) return cp - 0x1f150 + 0x61; // negative circled
  if (cp >= 0x1f170 && cp <= 0x1f189) return cp - 0x1f170 + 0x61; // negative squared
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return cp - 0x1f1e6 + 0x61; // regional indicators
  if (cp == 0x3000) return 0x20;
  return cp;
}

// Character classes after folding.
export const C_SPACE: i32 = 0;
export const C_WORD: i32 = 1;
export const C_PUNCT: i32 = 2;
/** Scripts written without spaces (Han, kana, Thai): each character is its own token. */
export const C_SOLO: i32 = 3;

export function classify(cp: u32): i32 {
  if (cp < 0x80) {
    if (cp <= 0x20 || cp == 0x7f) return C_SPACE;
    if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a)) return C_WORD;
    if (cp == 0x5f) return C_WORD; // underscore joins identifiers (im_start, api_key)
    return C_PUNCT;
  }
  if (cp == 0x85 || cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000) return C_SPACE;
  if (cp >= 0xa1 && cp <= 0xbf) return C_PUNCT;
  if (cp == 0xd7 || cp == 0xf7) return C_PUNCT;
  if (cp >= 0x2010 && cp <= 0x205e) return C_PUNCT;
  if (cp >= 0x2190 && cp <= 0x2bff) return C_PUNCT; // arrows, math, box drawing, shapes
  if (cp >= 0x3001 && cp <= 0x303f) return C_PUNCT; // CJK punctuation
  if (cp >= 0xff01 && cp <= 0xff65) return C_PUNCT;
  if (cp >= 0x1f000 && cp <= 0x1faff) return C_PUNCT; // emoji
  if (cp >= 0x0e00 && cp <= 0x0e7f) return C_SOLO; // Thai
  if (cp >= 0x3040 && cp <= 0x30ff) return C_SOLO; // kana
  if (cp >= 0x3400 && cp <= 0x4dbf) return C_SOLO;
  if (cp >= 0x4e00 && cp <= 0x9fff) return C_SOLO;
  if (cp >= 0xf900 && cp <= 0xfaff) return C_SOLO;
  if (cp >= 0x20000 && cp <= 0x2ffff) return C_SOLO;
  return C_WORD;
}

/** Latin look-alikes from Cyrillic and Greek, applied only inside words that also hold ASCII letters. */
export function confusable(cp: u32): u32 {
  switch (cp) {
    case 0x430: return 0x61; // а
    case 0x432: return 0x62; // в (looks like B when capital)
    case 0x435: return 0x65; // е
    case 0x43a: return 0x6b; // к
    case 0x43c: return 0x6d; // м
    case 0x43d: return 0x68; // н
    case 0x43e: return 0x6f; // о
    case 0x440: return 0x70; // р
    case 0x441: return 0x63; // с
    case 0x442: return 0x74; // т
    case 0x443: return 0x79; // у
    case 0x445: return 0x78; // х
    case 0x455: return 0x73; // ѕ
    case 0x456: return 0x69; // і
    case 0x458: return 0x6a; // ј
    case 0x4bb: return 0x68; // һ
    case 0x501: return 0x64; // ԁ
    case 0x51d: return 0x77; // ԝ
    case 0x3b1: return 0x61; // α
    case 0x3b5: return 0x65; // ε
    case 0x3b9: return 0x69; // ι
    case 0x3ba: return 0x6b; // κ
    case 0x3bd: return 0x76; // ν
    case 0x3bf: return 0x6f; // ο
    case 0x3c1: return 0x70; // ρ
    case 0x3c4: return 0x74; // τ
    case 0x3c5: return 0x75; // υ
    case 0x3c7: return 0x78; // χ
    case 0x131: return 0x69; // dotless i
    case 0x261: return 0x67; // script g
    default: return 0;
  }
}

/** Leetspeak digits inside words that are mostly letters. */
export function leet(cp: u32): u32 {
  switch (cp) {
    case 0x30: return 0x6f; // 0 -> o
    case 0x31: return 0x69; // 1 -> i
    case 0x33: return 0x65; // 3 -> e
    case 0x34: return 0x61; // 4 -> a
    case 0x35: return 0x73; // 5 -> s
    case 0x37: return 0x74; // 7 -> t
    case 0x38: return 0x62; // 8 -> b
    default: return cp;
  }
}
