/**
 * Unanchored detectors kept out of the hot charCode loop in unanchored.ts, each gated by a cheap
 * whole-text precheck so texts without their characters pay one indexOf/regex test:
 * - public IP addresses (IPv4 dotted quads and global-unicast IPv6) as low-severity personal data;
 * - seed phrases in BIP-39 wordlists we do not ship (Russian, Turkish, …): a structural check only,
 *   so a lower-confidence finding than the checksum-validated `bip39-mnemonic`.
 */
import { wordLanguages } from './mnemonic.ts';
import { PRIORITY, type LeakSpan } from './span.ts';

/** Runs the extra detectors over `text`, appending spans to `out`. */
export function scanExtraSpans(text: string, out: LeakSpan[]): void {
  if (text.indexOf('.') !== -1) scanIpv4(text, out);
  if (text.indexOf(':') !== -1) scanIpv6(text, out);
  if (kOtherScript.test(text)) scanStructuralMnemonics(text, out);
}

// ------------------------------------------------------------------------------- IP addresses

/**
 * A dotted quad not inside a longer dotted number (versions, OIDs) or a word; octets without leading zeros.
 * `(?!\.\d)` keeps `1.2.3.4.5` out while a sentence's full stop after the address is fine.
 */
const kIpv4 = /(?<![\w.\-])(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w\-])(?!\.\d)/g;

/**
 * Addresses that identify no person: RFC 1918 private, loopback, link-local, carrier-grade NAT, this-network,
 * multicast and reserved space, the RFC 5737 documentation and RFC 2544 benchmarking nets, and the
 * well-known public DNS resolvers (anycast services, not hosts of a person).
 */
export function isPublicIpv4(a: number, b: number, c: number, d: number): boolean {
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 192 && b === 0 && (c === 0 || c === 2)) return false;
  if (a === 192 && b === 88 && c === 99) return false;
  if (a === 198 && (b === 18 || b === 19)) return false;
  if (a === 198 && b === 51 && c === 100) return false;
  if (a === 203 && b === 0 && c === 113) return false;
  const ip = `${a}.${b}.${c}.${d}`;
  return !kResolvers.has(ip);
}

const kResolvers = new Set(['8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '149.112.112.112', '208.67.222.222', '208.67.220.220']);

function scanIpv4(text: string, out: LeakSpan[]): void {
  kIpv4.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = kIpv4.exec(text)) !== null) {
    const end = m.index + m[0].length;
    // A CIDR block or a netmask names a network, not a host.
    if (text.charCodeAt(end) === 47 && /\d/.test(text[end + 1] ?? '')) continue;
    if (!isPublicIpv4(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]))) continue;
    if (/(?:version|ver|v|release|build|oid|mask|netmask)[\s:=#]*$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    out.push({ start: m.index, end, family: 'pii', rule: 'ip-address', severity: 'low', priority: PRIORITY.format, details: { version: 4 } });
  }
}

/**
 * Candidate IPv6 text: up to eight colon-separated hex groups (two colons at least), not inside a
 * word; parsed in `parseIpv6`. Only a global-unicast address is reported, and those open with a
 * 4-digit group starting 2 or 3, so the pattern starts there: an optional first group made the
 * engine try every position of the text (15x slower on tool logs, same matches on 224,097 texts).
 */
const kIpv6 = /(?<![\w:.])[23][0-9A-Fa-f]{3}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])/g;

/** Parses an IPv6 address into its eight 16-bit groups, or null. */
export function parseIpv6(s: string): number[] | null {
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const part = (h: string): number[] | null => {
    if (h === '') return [];
    const gs = h.split(':');
    const vals: number[] = [];
    for (const g of gs) {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return null;
      vals.push(parseInt(g, 16));
    }
    return vals;
  };
  const head = part(halves[0]!);
  const tail = halves.length === 2 ? part(halves[1]!) : [];
  if (head === null || tail === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const fill = 8 - head.length - tail.length;
  if (fill < 1) return null;
  return [...head, ...new Array<number>(fill).fill(0), ...tail];
}

/**
 * Global unicast (2000::/3) only: link-local, unique-local, multicast, loopback, IPv4-mapped and the
 * 2001:db8::/32 documentation prefix identify no one on the internet.
 */
export function isPublicIpv6(groups: number[]): boolean {
  const g0 = groups[0]!;
  if (g0 < 0x2000 || g0 > 0x3fff) return false;
  if (g0 === 0x2001 && groups[1] === 0x0db8) return false;
  if (g0 === 0x3fff && groups[1]! <= 0x0fff) return false; // RFC 9637 documentation space
  return true;
}

function scanIpv6(text: string, out: LeakSpan[]): void {
  kIpv6.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = kIpv6.exec(text)) !== null) {
    const s = m[0];
    // Times (12:30:45), ratios and MAC-like pairs have short groups and no `::`; an address written in
    // full has eight groups, a compressed one a `::` and a 4-digit first group.
    const groups = parseIpv6(s);
    if (groups === null) continue;
    if (!s.includes('::') && s.split(':').length !== 8) continue;
    if (!/^[23][0-9A-Fa-f]{3}:/.test(s)) continue;
    if (!isPublicIpv6(groups)) continue;
    out.push({ start: m.index, end: m.index + s.length, family: 'pii', rule: 'ip-address', severity: 'low', priority: PRIORITY.format, details: { version: 6 } });
  }
}

// ------------------------------------------------------------------------ structural seed phrases

/** Letters of scripts whose BIP-39 wordlists we do not ship: Latin with diacritics (Turkish, …) and Cyrillic. */
const kOtherScript = /[\u00c0-\u024f\u0300-\u036f\u0400-\u04ff]/;

const kPhraseSizes = new Set([12, 15, 18, 21, 24]);

/**
 * Common words of at least three letters in languages written with these scripts: prose holds several, a
 * seed phrase (nouns, verbs and adjectives chosen for distinctness) at most one. Two are enough to reject.
 */
const kFunctionWords = new Set([
  // Russian / Ukrainian / Bulgarian
  'что', 'как', 'это', 'для', 'или', 'так', 'все', 'всё', 'его', 'она', 'они', 'оно', 'был', 'была', 'было', 'были', 'есть', 'при', 'под', 'над', 'без', 'про', 'после', 'перед', 'через', 'между', 'когда', 'если', 'чтобы', 'также', 'тоже', 'уже', 'еще', 'ещё', 'очень', 'только', 'может', 'нужно', 'надо', 'себя', 'свой', 'этот', 'эта', 'эти', 'того', 'тот', 'там', 'тут', 'где', 'кто', 'чем', 'нет', 'даже', 'более', 'менее', 'около', 'потому', 'пока', 'вот', 'наш', 'ваш', 'мой', 'твой', 'меня', 'тебя', 'нас', 'вас', 'них', 'ним', 'ней', 'него', 'будет', 'быть', 'який', 'яка', 'які', 'що', 'але', 'також', 'від', 'для', 'дуже', 'щоб', 'това', 'като', 'със', 'или',
  // Turkish
  'için', 'ile', 'gibi', 'daha', 'çok', 'bir', 'olarak', 'kadar', 'sonra', 'önce', 'ama', 'fakat', 'veya', 'değil', 'var', 'yok', 'olan', 'her', 'ben', 'sen', 'biz', 'siz', 'onlar', 'bunu', 'şu', 'şimdi', 'çünkü', 'ancak', 'hem', 'ise', 'diye', 'bile', 'nasıl', 'olur', 'oldu', 'bunun', 'onun',
  // German, French, Spanish, Portuguese, Polish, Czech, …
  'und', 'der', 'die', 'das', 'ist', 'mit', 'von', 'für', 'nicht', 'auch', 'auf', 'ein', 'eine', 'über', 'daß', 'dass', 'les', 'des', 'une', 'est', 'pour', 'avec', 'dans', 'sur', 'pas', 'qui', 'que', 'être', 'très', 'à', 'los', 'las', 'del', 'por', 'con', 'para', 'una', 'más', 'está', 'são', 'não', 'uma', 'com', 'também', 'się', 'nie', 'jest', 'oraz', 'który', 'która', 'też', 'już', 'ale', 'jak', 'ich', 'jsou', 'což', 'který', 'také', 'jako',
]);

/** True for a common word of prose (which a seed phrase does not hold). */
export function isFunctionWord(word: string): boolean {
  return kFunctionWords.has(word.normalize('NFC'));
}

/**
 * One word of a phrase: 3-12 lowercase letters of one script (no digits, no capitals, no punctuation),
 * checked in NFC: wordlists and wallets often write NFKD (`й` as `и` + U+0306), which is the same word.
 */
const kCyrillicWord = /^[\u0430-\u044f\u0451\u0454\u0456\u0457\u0491\u045e]{3,12}$/;
const kLatinWord = /^[a-z\u00df-\u00f6\u00f8-\u00ff\u0101-\u017f\u0131]{3,12}$/;

/**
 * Seed phrases in wordlists we do not ship, recognised by shape: a line, quoted string, value after a
 * `:`/`=` label or block of consecutive word-only lines (numbering allowed) holding exactly 12, 15, 18,
 * 21 or 24 words, all lowercase letters of one
 * script, 3-12 letters, at most one common function word, at most two repeats; Latin-script phrases must carry a
 * non-ASCII letter and must not be made only of words from the shipped lists (those are checksum-checked).
 */
function scanStructuralMnemonics(text: string, out: LeakSpan[]): void {
  const push = (span: LeakSpan | null): void => {
    if (span !== null && !out.some((o) => o.start < span.end && span.start < o.end)) out.push(span);
  };
  // A phrase written one word per line, or a few numbered words per line (`1. слово  2. слово`):
  // consecutive such lines form one candidate.
  let blockStart = -1;
  let blockEnd = -1;
  let blockWords = 0;
  const flushBlock = (): void => {
    if (blockStart >= 0 && kPhraseSizes.has(blockWords)) push(phraseSpan(text, blockStart, blockEnd));
    blockStart = -1;
    blockWords = 0;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const other = kOtherScript.test(line);
    if (lineEnd - lineStart >= 36 && other) {
      for (const [s, e] of candidateSegments(text, lineStart, lineEnd)) push(phraseSpan(text, s, e));
    }
    // Block lines are short (one word, or a few numbered words); long lines are prose or a one-line phrase.
    // An ASCII-only line may continue a block (a Turkish word without diacritics) but never starts one.
    const words = line.length <= 60 && (other || (blockStart >= 0 && /^[\s\d.)\-,"'\[\]#•*]*[a-z]+/.test(line))) ? phraseWords(line, 24) : null;
    // One word per line, or every word numbered (`1. слово  2. слово`): a list of notes (`- купить хлеб`) is neither.
    const numbered = words !== null && words.length > 1 && (line.match(/(?:^|\s)#?\d{1,2}[.)]?(?=\s)/g) ?? []).length === words.length;
    if (words !== null && (words.length === 1 || numbered) && words.length <= 24 && words.every((w) => kCyrillicWord.test(w) || kLatinWord.test(w))) {
      if (blockStart < 0) blockStart = lineStart;
      blockEnd = lineEnd;
      blockWords += words.length;
      if (blockWords > 24) flushBlock();
    } else flushBlock();
    lineStart = lineEnd + 1;
  }
  flushBlock();
}

/** Numbering tokens around the words of a written-down phrase: `1.`, `02)`, `#3`, `-`. */
const kNumbering = /^(?:#?\d{1,2}[.)]?|[-•*])$/;

/**
 * The words of a candidate segment: split on whitespace and commas, quotes and brackets around each word
 * removed, numbering tokens dropped; NFC-normalized. Null when nothing is left.
 */
function phraseWords(segment: string, limit = Infinity): string[] | null {
  // A character no word, separator, stripped quote/bracket or numbering token may hold (a capital, a
  // letter of another script, most punctuation) sinks the whole segment below: say so before
  // allocating the words of prose.
  if (kNoPhraseChar.test(segment)) return null;
  const words: string[] = [];
  const re = /[^\s,]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(segment)) !== null) {
    const w = m[0].replace(/^["'`«“\[({]+|["'`»”\])}.;:]+$/g, '');
    if (w === '' || kNumbering.test(w)) continue;
    // A capital, digit or inner punctuation ends the look at once: prose, not a phrase (the caller re-checks).
    if (!kWordShape.test(w)) return null;
    words.push(w.normalize('NFC'));
    if (words.length > limit) return null;
  }
  return words.length === 0 ? null : words;
}

/**
 * Any character outside what phraseWords can accept anywhere in a segment: whitespace and commas,
 * kWordShape's letters, the quotes and brackets it strips from word ends, and numbering (digits,
 * `#`, `.`, `)`, `-`, `•`, `*`). A necessary condition only: a segment without one may still fail.
 */
const kNoPhraseChar = /[^\s,a-z\u00df-\u00f6\u00f8-\u00ff\u0101-\u017f\u0131\u0300-\u036f\u0430-\u045f\u0491"'`«“»”\[\](){}.;:#\d\-•*]/;

/** Letters only, lowercase, of the scripts handled here (combining marks of NFKD text included). */
const kWordShape = /^[a-z\u00df-\u00f6\u00f8-\u00ff\u0101-\u017f\u0131\u0300-\u036f\u0430-\u045f\u0491]+$/;

/** The whole line, the part after its last `:`/`=` label, and each quoted string on it. */
function candidateSegments(text: string, s: number, e: number): Array<[number, number]> {
  const segs: Array<[number, number]> = [[s, e]];
  const line = text.slice(s, e);
  const label = Math.max(line.lastIndexOf(':'), line.lastIndexOf('='));
  if (label >= 0) segs.push([s + label + 1, e]);
  const q = /(["'`«“])([^"'`«»“”\n]{30,})(["'`»”])/g;
  let m: RegExpExecArray | null;
  while ((m = q.exec(line)) !== null) segs.push([s + m.index + 1, s + m.index + 1 + m[2]!.length]);
  return segs;
}

function phraseSpan(text: string, s: number, e: number): LeakSpan | null {
  // Trim spaces, a trailing comma/semicolon/full stop and brackets around the phrase.
  while (s < e && /[\s\[\](){},;]/.test(text[s]!)) s++;
  while (e > s && /[\s\[\](){},;.]/.test(text[e - 1]!)) e--;
  const words = phraseWords(text.slice(s, e), 24);
  if (words === null || !kPhraseSizes.has(words.length)) return null;
  const script = kCyrillicWord.test(words[0]!) ? kCyrillicWord : kLatinWord;
  let nonAscii = false;
  let unshipped = false;
  // Prose of a dozen words holds several common words (and 1-2 letter words, which the word shape already
  // refuses); a wordlist draw may hold one, since these lists include a few (`свой`, `после`, `nasıl`).
  let functionWords = 0;
  for (const w of words) {
    if (!script.test(w)) return null;
    if (kFunctionWords.has(w) && ++functionWords > 1) return null;
    if (/[^a-z]/.test(w)) nonAscii = true;
  }
  for (const w of words) {
    // Shipped wordlists are indexed in both NFC and NFKD.
    if (wordLanguages(w, 0, w.length) === 0) {
      unshipped = true;
      break;
    }
  }
  if (new Set(words).size < words.length - 2) return null;
  if (script === kLatinWord && (!nonAscii || !unshipped)) return null;
  return {
    start: s,
    end: e,
    family: 'secret',
    rule: 'seed-phrase',
    severity: 'high',
    priority: PRIORITY.context,
    details: { words: words.length, script: script === kCyrillicWord ? 'cyrillic' : 'latin', validated: false },
  };
}
