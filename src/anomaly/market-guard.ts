/**
 * Market-data guard: watches price/volume ticks per (source, symbol) and says whether a reference
 * price may be trusted for the action guard's price collars.
 *
 * Flags, per tick:
 *  - `market.price_jump`: the log return is beyond `priceJumpZ` EWMA standard deviations of that
 *    feed's own returns;
 *  - `market.volume_spike`: log volume beyond `volumeSpikeZ` robust (median/MAD) deviations;
 *  - `market.fake_breakout`: both at once on a thin symbol (typical volume under
 *    `lowLiquidityVolume`): the cheap way to manufacture a breakout that poisons models;
 *  - `market.source_divergence`: two fresh sources disagree by more than `divergenceTolerance`;
 *  - `market.out_of_order` / `market.duplicate`: a tick older than (or as old as) the feed's last one;
 *  - `market.feed_gap`: a tick after a silence longer than `staleAfterMs`.
 * A price-affecting finding quarantines the symbol for `quarantineMs`: `isReferenceTrusted` then
 * refuses reference prices for it (and any price far from the last trusted one), so a poisoned
 * print never becomes the yardstick an order is measured against.
 *
 * @example
 * const market = createMarketGuard();
 * market.observeMarket({ source: 'feedA', symbol: 'XYZ', ts: Date.now(), price: 10.02, volume: 300 });
 * const guard = createGuard({ publicKey, referencePriceCheck: market.referencePriceCheck });
 */
import { SeriesDetector } from './series-detector.ts';
import { positiveNumberOptions } from '../util/options.ts';

export interface MarketTick {
  source: string;
  symbol: string;
  /** ms since the epoch, or an ISO-8601 string */
  ts: number | string;
  price: number;
  /** traded volume in this tick / bar; optional */
  volume?: number;
}

export type MarketFindingId =
  | 'market.price_jump'
  | 'market.volume_spike'
  | 'market.fake_breakout'
  | 'market.source_divergence'
  | 'market.out_of_order'
  | 'market.duplicate'
  | 'market.feed_gap';

export interface MarketFinding {
  id: MarketFindingId;
  severity: 'low' | 'medium' | 'high' | 'critical';
  message: string;
  /** the statistic that fired and its threshold, where there is one */
  statistic?: string;
  value?: number;
  threshold?: number;
}

export interface MarketObservation {
  flagged: boolean;
  /** 0..1 */
  score: number;
  /** false when this tick's price must not be used as a reference */
  priceTrusted: boolean;
  findings: MarketFinding[];
}

export interface ReferenceVerdict {
  trusted: boolean;
  reason?: string;
}

export interface MarketGuardOptions {
  /** |return z| that counts as a jump. Default 6. */
  priceJumpZ?: number;
  /** robust z of log volume that counts as a spike. Default 5. */
  volumeSpikeZ?: number;
  /** A symbol whose typical (median) tick volume is below this is thin. Default 1,000. */
  lowLiquidityVolume?: number;
  /** Relative disagreement between fresh sources that is flagged. Default 0.005 (0.5%). */
  divergenceTolerance?: number;
  /** A feed silent longer than this is stale. Default 5,000 ms. */
  staleAfterMs?: number;
  /** How long a flagged symbol's prices stay untrusted. Default 60,000 ms. */
  quarantineMs?: number;
  /** Ticks a feed needs before its jumps are scored. Default 20. */
  warmupTicks?: number;
  /** Reference prices further than this from the last trusted price are refused. Default 0.05 (5%). */
  maxReferenceDeviation?: number;
  /** EWMA smoothing for return volatility. Default 0.05. */
  volatilityAlpha?: number;
  /** Clock for staleness checks in isReferenceTrusted; default Date.now. */
  now?: () => number;
}

const kDefaults = {
  priceJumpZ: 6,
  volumeSpikeZ: 5,
  lowLiquidityVolume: 1_000,
  divergenceTolerance: 0.005,
  staleAfterMs: 5_000,
  quarantineMs: 60_000,
  warmupTicks: 20,
  maxReferenceDeviation: 0.05,
  volatilityAlpha: 0.05,
};

interface FeedState {
  lastTs: number;
  lastPrice: number;
}

interface SymbolState {
  feeds: Map<string, FeedState>;
  /** last price that raised no price-affecting finding */
  lastTrustedPrice?: number;
  lastTrustedTs?: number;
  lastTs: number;
  quarantinedUntil: number;
  quarantineReason?: string;
}

const kSeverityScore = { low: 0.3, medium: 0.6, high: 0.85, critical: 1 } as const;

export class MarketGuard {
  readonly #o: typeof kDefaults;
  readonly #now: () => number;
  /** EWMA z of log returns, one series per source|symbol */
  readonly #returns: SeriesDetector;
  /** robust z of log(1 + volume), one series per source|symbol */
  readonly #volumes: SeriesDetector;
  readonly #symbols = new Map<string, SymbolState>();

  constructor(options: MarketGuardOptions = {}) {
    const o = positiveNumberOptions(kDefaults, options);
    this.#o = o;
    this.#now = options.now ?? Date.now;
    this.#returns = new SeriesDetector({
      detectors: ['ewma'],
      thresholds: { ewma: o.priceJumpZ },
      ewmaAlpha: o.volatilityAlpha,
      warmup: Math.round(o.warmupTicks),
      // a return of exactly zero variance would make any tick a jump: floor sigma at 1 basis point
      sigmaFloor: 1e-4,
      relativeSigmaFloor: 0,
      // one jump must not inflate the volatility enough to hide the next
      clipSigmas: 4,
    });
    this.#volumes = new SeriesDetector({
      detectors: ['robust'],
      thresholds: { robust: o.volumeSpikeZ },
      warmup: Math.round(o.warmupTicks),
      sigmaFloor: 0.05,
      relativeSigmaFloor: 0,
    });
  }

  /** Arrow property so it can be handed to createGuard({ referencePriceCheck }) as is. */
  readonly referencePriceCheck = (symbol: string, price: number): ReferenceVerdict => this.isReferenceTrusted(symbol, price);

  /** Scores one tick and updates the symbol's trust state. */
  observeMarket(tick: MarketTick): MarketObservation {
    const { source, symbol, price } = tick;
    if (typeof source !== 'string' || source === '') throw new TypeError(`tick.source must be a non-empty string, got ${JSON.stringify(source)}`);
    if (typeof symbol !== 'string' || symbol === '') throw new TypeError(`tick.symbol must be a non-empty string, got ${JSON.stringify(symbol)}`);
    if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0) throw new TypeError(`tick.price must be a positive number, got ${JSON.stringify(price)}`);
    const volume = tick.volume;
    if (volume !== undefined && (typeof volume !== 'number' || !Number.isFinite(volume) || volume < 0)) {
      throw new TypeError(`tick.volume must be a non-negative number, got ${JSON.stringify(volume)}`);
    }
    const ts = toEpochMs(tick.ts, 'tick.ts');
    const o = this.#o;
    const findings: MarketFinding[] = [];
    let sym = this.#symbols.get(symbol);
    if (sym === undefined) {
      sym = { feeds: new Map(), lastTs: ts, quarantinedUntil: -Infinity };
      this.#symbols.set(symbol, sym);
    }
    const feed = sym.feeds.get(source);
    const key = `${source}\u0000${symbol}`;

    if (feed !== undefined && ts <= feed.lastTs) {
      // never fold a late tick into the statistics: it would rewrite the recent past
      const late = ts < feed.lastTs;
      findings.push({
        id: late ? 'market.out_of_order' : 'market.duplicate',
        severity: 'medium',
        message: late
          ? `${source} ${symbol}: tick at ${new Date(ts).toISOString()} is older than the feed's last tick (${new Date(feed.lastTs).toISOString()})`
          : `${source} ${symbol}: second tick with timestamp ${new Date(ts).toISOString()}`,
      });
      return finish(findings, false);
    }
    if (feed !== undefined && ts - feed.lastTs > o.staleAfterMs) {
      findings.push({
        id: 'market.feed_gap',
        severity: 'low',
        message: `${source} ${symbol}: no tick for ${ts - feed.lastTs} ms (stale after ${o.staleAfterMs} ms)`,
        statistic: 'gap_ms',
        value: ts - feed.lastTs,
        threshold: o.staleAfterMs,
      });
    }

    // price jump against the feed's own return volatility
    let jump: MarketFinding | undefined;
    if (feed !== undefined) {
      const r = this.#returns.observe(key, ts, Math.log(price / feed.lastPrice));
      const f = r.findings[0];
      if (r.flagged && f !== undefined) {
        jump = {
          id: 'market.price_jump',
          severity: 'high',
          message: `${source} ${symbol}: price ${price} moved ${(100 * (price / feed.lastPrice - 1)).toFixed(2)}% from ${feed.lastPrice}, ${Math.abs(f.value).toFixed(1)} sigma of its recent returns`,
          statistic: 'return_z_vs_ewma_volatility',
          value: f.value,
          threshold: o.priceJumpZ,
        };
      }
    }

    // volume spike, and whether the symbol is thin
    let spike: MarketFinding | undefined;
    let thin = false;
    if (volume !== undefined) {
      const before = this.#volumes.hasSeries(key) ? this.#volumes.robustCentre(key).median : undefined;
      const r = this.#volumes.observe(key, ts, Math.log1p(volume));
      thin = before !== undefined && Math.expm1(before) < o.lowLiquidityVolume;
      const f = r.findings[0];
      if (r.flagged && f !== undefined && f.value > 0) {
        spike = {
          id: 'market.volume_spike',
          severity: 'medium',
          message: `${source} ${symbol}: volume ${volume} is ${f.value.toFixed(1)} robust deviations above its median${before !== undefined ? ` (${Math.round(Math.expm1(before))})` : ''}`,
          statistic: 'log_volume_robust_z',
          value: f.value,
          threshold: o.volumeSpikeZ,
        };
      }
    }
    if (jump && spike && thin) {
      findings.push({
        id: 'market.fake_breakout',
        severity: 'critical',
        message: `${source} ${symbol}: price jump with a volume spike in a thin market (typical volume under ${o.lowLiquidityVolume}): likely a manufactured breakout; price not trusted as a reference`,
        statistic: 'return_z_vs_ewma_volatility',
        value: jump.value!,
        threshold: o.priceJumpZ,
      });
    }
    if (jump) findings.push(jump);
    if (spike) findings.push(spike);

    // divergence from other fresh sources for the same symbol
    for (const [other, st] of sym.feeds) {
      if (other === source || ts - st.lastTs > o.staleAfterMs) continue;
      const mid = (price + st.lastPrice) / 2;
      const gap = Math.abs(price - st.lastPrice) / mid;
      if (gap > o.divergenceTolerance) {
        findings.push({
          id: 'market.source_divergence',
          severity: 'high',
          message: `${symbol}: ${source} says ${price}, ${other} says ${st.lastPrice} (${(100 * gap).toFixed(2)}% apart, tolerance ${(100 * o.divergenceTolerance).toFixed(2)}%)`,
          statistic: 'relative_gap',
          value: gap,
          threshold: o.divergenceTolerance,
        });
        break;
      }
    }

    sym.feeds.set(source, { lastTs: ts, lastPrice: price });
    sym.lastTs = Math.max(sym.lastTs, ts);
    const priceAffecting = findings.some((f) => f.id === 'market.price_jump' || f.id === 'market.fake_breakout' || f.id === 'market.source_divergence');
    if (priceAffecting) {
      sym.quarantinedUntil = ts + o.quarantineMs;
      sym.quarantineReason = findings.find((f) => f.id !== 'market.feed_gap' && f.id !== 'market.volume_spike')!.message;
    } else if (ts >= sym.quarantinedUntil) {
      sym.lastTrustedPrice = price;
      sym.lastTrustedTs = ts;
    }
    return finish(findings, !priceAffecting);
  }

  /**
   * Whether `price` may serve as the reference for `symbol` now. Refused when the symbol is in
   * quarantine after a jump, fake breakout or source divergence, when every feed for it is stale,
   * or when the price is further than maxReferenceDeviation from the last trusted print.
   * A symbol never observed is not vouched for: trusted, with a reason saying it was not checked.
   */
  isReferenceTrusted(symbol: string, price: number): ReferenceVerdict {
    if (typeof price !== 'number' || !Number.isFinite(price) || price <= 0) {
      return { trusted: false, reason: `reference price for ${symbol} is not a positive number: ${String(price)}` };
    }
    const sym = this.#symbols.get(symbol);
    if (sym === undefined) return { trusted: true, reason: `no market data observed for ${symbol}; not checked` };
    const now = this.#now();
    if (now < sym.quarantinedUntil) {
      return { trusted: false, reason: `market-data guard: ${symbol} quarantined until ${new Date(sym.quarantinedUntil).toISOString()}: ${sym.quarantineReason}` };
    }
    if (now - sym.lastTs > this.#o.staleAfterMs) {
      return { trusted: false, reason: `market-data guard: every feed for ${symbol} is stale (last tick ${now - sym.lastTs} ms ago, limit ${this.#o.staleAfterMs} ms)` };
    }
    if (sym.lastTrustedPrice === undefined) {
      return { trusted: false, reason: `market-data guard: no trusted print for ${symbol} yet` };
    }
    const dev = Math.abs(price / sym.lastTrustedPrice - 1);
    if (dev > this.#o.maxReferenceDeviation) {
      return {
        trusted: false,
        reason: `market-data guard: ${price} is ${(100 * dev).toFixed(2)}% from the last trusted ${symbol} print ${sym.lastTrustedPrice} (limit ${(100 * this.#o.maxReferenceDeviation).toFixed(2)}%)`,
      };
    }
    return { trusted: true };
  }
}

function finish(findings: MarketFinding[], priceTrusted: boolean): MarketObservation {
  let score = 0;
  for (const f of findings) score = Math.max(score, kSeverityScore[f.severity]);
  // a feed gap alone is informational: it does not flag the tick
  const flagged = findings.some((f) => f.id !== 'market.feed_gap');
  return { flagged, score: flagged ? score : Math.min(score, 0.3), priceTrusted, findings };
}

/** ms since the epoch from a number or an ISO-8601 string; the message names the bad value. */
export function toEpochMs(ts: unknown, what = 'ts'): number {
  if (typeof ts === 'number') {
    if (!Number.isFinite(ts)) throw new TypeError(`${what} must be a finite number of ms, got ${ts}`);
    return ts;
  }
  if (typeof ts === 'string') {
    const t = Date.parse(ts);
    if (Number.isNaN(t)) throw new TypeError(`${what} is not an ISO-8601 time or epoch ms: ${JSON.stringify(ts)}`);
    return t;
  }
  throw new TypeError(`${what} must be an ISO-8601 string or epoch ms, got ${ts === null ? 'null' : typeof ts}`);
}

export function createMarketGuard(options: MarketGuardOptions = {}): MarketGuard {
  return new MarketGuard(options);
}
