import type { ScanExtensions } from './scanner.ts';

/**
 * The analyzers that run after the signature pass in every scan (leak validators, the semantic
 * model, decoders of encoded spans). Loaded once per thread.
 */
export function loadExtensions(): ScanExtensions {
  return {};
}
