/**
 * The JSON wire form of the guard, shared by `tollgate authorize` and any server: one input
 * object in, one output object out. Request lines decide an action; control lines (`"control"`)
 * drive kill switches, revocation, fills and taint. Field names are snake_case on the wire.
 */
import type { Context } from '../types.ts';
import { CONTEXTS } from '../types.ts';
import type { Guard } from './guard.ts';
import type { Action, AuthorizeContext, Decision, KillScope } from './types.ts';

export interface WireOptions {
  /** `resume` loosens a kill switch, so it is refused unless the operator enabled it. */
  allowResume?: boolean;
}

/** Handles one parsed line; throws (the line becomes `{"id","error"}`) when the line is malformed. */
export function handleWireLine(guard: Guard, value: unknown, lineNo: number, options: WireOptions = {}): Promise<Record<string, unknown>> | Record<string, unknown> {
  const line = expectObject(value, 'line');
  const id = line.id === undefined ? lineNo : line.id;
  if (typeof id !== 'string' && typeof id !== 'number') throw new Error(`id must be a string or number, got ${JSON.stringify(id)}`);
  if (line.control !== undefined) return handleControl(guard, line, id, options);

  if (typeof line.passport !== 'string' || line.passport === '') {
    throw new Error(`passport must be a token string, got ${describe(line.passport)}`);
  }
  const actionIn = expectObject(line.action, 'action');
  if (typeof actionIn.tool !== 'string' || actionIn.tool === '') throw new Error(`action.tool must be a non-empty string, got ${describe(actionIn.tool)}`);
  if (actionIn.args !== undefined) expectObject(actionIn.args, 'action.args');
  const action: Action = { tool: actionIn.tool, args: (actionIn.args as Record<string, unknown> | undefined) ?? {} };
  if (actionIn.allow_restrict === true) action.allow_restrict = true;

  const ctx: AuthorizeContext = { passport: line.passport.trim(), requestId: String(id) };
  if (line.reference_price !== undefined && line.reference_price !== null) {
    if (typeof line.reference_price !== 'number' || !Number.isFinite(line.reference_price) || line.reference_price <= 0) {
      throw new Error(`reference_price must be a number > 0, got ${describe(line.reference_price)}`);
    }
    ctx.referencePrice = line.reference_price;
  }
  if (line.session !== undefined) ctx.session = expectString(line.session, 'session');
  if (line.nonce !== undefined) ctx.nonce = expectString(line.nonce, 'nonce');
  if (line.allow_restrict !== undefined) {
    if (typeof line.allow_restrict !== 'boolean') throw new Error(`allow_restrict must be true or false, got ${describe(line.allow_restrict)}`);
    ctx.allowRestrict = line.allow_restrict;
  }
  return guard.authorize(action, ctx).then((d) => decisionToWire(id, d));
}

/** `{"id","verdict","reasons","remaining","order_id"?,"modified_action"?}` */
export function decisionToWire(id: string | number, d: Decision): Record<string, unknown> {
  const out: Record<string, unknown> = { id, verdict: d.verdict, reasons: d.reasons, remaining: d.remaining };
  if (d.orderId !== undefined) out.order_id = d.orderId;
  if (d.modifiedAction !== undefined) out.modified_action = d.modifiedAction;
  return out;
}

function handleControl(guard: Guard, line: Record<string, unknown>, id: string | number, options: WireOptions): Promise<Record<string, unknown>> | Record<string, unknown> {
  const control = line.control;
  switch (control) {
    case 'kill': {
      const scope = expectScope(line.scope);
      const target = scope === 'global' ? '*' : expectString(line.target, 'target');
      const why = line.reason === undefined ? 'operator command' : expectString(line.reason, 'reason');
      return guard.kill(scope, target, why).then(() => ({ id, control, ok: true, scope, target, open_orders: ordersFor(guard, scope, target) }));
    }
    case 'resume': {
      if (!options.allowResume) throw new Error('resume is refused: start authorize with --allow-resume to accept operator resumes on this stream');
      const scope = expectScope(line.scope);
      const target = scope === 'global' ? '*' : expectString(line.target, 'target');
      return guard.resume(scope, target).then(() => ({ id, control, ok: true, scope, target }));
    }
    case 'revoke': {
      const jti = expectString(line.jti, 'jti');
      const why = line.reason === undefined ? 'revoked by operator' : expectString(line.reason, 'reason');
      return guard.revoke(jti, why).then(() => ({ id, control, ok: true, jti }));
    }
    case 'list_orders': {
      const filter: { tenant?: string; agent?: string } = {};
      if (line.tenant !== undefined) filter.tenant = expectString(line.tenant, 'tenant');
      if (line.agent !== undefined) filter.agent = expectString(line.agent, 'agent');
      return { id, control, orders: guard.openOrders(filter) };
    }
    case 'status':
      return { id, control, kills: guard.kills(), open_orders: guard.openOrders().length };
    case 'fill': {
      const fill = { tenant: expectString(line.tenant, 'tenant'), orderId: expectString(line.order_id, 'order_id'), qty: line.qty as number, price: line.price as number };
      return guard.recordFill(fill).then(() => ({ id, control, ok: true, order_id: fill.orderId }));
    }
    case 'scan': {
      const session = expectString(line.session, 'session');
      const result = line.result === undefined ? line : expectObject(line.result, 'result');
      const context = (result.context ?? line.context) as Context | undefined;
      if (context !== undefined && !CONTEXTS.includes(context)) throw new Error(`context must be one of ${CONTEXTS.join(', ')}, got ${describe(context)}`);
      if (typeof result.flagged !== 'boolean') throw new Error(`flagged must be true or false, got ${describe(result.flagged)}`);
      if (result.findings !== undefined && !Array.isArray(result.findings)) throw new Error(`findings must be an array, got ${describe(result.findings)}`);
      const observation = { flagged: result.flagged, findings: (result.findings ?? []) as never[], ...(context ? { context } : {}) };
      return guard.recordScan(session, observation).then(() => ({ id, control, ok: true, session, tainted: result.flagged === true }));
    }
    case 'clear_taint': {
      const session = expectString(line.session, 'session');
      return guard.clearTaint(session).then(() => ({ id, control, ok: true, session }));
    }
    default:
      throw new Error(`control must be one of kill, resume, revoke, list_orders, status, fill, scan, clear_taint; got ${describe(control)}`);
  }
}

function ordersFor(guard: Guard, scope: KillScope, target: string): ReturnType<Guard['openOrders']> {
  if (scope === 'global') return guard.openOrders();
  if (scope === 'tenant') return guard.openOrders({ tenant: target });
  const slash = target.indexOf('/');
  return slash === -1 ? guard.openOrders({ agent: target }) : guard.openOrders({ tenant: target.slice(0, slash), agent: target.slice(slash + 1) });
}

function expectScope(value: unknown): KillScope {
  if (value !== 'agent' && value !== 'tenant' && value !== 'global') throw new Error(`scope must be agent, tenant or global, got ${describe(value)}`);
  return value;
}

function expectObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${what} must be a JSON object, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

function expectString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${what} must be a non-empty string, got ${describe(value)}`);
  return value;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const s = JSON.stringify(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
