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
// A trailing code comment's mark, after the start of the piece or whitespace.
const kCommentMark = /(^|\s)(\/\/|#(?=\s)|\/\*|<!--)/;

/** What the regex's \s matches after `#` (JS whitespace, including line terminators and U+FEFF). */
function isCommentSpace(c: number): boolean {
  return isSpace(c) || c === 0x85 || c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/**
 * Finds the next mark at or after a position, remembering the last answer, so a text of many short
 * lines stays linear: a search that ran past one line's end is not repeated for the next line.
 * Marks are found by a regex (a character class: the regex engine scans faster than a charCode
 * loop) or, for one character, by indexOf (a vectorized scan in V8). The regex is run with test(),
 * which moves lastIndex past the one-unit match without allocating a match array.
 */
class MarkCursor {
  #text = '';
  #from = -1;
  #found = -1;
  readonly #mark: RegExp | string;

  constructor(mark: RegExp | string) {
    if (typeof mark !== 'string' && !mark.global) throw new Error(`MarkCursor needs a global regex, got ${mark}`);
    this.#mark = mark;
  }

  reset(text: string): void {
    this.#text = text;
    this.#from = -1;
    this.#found = -1;
  }

  /** Index of the first mark at or after `from`, or text.length. */
  next(from: number): number {
    if (this.#from >= 0 && from >= this.#from && from <= this.#found) return this.#found;
    const mark = this.#mark;
    let at: number;
    if (typeof mark === 'string') at = this.#text.indexOf(mark, from);
    else {
      mark.lastIndex = from;
      // Every mark is one BMP character, so the match ends one unit after it starts.
      at = mark.test(this.#text) ? mark.lastIndex - 1 : -1;
    }
    this.#from = from;
    this.#found = at < 0 ? this.#text.length : at;
    return this.#found;
  }

  /** How many marks lie in [start, end), counting no further than `limit`. */
  count(start: number, end: number, limit: number): number {
    let n = 0;
    for (let i = this.next(start); i < end && n < limit; i = this.next(i + 1)) n++;
    return n;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff;
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

/**
 * Spans as (start, end) pairs in one growable Int32Array: the segmenter's output and scratch. A 4 KB
 * document has ~90 segments and the segmenter used to make several short-lived objects per segment
 * (~45 KB of garbage per scan, a young-generation collection every ~140 scans of 4 KB).
 */
export class SpanList {
  bounds = new Int32Array(256);
  count = 0;

  start(i: number): number {
    return this.bounds[2 * i]!;
  }

  end(i: number): number {
    return this.bounds[2 * i + 1]!;
  }

  push(start: number, end: number): void {
    if (2 * this.count + 2 > this.bounds.length) {
      const grown = new Int32Array(this.bounds.length * 2);
      grown.set(this.bounds);
      this.bounds = grown;
    }
    this.bounds[2 * this.count] = start;
    this.bounds[2 * this.count + 1] = end;
    this.count++;
  }

  clear(): void {
    this.count = 0;
  }

  toArray(): Span[] {
    const out: Span[] = [];
    for (let i = 0; i < this.count; i++) out.push({ start: this.start(i), end: this.end(i) });
    return out;
  }
}

/**
 * A reusable segmenter: its cursors and scratch lists are per instance (one per scoring thread), so a
 * scan allocates nothing per segment. Not reentrant.
 */
export class Segmenter {
  #text = '';
  readonly #sentence = new MarkCursor(kSentenceMark);
  readonly #pipe = new MarkCursor('|');
  readonly #tab = new MarkCursor('\t');
  readonly #slash = new MarkCursor('/');
  readonly #hash = new MarkCursor('#');
  readonly #angle = new MarkCursor('<');
  readonly #cursors = [this.#sentence, this.#pipe, this.#tab, this.#slash, this.#hash, this.#angle];
  readonly #raw = new SpanList();
  readonly #merged = new SpanList();
  #out = new SpanList();
  // Result of the last #trim call.
  #ts = 0;
  #te = 0;

  /**
   * Writes the segments of `text`, in order, into `out` (cleared first). Segments without a single
   * letter (numbers, rules, separators) are left out: they carry no instruction.
   */
  segmentInto(text: string, out: SpanList): SpanList {
    this.#text = text;
    this.#out = out;
    out.clear();
    for (let k = 0; k < this.#cursors.length; k++) this.#cursors[k]!.reset(text);
    const first = text.search(/\S/);
    const looksJson = first >= 0 && (text[first] === '{' || text[first] === '[') && /"\s*:/.test(text.slice(first, first + 2000));
    if (looksJson) {
      this.#jsonStrings();
    } else {
      let s = 0;
      while (s <= text.length) {
        let i = text.indexOf('\n', s);
        if (i < 0) i = text.length;
        if (this.#trim(s, i)) this.#line(this.#ts, this.#te);
        s = i + 1;
      }
    }
    // Keep the segments that hold a letter, in place.
    let kept = 0;
    for (let i = 0; i < out.count; i++) {
      const st = out.start(i);
      const en = out.end(i);
      if (!hasLetter(text, st, en)) continue;
      out.bounds[2 * kept] = st;
      out.bounds[2 * kept + 1] = en;
      kept++;
    }
    out.count = kept;
    this.#text = '';
    // Drop the reference to the caller's text.
    for (let k = 0; k < this.#cursors.length; k++) this.#cursors[k]!.reset('');
    return out;
  }

  /** Trims whitespace off [start, end) into #ts/#te; false if nothing is left. */
  #trim(start: number, end: number): boolean {
    const text = this.#text;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    this.#ts = start;
    this.#te = end;
    return end > start;
  }

  /** Sentences of one piece (a line, cell, comment or string value), with short ones merged and long ones cut. */
  #sentences(start: number, end: number): void {
    const text = this.#text;
    const cur = this.#sentence;
    if (cur.next(start) >= end) {
      // No sentence mark in the piece (table cells, headings, most short lines): it is one sentence.
      if (this.#trim(start, end)) this.#cutLong(this.#ts, this.#te);
      return;
    }
    const raw = this.#raw;
    raw.clear();
    let s = start;
    for (let i = cur.next(start); i < end; i = cur.next(i + 1)) {
      if (isSentenceEnd(text, i, end)) {
        let e = i + 1;
        while (e < end && (text.charCodeAt(e) === 0x22 || text.charCodeAt(e) === 0x27 || text.charCodeAt(e) === 0x29 || text.charCodeAt(e) === 0x201d)) e++;
        if (this.#trim(s, e)) raw.push(this.#ts, this.#te);
        s = e;
        i = e - 1;
      }
    }
    if (this.#trim(s, end)) raw.push(this.#ts, this.#te);
    // Merge pieces shorter than MIN_SEGMENT_CHARS into the next one (or the previous, at the end).
    const merged = this.#merged;
    merged.clear();
    let pendingStart = -1;
    let pendingEnd = -1;
    for (let k = 0; k < raw.count; k++) {
      const ps = pendingStart >= 0 ? pendingStart : raw.start(k);
      const pe = raw.end(k);
      if (pe - ps < MIN_SEGMENT_CHARS) {
        pendingStart = ps;
        pendingEnd = pe;
        continue;
      }
      merged.push(ps, pe);
      pendingStart = -1;
    }
    if (pendingStart >= 0) {
      const last = merged.count - 1;
      if (last >= 0 && merged.end(last) - merged.start(last) + (pendingEnd - pendingStart) <= MAX_SEGMENT_CHARS) merged.bounds[2 * last + 1] = pendingEnd;
      else merged.push(pendingStart, pendingEnd);
    }
    for (let k = 0; k < merged.count; k++) this.#cutLong(merged.start(k), merged.end(k));
  }

  /** Cuts a span longer than MAX_SEGMENT_CHARS at a comma or space near the limit. */
  #cutLong(start: number, end: number): void {
    const text = this.#text;
    const out = this.#out;
    let s = start;
    while (end - s > MAX_SEGMENT_CHARS) {
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
      if (this.#trim(s, cut)) out.push(this.#ts, this.#te);
      s = cut;
    }
    if (this.#trim(s, end)) out.push(this.#ts, this.#te);
  }

  /** Splits one line into table cells and code comments, then sentences. */
  #line(start: number, end: number): void {
    const text = this.#text;
    // Table separators (two make a table row), and whether a comment mark ('/', '#', '<') occurs.
    const pipes = this.#pipe.count(start, end, 2);
    const tabs = pipes >= 2 ? 0 : this.#tab.count(start, end, 2);
    if (pipes >= 2 || tabs >= 2) {
      const sep = pipes >= 2 ? 0x7c : 9;
      let s = start;
      for (let i = start; i <= end; i++) {
        if (i === end || text.charCodeAt(i) === sep) {
          if (this.#trim(s, i)) this.#sentences(this.#ts, this.#te);
          s = i + 1;
        }
      }
      return;
    }
    // A trailing code comment is its own piece: `x = 1  // note`, `y = 2  # note`.
    const m = this.#hasCommentMark(start, end) ? kCommentMark.exec(text.slice(start, end)) : null;
    if (m && m.index + m[1].length > 0) {
      const at = start + m.index + m[1].length;
      if (this.#trim(start, at)) this.#sentences(this.#ts, this.#te);
      this.#sentences(at, end);
      return;
    }
    this.#sentences(start, end);
  }

  /**
   * Whether [start, end) holds `//`, `/*`, `# ` or `<!--`: a necessary condition for kCommentMark,
   * checked from the mark cursors so most lines (a date's slash, an HTML tag) skip the slice and regex.
   */
  #hasCommentMark(start: number, end: number): boolean {
    const text = this.#text;
    for (let i = this.#slash.next(start); i < end; i = this.#slash.next(i + 1)) {
      const c = text.charCodeAt(i + 1);
      if (c === 0x2f || c === 0x2a) return true;
    }
    for (let i = this.#hash.next(start); i < end; i = this.#hash.next(i + 1)) {
      if (i + 1 < end && isCommentSpace(text.charCodeAt(i + 1))) return true;
    }
    for (let i = this.#angle.next(start); i < end; i = this.#angle.next(i + 1)) {
      if (text.startsWith('!--', i + 1)) return true;
    }
    return false;
  }

  /** String literals of a JSON-looking text, split further at escaped newlines. */
  #jsonStrings(): void {
    const text = this.#text;
    let i = 0;
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
            if (this.#trim(pieceStart, j)) this.#line(this.#ts, this.#te);
            pieceStart = j + 2;
          }
          j += 2;
          continue;
        }
        if (d === 0x22) break;
        j++;
      }
      if (this.#trim(pieceStart, Math.min(j, text.length))) this.#line(this.#ts, this.#te);
      i = j + 1;
    }
  }
}

/** The segments of `text`, in order, as objects (training, tests; the scorer uses a Segmenter). */
export function segmentText(text: string): Span[] {
  return new Segmenter().segmentInto(text, new SpanList()).toArray();
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
