/**
 * Registry of pluggable report sections, run in this order after the main evaluation.
 * To add one: write src/eval/sections/<name>.ts exporting an `EvalSection`, then add ONE line below.
 */
import type { EvalSection } from './types.ts';
import { semanticSection } from './semantic.ts';
import { mutationsSection } from './mutations.ts';

export const kSections: EvalSection[] = [
  // e.g. secretsSection, // src/eval/sections/secrets.ts (leak engineer)
  semanticSection, // src/eval/sections/semantic.ts (semantic engineer)
  mutationsSection, // src/eval/sections/mutations.ts (full engine per obfuscation family)
];
