/**
 * Canary tokens: unique markers planted in a system prompt or a confidential document. If one shows up
 * in any scanned output — verbatim, case-changed, split or spaced, with zero-width characters in between,
 * with Cyrillic/Greek/fullwidth look-alike letters, or base64 / hex / percent-encoded — the output leaks
 * what it was planted in (OWASP LLM07).
 */
import { randomBytes } from 'node:crypto';
import type { Finding } from '../types.ts';
import { keepBest } from './overlap.ts';

/** Neutral words for the readable part of a token (team-written list). */
const kWords = [
  'amber', 'basalt', 'cobalt', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'jasper', 'kelp', 'lumen',
  'maple', 'nectar', 'onyx', 'pepper', 'quartz', 'russet', 'saffron', 'tundra', 'umber', 'velvet', 'willow', 'xenon',
  'yarrow', 'zephyr', 'anchor', 'beacon', 'cinder', 'dune', 'ermine', 'falcon', 'glacier', 'heron', 'iris', 'juniper',
  'kestrel', 'lagoon', 'meadow', 'nimbus', 'orchid', 'pylon', 'quill', 'raven', 'sorrel', 'thistle', 'upland', 'vesper',
];

export interface CanaryRecord {
  token: string;
  label: string;
  /** Where it was planted (`system-prompt:trader-v3`, `doc:q3-strategy.pdf`). */
  plantedIn?: string;
  createdAt: string;
}

/** A fresh canary token: `tg-<word>-<word>-<12 hex>` (48 random bits in the hex part alone). */
export function createCanary(label: string): string {
  if (typeof label !== 'string' || label.trim() === '') throw new TypeError(`createCanary: label must be a non-empty string, got ${JSON.stringify(label)}`);
  const r = randomBytes(8);
  return `tg-${kWords[r[0]! % kWords.length]}-${kWords[r[1]! % kWords.length]}-${r.subarray(2).toString('hex')}`;
}

/** Lowercase letters and digits only: what survives splitting, spacing, case changes and inserted characters. */
function squeezeKey(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Cyrillic and Greek letters that look like Latin ones (a copied canary may have been "disguised" with them). */
const kConfusables: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', ζ: 'z', η: 'n', ι: 'i', κ: 'k', μ: 'u', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
};

/** One non-ASCII char folded to an ASCII letter/digit (fullwidth forms via NFKC, look-alikes via the table), or ''. */
function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  const mapped = kConfusables[lower];
  if (mapped !== undefined) return mapped;
  const k = lower.normalize('NFKC');
  return /^[a-z0-9]$/.test(k) ? k : '';
}

interface Compiled {
  record: CanaryRecord;
  full: string;
  /** The random hex part: enough on its own to identify the canary. */
  core: string;
}

/**
 * The canaries this deployment has planted, and their detector. Serializable (`toJSON` / `fromJSON`)
 * so worker threads and restarts see the same set.
 */
export class CanaryRegistry {
  readonly #byToken = new Map<string, Compiled>();

  get size(): number {
    return this.#byToken.size;
  }

  /** Issues a new canary for `label` and registers it. Returns the token to plant. */
  issue(label: string, plantedIn?: string): string {
    const token = createCanary(label);
    this.add({ token, label, plantedIn, createdAt: new Date().toISOString() });
    return token;
  }

  /** Registers an existing token (e.g. loaded from storage). */
  add(record: CanaryRecord): void {
    const full = squeezeKey(record.token);
    if (full.length < 12) throw new RangeError(`canary token ${JSON.stringify(record.token)} is too short to detect reliably (needs 12+ letters/digits)`);
    const hex = /([0-9a-f]{12,})$/i.exec(record.token)?.[1];
    this.#byToken.set(record.token, { record: { ...record }, full, core: hex !== undefined ? hex.toLowerCase() : full });
  }

  remove(token: string): boolean {
    return this.#byToken.delete(token);
  }

  list(): CanaryRecord[] {
    return [...this.#byToken.values()].map((c) => ({ ...c.record }));
  }

  toJSON(): CanaryRecord[] {
    return this.list();
  }

  static fromJSON(records: CanaryRecord[]): CanaryRegistry {
    const reg = new CanaryRegistry();
    for (const r of records) reg.add(r);
    return reg;
  }

  /** Every canary appearance in `text`, on raw offsets; an encoded appearance covers the whole encoded run. */
  scan(text: string): Finding[] {
    if (this.#byToken.size === 0) return [];
    const out: Finding[] = [];
    this.#scanPlain(text, 0, text.length, undefined, out);
    for (const layer of encodedLayers(text)) this.#scanPlain(layer.decoded, layer.start, layer.end, layer.encoding, out);
    return dedupe(out);
  }

  #scanPlain(text: string, rawStart: number, rawEnd: number, encoding: string | undefined, out: Finding[]): void {
    // Squeeze once, keeping the raw index of every kept character.
    const keep: number[] = [];
    let squeezed = '';
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        squeezed += String.fromCharCode(c);
        keep.push(i);
      } else if (c >= 128) {
        const f = foldChar(text[i]!);
        if (f !== '') {
          squeezed += f;
          keep.push(i);
        }
      }
    }
    for (const c of this.#byToken.values()) {
      for (const [needle, partial] of [[c.full, false], [c.core, true]] as const) {
        let from = 0;
        for (;;) {
          const at = squeezed.indexOf(needle, from);
          if (at === -1) break;
          from = at + needle.length;
          const start = encoding === undefined ? keep[at]! : rawStart;
          const end = encoding === undefined ? keep[at + needle.length - 1]! + 1 : rawEnd;
          out.push({
            id: 'canary.token',
            family: 'canary',
            owasp: 'LLM07',
            severity: 'critical',
            start,
            end,
            evidence: `canary "${c.record.label}"${c.record.plantedIn ? ` planted in ${c.record.plantedIn}` : ''}`,
            rule: 'canary-token',
            details: { label: c.record.label, plantedIn: c.record.plantedIn, partial, ...(encoding ? { encoding } : {}) },
          });
        }
        if (needle === c.core) break;
      }
    }
  }
}

/** base64 / hex / percent-encoded runs of `text`, decoded (one level). */
export function encodedLayers(text: string): Array<{ start: number; end: number; decoded: string; encoding: string }> {
  const out: Array<{ start: number; end: number; decoded: string; encoding: string }> = [];
  const b64 = /[A-Za-z0-9+/_\-]{16,}={0,2}/g;
  let m: RegExpExecArray | null;
  while ((m = b64.exec(text)) !== null) {
    const run = m[0];
    const hex = /^(?:0x)?([0-9a-fA-F]+)$/.exec(run);
    if (hex !== null) {
      if (hex[1]!.length % 2 === 0) out.push({ start: m.index, end: m.index + run.length, decoded: Buffer.from(hex[1]!, 'hex').toString('latin1'), encoding: 'hex' });
      continue;
    }
    const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
    out.push({ start: m.index, end: m.index + run.length, decoded, encoding: 'base64' });
  }
  const pct = /(?:%[0-9A-Fa-f]{2}[^\s%]{0,3}){6,}/g;
  while ((m = pct.exec(text)) !== null) {
    try {
      out.push({ start: m.index, end: m.index + m[0].length, decoded: decodeURIComponent(m[0]), encoding: 'percent' });
    } catch {
      // malformed escapes: not a layer
    }
  }
  return out;
}

function dedupe(findings: Finding[]): Finding[] {
  // A full match and its hex core overlap: keep the widest per region, full before partial.
  return keepBest(findings, (a, b) => Number(a.details?.partial) - Number(b.details?.partial) || b.end - b.start - (a.end - a.start));
}
