/** The corpus library: schema, validation, duplicate detection, reading/adding rows, stats. */
export { LABELS, DATA_CONTEXTS, validateSample, canonicalSample } from './sample.ts';
export type { CorpusSample, Label, FieldProblem, ValidateOptions } from './sample.ts';
export { kCorpusJsonSchema } from './schema.ts';
export { NEAR_DUPLICATE_JACCARD, normalizedTokens, exactHash, shingles, jaccard } from './fingerprint.ts';
export { DuplicateIndex, describeDuplicate, fingerprint } from './duplicate-index.ts';
export type { DuplicateMatch, Fingerprinted, IndexedText } from './duplicate-index.ts';
export { parseSampleLines, listCorpusFiles, readCorpus, validateCorpus, appendSamples, formatProblem } from './store.ts';
export type { RowProblem, ParsedRow, CorpusReport } from './store.ts';
export { addSamples, assignId } from './add.ts';
export type { AddOptions, AddResult } from './add.ts';
export { computeStats, formatStats } from './stats.ts';
export type { CorpusStats, LabelCounts } from './stats.ts';
