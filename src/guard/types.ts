/**
 * Types of the action guard: passports, actions, decisions. No runtime code here, so the CLI,
 * the engine and a future Redis store can import them cheaply.
 */
import type { Context, Finding, OwaspId, Verdict } from '../types.ts';

/** What a passport allows. Every list is explicit: an item not listed is refused. */
export interface PassportScopes {
  tools: string[];
  accounts: string[];
  symbols: string[];
  /** Venues an order may name. An order that names no venue passes this check. */
  venues?: string[];
  /** Withdrawal destinations known to the operator; any other address needs a human (challenge). */
  withdraw_addresses?: string[];
}

/**
 * Pre-trade limits. A limit that is absent refuses the action it governs (FIA practice), it
 * never means "unlimited". Optional extras default as documented in README.md.
 */
export interface PassportLimits {
  max_order_qty?: number;
  max_order_notional?: number;
  max_position?: number;
  max_daily_loss?: number;
  max_orders_per_second?: number;
  price_tolerance_pct?: number;
  /** All order messages (place, modify, cancel) per second; default 2 x max_orders_per_second. */
  max_messages_per_second?: number;
  /** Identical orders inside this window are refused as duplicates; default 1000 ms. */
  duplicate_window_ms?: number;
  max_withdrawal?: number;
  max_transfer?: number;
}

/** How authority decays: remaining = budget - per_step*steps - per_risk*risk - per_hour*hours. */
export interface DecayPolicy {
  per_step?: number;
  per_risk?: number;
  per_hour?: number;
  /** At or below this remaining budget the verdict becomes challenge. Default 0. */
  threshold?: number;
}

/** The operator's input to `passport issue`. */
export interface PassportSpec {
  agent: string;
  tenant: string;
  session?: string;
  scopes: PassportScopes;
  limits: PassportLimits;
  budget: number;
  ttl_s: number;
  decay?: DecayPolicy;
  /** The parent passport token this one is delegated from; the child may only narrow it. */
  parent?: string;
  /** Passport id (`nonce` in a spec file is accepted as another name); random when absent. */
  jti?: string;
}

/** The signed payload of a passport token. */
export interface PassportClaims {
  v: 1;
  /** Unique passport id (128 random bits, base64url). */
  jti: string;
  /** Key id: first 16 hex digits of SHA-256 over the signer's SPKI DER public key. */
  kid: string;
  agent: string;
  tenant: string;
  session?: string;
  scopes: PassportScopes;
  limits: PassportLimits;
  budget: number;
  decay?: DecayPolicy;
  /** Issued-at and expiry, seconds since the epoch. */
  iat: number;
  exp: number;
  /** Full parent token, so a verifier can check the whole delegation chain offline. */
  parent?: string;
}

/** A verified passport: the claims, their digest, and the verified chain from root to this one. */
export interface VerifiedPassport {
  claims: PassportClaims;
  /** SHA-256 (base64url) of the signed payload bytes; a jti reused with another digest is a replay. */
  digest: string;
  /** jti of every passport in the chain, root first, this one last. */
  chain: string[];
  /** Budget-relevant claims of every link, root first (each link's authority decays on its own). */
  links: Pick<PassportClaims, 'jti' | 'budget' | 'decay' | 'iat' | 'exp'>[];
}

/** A tool call the agent wants to make. */
export interface Action {
  tool: string;
  args?: Record<string, unknown>;
  /** The caller accepts a reduced action (e.g. a smaller quantity) instead of a refusal. */
  allow_restrict?: boolean;
}

/** Per-request context for `authorize`. */
export interface AuthorizeContext {
  passport: string;
  /** Reference price for the order's symbol (collar, notional of market orders). */
  referencePrice?: number;
  /** Trace/session id for taint; defaults to the passport's session. */
  session?: string;
  /** Single-use request nonce; a nonce seen before with the same passport is a replay. */
  nonce?: string;
  /** Caller-chosen id; used as the order id when the order carries none. */
  requestId?: string;
  allowRestrict?: boolean;
}

export interface GuardReason {
  code: string;
  message: string;
  owasp: OwaspId;
  limit?: number | string;
  observed?: number | string;
  /** For taint: the finding that tainted the session. */
  finding?: Pick<Finding, 'id' | 'family' | 'owasp' | 'severity' | 'evidence'> & { context?: Context };
}

export interface Remaining {
  /** Authority budget left on this passport after this decision. */
  budget?: number;
  /** Order quantity / notional still allowed on this symbol by max_position. */
  position?: number;
  /** New orders still allowed in the current one-second window. */
  orders_per_second?: number;
  /** Loss still allowed today on this account. */
  daily_loss?: number;
}

export interface Decision {
  verdict: Verdict;
  reasons: GuardReason[];
  remaining: Remaining;
  /** For `restrict`: the largest safe version of the action. */
  modifiedAction?: Action;
  /** Id under which an accepted order is tracked as working. */
  orderId?: string;
}

export type KillScope = 'agent' | 'tenant' | 'global';

/** Scan result fields the guard needs for trace taint (a ScanResult fits). */
export interface ScanObservation {
  flagged: boolean;
  findings: Finding[];
  context?: Context;
}

/** Says whether a reference price can be trusted (the market-data anomaly guard plugs in here). */
export type ReferencePriceCheck = (symbol: string, price: number) => { trusted: boolean; reason?: string };
