// tollgate statistics module: streaming anomaly detectors for many series at once.
//
// ABI (numbers only): the host calls `init(capacity, batchCapacity)`, writes up to batchCapacity
// points as three parallel arrays (slot i32, ts f64 ms, value f64) at inSlotPtr/inTsPtr/inValuePtr,
// calls `processBatch(count)`, and reads `count` output records of OUT_STRIDE bytes at outPtr:
// [score f32 in 0..1, fired mask u32, one f32 statistic per detector]. State lives in one block
// of RECORD_BYTES per slot; nothing is allocated per point.
import {
  RECORD_BYTES, OUT_STRIDE, DETECTORS, PARAMS,
  F_COUNT, F_LAST_TS, F_E_MEAN, F_E_VAR, F_C_MEAN, F_C_VAR, F_C_NEG, F_R_SEEN,
  F_MED_Q, F_MED_N, F_MAD_Q, F_MAD_N, F_SEASON, SEASON_BUCKETS, SEASON_STRIDE,
  D_WELFORD, D_EWMA, D_ROBUST, D_CUSUM, D_RATE, D_SEASONAL, D_SURPRISE,
  P_WARMUP, P_EWMA_ALPHA, P_CUSUM_ALPHA, P_CUSUM_K, P_T_WELFORD, P_T_EWMA, P_T_ROBUST, P_T_CUSUM,
  P_T_RATE, P_T_SEASONAL, P_RATE_WINDOW_MS, P_RATE_ALPHA, P_SEASON_ALPHA, P_SEASON_MIN,
  P_SIGMA_ABS, P_SIGMA_REL, P_ENABLED, P_CLIP, P_SEASON_MODE,
  P_FEED_MASK, P_S_LONG_ALPHA, P_S_SHORT_ALPHA, P_S_CLIP, P_T_SURPRISE, P_S_MIN, P_REFRACTORY,
} from './layout';
import { param, paramsBase, setParamValue, sigmaFloor } from './params';
import { welfordScore, welfordUpdate } from './welford';
import { ewmaScore, ewmaUpdate } from './ewma';
import { p2Add, p2Estimate } from './p2';
import { cusumStep } from './cusum';
import { rateStep } from './rate';
import { seasonalStep, seasonBucket } from './seasonal';
import { surpriseStep, surpriseMayAlert, surpriseAlerted } from './surprise';

export const S_ERR_SLOT: i32 = -1; // a point names a slot >= capacity
export const S_ERR_COUNT: i32 = -2; // count outside 0..batchCapacity
export const S_ERR_NOT_INIT: i32 = -3; // init() was not called
/** Output mask bit of a point skipped because its value or timestamp was not finite. */
export const MASK_INVALID: u32 = 0x80000000;

let stateBase: usize = 0;
/** Keeps the prefetch loads observable so the optimizer does not drop them. */
let prefetchSink: f64 = 0;
const PREFETCH_AHEAD: i32 = 4;
/** Seasonal bucket of each of the next PREFETCH_AHEAD points, computed once when it is prefetched. */
const bucketRing: usize = memory.data(PREFETCH_AHEAD << 2);
let capacity: i32 = 0;
let batchCap: i32 = 0;
let inSlot: usize = 0;
let inTs: usize = 0;
let inValue: usize = 0;
let out: usize = 0;

/** 1.4826 * MAD estimates sigma for normal data. */
const MAD_TO_SIGMA: f64 = 1.4826;

function setDefaults(): void {
  setParamValue(P_WARMUP, 30);
  setParamValue(P_EWMA_ALPHA, 0.05);
  setParamValue(P_CUSUM_ALPHA, 0.01);
  setParamValue(P_CUSUM_K, 0.5);
  setParamValue(P_T_WELFORD, 5);
  setParamValue(P_T_EWMA, 5);
  setParamValue(P_T_ROBUST, 6);
  setParamValue(P_T_CUSUM, 8);
  setParamValue(P_T_RATE, 5);
  setParamValue(P_T_SEASONAL, 5);
  setParamValue(P_RATE_WINDOW_MS, 60000);
  setParamValue(P_RATE_ALPHA, 0.05);
  setParamValue(P_SEASON_ALPHA, 0.1);
  setParamValue(P_SEASON_MIN, 8);
  setParamValue(P_SIGMA_ABS, 1e-9);
  setParamValue(P_SIGMA_REL, 1e-3);
  // every detector but the surprise stage scores by default; all of them feed it
  setParamValue(P_ENABLED, <f64>((1 << D_SURPRISE) - 1));
  setParamValue(P_FEED_MASK, <f64>((1 << D_SURPRISE) - 1));
  setParamValue(P_S_LONG_ALPHA, 0.001);
  setParamValue(P_S_SHORT_ALPHA, 0.3);
  setParamValue(P_S_CLIP, 5);
  setParamValue(P_T_SURPRISE, 2.5);
  setParamValue(P_S_MIN, 50);
  setParamValue(P_REFRACTORY, 0);
  setParamValue(P_CLIP, 0);
  setParamValue(P_SEASON_MODE, 0);
}

/** Bytes of state per series slot. */
export function recordBytes(): i32 { return <i32>RECORD_BYTES; }
/** Bytes per output record. */
export function outStride(): i32 { return <i32>OUT_STRIDE; }
export function detectorCount(): i32 { return DETECTORS; }
export function paramCount(): i32 { return PARAMS; }
export function slotCapacity(): i32 { return capacity; }
export function batchCapacity(): i32 { return batchCap; }
export function inSlotPtr(): usize { return inSlot; }
export function inTsPtr(): usize { return inTs; }
export function inValuePtr(): usize { return inValue; }
export function outPtr(): usize { return out; }
export function paramsPtr(): usize { return paramsBase; }
export function stateBasePtr(): usize { return stateBase; }

export function setParam(id: i32, v: f64): i32 {
  if (id < 0 || id >= PARAMS) return -1;
  setParamValue(id, v);
  return 0;
}
export function getParam(id: i32): f64 {
  return id < 0 || id >= PARAMS ? NaN : param(id);
}

/**
 * Allocates IO buffers for `batchPoints` points and state for `slots` series and resets the
 * parameters to their defaults. Call once; grow later with ensureCapacity.
 */
export function init(slots: i32, batchPoints: i32): i32 {
  if (slots < 1 || batchPoints < 1) return S_ERR_COUNT;
  setDefaults();
  batchCap = batchPoints;
  const n = <usize>batchPoints;
  inSlot = heap.alloc(n << 2);
  inTs = heap.alloc(n << 3);
  inValue = heap.alloc(n << 3);
  out = heap.alloc(n * OUT_STRIDE);
  // state last, so growing it extends the top block in place
  stateBase = heap.alloc(<usize>slots * RECORD_BYTES);
  capacity = slots;
  for (let s = 0; s < slots; s++) resetSlot(s);
  return 0;
}

/** Grows state to at least `slots` series (keeps existing state). Returns the new capacity. */
export function ensureCapacity(slots: i32): i32 {
  if (stateBase == 0) return S_ERR_NOT_INIT;
  if (slots <= capacity) return capacity;
  const old = capacity;
  stateBase = heap.realloc(stateBase, <usize>slots * RECORD_BYTES);
  capacity = slots;
  for (let s = old; s < slots; s++) resetSlot(s);
  return capacity;
}

/** Forgets everything a slot has learned. */
export function resetSlot(slot: i32): i32 {
  if (slot < 0 || slot >= capacity) return S_ERR_SLOT;
  const rec = stateBase + <usize>slot * RECORD_BYTES;
  memory.fill(rec, 0, RECORD_BYTES);
  store<f64>(rec + F_R_SEEN, -1);
  for (let b = 0; b < SEASON_BUCKETS; b++) store<f32>(rec + F_SEASON + <usize>b * SEASON_STRIDE, 0, 8);
  return 0;
}

/** Reads one f64 field of a slot's record (tests and introspection). */
export function readField(slot: i32, offset: i32): f64 {
  if (slot < 0 || slot >= capacity || offset < 0 || <usize>offset + 8 > RECORD_BYTES) return NaN;
  return load<f64>(stateBase + <usize>slot * RECORD_BYTES + <usize>offset);
}

/** Streaming median and MAD estimates of a slot (P² sketches). */
export function median(slot: i32): f64 {
  if (slot < 0 || slot >= capacity) return NaN;
  const rec = stateBase + <usize>slot * RECORD_BYTES;
  return p2Estimate(rec + F_MED_Q, load<f64>(rec + F_COUNT), 0.5);
}
export function mad(slot: i32): f64 {
  if (slot < 0 || slot >= capacity) return NaN;
  const rec = stateBase + <usize>slot * RECORD_BYTES;
  return p2Estimate(rec + F_MAD_Q, load<f64>(rec + F_COUNT), 0.5);
}

// score in [0,1) from |stat| / threshold: r^4 / (1 + r^4), so the threshold itself maps to 0.5
// @ts-ignore: decorator
@inline function ratioScore(r: f64): f64 {
  const r2 = r * r;
  const r4 = r2 * r2;
  return r4 / (1 + r4);
}

/**
 * Scores and folds in `count` points from the input arrays, writing one output record each.
 * Returns `count`, or S_ERR_SLOT / S_ERR_COUNT without touching any state if the batch is bad.
 */
export function processBatch(count: i32): i32 {
  if (stateBase == 0) return S_ERR_NOT_INIT;
  if (count < 0 || count > batchCap) return S_ERR_COUNT;
  for (let i = 0; i < count; i++) {
    const s = load<i32>(inSlot + (<usize>i << 2));
    if (<u32>s >= <u32>capacity) return S_ERR_SLOT;
  }
  const warmup = param(P_WARMUP);
  const alpha = param(P_EWMA_ALPHA);
  const cAlpha = param(P_CUSUM_ALPHA);
  const k = param(P_CUSUM_K);
  const tW = param(P_T_WELFORD);
  const tE = param(P_T_EWMA);
  const tR = param(P_T_ROBUST);
  const tC = param(P_T_CUSUM);
  const tRate = param(P_T_RATE);
  const tS = param(P_T_SEASONAL);
  const rateWin = param(P_RATE_WINDOW_MS);
  const rateAlpha = param(P_RATE_ALPHA);
  const sAlpha = param(P_SEASON_ALPHA);
  const seasonMin = param(P_SEASON_MIN);
  const clip = param(P_CLIP);
  const enabled = <i32>param(P_ENABLED);
  const sMode = <i32>param(P_SEASON_MODE);
  const feed = <i32>param(P_FEED_MASK);
  const sLong = param(P_S_LONG_ALPHA);
  const sShort = param(P_S_SHORT_ALPHA);
  const sClip = param(P_S_CLIP);
  const tSur = param(P_T_SURPRISE);
  const sMin = param(P_S_MIN);
  const refractory = param(P_REFRACTORY);
  const feedOrEnabled = feed | enabled;
  const iW = 1 / tW, iE = 1 / tE, iR = 1 / tR, iC = 1 / tC, iRate = 1 / tRate, iS = 1 / tS, iSur = 1 / tSur;
  let sink: f64 = 0;
  for (let i = 0; i < min(count, PREFETCH_AHEAD); i++) {
    store<i32>(bucketRing + (<usize>i << 2), seasonBucket(load<f64>(inTs + (<usize>i << 3)), sMode));
  }
  for (let i = 0; i < count; i++) {
    const bucket = load<i32>(bucketRing + (<usize>(i & (PREFETCH_AHEAD - 1)) << 2));
    // Touch the hot lines of the record PREFETCH_AHEAD points ahead: wasm has no prefetch
    // instruction, but an early independent load lets the CPU fetch those lines while this point
    // computes, instead of stalling on them when their turn comes.
    if (i + PREFETCH_AHEAD < count) {
      const ahead = stateBase + <usize>load<i32>(inSlot + (<usize>(i + PREFETCH_AHEAD) << 2)) * RECORD_BYTES;
      const aheadBucket = seasonBucket(load<f64>(inTs + (<usize>(i + PREFETCH_AHEAD) << 3)), sMode);
      store<i32>(bucketRing + (<usize>((i + PREFETCH_AHEAD) & (PREFETCH_AHEAD - 1)) << 2), aheadBucket);
      sink += load<f64>(ahead) + load<f64>(ahead, 64) + load<f64>(ahead, 128) + load<f64>(ahead, 192) + load<f64>(ahead, 256) +
        <f64>load<f32>(ahead + F_SEASON + <usize>aheadBucket * SEASON_STRIDE);
    }
    const slot = load<i32>(inSlot + (<usize>i << 2));
    const ts = load<f64>(inTs + (<usize>i << 3));
    const x = load<f64>(inValue + (<usize>i << 3));
    const rec = stateBase + <usize>slot * RECORD_BYTES;
    const o = out + <usize>i * OUT_STRIDE;
    if (!isFinite(x) || !isFinite(ts)) {
      // a NaN or infinity would poison every baseline of the series: skip it, say so in the mask
      memory.fill(o, 0, OUT_STRIDE);
      store<u32>(o, MASK_INVALID, 4);
      continue;
    }
    const n = load<f64>(rec + F_COUNT);
    const first = n == 0;
    const scoring = n >= warmup;

    // --- score against the state before this point ---
    const zW = scoring ? welfordScore(rec, x) : 0;
    const zE = scoring ? ewmaScore(rec + F_E_MEAN, rec + F_E_VAR, x) : 0;
    let zR: f64 = 0;
    const med = p2Estimate(rec + F_MED_Q, n, 0.5);
    if (scoring) {
      const m = p2Estimate(rec + F_MAD_Q, n, 0.5);
      zR = (x - med) / max(MAD_TO_SIGMA * m, sigmaFloor(med));
    }
    let cStat: f64 = 0;
    if (scoring) {
      cStat = cusumStep(rec, ewmaScore(rec + F_C_MEAN, rec + F_C_VAR, x), k, tC);
    }
    const rateZ = (feedOrEnabled & (1 << D_RATE)) != 0 ? rateStep(rec, ts, rateWin, rateAlpha) : 0;
    const sZ = (feedOrEnabled & (1 << D_SEASONAL)) != 0 ? seasonalStep(rec, bucket, x, sAlpha, seasonMin, clip) : 0;

    // --- threshold ratios: |statistic| / threshold (thresholds inverted once per batch) ---
    const rW = scoring ? Math.abs(zW) * iW : 0;
    const rE = scoring ? Math.abs(zE) * iE : 0;
    const rR = scoring ? Math.abs(zR) * iR : 0;
    const rC = scoring ? Math.abs(cStat) * iC : 0;
    const rRate = scoring ? rateZ * iRate : 0;
    const rS = scoring ? Math.abs(sZ) * iS : 0;
    let raw: f64 = 0;
    let best: f64 = 0;
    let mask: u32 = 0;
    if ((feedOrEnabled & (1 << D_WELFORD)) != 0) {
      if ((feed & (1 << D_WELFORD)) != 0) raw = max(raw, rW);
      if ((enabled & (1 << D_WELFORD)) != 0) { best = max(best, rW); if (rW >= 1) mask |= 1 << D_WELFORD; }
    }
    if ((feedOrEnabled & (1 << D_EWMA)) != 0) {
      if ((feed & (1 << D_EWMA)) != 0) raw = max(raw, rE);
      if ((enabled & (1 << D_EWMA)) != 0) { best = max(best, rE); if (rE >= 1) mask |= 1 << D_EWMA; }
    }
    if ((feedOrEnabled & (1 << D_ROBUST)) != 0) {
      if ((feed & (1 << D_ROBUST)) != 0) raw = max(raw, rR);
      if ((enabled & (1 << D_ROBUST)) != 0) { best = max(best, rR); if (rR >= 1) mask |= 1 << D_ROBUST; }
    }
    if ((feedOrEnabled & (1 << D_CUSUM)) != 0) {
      if ((feed & (1 << D_CUSUM)) != 0) raw = max(raw, rC);
      if ((enabled & (1 << D_CUSUM)) != 0) { best = max(best, rC); if (rC >= 1) mask |= 1 << D_CUSUM; }
    }
    if ((feedOrEnabled & (1 << D_RATE)) != 0) {
      if ((feed & (1 << D_RATE)) != 0) raw = max(raw, rRate);
      if ((enabled & (1 << D_RATE)) != 0) { best = max(best, rRate); if (rRate >= 1) mask |= 1 << D_RATE; }
    }
    if ((feedOrEnabled & (1 << D_SEASONAL)) != 0) {
      if ((feed & (1 << D_SEASONAL)) != 0) raw = max(raw, rS);
      if ((enabled & (1 << D_SEASONAL)) != 0) { best = max(best, rS); if (rS >= 1) mask |= 1 << D_SEASONAL; }
    }
    // --- surprise stage over the fed detectors' ratios ---
    let sur: f64 = 0;
    if ((enabled & (1 << D_SURPRISE)) != 0) {
      sur = surpriseStep(rec, min(raw, sClip), sShort, sLong, sMin);
      const rSur = max(sur, 0.0) * iSur;
      if (rSur >= 1) {
        if (surpriseMayAlert(rec, n, refractory)) {
          surpriseAlerted(rec, n);
          mask |= 1 << D_SURPRISE;
          best = max(best, rSur);
        } else {
          // inside the hold-off after an alert: report the statistic, keep the score below the alert line
          best = max(best, 0.99999);
        }
      } else {
        best = max(best, rSur);
      }
    }

    // --- fold the point in ---
    welfordUpdate(rec, x);
    ewmaUpdate(rec + F_E_MEAN, rec + F_E_VAR, x, alpha, n, clip);
    ewmaUpdate(rec + F_C_MEAN, rec + F_C_VAR, x, cAlpha, n, clip);
    const n1 = n + 1;
    p2Add(rec + F_MED_Q, rec + F_MED_N, n1, x, 0.5);
    // deviations are taken from the median estimate before this point (x itself for the first)
    p2Add(rec + F_MAD_Q, rec + F_MAD_N, n1, Math.abs(x - (first ? x : med)), 0.5);
    store<f64>(rec + F_COUNT, n1);
    store<f64>(rec + F_LAST_TS, ts);

    const score = ratioScore(best);
    store<f32>(o, <f32>score);
    store<u32>(o, mask, 4);
    store<f32>(o, <f32>zW, 8);
    store<f32>(o, <f32>zE, 12);
    store<f32>(o, <f32>zR, 16);
    store<f32>(o, <f32>cStat, 20);
    store<f32>(o, <f32>(scoring ? rateZ : 0), 24);
    store<f32>(o, <f32>(scoring ? sZ : 0), 28);
    store<f32>(o, <f32>sur, 32);
  }
  prefetchSink = sink;
  return count;
}

