/**
 * JSON Web Token structure check: a JOSE header that decodes (base64url) to a JSON object with a string
 * `alg` (and, if present, a string `typ`), and a payload that decodes to a JSON object (JWS) or, for five
 * parts, an encrypted token (JWE) whose header also names `enc`. `header.payload` without a signature
 * counts when both parts are JSON objects.
 */

/** Decodes base64url (or base64) without padding requirements; null when a character is invalid. */
export function base64UrlDecode(s: string): Buffer | null {
  if (!/^[A-Za-z0-9_\-+/]*={0,2}$/.test(s)) return null;
  return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function decodeJsonObject(part: string): Record<string, unknown> | null {
  const buf = base64UrlDecode(part);
  if (buf === null) return null;
  try {
    const v = JSON.parse(buf.toString('utf8')) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export interface JwtInfo {
  alg: string;
  typ?: string;
  /** `unsigned`: header and claims only (`header.payload`), as tokens are logged or built before signing. */
  kind: 'jws' | 'jwe' | 'unsigned';
}

/** Returns header facts when `token` is a structurally valid JWT, else null. */
export function checkJwt(token: string): JwtInfo | null {
  const parts = token.split('.');
  if (parts.length !== 2 && parts.length !== 3 && parts.length !== 5) return null;
  const header = decodeJsonObject(parts[0]!);
  if (header === null) return null;
  if (header.typ !== undefined && typeof header.typ !== 'string') return null;
  const typ = header.typ as string | undefined;
  // RFC 7515 requires `alg`; a header that only declares a JWT type (`{"typ":"JWT"}`) is still a token.
  if (typeof header.alg !== 'string' || header.alg.length === 0) {
    if (typ === undefined || !/^(?:jwt|jws|jwe|at\+jwt|jose(?:\+json)?|application\/jwt)$/i.test(typ)) return null;
    header.alg = 'unspecified';
  }
  const alg = header.alg as string;
  if (parts.length === 5) {
    if (typeof header.enc !== 'string') return null;
    return { alg, typ, kind: 'jwe' };
  }
  // Two parts: only a JSON claims object makes `header.payload` a token rather than two base64 words.
  if (parts.length === 2) return decodeJsonObject(parts[1]!) === null ? null : { alg, typ, kind: 'unsigned' };
  // JWT claims are a JSON object; a general JWS payload may be any bytes, but printable text at least.
  if (decodeJsonObject(parts[1]!) === null) {
    const raw = base64UrlDecode(parts[1]!);
    if (raw === null || raw.length === 0 || !/^[\x09\x0a\x0d\x20-\x7e]*$/.test(raw.toString('latin1'))) return null;
  }
  // A signed token has a signature unless alg is "none" (still a bearer credential, so still reported).
  if (parts[2]!.length === 0 && alg.toLowerCase() !== 'none') return null;
  return { alg, typ, kind: 'jws' };
}
