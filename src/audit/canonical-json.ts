/**
 * Canonical JSON: object keys sorted by UTF-16 code unit order, no whitespace, `undefined`
 * members dropped. Two parties that agree on a value agree on its bytes, which is what a hash
 * chain needs: a record re-serialized by another tool (or another key order) still verifies.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', 0);
}

/** A value that has no canonical JSON form (NaN, a function, absurd nesting); `path` names where. */
export class CanonicalJsonError extends TypeError {
  override name = 'CanonicalJsonError';
  constructor(message: string, readonly path: string) {
    super(message);
  }
}

/** Deeper than this is refused: a record is flat by design, and recursion must not exhaust the stack. */
export const MAX_DEPTH = 64;

function write(value: unknown, path: string, depth: number): string {
  if (depth > MAX_DEPTH) throw new CanonicalJsonError(`canonicalJson: ${path} is nested deeper than ${MAX_DEPTH} levels`, path);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      // NaN/Infinity have no JSON form; silently writing null would make two values hash alike.
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`canonicalJson: ${path} is ${value}, which JSON cannot represent`, path);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return '[' + value.map((v, i) => write(v === undefined ? null : v, `${path}[${i}]`, depth + 1)).join(',') + ']';
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
      return '{' + keys.map((k) => JSON.stringify(k) + ':' + write(obj[k], `${path}.${k}`, depth + 1)).join(',') + '}';
    }
    default:
      throw new CanonicalJsonError(`canonicalJson: ${path} is a ${typeof value}, which JSON cannot represent`, path);
  }
}
