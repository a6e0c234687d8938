/**
 * Report section for robustness (issue 4, item 7): the engine as shipped — signatures, decoders and
 * the semantic model together — on held-out corpus attacks and their obfuscated variants (base64,
 * hex, URL, ROT13, leetspeak, spaced and dotted letters, homoglyphs, zero-width and tag characters,
 * HTML comments, display:none, 50 KB of filler, team-written translations). The corpus is part of the
 * repository, so this runs without ../shared. The semantic section's table is the model alone.
 */
import { attackSources, measureMutations, mutationMarkdown } from '../../../scripts/mutate.ts';
import type { EvalSection, SectionMetrics } from './types.ts';

/** Held-out attacks mutated per run: 400 x 14 families keeps the section to a few seconds. */
const kAttacks = 400;

export const mutationsSection: EvalSection = {
  id: 'mutations',
  title: 'Robustness: catch rate per obfuscation family (full engine)',
  async run(ctx) {
    const attacks = attackSources(process.cwd(), [], true).slice(0, kAttacks);
    if (attacks.length === 0) return null;
    const rows = await measureMutations((input) => ctx.engine.scan(input), attacks);
    const base = rows.find((r) => r.family === 'none');
    const metrics: SectionMetrics = {};
    let worst = 0;
    for (const r of rows) {
      if (r.family.startsWith('translation:')) continue;
      const rate = r.caught / r.scanned;
      metrics[`${r.family}.catchRate`] = Math.round(rate * 10000) / 10000;
      if (base && r.family !== 'none') {
        const delta = (rate - base.caught / base.scanned) * 100;
        metrics[`${r.family}.deltaPts`] = Math.round(delta * 10) / 10;
        worst = Math.min(worst, delta);
      }
    }
    metrics.worstDeltaPts = Math.round(worst * 10) / 10;
    const note = `${attacks.length} attacks from the corpus groups the trainer held out, each in its own context and with its task; translations are the team-written set in src/model/mutations.ts (their author also wrote the multilingual signatures, so that row is optimistic).`;
    return { metrics, markdown: `${note}\n\n${mutationMarkdown(rows)}`, details: rows };
  },
};
