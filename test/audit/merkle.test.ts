import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { MerkleFrontier, merkleRootOf, EMPTY_ROOT } from '../../src/audit/merkle.ts';
import { canonicalJson } from '../../src/audit/canonical-json.ts';

const h = (i: number): string => createHash('sha256').update(String(i)).digest('hex');

describe('MerkleFrontier', () => {
  it('matches the RFC 6962 recursion for every size up to 70', () => {
    const frontier = new MerkleFrontier();
    const leaves: string[] = [];
    expect(frontier.root()).toBe(EMPTY_ROOT);
    for (let i = 0; i < 70; i++) {
      leaves.push(h(i));
      frontier.add(h(i));
      expect(frontier.root()).toBe(merkleRootOf(leaves));
    }
  });

  it('changes the root when any leaf changes', () => {
    const leaves = Array.from({ length: 9 }, (_, i) => h(i));
    const root = merkleRootOf(leaves);
    for (let i = 0; i < leaves.length; i++) {
      const altered = [...leaves];
      altered[i] = h(100 + i);
      expect(merkleRootOf(altered)).not.toBe(root);
    }
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":1,"y":2}]},"b":1}');
  });
  it('refuses values JSON cannot represent, naming the path', () => {
    expect(() => canonicalJson({ score: NaN })).toThrow(/\$\.score is NaN/);
  });
});
