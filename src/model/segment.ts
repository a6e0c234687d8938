/**
 * Splits a text into the units the semantic scorer reads: lines, table cells, code comments, JSON
 * string values and sentences (Latin and CJK punctuation), 20-400 characters where the text allows.
 * An injected sentence inside a long document is then scored on its own instead of drowning in the
 * document around it. Offsets are UTF-16 indices into the caller's string.
 */

export interface Span {
  start: number;
  end: number;
}

export const MIN_SEGMENT_CHARS = 20;
export const MAX_SEGMENT_CHARS = 400;

const kLetter = /[\p{L}]/u;
// Characters that can end a sentence (isSentenceEnd decides).
const kSentenceMark = /[.!?;\u203c\u3002\uff01\uff1f\uff1b]/g;

/**
 * Finds the next mark at or after a position, remembering the last answer, so a text of many short
 * lines stays linear: a search that ran past one line's end is not repeated for the next line.
 * Marks are found by a regex (a character class: the regex engine scans faster than a charCode
 * loop) or, for one character, by indexOf (a vectorized scan in V8).
 */
class MarkCursor {
  #from = -1;
  #found = -1;
  readonly #find: (from: number) => number;

  constructor(readonly text: string, mark: RegExp | string) {
    this.#find =
      typeof mark === 'string'
        ? (from) => text.indexOf(mark, from)
        : (from) => {
            mark.lastIndex = from;
            return mark.exec(text)?.index ?? -1;
          };
  }

  /** Index of the first mark at or after `from`, or text.length. */
  next(from: number): number {
    if (this.#from >= 0 && from >= this.#from && from <= this.#found) return this.#found;
    const at = this.#find(from);
    this.#from = from;
    this.#found = at < 0 ? this.text.length : at;
    return this.#found;
  }

  /** How many marks lie in [start, end), counting no further than `limit`. */
  count(start: number, end: number, limit: number): number {
    let n = 0;
    for (let i = this.next(start); i < end && n < limit; i = this.next(i + 1)) n++;
    return n;
  }
}

interface Cursors {
  sentence: MarkCursor;
  pipe: MarkCursor;
  tab: MarkCursor;
  slash: MarkCursor;
  hash: MarkCursor;
  angle: MarkCursor;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff;
}

/** Trims whitespace off [start, end) and returns the span, or undefined if nothing is left. */
function trimSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : undefined;
}

function isSentenceEnd(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  // CJK full stops end a sentence with no space after them.
  if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x203c) return true;
  if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3b) {
    if (i + 1 >= end) return true;
    const n = text.charCodeAt(i + 1);
    if (!isSpace(n) && n !== 0x22 && n !== 0x27 && n !== 0x29 && n !== 0x201d) return false;
    // "e.g. " / "U.S. " / "3.5 ": a period after a single letter or inside a number is no sentence end.
    if (c === 0x2e && i >= 1) {
      const p = text.charCodeAt(i - 1);
      const pp = i >= 2 ? text.charCodeAt(i - 2) : 32;
      if ((p >= 0x41 && p <= 0x5a || p >= 0x61 && p <= 0x7a) && (isSpace(pp) || pp === 0x2e)) return false;
    }
    return true;
  }
  return false;
}

/** Sentences of one piece (a line, cell, comment or string value), with short ones merged and long ones cut. */
function sentences(text: string, start: number, end: number, out: Span[], cur: Cursors): void {
  if (cur.sentence.next(start) >= end) {
    // No sentence mark in the piece (table cells, headings, most short lines): it is one sentence.
    const sp = trimSpan(text, start, end);
    if (sp) cutLong(text, sp, out);
    return;
  }
  const raw: Span[] = [];
  let s = start;
  for (let i = cur.sentence.next(start); i < end; i = cur.sentence.next(i + 1)) {
    if (isSentenceEnd(text, i, end)) {
      let e = i + 1;
      while (e < end && (text.charCodeAt(e) === 0x22 || text.charCodeAt(e) === 0x27 || text.charCodeAt(e) === 0x29 || text.charCodeAt(e) === 0x201d)) e++;
      const sp = trimSpan(text, s, e);
      if (sp) raw.push(sp);
      s = e;
      i = e - 1;
    }
  }
  const last = trimSpan(text, s, end);
  if (last) raw.push(last);
  // Merge pieces shorter than MIN_SEGMENT_CHARS into the next one (or the previous, at the end).
  const merged: Span[] = [];
  let pending: Span | undefined;
  for (const sp of raw) {
    const piece: Span = pending ? { start: pending.start, end: sp.end } : sp;
    if (piece.end - piece.start < MIN_SEGMENT_CHARS) {
      pending = piece;
      continue;
    }
    merged.push(piece);
    pending = undefined;
  }
  if (pending) {
    const prev = merged[merged.length - 1];
    if (prev && prev.end - prev.start + (pending.end - pending.start) <= MAX_SEGMENT_CHARS) prev.end = pending.end;
    else merged.push(pending);
  }
  for (const sp of merged) cutLong(text, sp, out);
}

/** Cuts a span longer than MAX_SEGMENT_CHARS at a comma or space near the limit. */
function cutLong(text: string, sp: Span, out: Span[]): void {
  let s = sp.start;
  while (sp.end - s > MAX_SEGMENT_CHARS) {
    let cut = -1;
    const lo = s + Math.floor(MAX_SEGMENT_CHARS / 2);
    for (let i = s + MAX_SEGMENT_CHARS; i > lo; i--) {
      const c = text.charCodeAt(i);
      if (c === 0x2c || c === 0x3001 || c === 0xff0c) { cut = i + 1; break; }
    }
    if (cut < 0) for (let i = s + MAX_SEGMENT_CHARS; i > lo; i--) if (isSpace(text.charCodeAt(i))) { cut = i; break; }
    if (cut < 0) {
      cut = s + MAX_SEGMENT_CHARS;
      const c = text.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut++; // never split a surrogate pair
    }
    const piece = trimSpan(text, s, cut);
    if (piece) out.push(piece);
    s = cut;
  }
  const rest = trimSpan(text, s, sp.end);
  if (rest) out.push(rest);
}

/** Splits one line into table cells and code comments, then sentences. */
function line(text: string, start: number, end: number, out: Span[], cur: Cursors): void {
  // Table separators (two make a table row), and whether a comment mark ('/', '#', '<') occurs.
  const pipes = cur.pipe.count(start, end, 2);
  const tabs = pipes >= 2 ? 0 : cur.tab.count(start, end, 2);
  if (pipes >= 2 || tabs >= 2) {
    const sep = pipes >= 2 ? 0x7c : 9;
    let s = start;
    for (let i = start; i <= end; i++) {
      if (i === end || text.charCodeAt(i) === sep) {
        const cell = trimSpan(text, s, i);
        if (cell) sentences(text, cell.start, cell.end, out, cur);
        s = i + 1;
      }
    }
    return;
  }
  // A trailing code comment is its own piece: `x = 1  // note`, `y = 2  # note`.
  const mark = cur.slash.next(start) < end || cur.hash.next(start) < end || cur.angle.next(start) < end;
  const m = mark ? /(^|\s)(\/\/|#(?=\s)|\/\*|<!--)/.exec(text.slice(start, end)) : null;
  if (m && m.index + m[1].length > 0) {
    const at = start + m.index + m[1].length;
    const code = trimSpan(text, start, at);
    if (code) sentences(text, code.start, code.end, out, cur);
    sentences(text, at, end, out, cur);
    return;
  }
  sentences(text, start, end, out, cur);
}

/** String literals of a JSON-looking text, split further at escaped newlines. */
function jsonStrings(text: string, out: Span[], cur: Cursors): boolean {
  let i = 0;
  let found = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x22) { i++; continue; }
    let j = i + 1;
    let pieceStart = j;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (d === 0x5c) {
        const e = text.charCodeAt(j + 1);
        if (e === 0x6e || e === 0x72 || e === 0x74) {
          // \n \r \t inside a string value: treat as a line break.
          const piece = trimSpan(text, pieceStart, j);
          if (piece) line(text, piece.start, piece.end, out, cur);
          pieceStart = j + 2;
        }
        j += 2;
        continue;
      }
      if (d === 0x22) break;
      j++;
    }
    const piece = trimSpan(text, pieceStart, Math.min(j, text.length));
    if (piece) line(text, piece.start, piece.end, out, cur);
    found++;
    i = j + 1;
  }
  return found > 0;
}

/**
 * The segments of `text`, in order. Segments without a single letter (numbers, rules, separators)
 * are left out: they carry no instruction.
 */
export function segmentText(text: string): Span[] {
  const out: Span[] = [];
  const cur: Cursors = {
    sentence: new MarkCursor(text, kSentenceMark),
    pipe: new MarkCursor(text, '|'),
    tab: new MarkCursor(text, '\t'),
    slash: new MarkCursor(text, '/'),
    hash: new MarkCursor(text, '#'),
    angle: new MarkCursor(text, '<'),
  };
  const first = text.search(/\S/);
  const looksJson = first >= 0 && (text[first] === '{' || text[first] === '[') && /"\s*:/.test(text.slice(first, first + 2000));
  if (looksJson) {
    jsonStrings(text, out, cur);
  } else {
    let s = 0;
    while (s <= text.length) {
      let i = text.indexOf('\n', s);
      if (i < 0) i = text.length;
      const sp = trimSpan(text, s, i);
      if (sp) line(text, sp.start, sp.end, out, cur);
      s = i + 1;
    }
  }
  return out.filter((sp) => hasLetter(text, sp.start, sp.end));
}

function hasLetter(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return true;
    if (c >= 0xaa && kLetter.test(text[i])) return true;
  }
  return false;
}

/** Units scored for a document: each segment, plus windows of 2 and 3 adjacent segments (a wrapper and its instruction). */
export interface Unit {
  /** Index of the first segment. */
  first: number;
  /** Number of segments (1-3). */
  size: number;
}

export function unitsOf(segmentCount: number, maxWindow = 3): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < segmentCount; i++) {
    for (let k = 1; k <= maxWindow && i + k <= segmentCount; k++) units.push({ first: i, size: k });
  }
  return units;
}
