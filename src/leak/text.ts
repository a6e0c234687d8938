/** Small character and string helpers shared by the leak detectors (no regex on hot paths). */
import { charClasses, classCount, longestRepeat, longestSequence, shannonEntropy } from './validators/entropy.ts';

/** [A-Za-z0-9] */
export function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Characters of identifiers and config keys: [A-Za-z0-9_.-] */
export function isIdentChar(c: number): boolean {
  return isAlnum(c) || c === 95 || c === 45 || c === 46;
}

/** True when position `i` starts a token: beginning of text or a preceding char outside `[A-Za-z0-9]`. */
export function boundaryBefore(text: string, i: number): boolean {
  return i === 0 || !isAlnum(text.charCodeAt(i - 1));
}

/** True when position `i` ends a token. */
export function boundaryAfter(text: string, i: number): boolean {
  return i >= text.length || !isAlnum(text.charCodeAt(i));
}

/** Words and shapes that mark a value as a stand-in rather than a real secret. */
const kPlaceholder =
  /(?:x{4,}|\*{3,}|\.{3}|…|<[^>]*>|\{\{|\}\}|\$\{|%[sd(]|^\$[A-Za-z_]|your[_\- ]?|^my[_\-]|example|sample|changeme|change[_\-]me|placeholder|redacted|dummy|^fake|^test$|^secret$|^password$|^token$|^null$|^none$|^nil$|^undefined$|^true$|^false$|insert|replace[_\-]?me|^todo|^tbd$|^n\/a$|process\.env|os\.environ|getenv|environ\[|^env\.|^env\(|^secrets\.|^vault:)/i;

/** True when a candidate value is a template, reference or documentation placeholder. */
export function isPlaceholder(value: string): boolean {
  return kPlaceholder.test(value);
}

/**
 * True when `value` looks machine-generated rather than typed: long enough, several character classes,
 * enough Shannon entropy for its length, and no long repeated or ascending runs. Thresholds come from
 * the team's own examples (test/leak/entropy.test.ts), not from evaluation data.
 */
export function looksRandom(value: string, minLength = 16): boolean {
  const n = value.length;
  if (n < minLength) return false;
  if (longestRepeat(value) >= 5 || longestSequence(value) >= 6) return false;
  const classes = charClasses(value);
  const isHex = /^[0-9a-fA-F]+$/.test(value);
  // Hex carries 4 bits per char at most; others up to ~6. Require ~80% of what a random string that long reaches.
  const ceiling = Math.log2(Math.min(n, isHex ? 16 : 64));
  if (shannonEntropy(value) < 0.8 * ceiling) return false;
  if (isHex) return /[0-9]/.test(value) && /[a-fA-F]/.test(value);
  if (classCount(classes & 7) < 2) return false;
  // Snake/kebab-case identifiers (`order_book_snapshot_v2`) are words, not tokens.
  if (/^[a-z]+(?:[_\-.][a-z0-9]+){2,}$/i.test(value)) return false;
  return true;
}

/**
 * The evidence string for a finding: the public prefix (when the format has one) then one `*` per hidden
 * character, capped, with the length. Never contains the secret part.
 */
export function maskEvidence(value: string, reveal = 0): string {
  const shown = Math.min(reveal, Math.max(0, value.length - 4));
  const hidden = value.length - shown;
  const stars = '*'.repeat(Math.min(hidden, 16));
  return `${value.slice(0, shown)}${stars}${hidden > 16 ? '…' : ''} (${value.length} chars)`;
}
