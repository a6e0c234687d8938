import type { ScanExtensions } from './scanner.ts';
import { confirmLeaks, scanUnanchored } from '../leak/index.ts';
import { decodeSpans, loadSemanticModelSync } from '../model/index.ts';

export interface ExtensionOptions {
  /** Run the learned semantic scorer (default true; it needs the shipped weights). */
  semantic?: boolean;
  /** Run leak validators on secret/pii anchor hits and the unanchored leak pass (default true). */
  leaks?: boolean;
  /** Decode base64/hex/URL/ROT13/tag spans and scan the decoded text too (default true). */
  decode?: boolean;
}

/**
 * The analyzers that run after the signature pass in every scan: leak validators, the semantic
 * model, and decoders of encoded spans. Loaded once per thread (a worker, or the inline engine).
 */
export function loadExtensions(options: ExtensionOptions = {}): ScanExtensions {
  const extensions: ScanExtensions = {};
  if (options.leaks !== false) {
    extensions.confirmLeaks = confirmLeaks;
    extensions.scanUnanchored = scanUnanchored;
  }
  if (options.decode !== false) extensions.decode = (text) => decodeSpans(text);
  if (options.semantic !== false) {
    const model = loadSemanticModelSync();
    extensions.semantic = (input) => {
      const r = model.score(input);  // input.decoded: spans the scanner already decoded
      return { score: r.score, findings: r.findings };
    };
  }
  return extensions;
}
