/**
 * The leak families' signature pack files (corpus/signatures/secrets.json and pii.json) are generated from
 * the anchored rule table, so the engine's DFA anchors and the confirmers can never drift apart.
 * Regenerate with: npx tsx src/leak/pack-json.ts --write
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ANCHORED_RULES } from './rules.ts';

export interface LeakPackFile {
  family: 'secret' | 'pii';
  version: string;
  signatures: Array<{
    id: string;
    family: 'secret' | 'pii';
    rule: string;
    owasp: 'LLM02';
    severity: string;
    anchors: string[];
    validator: string;
    description: string;
    variants: [];
  }>;
}

export const LEAK_PACK_VERSION = '1';

export function leakPackFiles(): { secrets: LeakPackFile; pii: LeakPackFile } {
  const build = (family: 'secret' | 'pii'): LeakPackFile => ({
    family,
    version: LEAK_PACK_VERSION,
    signatures: ANCHORED_RULES.filter((r) => r.family === family).map((r) => ({
      id: r.id,
      family: r.family,
      rule: r.rule,
      owasp: 'LLM02',
      severity: r.severity,
      anchors: [...r.anchors],
      // The confirmer is looked up by signature id (see detect.ts); `validator` names it for readers.
      validator: r.rule,
      description: r.description,
      // Leak anchors are literal token prefixes: no squeezed or rot13 variants.
      variants: [],
    })),
  });
  return { secrets: build('secret'), pii: build('pii') };
}

/** JSON text of a pack file as committed (one signature per line, stable order). */
export function packFileText(file: LeakPackFile): string {
  const lines = file.signatures.map((s) => '  ' + JSON.stringify(s));
  return `{\n "family": ${JSON.stringify(file.family)},\n "version": ${JSON.stringify(file.version)},\n "signatures": [\n${lines.join(',\n')}\n ]\n}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--write')) {
  const dir = new URL('../../corpus/signatures/', import.meta.url);
  const { secrets, pii } = leakPackFiles();
  writeFileSync(new URL('secrets.json', dir), packFileText(secrets));
  writeFileSync(new URL('pii.json', dir), packFileText(pii));
  process.stdout.write(`wrote secrets.json (${secrets.signatures.length} signatures) and pii.json (${pii.signatures.length})\n`);
}
