/**
 * Seeded PRNG (sfc32) and the template filler the corpus generator is built on. Everything random
 * in the generator goes through one `Rng`, so a seed fixes every byte of the output.
 */
export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** A derived generator, so one part of the corpus can change without shifting every other part. */
  fork(label: string): Rng {
    let h = 0x811c9dc5;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    return new Rng((h ^ Math.floor(this.next() * 4294967296)) >>> 0);
  }
}

/** A slot is a list of alternatives (each may contain further {slots}) or a function of the rng. */
export type Slot = readonly string[] | ((rng: Rng) => string);
export type Slots = Record<string, Slot>;

/**
 * Replaces every {name} in `template` by a random alternative of slot `name`, recursively (an
 * alternative may itself hold slots). `{name}` with no such slot is an error: a typo in a template
 * must fail generation, not leak braces into the corpus. `{name:Cap}` capitalizes the first letter.
 */
export function fill(rng: Rng, template: string, slots: Slots, depth = 0): string {
  if (depth > 8) throw new Error(`template nests too deep: ${template.slice(0, 60)}`);
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)(:Cap)?\}/g, (_m, name: string, cap: string | undefined) => {
    const slot = slots[name];
    if (slot === undefined) throw new Error(`template names unknown slot {${name}}: ${template.slice(0, 80)}`);
    const raw = typeof slot === 'function' ? slot(rng) : rng.pick(slot);
    const value = fill(rng, raw, slots, depth + 1);
    return cap ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  });
}
