/**
 * The semantic scorer's public surface for the engine: load once (synchronously, per worker), then
 * `model.score({ text, context, task })`. `decodeSpans` is exported for the scan pipeline too.
 *
 * @example
 * const model = loadSemanticModelSync();
 * const r = model.score({ text: doc, context: 'retrieved_doc', task: 'Summarize this filing' });
 * if (r.flagged) findings.push(...r.findings);
 */
import { SemanticModel } from './model.ts';

export { SemanticModel, weightsDir } from './model.ts';
export type { ContextThresholds, ModelParams, NearestAttack, ScoreOptions, ScoreRequest, SemanticScore, TopUnit } from './model.ts';
export { decodeSpans } from './decode.ts';
export type { DecodedSpan, DecodeOptions, Encoding } from './decode.ts';
export { segmentText } from './segment.ts';

let shared: SemanticModel | undefined;

/** Loads the shipped model once per thread (WASM instance + 2 MB of weights); later calls return the same one. */
export function loadSemanticModelSync(dir?: string): SemanticModel {
  if (dir !== undefined) return SemanticModel.loadSync(dir);
  shared ??= SemanticModel.loadSync();
  return shared;
}

export async function loadSemanticModel(dir?: string): Promise<SemanticModel> {
  return loadSemanticModelSync(dir);
}
