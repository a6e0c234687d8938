/**
 * Agent passports: Ed25519-signed credentials carrying scopes, limits, budget and expiry.
 *
 * Token format (version 1): `tg1.<base64url(payload JSON)>.<base64url(signature)>`, the signature
 * being Ed25519 over the ASCII bytes `tg1.<base64url(payload JSON)>`. A delegated passport embeds
 * its whole parent token in `parent`, so any verifier holding the public key can check the chain
 * offline, and checks that every link only narrows the one above it.
 */
import { createHash, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import type { DecayPolicy, GuardReason, PassportClaims, PassportLimits, PassportScopes, PassportSpec, VerifiedPassport } from './types.ts';
import { keyId } from './keys.ts';

const kPrefix = 'tg1';
/** Clock skew tolerated for `iat` in the future, in seconds. */
const kSkewS = 30;
/** Deepest delegation chain accepted; deeper chains are refused as malformed. */
const kMaxChainDepth = 8;

export const LIMIT_NAMES: readonly (keyof PassportLimits)[] = [
  'max_order_qty',
  'max_order_notional',
  'max_position',
  'max_daily_loss',
  'max_orders_per_second',
  'price_tolerance_pct',
  'max_messages_per_second',
  'duplicate_window_ms',
  'max_withdrawal',
  'max_transfer',
];
const kScopeNames: readonly (keyof PassportScopes)[] = ['tools', 'accounts', 'symbols', 'venues', 'withdraw_addresses'];
export const DEFAULT_DUPLICATE_WINDOW_MS = 1000;
export const DEFAULT_DECAY: Required<DecayPolicy> = { per_step: 1, per_risk: 1, per_hour: 10, threshold: 0 };

/** Other names operators use for a scope or limit; folded into the canonical name. */
const kScopeAliases: Record<string, keyof PassportScopes> = {
  instruments: 'symbols',
  withdrawal_addresses: 'withdraw_addresses',
  withdraw_allowlist: 'withdraw_addresses',
  allowed_addresses: 'withdraw_addresses',
};
const kLimitAliases: Record<string, keyof PassportLimits> = {
  max_withdrawal_amount: 'max_withdrawal',
  max_withdraw: 'max_withdrawal',
  max_transfer_amount: 'max_transfer',
  max_messages_per_s: 'max_messages_per_second',
  max_orders_per_s: 'max_orders_per_second',
};

export interface ParseSpecOptions {
  /**
   * Called for a scope, limit or decay name tollgate does not know, which is then left out. Without
   * it such a name is an error. Leaving one out never widens authority: a limit that is absent
   * refuses the action it governs, a scope that is absent allows nothing.
   */
  onUnknown?: (message: string) => void;
}

/** Checks an operator's spec and names the first bad field. */
export function parseSpec(value: unknown, options: ParseSpecOptions = {}): PassportSpec {
  const unknown = (message: string): void => {
    if (options.onUnknown === undefined) throw new Error(message);
    options.onUnknown(message);
  };
  const spec = expectRecord(value, 'spec');
  const agent = expectString(spec.agent, 'spec.agent');
  const tenant = expectString(spec.tenant, 'spec.tenant');
  const scopesIn = expectRecord(spec.scopes, 'spec.scopes');
  const lists: Partial<Record<keyof PassportScopes, string[]>> = {};
  for (const [rawName, v] of Object.entries(scopesIn)) {
    const name = kScopeAliases[rawName] ?? rawName;
    if (!(kScopeNames as string[]).includes(name)) {
      unknown(`spec.scopes.${rawName} is not a known scope (${kScopeNames.join(', ')})`);
      continue;
    }
    const list = expectStringList(v, `spec.scopes.${rawName}`);
    const key = name as keyof PassportScopes;
    lists[key] = [...(lists[key] ?? []), ...list];
  }
  const scopes: PassportScopes = {
    tools: lists.tools ?? expectStringList(undefined, 'spec.scopes.tools'),
    accounts: lists.accounts ?? expectStringList(undefined, 'spec.scopes.accounts'),
    symbols: lists.symbols ?? expectStringList(undefined, 'spec.scopes.symbols'),
  };
  if (lists.venues) scopes.venues = lists.venues;
  if (lists.withdraw_addresses) scopes.withdraw_addresses = lists.withdraw_addresses;
  const limitsIn = expectRecord(spec.limits, 'spec.limits');
  const limits: PassportLimits = {};
  for (const [rawName, v] of Object.entries(limitsIn)) {
    const name = kLimitAliases[rawName] ?? rawName;
    if (!(LIMIT_NAMES as string[]).includes(name)) {
      unknown(`spec.limits.${rawName} is not a known limit (${LIMIT_NAMES.join(', ')})`);
      continue;
    }
    if (v === null || v === undefined) continue;
    limits[name as keyof PassportLimits] = expectNonNegative(v, `spec.limits.${rawName}`);
  }
  const ttl = spec.ttl_s;
  if (typeof ttl !== 'number' || !Number.isFinite(ttl)) throw new Error(`spec.ttl_s must be a number of seconds, got ${JSON.stringify(ttl) ?? 'undefined'}`);
  const result: PassportSpec = {
    agent,
    tenant,
    scopes,
    limits,
    budget: expectNonNegative(spec.budget, 'spec.budget'),
    // ttl_s <= 0 mints an already expired passport: useless, but harmless (tests use it).
    ttl_s: ttl,
  };
  if (spec.session !== undefined) result.session = expectString(spec.session, 'spec.session');
  if (spec.decay !== undefined) {
    const d = expectRecord(spec.decay, 'spec.decay');
    const decay: DecayPolicy = {};
    for (const name of Object.keys(d)) {
      if (!(name in DEFAULT_DECAY)) {
        unknown(`spec.decay.${name} is not a known decay field (${Object.keys(DEFAULT_DECAY).join(', ')})`);
        continue;
      }
      decay[name as keyof DecayPolicy] = expectNonNegative(d[name], `spec.decay.${name}`);
    }
    result.decay = decay;
  }
  if (spec.parent !== undefined && spec.parent !== null) result.parent = expectString(spec.parent, 'spec.parent');
  // An operator-chosen passport id; `nonce` is accepted as another name for it.
  const jti = spec.jti ?? spec.nonce;
  if (jti !== undefined && jti !== null) result.jti = expectString(jti, spec.jti !== undefined ? 'spec.jti' : 'spec.nonce');
  return result;
}

/** Signs a passport for `spec`. The caller checks delegation with `widenings()` if it wants to warn. */
export function issuePassport(spec: PassportSpec, privateKey: KeyObject, options: { nowS?: number } = {}): string {
  const iat = Math.floor(options.nowS ?? Date.now() / 1000);
  if (spec.parent !== undefined) {
    // A child that says nothing about session or decay inherits the parent's, rather than being
    // refused for silently falling back to looser defaults.
    const parent = decodePassport(spec.parent).claims;
    if (spec.session === undefined && parent.session !== undefined) spec = { ...spec, session: parent.session };
    if (spec.decay === undefined && parent.decay !== undefined) spec = { ...spec, decay: parent.decay };
  }
  const claims: PassportClaims = {
    v: 1,
    jti: spec.jti ?? randomBytes(16).toString('base64url'),
    kid: keyId(privateKey),
    agent: spec.agent,
    tenant: spec.tenant,
    ...(spec.session !== undefined ? { session: spec.session } : {}),
    scopes: spec.scopes,
    limits: spec.limits,
    budget: spec.budget,
    ...(spec.decay !== undefined ? { decay: spec.decay } : {}),
    iat,
    exp: iat + spec.ttl_s,
    ...(spec.parent !== undefined ? { parent: spec.parent } : {}),
  };
  return signClaims(claims, privateKey);
}

/** Signs arbitrary claims (tests use it to build hostile passports). */
export function signClaims(claims: PassportClaims, privateKey: KeyObject): string {
  const head = `${kPrefix}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const signature = sign(null, Buffer.from(head), privateKey);
  return `${head}.${signature.toString('base64url')}`;
}

/** Decodes a token without verifying it (for `passport inspect`). Throws on a malformed token. */
export function decodePassport(token: string): { claims: PassportClaims; signed: Buffer; signature: Buffer; payload: Buffer } {
  if (typeof token !== 'string') throw new Error(`passport must be a string, got ${typeof token}`);
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== kPrefix) {
    throw new Error(`passport is not a ${kPrefix} token (expected 3 dot-separated parts starting "${kPrefix}.", got ${parts.length} parts)`);
  }
  const payload = Buffer.from(parts[1]!, 'base64url');
  let claims: unknown;
  try {
    claims = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new Error('passport payload is not valid JSON');
  }
  const c = expectRecord(claims, 'passport payload');
  if (c.v !== 1) throw new Error(`passport version ${String(c.v)} is not supported (expected 1)`);
  for (const name of ['jti', 'kid', 'agent', 'tenant'] as const) expectString(c[name], `passport.${name}`);
  expectRecord(c.scopes, 'passport.scopes');
  expectRecord(c.limits, 'passport.limits');
  for (const name of ['iat', 'exp', 'budget'] as const) {
    if (typeof c[name] !== 'number') throw new Error(`passport.${name} must be a number`);
  }
  return {
    claims: c as unknown as PassportClaims,
    signed: Buffer.from(`${parts[0]}.${parts[1]}`),
    signature: Buffer.from(parts[2]!, 'base64url'),
    payload,
  };
}

export type VerifyResult = { ok: true; passport: VerifiedPassport } | { ok: false; reason: GuardReason };

/**
 * Verifies signature, validity window and the delegation chain. Does not look at revocation or
 * replay: those need state and live in the guard.
 */
export function verifyPassport(token: string, publicKey: KeyObject, nowS: number, kid = keyId(publicKey)): VerifyResult {
  return verifyLink(token, publicKey, kid, nowS, 0);
}

function verifyLink(token: string, publicKey: KeyObject, kid: string, nowS: number, depth: number): VerifyResult {
  if (depth > kMaxChainDepth) return fail('passport.malformed', `delegation chain deeper than ${kMaxChainDepth}`);
  let decoded;
  try {
    decoded = decodePassport(token);
  } catch (err) {
    return fail('passport.malformed', (err as Error).message);
  }
  const { claims } = decoded;
  if (claims.kid !== kid) {
    return fail('passport.unknown_key', `passport ${claims.jti} was signed by key ${claims.kid}, not the trusted key ${kid}`, kid, claims.kid);
  }
  let valid = false;
  try {
    valid = verify(null, decoded.signed, publicKey, decoded.signature);
  } catch {
    valid = false;
  }
  if (!valid) return fail('passport.bad_signature', `passport ${claims.jti} signature does not verify: the token was altered or forged`);
  if (nowS >= claims.exp) {
    return fail('passport.expired', `passport ${claims.jti} expired at ${new Date(claims.exp * 1000).toISOString()}`, claims.exp, nowS);
  }
  if (claims.iat > nowS + kSkewS) {
    return fail('passport.not_yet_valid', `passport ${claims.jti} is issued in the future (iat ${claims.iat})`, nowS, claims.iat);
  }
  const digest = createHash('sha256').update(decoded.payload).digest('base64url');
  const link = { jti: claims.jti, budget: claims.budget, iat: claims.iat, exp: claims.exp, ...(claims.decay ? { decay: claims.decay } : {}) };
  if (claims.parent === undefined) return { ok: true, passport: { claims, digest, chain: [claims.jti], links: [link] } };

  const parent = verifyLink(claims.parent, publicKey, kid, nowS, depth + 1);
  if (!parent.ok) {
    return fail('passport.parent_invalid', `parent of passport ${claims.jti} is invalid: ${parent.reason.message}`, undefined, parent.reason.code);
  }
  const widened = widenings(claims, parent.passport.claims);
  if (widened.length > 0) {
    return fail('passport.delegation_widened', `passport ${claims.jti} asks for more than its parent: ${widened.join('; ')}`);
  }
  const { chain, links } = parent.passport;
  return { ok: true, passport: { claims, digest, chain: [...chain, claims.jti], links: [...links, link] } };
}

/**
 * Every way `child` is wider than `parent`, as readable strings; empty when it only narrows.
 * A limit the child omits is refused, hence always narrower; a limit the parent omits may not
 * appear in the child.
 */
export function widenings(child: Pick<PassportClaims, 'tenant' | 'scopes' | 'limits' | 'budget' | 'decay' | 'session'> & { exp?: number }, parent: PassportClaims): string[] {
  const out: string[] = [];
  if (child.tenant !== parent.tenant) out.push(`tenant "${child.tenant}" differs from parent's "${parent.tenant}"`);
  if (parent.session !== undefined && child.session !== parent.session) out.push(`session must stay "${parent.session}"`);
  for (const name of kScopeNames) {
    const mine = child.scopes[name] ?? [];
    const theirs = new Set(parent.scopes[name] ?? []);
    const extra = mine.filter((item) => !theirs.has(item));
    if (extra.length > 0) out.push(`scopes.${name} adds ${extra.map((x) => JSON.stringify(x)).join(', ')}`);
  }
  for (const name of LIMIT_NAMES) {
    const mine = child.limits[name];
    if (mine === undefined) continue;
    const theirs = parent.limits[name];
    if (name === 'duplicate_window_ms') {
      // A longer duplicate window refuses more, so only a shorter one widens.
      const parentWindow = theirs ?? DEFAULT_DUPLICATE_WINDOW_MS;
      if (mine < parentWindow) out.push(`limits.${name} ${mine} is shorter than parent's ${parentWindow}`);
      continue;
    }
    if (name === 'max_messages_per_second' && theirs === undefined && parent.limits.max_orders_per_second !== undefined) {
      const parentDefault = parent.limits.max_orders_per_second * 2;
      if (mine > parentDefault) out.push(`limits.${name} ${mine} exceeds parent's ${parentDefault}`);
      continue;
    }
    if (theirs === undefined) out.push(`limits.${name} is set (${mine}) but the parent refuses it`);
    else if (mine > theirs) out.push(`limits.${name} ${mine} exceeds parent's ${theirs}`);
  }
  if (child.budget > parent.budget) out.push(`budget ${child.budget} exceeds parent's ${parent.budget}`);
  if (child.exp !== undefined && child.exp > parent.exp) out.push(`expires after its parent (${child.exp} > ${parent.exp})`);
  const childDecay = { ...DEFAULT_DECAY, ...child.decay };
  const parentDecay = { ...DEFAULT_DECAY, ...parent.decay };
  for (const name of Object.keys(DEFAULT_DECAY) as (keyof DecayPolicy)[]) {
    if (childDecay[name] < parentDecay[name]) out.push(`decay.${name} ${childDecay[name]} is below parent's ${parentDecay[name]}`);
  }
  return out;
}

function fail(code: string, message: string, limit?: number | string, observed?: number | string): VerifyResult {
  const reason: GuardReason = { code, message, owasp: 'LLM06' };
  if (limit !== undefined) reason.limit = limit;
  if (observed !== undefined) reason.observed = observed;
  return { ok: false, reason };
}

function expectRecord(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${what} must be an object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`);
  }
  return value as Record<string, unknown>;
}

function expectString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${what} must be a non-empty string, got ${JSON.stringify(value) ?? 'undefined'}`);
  return value;
}

function expectStringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value)) throw new Error(`${what} must be an array of strings, got ${JSON.stringify(value) ?? 'undefined'}`);
  value.forEach((item, i) => expectString(item, `${what}[${i}]`));
  return value as string[];
}

function expectNonNegative(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`${what} must be a finite number >= 0, got ${JSON.stringify(value) ?? 'undefined'}`);
  }
  return value;
}

