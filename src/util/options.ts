/**
 * Merges caller options over numeric defaults, refusing any value that is not a positive finite
 * number with a message naming the option (piscina-style: "options.x must be ...").
 */
export function positiveNumberOptions<T extends Record<string, number>>(defaults: T, options: Partial<Record<keyof T, unknown>>): T {
  const merged = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof T)[]) {
    const v = options[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new RangeError(`options.${String(key)} must be a positive number, got ${String(v)}`);
    merged[key] = v as T[keyof T];
  }
  return merged;
}
