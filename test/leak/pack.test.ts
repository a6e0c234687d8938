import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leakPackFiles, packFileText } from '../../src/leak/pack-json.ts';
import { anchoredRules } from '../../src/leak/detect.ts';

describe('leak signature packs', () => {
  it('the committed corpus/signatures/secrets.json and pii.json match the rule table (npx tsx src/leak/pack-json.ts --write)', () => {
    const { secrets, pii } = leakPackFiles();
    expect(readFileSync('corpus/signatures/secrets.json', 'utf8')).toBe(packFileText(secrets));
    expect(readFileSync('corpus/signatures/pii.json', 'utf8')).toBe(packFileText(pii));
  });
  it('every signature has lowercase anchors of 2+ characters, an LLM02 id and a confirmer', () => {
    const ids = new Set<string>();
    for (const r of anchoredRules()) {
      expect(ids.has(r.id), r.id).toBe(false);
      ids.add(r.id);
      expect(r.id).toMatch(/^(secret|pii)\.[a-z0-9-]+$/);
      for (const a of r.anchors) {
        expect(a.trim().length, `${r.id} ${a}`).toBeGreaterThanOrEqual(2);
        expect(a).toBe(a.toLowerCase());
      }
      expect(typeof r.confirm).toBe('function');
    }
  });
});
