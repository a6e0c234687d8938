/**
 * Finds the value assigned to a key near a context word: `api_key = "…"`, `"secret": "…"`,
 * `PASSWORD=…`, `password := "…"`, `--api-key …`, `<password>…</password>`, `secret is …`,
 * `setenv("TOKEN", "…")`, `#define PASSWORD "…"`. Bounded work: it only walks a few hundred
 * characters from the hit.
 */
import { isIdentChar } from './text.ts';

/** Key characters: identifiers plus Latin-1/Latin Extended and Cyrillic letters (`contraseña`, `пароль`). */
function isKeyChar(c: number): boolean {
  return isIdentChar(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x400 && c <= 0x4ff);
}

/** A quoted literal compared with the key, written before it: `"s3cr3t" == password`, `'…' !== apiKey`. */
const kComparedBefore = /(["'])([^"'\n]{1,256})\1[ \t]*(?:===?|!==?)[ \t]*$/;

export interface Assignment {
  /** The key name around the context word, as written. */
  key: string;
  keyStart: number;
  valueStart: number;
  valueEnd: number;
  value: string;
  /** The quote that delimited the value, or '' for a bare value. */
  quote: string;
  /** The assignment operator as written (`=`, `:`, `:=`, `=>`, `>`, `,`, `is`, ` `). */
  op: string;
  /** True for ` = ` with spaces around it (code style), false for `KEY=value` (env/config style). */
  spaced: boolean;
}

const kMaxKey = 64;
const kMaxValue = 600;

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function skipSpaces(text: string, i: number, limit = 8): number {
  const end = Math.min(text.length, i + limit);
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Words that may follow the key in prose or prose-like config: `API key`, `secret key is`. */
const kTrailingWords = /^[ \t]+(?:api|secret|access|private|signing|key|token|id|password|passphrase|value|string)\b/i;

/**
 * Parses the assignment whose key contains text[hitStart, hitEnd), or returns null.
 */
export function parseAssignment(text: string, hitStart: number, hitEnd: number): Assignment | null {
  const n = text.length;
  // Anchors such as `key =` or `pass:` end past the key: parse from the key characters only.
  while (hitEnd > hitStart + 1 && !isIdentChar(text.charCodeAt(hitEnd - 1))) hitEnd--;
  let keyStart = hitStart;
  while (keyStart > 0 && hitStart - keyStart < kMaxKey && isKeyChar(text.charCodeAt(keyStart - 1))) keyStart--;
  let i = hitEnd;
  while (i < n && i - hitEnd < kMaxKey && isKeyChar(text.charCodeAt(i))) i++;
  // Up to two trailing words: "Binance API secret key: …".
  for (let w = 0; w < 2; w++) {
    const sp = text.charCodeAt(i);
    if (sp !== 32 && sp !== 9) break;
    if (!trailingWordNext(text, i)) break; // speed: the pattern below cannot match
    const m = kTrailingWords.exec(text.slice(i, i + 24));
    if (m === null) break;
    i += m[0].length;
    while (i < n && isIdentChar(text.charCodeAt(i))) i++;
  }
  const keyEnd = i;
  const key = text.slice(keyStart, keyEnd);
  // C arrays and typed declarations: `password[] =`, `password[32] =`, `apiKey string =`, `token: str =`
  const t0 = text.charCodeAt(i);
  // (speed: past a blank or colon the pattern only matches a type word (s, c, &, t, b…) up to an `=`; without
  // both in reach it is not tried)
  if (t0 === 91 || ((t0 === 32 || t0 === 9 || t0 === 58) && typeWordNext(text, i) && equalsWithin(text, i, 40))) {
    const typed = /^(?:\[\d*\])?(?:[ \t]*:?[ \t]*(?:string|str|String|char\s*\*?|const\s+char\s*\*|&'static\s+str|&str|text|bytes)(?:\s*\|\s*None)?[ \t]*(?==))?/.exec(text.slice(i, i + 40));
    if (typed !== null && typed[0].length > 0) i += typed[0].length;
  }
  const before = keyStart > 0 ? text.charCodeAt(keyStart - 1) : 0;
  // Closing quote or bracket of the key: "key": / ['key'] / {key}
  let quotedKey = false;
  while (i < n && i - keyEnd < 4) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39 || c === 96) quotedKey = true;
    else if (c === 92 && text.charCodeAt(i + 1) === 34) quotedKey = true; // JSON inside a string: \"key\":
    else if (c !== 93 && c !== 125) break;
    i++;
  }
  // XML/HTML settings: `name="sonar.login" value="…"`, `key="ApiKey" value="…"`.
  if (quotedKey) {
    const attr = /^[ \t]+value[ \t]*(?==)/i.exec(text.slice(i, i + 16));
    if (attr !== null) i += attr[0].length;
  }
  // COBOL: `API-TOKEN PIC X(40) VALUE "…"`.
  const pic = (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) && picNext(text, i) ? /^[ \t]+PIC(?:TURE)?[ \t]+[XA9]\(\d{1,4}\)[ \t]+VALUE(?:[ \t]+IS)?(?=[ \t])/i.exec(text.slice(i, i + 40)) : null;
  if (pic !== null) i += pic[0].length;
  const opAt = skipSpaces(text, i);
  const spaceBefore = opAt > i;
  i = opAt;
  if (i >= n) return comparedBefore(text, keyStart, key);
  const c0 = text.charCodeAt(i);
  const c1 = i + 1 < n ? text.charCodeAt(i + 1) : 0;
  let ok = pic !== null;
  let compared = false;
  if (ok) {
    // COBOL VALUE: the literal follows
  } else if (c0 === 61) {
    // `=`, `=>`; a comparison `==` / `===` counts only against a quoted literal (checked below)
    if (c1 === 61) {
      compared = true;
      i += text.charCodeAt(i + 2) === 61 ? 3 : 2;
    } else i += c1 === 62 ? 2 : 1;
    ok = true;
  } else if (c0 === 58) {
    // `:`, `:=`; `::=` / `:::=` (make, BNF-style config) assign; a bare `::` is a scope operator
    if (c1 === 58) {
      const m = /^:{2,3}=/.exec(text.slice(i, i + 4));
      if (m === null) return null;
      i += m[0].length;
    } else i += c1 === 61 ? 2 : 1;
    ok = true;
  } else if ((c0 === 63 || c0 === 43 || c0 === 46) && c1 === 61) {
    i += 2; // make `?=`, `+=`; PHP `.=`
    ok = true;
  } else if (c0 === 63 && c1 === 63 && text.charCodeAt(i + 2) === 61) {
    i += 3; // PHP `??=`
    ok = true;
  } else if (c0 === 33 && c1 === 61) {
    compared = true; // `!=` / `!==`: only against a quoted literal
    i += text.charCodeAt(i + 2) === 61 ? 3 : 2;
    ok = true;
  } else if (c0 === 62 && before === 60) {
    i += 1; // <password>value</password>
    ok = true;
  } else if (c0 === 44 && quotedKey) {
    i += 1; // setenv("TOKEN", "value")
    ok = true;
  } else if (c0 === 44 && !spaceBefore && /^,[^\s,]+(?:,|\r?\n|$)/.test(text.slice(i, i + 600))) {
    i += 1; // CSV row `apiToken,value,` (no spaces: prose puts one after a comma)
    ok = true;
  } else if ((c0 === 105 || c0 === 73) && /^is\s/i.test(text.slice(i, i + 3))) {
    i += 2; // prose: "the secret is …"
    ok = true;
  } else if (text.charCodeAt(i - 1) === 32 && (text.charCodeAt(keyStart) === 45 || (isJsSpace(text.charCodeAt(keyStart - 1)) && /#define\s+$/i.test(text.slice(Math.max(0, keyStart - 12), keyStart))))) {
    ok = true; // `--api-key value`, `#define PASSWORD "value"`
  } else if ((c0 === 34 || c0 === 39) && spaceBefore && !quotedKey) {
    // nginx/Apache-style directive: `private_key "value";`: the quoted value must close the statement.
    const close = text.indexOf(String.fromCharCode(c0), i + 1);
    if (close > i + 1 && close - i <= kMaxValue && /^[ \t]*;/.test(text.slice(close + 1, close + 4)) && !text.slice(i + 1, close).includes('\n')) ok = true;
  }
  if (!ok) return comparedBefore(text, keyStart, key);
  const op = text.slice(opAt, i).trim() || ' ';
  const afterOp = i;
  i = skipSpaces(text, i);
  const spaced = spaceBefore && i > afterOp;
  // The value on the next line: an XML element's text (`<token>\n  value\n</token>`) or a YAML block scalar
  // (`token: |\n  value`, `token: >-\n  value`).
  if (op === '>' || op === ':') {
    const m = op === '>' ? /^[ \t]*\r?\n[ \t]*(?=\S)/.exec(text.slice(i, i + 200)) : /^[|>][-+]?[ \t]*\r?\n[ \t]+(?=\S)/.exec(text.slice(i, i + 200));
    if (m !== null) i += m[0].length;
  }
  // JSON held in a string: `\"key\": \"value\"` — the value is quoted by escaped quotes.
  if (text.charCodeAt(i) === 92 && text.charCodeAt(i + 1) === 34) {
    const close = text.indexOf('\\"', i + 2);
    if (close === -1 || close - i > kMaxValue || text.slice(i + 2, close).includes('\n')) return null;
    return { key, keyStart, valueStart: i + 2, valueEnd: close, value: text.slice(i + 2, close), quote: '"', op, spaced };
  }
  // Optional string prefixes: @"…" (Objective-C), b"…", r'…', f"…", u"…"; Go/Rust `&"…"`.
  let j = i;
  while (j < n && j - i < 2 && /[@bBrRuUfF&]/.test(text[j]!)) j++;
  const q = j < n ? text.charCodeAt(j) : 0;
  if (q === 34 || q === 39 || q === 96) {
    const start = j + 1;
    let end = start;
    const limit = Math.min(n, start + kMaxValue);
    while (end < limit) {
      const c = text.charCodeAt(end);
      if (c === q && text.charCodeAt(end - 1) !== 92) break;
      if (c === 10) break;
      end++;
    }
    if (end >= limit || text.charCodeAt(end) !== q) return null;
    return { key, keyStart, valueStart: start, valueEnd: end, value: text.slice(start, end), quote: String.fromCharCode(q), op, spaced };
  }
  if (compared) return null; // `password == other_var`: no literal
  const start = i;
  let end = start;
  const limit = Math.min(n, start + kMaxValue);
  let depth = 0;
  while (end < limit) {
    const c = text.charCodeAt(end);
    // whitespace , ; " ' < & end the bare value (`&` ends a URL query parameter); a closing ) } ] > ends it
    // only when it closes something opened before the value (`f(key=value)`, `{key: value}`).
    // `;` inside an unspaced env value (`DB_PASSWORD=Ab3;x9`) is part of it; `; ` or `;` at the end closes it.
    if (c === 59 && !spaced && end + 1 < n && text.charCodeAt(end + 1) > 32) {
      end++;
      continue;
    }
    if (c <= 32 || c === 44 || c === 59 || c === 34 || c === 39 || c === 60 || c === 38) break;
    // `=` inside a bare value starts another assignment (`a=b=c`); base64 padding `=` only ends one.
    if (c === 61 && end > start) {
      const next = end + 1 < n ? text.charCodeAt(end + 1) : 32;
      if (next !== 61 && next > 32 && next !== 38 && next !== 34 && next !== 39 && next !== 44 && next !== 59) break;
    }
    if (c === 40 || c === 123 || c === 91) depth++;
    else if (c === 41 || c === 125 || c === 93 || c === 62) {
      if (depth === 0) break;
      if (c !== 62) depth--;
    }
    end++;
  }
  while (end > start && text.charCodeAt(end - 1) === 46) end--; // sentence full stop
  if (end === start) return null;
  return { key, keyStart, valueStart: start, valueEnd: end, value: text.slice(start, end), quote: '', op, spaced };
}

/** Speed: after blanks, an optional `:` and blanks, the first letter of a type word of the typed-declaration pattern. */
function typeWordNext(text: string, i: number): boolean {
  const n = text.length;
  while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i < n && text.charCodeAt(i) === 58) i++;
  while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text.charCodeAt(i);
  return c === 115 || c === 83 || c === 99 || c === 38 || c === 116 || c === 98; // s S c & t b
}

/** Speed: after the blanks at `i`, the first letter of one of kTrailingWords' words (a s p k t i v, any case). */
function trailingWordNext(text: string, i: number): boolean {
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const c = text.charCodeAt(i) | 32;
  return c === 97 || c === 115 || c === 112 || c === 107 || c === 116 || c === 105 || c === 118;
}

/** Speed: after the blanks at `i`, a `P`/`p` (COBOL `PIC`), else the PIC pattern cannot match. */
function picNext(text: string, i: number): boolean {
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  return (text.charCodeAt(i) | 32) === 112;
}

/** Speed: what the regex class `\s` matches (the `#define\s+$` pattern needs one right before the key). */
function isJsSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Speed: true when an `=` occurs in text[i, i + span). */
function equalsWithin(text: string, i: number, span: number): boolean {
  const end = Math.min(text.length, i + span);
  for (let k = i; k < end; k++) if (text.charCodeAt(k) === 61) return true;
  return false;
}

/** `"literal" == key` / `'literal' !== key`: the literal written before the key is what the key is checked against. */
function comparedBefore(text: string, keyStart: number, key: string): Assignment | null {
  // Speed: the pattern ends in `==`/`!=` and blanks, so anything else before the key is no comparison; without
  // this check the unanchored pattern is tried at every offset of the 300 characters for every failed parse.
  let k = keyStart - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
  if (k < 1 || text.charCodeAt(k) !== 61 || (text.charCodeAt(k - 1) !== 61 && text.charCodeAt(k - 1) !== 33)) return null;
  const m = kComparedBefore.exec(text.slice(Math.max(0, keyStart - 300), keyStart));
  if (m === null) return null;
  // The literal sits right after the opening quote.
  const base = Math.max(0, keyStart - 300) + m.index + 1;
  return { key, keyStart, valueStart: base, valueEnd: base + m[2]!.length, value: m[2]!, quote: m[1]!, op: '==', spaced: true };
}
