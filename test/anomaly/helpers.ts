/** Deterministic random numbers for synthetic series (tests must be reproducible). */
export function rng(seed = 42): { uniform: () => number; normal: () => number } {
  let s = seed >>> 0;
  const uniform = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
  const normal = (): number => {
    // Box-Muller
    const u = uniform();
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return { uniform, normal };
}

export const T0 = Date.UTC(2026, 0, 5, 0, 0, 0); // a Monday
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
