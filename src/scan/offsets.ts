/**
 * Converts UTF-8 byte offsets (what the WASM core reports) to UTF-16 indices into the caller's
 * string (what JavaScript callers slice with). One pass over the string for all offsets.
 * `offsets` need not be sorted; the returned array is parallel to it.
 */
export function utf8ToUtf16(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const result = new Array<number>(offsets.length);
  let byte = 0;
  let index = 0;
  for (const k of order) {
    const target = offsets[k]!;
    while (byte < target && index < text.length) {
      const c = text.charCodeAt(index);
      if (c < 0x80) { byte += 1; index += 1; }
      else if (c < 0x800) { byte += 2; index += 1; }
      else if (c >= 0xd800 && c <= 0xdbff && index + 1 < text.length) {
        const d = text.charCodeAt(index + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { byte += 4; index += 2; }
        else { byte += 3; index += 1; }
      } else { byte += 3; index += 1; }
    }
    result[k] = index;
  }
  return result;
}

/** True when every UTF-16 unit is ASCII: byte offsets and string indices then coincide. */
export function isAscii(text: string): boolean {
  // A regex test runs in native code and is far faster than a charCodeAt loop for long strings.
  return !/[^\x00-\x7f]/.test(text);
}
