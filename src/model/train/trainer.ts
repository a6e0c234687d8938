/**
 * Fits the two linear heads on segment/window units with Adagrad logistic regression, deterministic
 * (seeded shuffle, fixed iteration order, float32 weights). Features come from the same WASM extractor
 * the scorer uses; the unit arithmetic mirrors head.ts (hashed part / sqrt(n + 1), log1p of structure).
 */
import { HEAD_DIRECTIVE, HEAD_INTENT, structValue } from '../head.ts';
import { segmentText, type Span } from '../segment.ts';
import { NUM_BUCKETS, NUM_HEADS, NUM_STRUCT, SemanticWasm, utf8Offsets } from '../wasm.ts';
import type { TrainDoc } from './data.ts';
import { mulberry32 } from '../../util/prng.ts';
import { STRUCT_NAMES } from '../lexicon.ts';

export interface SegFeatures {
  feats: Uint32Array;
  n: number;
  struct: Float32Array;
}

export interface DocFeatures {
  doc: TrainDoc;
  segs: Span[];
  feats: SegFeatures[];
}

export interface Hyper {
  seed: number;
  learningRate: number;
  l2: number;
  epochs: number;
  milEpochs: number;
  /** Positive weight total as a fraction of negative weight total, per head. */
  positiveShare: number;
  /** Benign user prompts count as directives (weight) for the directive head: instructions do not belong in data. */
  benignPromptDirectiveWeight: number;
  maxSegmentsPerDoc: number;
  useStruct: boolean;
  /** MIL: units of an unlabelled-span attack kept as positives after the first pass. */
  milTopUnits: number;
  /**
   * Minimum share of the negative weight that benign user prompts carry. Data text outnumbers prompts
   * 100:1, so without this the head learns "sounds like a request" = attack.
   */
  promptNegativeShare: number;
  /**
   * Structural slots the INTENT head never uses (kept at 0). In a user's prompt, addressing the
   * assistant with imperatives and questions is normal; intent must come from override, secrecy,
   * extraction, exfiltration and wrapper cues and the n-grams, not from "says you, asks something,
   * is long". The directive head (data contexts) keeps them: there, an instruction is the signal.
   */
  intentStructExcluded: number[];
}

export const kDefaultHyper: Hyper = {
  seed: 20261122,
  learningRate: 0.1,
  l2: 1e-6,
  epochs: 4,
  milEpochs: 3,
  positiveShare: 0.5,
  benignPromptDirectiveWeight: 0.3,
  maxSegmentsPerDoc: 48,
  useStruct: true,
  milTopUnits: 2,
  promptNegativeShare: 0.25,
  intentStructExcluded: [
    // How long and how conversational: length, sentence shape, addressing "you", asking, instructing.
    'count_addressee', 'count_imperative', 'count_question', 'count_stopword', 'starts_imperative', 'addressee_and_imperative',
    'words_lt4', 'words_4_12', 'words_13_40', 'words_gt40', 'addressee_early', 'imperative_sentence_starts', 'quote_marks', 'unspaced_script',
    // Broad cue counts whose words are everyday ones (all, before, user, AI, rules, safety, important,
    // now, story, game, key, login): the hashed n-grams keep the specific phrases.
    'count_previous', 'count_role_header', 'count_restriction', 'count_wrapper', 'count_roleplay', 'count_secret', 'count_urgency', 'count_authority',
    // What kind of document it is (code, digits, @, capitals): the "document type becomes the label".
    'code_punctuation', 'at_sign', 'mostly_upper_case', 'mostly_digits', 'starts_with_punctuation',
  ].map(structIndex),
};

function structIndex(name: string): number {
  const k = STRUCT_NAMES.indexOf(name);
  if (k < 0 || k >= NUM_STRUCT) throw new Error(`unknown structural feature ${JSON.stringify(name)}`);
  return k;
}

export function extractDocs(wasm: SemanticWasm, docs: TrainDoc[], maxSegs: number): DocFeatures[] {
  const out: DocFeatures[] = [];
  for (const doc of docs) {
    let segs = segmentText(doc.text);
    if (segs.length > maxSegs) {
      // Keep the segments around a known injected span; otherwise the first maxSegs.
      if (doc.attackSpan) {
        const [a] = doc.attackSpan;
        const at = Math.max(0, segs.findIndex((s) => s.end > a));
        const from = Math.max(0, Math.min(at - Math.floor(maxSegs / 2), segs.length - maxSegs));
        segs = segs.slice(from, from + maxSegs);
      } else segs = segs.slice(0, maxSegs);
    }
    if (segs.length === 0) continue;
    wasm.setInput(doc.text);
    const off = utf8Offsets(doc.text);
    const feats: SegFeatures[] = segs.map((s) => {
      const r = wasm.extract(off[s.start], off[s.end]);
      return { feats: r.features, n: r.count, struct: r.struct };
    });
    out.push({ doc, segs, feats });
  }
  return out;
}

/** A training unit: segments [first, first+size) of document `doc`, with a label and weight per head. */
interface Unit {
  doc: number;
  first: number;
  size: number;
  y: Int8Array; // per head: 1, 0, or -1 (not used)
  w: Float32Array;
}

export class LinearHeads {
  readonly hashed: Float32Array[] = [];
  readonly bias = new Float64Array(NUM_HEADS);
  readonly struct: Float64Array[] = [];
  readonly #g: Float32Array[] = [];
  readonly #gs: Float64Array[] = [];
  readonly #gb = new Float64Array(NUM_HEADS);

  constructor() {
    for (let h = 0; h < NUM_HEADS; h++) {
      this.hashed.push(new Float32Array(NUM_BUCKETS));
      this.struct.push(new Float64Array(NUM_STRUCT));
      this.#g.push(new Float32Array(NUM_BUCKETS));
      this.#gs.push(new Float64Array(NUM_STRUCT));
    }
  }

  logit(h: number, df: DocFeatures, first: number, size: number, useStruct: boolean): number {
    const w = this.hashed[h];
    let dot = 0;
    let n = 0;
    for (let s = first; s < first + size; s++) {
      const f = df.feats[s];
      n += f.n;
      const a = f.feats;
      for (let i = 0; i < a.length; i++) {
        const v = a[i];
        const x = w[v & 0x7fffffff];
        dot += v >>> 31 ? -x : x;
      }
    }
    let z = this.bias[h] + dot / Math.sqrt(n + 1);
    if (useStruct) {
      const sw = this.struct[h];
      for (let k = 0; k < NUM_STRUCT; k++) {
        let sum = 0;
        for (let s = first; s < first + size; s++) sum += df.feats[s].struct[k];
        if (sum !== 0) z += sw[k] * structValue(sum);
      }
    }
    return z;
  }

  step(h: number, df: DocFeatures, first: number, size: number, y: number, weight: number, hyper: Hyper): void {
    const z = this.logit(h, df, first, size, hyper.useStruct);
    const p = 1 / (1 + Math.exp(-z));
    const g = weight * (p - y);
    if (g === 0) return;
    const lr = hyper.learningRate;
    const l2 = hyper.l2;
    let n = 0;
    for (let s = first; s < first + size; s++) n += df.feats[s].n;
    const inv = 1 / Math.sqrt(n + 1);
    const w = this.hashed[h];
    const G = this.#g[h];
    for (let s = first; s < first + size; s++) {
      const a = df.feats[s].feats;
      for (let i = 0; i < a.length; i++) {
        const v = a[i];
        const idx = v & 0x7fffffff;
        const gj = (v >>> 31 ? -g : g) * inv + l2 * w[idx];
        G[idx] += gj * gj;
        w[idx] -= (lr * gj) / Math.sqrt(G[idx] + 1e-8);
      }
    }
    if (hyper.useStruct) {
      const sw = this.struct[h];
      const GS = this.#gs[h];
      const excluded = this.#excluded(hyper);
      for (let k = 0; k < NUM_STRUCT; k++) {
        if (h === HEAD_INTENT && excluded[k]) continue;
        let sum = 0;
        for (let s = first; s < first + size; s++) sum += df.feats[s].struct[k];
        if (sum === 0) continue;
        const gk = g * structValue(sum) + l2 * sw[k];
        GS[k] += gk * gk;
        sw[k] -= (lr * gk) / Math.sqrt(GS[k] + 1e-8);
      }
    }
    this.#gb[h] += g * g;
    this.bias[h] -= (lr * g) / Math.sqrt(this.#gb[h] + 1e-8);
  }

  #excludedMask: Uint8Array | undefined;
  #excluded(hyper: Hyper): Uint8Array {
    if (!this.#excludedMask) {
      this.#excludedMask = new Uint8Array(NUM_STRUCT);
      for (const k of hyper.intentStructExcluded) if (k >= 0 && k < NUM_STRUCT) this.#excludedMask[k] = 1;
    }
    return this.#excludedMask;
  }

  /** Bucket-major interleaved weights as the WASM scorer expects. */
  interleaved(): Float32Array {
    const out = new Float32Array(NUM_BUCKETS * NUM_HEADS);
    for (let i = 0; i < NUM_BUCKETS; i++) for (let h = 0; h < NUM_HEADS; h++) out[i * NUM_HEADS + h] = this.hashed[h][i];
    return out;
  }
}


function shuffle<T>(a: T[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

function overlap(a: [number, number], s: number, e: number): number {
  return Math.max(0, Math.min(a[1], e) - Math.max(a[0], s));
}

/** Units and labels. MIL documents (attacks without a known span) start with every unit a weak positive. */
function buildUnits(docs: DocFeatures[], hyper: Hyper): { units: Unit[]; milDocs: number[] } {
  const units: Unit[] = [];
  const milDocs: number[] = [];
  docs.forEach((df, d) => {
    const { doc, segs } = df;
    const nSeg = segs.length;
    const list: Array<[number, number]> = [];
    for (let i = 0; i < nSeg; i++) for (let k = 1; k <= 3 && i + k <= nSeg; k++) list.push([i, k]);
    const isMil = doc.label === 'attack' && !doc.attackSpan;
    const dw = doc.weight ?? 1;
    if (isMil) milDocs.push(d);
    for (const [first, size] of list) {
      const y = new Int8Array(NUM_HEADS).fill(-1);
      const w = new Float32Array(NUM_HEADS);
      if (doc.label === 'benign') {
        y.fill(0);
        w.fill(1);
        if (doc.context === 'user_prompt' && hyper.benignPromptDirectiveWeight > 0) {
          y[HEAD_DIRECTIVE] = 1;
          w[HEAD_DIRECTIVE] = hyper.benignPromptDirectiveWeight / list.length;
        }
      } else if (doc.attackSpan) {
        const s = segs[first].start;
        const e = segs[first + size - 1].end;
        const ov = overlap(doc.attackSpan, s, e);
        const spanLen = doc.attackSpan[1] - doc.attackSpan[0];
        if (ov === 0) {
          y.fill(0);
          w.fill(1);
        } else if (ov >= 0.5 * spanLen || ov >= 0.5 * (e - s)) {
          y[HEAD_DIRECTIVE] = 1;
          w[HEAD_DIRECTIVE] = 1;
          if (doc.intent) {
            y[HEAD_INTENT] = 1;
            w[HEAD_INTENT] = 1;
          }
        }
      } else {
        // Multiple-instance: spread one document's worth of positive weight over its units.
        y[HEAD_DIRECTIVE] = 1;
        w[HEAD_DIRECTIVE] = dw / list.length;
        if (doc.intent) {
          y[HEAD_INTENT] = 1;
          w[HEAD_INTENT] = dw / list.length;
        }
      }
      units.push({ doc: d, first, size, y, w });
    }
  });
  return { units, milDocs };
}

function balance(units: Unit[], hyper: Hyper, docs: DocFeatures[]): void {
  for (let h = 0; h < NUM_HEADS; h++) {
    let promptNeg = 0;
    let allNeg = 0;
    for (const u of units) {
      if (u.y[h] !== 0) continue;
      allNeg += u.w[h];
      if (docs[u.doc].doc.context === 'user_prompt') promptNeg += u.w[h];
    }
    const share = hyper.promptNegativeShare;
    if (promptNeg > 0 && promptNeg < share * allNeg) {
      // Scale prompt negatives so they make up `share` of all negative weight.
      const f = (share * (allNeg - promptNeg)) / ((1 - share) * promptNeg);
      for (const u of units) if (u.y[h] === 0 && docs[u.doc].doc.context === 'user_prompt') u.w[h] *= f;
    }
  }
  for (let h = 0; h < NUM_HEADS; h++) {
    let pos = 0;
    let neg = 0;
    for (const u of units) {
      if (u.y[h] === 1) pos += u.w[h];
      else if (u.y[h] === 0) neg += u.w[h];
    }
    if (pos === 0) continue;
    const f = (hyper.positiveShare * neg) / pos;
    for (const u of units) if (u.y[h] === 1) u.w[h] *= f;
  }
}

function runEpochs(heads: LinearHeads, docs: DocFeatures[], units: Unit[], epochs: number, hyper: Hyper, rand: () => number, log: (s: string) => void): void {
  const order = units.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    shuffle(order, rand);
    let loss = 0;
    let count = 0;
    for (const i of order) {
      const u = units[i];
      for (let h = 0; h < NUM_HEADS; h++) {
        if (u.y[h] < 0 || u.w[h] === 0) continue;
        heads.step(h, docs[u.doc], u.first, u.size, u.y[h], u.w[h], hyper);
        count++;
      }
    }
    // Cheap progress signal: log loss on a fixed sample of units.
    for (let i = 0; i < Math.min(units.length, 20000); i += 7) {
      const u = units[i];
      for (let h = 0; h < NUM_HEADS; h++) {
        if (u.y[h] < 0) continue;
        const p = 1 / (1 + Math.exp(-heads.logit(h, docs[u.doc], u.first, u.size, hyper.useStruct)));
        loss += -Math.log(Math.max(1e-9, u.y[h] ? p : 1 - p));
      }
    }
    log(`  epoch ${e + 1}/${epochs}: ${count} updates, sample log loss ${loss.toFixed(1)}`);
  }
}

/** Trains both heads: a multiple-instance pass, then re-labelling of MIL documents to their top units. */
export function trainHeads(docs: DocFeatures[], hyper: Hyper, log: (s: string) => void): LinearHeads {
  const rand = mulberry32(hyper.seed);
  const heads = new LinearHeads();
  const { units, milDocs } = buildUnits(docs, hyper);
  balance(units, hyper, docs);
  log(`units: ${units.length}, multiple-instance documents: ${milDocs.length}`);
  runEpochs(heads, docs, units, hyper.epochs, hyper, rand, log);
  if (hyper.milEpochs <= 0) return heads;

  // Re-label: in each MIL document keep only its top units (by the head's own score) as positives.
  const milSet = new Set(milDocs);
  const byDoc = new Map<number, Unit[]>();
  for (const u of units) if (milSet.has(u.doc)) (byDoc.get(u.doc) ?? byDoc.set(u.doc, []).get(u.doc)!).push(u);
  for (const [d, list] of byDoc) {
    for (let h = 0; h < NUM_HEADS; h++) {
      if (list[0].y[h] !== 1) continue;
      const scored = list.map((u) => ({ u, z: heads.logit(h, docs[d], u.first, u.size, hyper.useStruct) }));
      scored.sort((a, b) => b.z - a.z || a.u.first - b.u.first || a.u.size - b.u.size);
      const keep = Math.min(hyper.milTopUnits, scored.length);
      scored.forEach(({ u }, rank) => {
        if (rank < keep) u.w[h] = (docs[d].doc.weight ?? 1) / keep;
        else {
          u.y[h] = -1;
          u.w[h] = 0;
        }
      });
    }
  }
  // Benign units keep weight 1; re-balance positives after re-labelling.
  for (const u of units) {
    if (!milSet.has(u.doc)) {
      const doc = docs[u.doc].doc;
      if (doc.label === 'benign') continue;
      for (let h = 0; h < NUM_HEADS; h++) if (u.y[h] === 1) u.w[h] = 1;
    }
  }
  for (const u of units) {
    const doc = docs[u.doc].doc;
    if (doc.label === 'benign' && doc.context === 'user_prompt' && u.y[HEAD_DIRECTIVE] === 1) {
      u.w[HEAD_DIRECTIVE] = hyper.benignPromptDirectiveWeight / Math.max(1, docs[u.doc].segs.length * 3 - 3);
    }
  }
  balance(units, hyper, docs);
  runEpochs(heads, docs, units, hyper.milEpochs, hyper, rand, log);
  return heads;
}
