/**
 * The semantic scorer: segments a text, scores every segment and window of 2-3 segments in WASM with
 * two linear heads (intent; directive addressed to the assistant), makes the directive head task-aware,
 * compares against per-context thresholds calibrated on benign text of that context, and reports the
 * top unit as evidence with the nearest known attacks. Encoded spans are decoded and scored too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Context, Finding, Severity } from '../types.ts';
import { decodeSpans, type DecodedSpan, type Encoding } from './decode.ts';
import { type HeadParams, taskAware, unitLogits } from './head.ts';
import { Segmenter, SpanList } from './segment.ts';
import { EMBED_DIM, NUM_BUCKETS, NUM_HEADS, SemanticWasm } from './wasm.ts';

export interface ContextThresholds {
  intent: number;
  /** Absent for contexts where instructions are normal (user_prompt). */
  directive?: number;
}

export interface ExemplarInfo {
  id: string;
  source: string;
  family: string;
}

export interface ModelParams extends HeadParams {
  version: number;
  thresholds: Record<Context, ContextThresholds>;
  exemplars: ExemplarInfo[];
}

export interface NearestAttack extends ExemplarInfo {
  similarity: number;
}

export interface TopUnit {
  start: number;
  end: number;
  text: string;
  /** Margin over the context threshold of the head that fired (> 0 = flagged). */
  margin: number;
  head: 'intent' | 'directive';
  relatedness?: number;
  /** Set when the unit was found in decoded text; start/end then cover the encoded span. */
  encoding?: Encoding;
}

export interface SemanticScore {
  /** sigmoid(margin): 0.5 at the context threshold. */
  score: number;
  /** Margin over the threshold, in logits; > 0 means flagged. */
  margin: number;
  threshold: number;
  flagged: boolean;
  top?: TopUnit;
  findings: Finding[];
  nearest?: NearestAttack[];
}

export interface ScoreRequest {
  text: string;
  context?: Context;
  task?: string;
  /** Spans already decoded by the caller with `decodeSpans(text)` (unfiltered), to avoid decoding twice. */
  decoded?: readonly DecodedSpan[];
}

/** Switches used by the ablation study; production scoring uses the defaults. */
export interface ScoreOptions {
  segments?: boolean;
  task?: boolean;
  structural?: boolean;
  contextThresholds?: boolean;
  decode?: boolean;
  nearest?: boolean;
}

const kDefaultOptions: Required<ScoreOptions> = { segments: true, task: true, structural: true, contextThresholds: true, decode: true, nearest: true };
const kDataContexts = new Set<Context>(['retrieved_doc', 'tool_output', 'agent_message', 'model_output']);
const kEvidenceChars = 240;

interface RawBest {
  margin: number;
  /** Highest raw intent logit and task-aware directive logit over all units (calibration reads these). */
  maxIntent: number;
  maxDirective: number;
  start: number;
  end: number;
  head: 'intent' | 'directive';
  relatedness: number;
}

export function weightsDir(): string {
  const candidates = [process.env.TOLLGATE_MODEL_DIR, fileURLToPath(new URL('./weights/', import.meta.url))].filter((p): p is string => !!p);
  const dir = candidates.find((p) => existsSync(`${p}/params.json`));
  if (!dir) throw new Error(`semantic model weights not found (looked in ${candidates.join(', ')}); run "npm run train"`);
  return dir;
}

export class SemanticModel {
  readonly params: ModelParams;
  readonly #wasm: SemanticWasm;
  readonly #hasExemplars: boolean;
  readonly #segmenter = new Segmenter();
  readonly #segments = new SpanList();
  /** Pooled thresholds for the "no context thresholds" ablation: the strictest per head over contexts. */
  readonly #pooled: ContextThresholds;

  constructor(params: ModelParams, hashed: Float32Array, exemplars: Float32Array, wasm = new SemanticWasm()) {
    this.params = params;
    this.#wasm = wasm;
    wasm.setWeights(hashed);
    wasm.setHeadParams(params.bias, params.structWeights);
    wasm.setExemplars(exemplars);
    this.#hasExemplars = exemplars.length >= EMBED_DIM;
    const all = Object.values(params.thresholds);
    this.#pooled = {
      intent: Math.min(...all.map((t) => t.intent)),
      directive: Math.min(...all.map((t) => t.directive ?? Infinity)),
    };
  }

  /** Loads the shipped weights (src/model/weights, or dist/weights beside the bundle). */
  static loadSync(dir = weightsDir()): SemanticModel {
    const params = JSON.parse(readFileSync(`${dir}/params.json`, 'utf8')) as ModelParams;
    const hashedBytes = readFileSync(`${dir}/hashed.bin`);
    if (hashedBytes.byteLength !== NUM_BUCKETS * NUM_HEADS * 4) {
      throw new Error(`${dir}/hashed.bin has ${hashedBytes.byteLength} bytes, expected ${NUM_BUCKETS * NUM_HEADS * 4}`);
    }
    const hashed = new Float32Array(hashedBytes.buffer.slice(hashedBytes.byteOffset, hashedBytes.byteOffset + hashedBytes.byteLength));
    const exBytes = existsSync(`${dir}/exemplars.bin`) ? readFileSync(`${dir}/exemplars.bin`) : Buffer.alloc(0);
    const exemplars = new Float32Array(exBytes.buffer.slice(exBytes.byteOffset, exBytes.byteOffset + exBytes.byteLength));
    return new SemanticModel(params, hashed, exemplars);
  }

  /** Scores one text. `context` defaults to user_prompt; `task` is the user's request (data contexts). */
  score(request: ScoreRequest, options: ScoreOptions = {}): SemanticScore {
    const { text } = request;
    if (typeof text !== 'string') throw new TypeError(`text must be a string, got ${typeof text}`);
    const context: Context = request.context ?? 'user_prompt';
    const thresholds = this.params.thresholds[context];
    if (!thresholds) throw new RangeError(`context must be one of ${Object.keys(this.params.thresholds).join(', ')}, got ${JSON.stringify(context)}`);
    const opt = { ...kDefaultOptions, ...options };
    const th = opt.contextThresholds ? thresholds : this.#pooled;
    const useDirective = opt.contextThresholds ? kDataContexts.has(context) : true;
    const task = opt.task && useDirective && request.task && request.task.trim() !== '' ? request.task : undefined;

    let best = this.#scoreText(text, th, useDirective, task, opt);
    let bestEncoding: Encoding | undefined;
    let bestDecoded: string | undefined;
    if (opt.decode) {
      for (const span of request.decoded ?? decodeSpans(text)) {
        const inner = this.#scoreText(span.decodedText, th, useDirective, task, opt);
        // Hidden text gets no benefit of the doubt: score it with the intent and directive heads.
        if (inner && (!best || inner.margin > best.margin)) {
          best = { ...inner, start: span.start, end: span.end };
          bestEncoding = span.encoding;
          bestDecoded = span.decodedText.slice(inner.start, inner.end);
        }
      }
    }
    if (!best) return { score: 0, margin: -Infinity, threshold: th.intent, flagged: false, findings: [] };

    const flagged = best.margin > 0;
    const threshold = best.head === 'intent' ? th.intent : (th.directive ?? th.intent);
    const evidenceText = bestDecoded ?? text.slice(best.start, best.end);
    const top: TopUnit = {
      start: best.start,
      end: best.end,
      text: evidenceText.slice(0, kEvidenceChars),
      margin: best.margin,
      head: best.head,
      ...(best.relatedness >= 0 ? { relatedness: best.relatedness } : {}),
      ...(bestEncoding ? { encoding: bestEncoding } : {}),
    };
    const result: SemanticScore = { score: 1 / (1 + Math.exp(-best.margin)), margin: best.margin, threshold, flagged, top, findings: [] };
    if (flagged) {
      const nearest = opt.nearest ? this.#nearest(bestDecoded ?? text.slice(best.start, best.end)) : undefined;
      if (nearest) result.nearest = nearest;
      result.findings.push(this.#finding(top, context, task, nearest));
    }
    return result;
  }

  /**
   * Highest intent and task-aware directive logits of a text (decoded spans included), before any
   * threshold: what training calibrates the per-context thresholds on.
   */
  rawMaxima(request: ScoreRequest, options: ScoreOptions = {}): { intent: number; directive: number } {
    const opt = { ...kDefaultOptions, ...options };
    const zero: ContextThresholds = { intent: 0, directive: 0 };
    const task = opt.task && request.task && request.task.trim() !== '' ? request.task : undefined;
    let intent = -Infinity;
    let directive = -Infinity;
    const texts = [request.text, ...(opt.decode ? decodeSpans(request.text).map((s) => s.decodedText) : [])];
    for (const t of texts) {
      const r = this.#scoreText(t, zero, true, task, opt);
      if (!r) continue;
      intent = Math.max(intent, r.maxIntent);
      directive = Math.max(directive, r.maxDirective);
    }
    return { intent, directive };
  }

  /** Every unit of a text with its raw logits (training's task stage and diagnostics). */
  units(text: string, task?: string): Array<{ start: number; end: number; intent: number; directive: number; relatedness: number }> {
    const segs = this.#segmenter.segmentInto(text, this.#segments);
    const records = this.#scoreSegments(text, segs, task || undefined);
    if (!records) return [];
    const n = segs.count;
    const out = [];
    for (let i = 0; i < n; i++) {
      for (let k = 1; k <= 3 && i + k <= n; k++) {
        const z = unitLogits(records, i, k, this.params);
        out.push({ start: segs.start(i), end: segs.end(i + k - 1), intent: z.intent, directive: z.directive, relatedness: z.relatedness });
      }
    }
    return out;
  }

  /**
   * Sets (or clears) the task, then scores every segment of `text` in WASM: one record per segment
   * (a view into WASM memory, valid until the next call).
   */
  #scoreSegments(text: string, segs: SpanList, task: string | undefined): Float32Array | undefined {
    const wasm = this.#wasm;
    if (task !== undefined) {
      const n = wasm.setInput(task);
      wasm.setTaskRange(0, n);
    } else wasm.clearTask();
    if (segs.count === 0) return undefined;
    const bytes = wasm.setInput(text);
    return wasm.scoreSpans(text, bytes, segs);
  }

  #finding(top: TopUnit, context: Context, task: string | undefined, nearest: NearestAttack[] | undefined): Finding {
    const offTask = top.head === 'directive' && task !== undefined;
    const severity: Severity = top.margin > 4 ? 'critical' : top.margin > 2 ? 'high' : 'medium';
    const id = top.encoding ? 'model.decoded' : offTask ? 'model.off_task_instruction' : top.head === 'directive' ? 'model.directive_in_data' : 'model.segment';
    return {
      id,
      family: top.encoding ? 'obfuscation' : top.head === 'directive' ? 'injection' : 'semantic',
      owasp: 'LLM01',
      severity,
      start: top.start,
      end: top.end,
      evidence: top.text,
      details: {
        head: top.head,
        margin: round(top.margin),
        context,
        ...(top.encoding ? { encoding: top.encoding } : {}),
        ...(offTask ? { task: task!.slice(0, kEvidenceChars), relatedness: round(top.relatedness ?? 0) } : {}),
        ...(nearest && nearest.length > 0 ? { nearest } : {}),
      },
    };
  }

  #nearest(unitText: string): NearestAttack[] | undefined {
    if (!this.#hasExemplars) return undefined;
    const n = this.#wasm.setInput(unitText);
    this.#wasm.embed(0, n);
    return this.#wasm.nearestToLastEmbedding(3).map(({ row, similarity }) => ({ ...this.params.exemplars[row], similarity: round(similarity) }));
  }

  /** Best unit of one text (segment or window), by margin over the thresholds. */
  #scoreText(text: string, th: ContextThresholds, useDirective: boolean, task: string | undefined, opt: Required<ScoreOptions>): RawBest | undefined {
    const segs = opt.segments ? this.#segmenter.segmentInto(text, this.#segments) : wholeText(text, this.#segments);
    const records = this.#scoreSegments(text, segs, task);
    if (!records) return undefined;
    const n = segs.count;
    const p = this.params;
    const dirTh = th.directive ?? Infinity;
    let best: RawBest | undefined;
    let maxIntent = -Infinity;
    let maxDirective = -Infinity;
    // Reads the records where scoreSpans left them, in WASM memory.
    const scorer = this.#wasm.scoreUnits(n, opt.segments ? 3 : 1, opt.structural);
    let bestUnit = -1;
    let bestMargin = -Infinity;
    let bestHead: 'intent' | 'directive' = 'intent';
    for (let u = 0; u < scorer.count; u++) {
      const zi = scorer.intent[u]!;
      if (zi > maxIntent) maxIntent = zi;
      let margin = zi - th.intent;
      let head: 'intent' | 'directive' = 'intent';
      if (useDirective) {
        const zd = taskAware(p, scorer.directive[u]!, scorer.relatedness[u]!);
        if (zd > maxDirective) maxDirective = zd;
        if (zd - dirTh > margin) {
          margin = zd - dirTh;
          head = 'directive';
        }
      }
      if (margin > bestMargin + 1e-9) {
        bestMargin = margin;
        bestUnit = u;
        bestHead = head;
      }
    }
    if (bestUnit >= 0) {
      // Evidence: the window's best single segment when a window won, so the span stays tight.
      const f = scorer.first[bestUnit]!;
      const k = scorer.size[bestUnit]!;
      let evidence = f;
      if (k > 1) {
        let top = -Infinity;
        for (let u = 0; u < scorer.count; u++) {
          if (scorer.size[u]! !== 1 || scorer.first[u]! < f || scorer.first[u]! >= f + k) continue;
          const z = bestHead === 'intent' ? scorer.intent[u]! : taskAware(p, scorer.directive[u]!, scorer.relatedness[u]!);
          if (z > top) {
            top = z;
            evidence = scorer.first[u]!;
          }
        }
      }
      best = {
        margin: bestMargin, maxIntent: 0, maxDirective: 0, start: segs.start(evidence), end: segs.end(evidence), head: bestHead,
        relatedness: scorer.relatedness[bestUnit]!,
      };
    }
    if (best) {
      best.maxIntent = maxIntent;
      best.maxDirective = maxDirective;
    }
    return best;
  }
}

function wholeText(text: string, out: SpanList): SpanList {
  out.clear();
  const start = text.search(/\S/);
  if (start >= 0) out.push(start, text.trimEnd().length);
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
