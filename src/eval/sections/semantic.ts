/**
 * Report section for the semantic scorer (issue 4): per-file results, ablation and mutation families.
 * The work is in src/model/evaluate.ts; this file only plugs it into `npm run eval`.
 */
import { semanticReport } from '../../model/evaluate.ts';
import type { EvalSection } from './types.ts';

export const semanticSection: EvalSection = {
  id: 'semantic',
  title: 'Semantic scorer: per file, ablation, mutations',
  async run(ctx) {
    if (!ctx.sharedPresent) return null;
    return semanticReport(process.cwd());
  },
};
