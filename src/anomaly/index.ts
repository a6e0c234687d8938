/**
 * Anomaly statistics: streaming detectors for many series (state in the stats WASM module), the
 * market-data guard, and the behaviour/model monitors that feed the action guard's kill switch.
 *
 * @example
 * import { createMarketGuard, createBehaviourMonitor, tripToGuard } from './anomaly/index.ts';
 * const market = createMarketGuard();
 * const guard = createGuard({ publicKey, referencePriceCheck: market.referencePriceCheck });
 * const monitor = createBehaviourMonitor({ onTrip: tripToGuard(guard) });
 */
export {
  SeriesDetector,
  createSeriesDetector,
  MASK_INVALID,
  type SeriesPoint,
  type PointScore,
  type AnomalyFinding,
  type SeriesDetectorOptions,
} from './series-detector.ts';
export { DETECTOR_NAMES, type DetectorName } from './detector-names.ts';
export {
  MarketGuard,
  createMarketGuard,
  type MarketTick,
  type MarketObservation,
  type MarketFinding,
  type MarketGuardOptions,
  type ReferenceVerdict,
} from './market-guard.ts';
export {
  BehaviourMonitor,
  createBehaviourMonitor,
  tripToGuard,
  type TripEvent,
  type TripAction,
  type OrderEvent,
  type ModelMetric,
  type BehaviourObservation,
  type BehaviourMonitorOptions,
  type KillSwitch,
} from './behaviour-monitor.ts';
