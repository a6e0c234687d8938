import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { decodePassport, issuePassport, parseSpec, signClaims, verifyPassport } from '../../src/guard/passport.ts';
import { baseSpec, codes, fakeClock, keys, order, passportFor, testGuard } from './helpers.ts';

describe('passport tokens', () => {
  it('round-trips: a freshly issued passport verifies and carries the spec', () => {
    const clock = fakeClock();
    const token = passportFor(clock);
    expect(token).toMatch(/^tg1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const result = verifyPassport(token, keys.publicKey, clock.now() / 1000);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.passport.claims.agent).toBe('bot-1');
    expect(result.passport.claims.exp - result.passport.claims.iat).toBe(3600);
    expect(result.passport.chain).toHaveLength(1);
  });

  it('denies a tampered passport with bad_signature', async () => {
    const clock = fakeClock();
    const token = passportFor(clock);
    const [prefix, payload, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.limits.max_order_qty = 1_000_000; // the agent tries to widen its own authority
    const forged = `${prefix}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
    const d = await testGuard(clock).authorize(order({}), { passport: forged, referencePrice: 100 });
    expect(d.verdict).toBe('deny');
    expect(codes(d)).toEqual(['passport.bad_signature']);
    expect(d.reasons[0]!.message).toMatch(/altered or forged/);
  });

  it('denies an expired passport, naming the expiry', async () => {
    const clock = fakeClock();
    const token = passportFor(clock, { ttl_s: 60 });
    const guard = testGuard(clock);
    expect((await guard.authorize(order({}), { passport: token, referencePrice: 100 })).verdict).toBe('allow');
    clock.advance(61_000);
    const d = await guard.authorize(order({ qty: 11 }), { passport: token, referencePrice: 100 });
    expect(d.verdict).toBe('deny');
    expect(codes(d)).toEqual(['passport.expired']);
    expect(d.reasons[0]!.message).toMatch(/expired at 20\d\d-/);
  });

  it('denies a passport signed by another key (unknown_key), and one that forges the kid (bad_signature)', async () => {
    const clock = fakeClock();
    const other = generateKeyPairSync('ed25519');
    const foreign = passportFor(clock, {}, other.privateKey);
    const guard = testGuard(clock);
    const d = await guard.authorize(order({}), { passport: foreign, referencePrice: 100 });
    expect(codes(d)).toEqual(['passport.unknown_key']);
    // Same foreign key, but the payload claims the trusted kid: the signature check still catches it.
    const { claims } = decodePassport(passportFor(clock));
    const forged = signClaims({ ...claims, jti: 'forged-jti' }, other.privateKey);
    expect(codes(await guard.authorize(order({}), { passport: forged, referencePrice: 100 }))).toEqual(['passport.bad_signature']);
  });

  it('denies malformed tokens with a reason, never throws', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    for (const bad of ['', 'abc', 'tg1.xx.yy', 'tg2.a.b', `tg1.${Buffer.from('{"v":1}').toString('base64url')}.AAAA`]) {
      const d = await guard.authorize(order({}), { passport: bad });
      expect(d.verdict).toBe('deny');
      expect(codes(d)).toEqual(['passport.malformed']);
    }
  });

  it('spec validation names the bad field', () => {
    const good = JSON.parse(JSON.stringify(baseSpec()));
    expect(() => parseSpec({ ...good, agent: 7 })).toThrow(/spec\.agent must be a non-empty string, got 7/);
    expect(() => parseSpec({ ...good, limits: { max_order_qty: -1 } })).toThrow(/spec\.limits\.max_order_qty must be a finite number >= 0, got -1/);
    expect(() => parseSpec({ ...good, limits: { max_qty: 1 } })).toThrow(/spec\.limits\.max_qty is not a known limit/);
    expect(() => parseSpec({ ...good, scopes: { ...good.scopes, tools: 'place_order' } })).toThrow(/spec\.scopes\.tools must be an array/);
    expect(() => parseSpec({ ...good, ttl_s: '1h' })).toThrow(/spec\.ttl_s must be a number of seconds, got "1h"/);
    expect(() => parseSpec({ ...good, scopes: { tools: [], accounts: [] } })).toThrow(/spec\.scopes\.symbols must be an array/);
  });

  it('lenient parsing reports unknown names and leaves them out, which can only narrow; aliases fold in', () => {
    const good = JSON.parse(JSON.stringify(baseSpec()));
    const warnings: string[] = [];
    const { max_position: _dropped, ...limits } = good.limits;
    const spec = parseSpec(
      { ...good, scopes: { tools: ['place_order'], accounts: ['ACC1'], instruments: ['AAPL'], withdraw_allowlist: ['bc1-x'], desks: ['d1'] }, limits: { ...limits, max_postion: 10 } },
      { onUnknown: (m) => warnings.push(m) },
    );
    expect(warnings).toEqual([expect.stringMatching(/spec\.scopes\.desks is not a known scope/), expect.stringMatching(/spec\.limits\.max_postion is not a known limit/)]);
    expect(spec.scopes).toEqual({ tools: ['place_order'], accounts: ['ACC1'], symbols: ['AAPL'], withdraw_addresses: ['bc1-x'] });
    expect(spec.limits.max_position).toBeUndefined(); // the misspelt limit is absent, so orders are refused
  });

  it('an already expired passport (ttl_s <= 0) can be minted and is denied as expired', async () => {
    const clock = fakeClock();
    const d = await testGuard(clock).authorize(order({}), { passport: passportFor(clock, { ttl_s: 0 }), referencePrice: 100 });
    expect(codes(d)).toEqual(['passport.expired']);
  });
});

describe('delegation', () => {
  it('accepts a child that only narrows its parent and checks the whole chain', async () => {
    const clock = fakeClock();
    const parent = passportFor(clock);
    const child = issuePassport(
      { ...baseSpec(), agent: 'sub-bot', scopes: { tools: ['place_order'], accounts: ['ACC1'], symbols: ['AAPL'] }, limits: { ...baseSpec().limits, max_order_qty: 10 }, budget: 50, ttl_s: 600, parent },
      keys.privateKey,
      { nowS: clock.now() / 1000 },
    );
    const result = verifyPassport(child, keys.publicKey, clock.now() / 1000);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.passport.chain).toHaveLength(2);
    const guard = testGuard(clock);
    expect((await guard.authorize(order({ qty: 10 }), { passport: child, referencePrice: 100 })).verdict).toBe('allow');
    // The child's own narrower limit applies, not the parent's.
    expect(codes(await guard.authorize(order({ qty: 11 }), { passport: child, referencePrice: 100 }))).toContain('limit.order_qty');
    // Tools the child dropped are refused even though the parent had them.
    expect(codes(await guard.authorize({ tool: 'withdraw', args: { asset: 'USD', amount: 1, address: 'bc1-known' } }, { passport: child }))).toEqual(['scope.tool']);
  });

  it("a child that omits session and decay inherits its parent's instead of being refused", async () => {
    const clock = fakeClock();
    const parent = passportFor(clock, { session: 'trace-7', decay: { per_hour: 50 } });
    const child = issuePassport({ ...baseSpec(), parent }, keys.privateKey, { nowS: clock.now() / 1000 });
    expect(decodePassport(child).claims).toMatchObject({ session: 'trace-7', decay: { per_hour: 50 } });
    expect((await testGuard(clock).authorize(order({}), { passport: child, referencePrice: 100 })).verdict).toBe('allow');
    const looser = issuePassport({ ...baseSpec(), decay: { per_hour: 1 }, parent }, keys.privateKey, { nowS: clock.now() / 1000 });
    const d = await testGuard(clock).authorize(order({}), { passport: looser, referencePrice: 100 });
    expect(d.reasons[0]!.message).toMatch(/decay\.per_hour 1 is below parent's 50/);
  });

  it('denies a child passport wider than its parent, naming each widening', async () => {
    const clock = fakeClock();
    const parent = passportFor(clock, { scopes: { tools: ['place_order'], accounts: ['ACC1'], symbols: ['AAPL'] } });
    const child = issuePassport(
      { ...baseSpec(), scopes: { tools: ['place_order', 'withdraw'], accounts: ['ACC1'], symbols: ['AAPL', 'TSLA'] }, limits: { ...baseSpec().limits, max_order_qty: 5_000 }, parent },
      keys.privateKey,
      { nowS: clock.now() / 1000 },
    );
    const d = await testGuard(clock).authorize(order({ qty: 1 }), { passport: child, referencePrice: 100 });
    expect(d.verdict).toBe('deny');
    expect(codes(d)).toEqual(['passport.delegation_widened']);
    const msg = d.reasons[0]!.message;
    expect(msg).toMatch(/scopes\.tools adds "withdraw"/);
    expect(msg).toMatch(/scopes\.symbols adds "TSLA"/);
    expect(msg).toMatch(/limits\.max_order_qty 5000 exceeds parent's 100/);
  });

  it('denies a child that sets a limit its parent omits (omitted = refused), or outlives its parent', async () => {
    const clock = fakeClock();
    const limits = { ...baseSpec().limits };
    delete limits.max_withdrawal;
    const parent = passportFor(clock, { limits, ttl_s: 60 });
    const child = issuePassport({ ...baseSpec(), ttl_s: 3600, parent }, keys.privateKey, { nowS: clock.now() / 1000 });
    const d = await testGuard(clock).authorize(order({}), { passport: child, referencePrice: 100 });
    expect(d.reasons[0]!.message).toMatch(/limits\.max_withdrawal is set \(10000\) but the parent refuses it/);
    expect(d.reasons[0]!.message).toMatch(/expires after its parent/);
  });

  it('denies a child whose parent has expired or was signed by another key', async () => {
    const clock = fakeClock();
    const other = generateKeyPairSync('ed25519');
    const foreignParent = passportFor(clock, {}, other.privateKey);
    const child = issuePassport({ ...baseSpec(), parent: foreignParent }, keys.privateKey, { nowS: clock.now() / 1000 });
    const d = await testGuard(clock).authorize(order({}), { passport: child, referencePrice: 100 });
    expect(codes(d)).toEqual(['passport.parent_invalid']);
    expect(d.reasons[0]!.observed).toBe('passport.unknown_key');
  });
});

describe('replay and revocation', () => {
  it('binds a jti to its first payload: a re-issued passport with the same jti and other contents is refused', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const original = passportFor(clock);
    expect((await guard.authorize(order({}), { passport: original, referencePrice: 100 })).verdict).toBe('allow');
    const { claims } = decodePassport(original);
    const twin = signClaims({ ...claims, budget: claims.budget + 1 }, keys.privateKey);
    const d = await guard.authorize(order({ qty: 12 }), { passport: twin, referencePrice: 100 });
    expect(codes(d)).toEqual(['passport.replayed']);
    // The original keeps working: presenting a passport again is normal use, not replay.
    expect((await guard.authorize(order({ qty: 13 }), { passport: original, referencePrice: 100 })).verdict).toBe('allow');
  });

  it('a spec nonce becomes the passport id: two different passports minted with one nonce are a replay', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const spec = JSON.parse(JSON.stringify(baseSpec()));
    const first = issuePassport(parseSpec({ ...spec, nonce: 'op-0001' }), keys.privateKey, { nowS: clock.now() / 1000 });
    expect(decodePassport(first).claims.jti).toBe('op-0001');
    expect((await guard.authorize(order({}), { passport: first, referencePrice: 100 })).verdict).toBe('allow');
    const second = issuePassport(parseSpec({ ...spec, nonce: 'op-0001', budget: 5 }), keys.privateKey, { nowS: clock.now() / 1000 });
    expect(codes(await guard.authorize(order({ qty: 12 }), { passport: second, referencePrice: 100 }))).toEqual(['passport.replayed']);
  });

  it('refuses a request nonce used twice with the same passport', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const token = passportFor(clock);
    expect((await guard.authorize(order({}), { passport: token, referencePrice: 100, nonce: 'n-1' })).verdict).toBe('allow');
    clock.advance(5_000);
    const d = await guard.authorize(order({ qty: 11 }), { passport: token, referencePrice: 100, nonce: 'n-1' });
    expect(codes(d)).toEqual(['request.replayed']);
    expect((await guard.authorize(order({ qty: 11 }), { passport: token, referencePrice: 100, nonce: 'n-2' })).verdict).toBe('allow');
  });

  it('refuses a revoked passport and every child of it', async () => {
    const clock = fakeClock();
    const guard = testGuard(clock);
    const parent = passportFor(clock);
    const child = issuePassport({ ...baseSpec(), parent }, keys.privateKey, { nowS: clock.now() / 1000 });
    await guard.revoke(decodePassport(parent).claims.jti, 'agent compromised');
    for (const token of [parent, child]) {
      const d = await guard.authorize(order({}), { passport: token, referencePrice: 100 });
      expect(codes(d)).toEqual(['passport.revoked']);
      expect(d.reasons[0]!.message).toMatch(/agent compromised/);
    }
  });
});
