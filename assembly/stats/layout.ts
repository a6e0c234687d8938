// Fixed-stride state record for one series slot, and the module's tunable parameters.
// Every offset is a compile-time constant so `load<f64>(rec + F_X)` compiles to one instruction.

// ---- per-series record -------------------------------------------------------------------------
// Fields every point touches come first and are packed into the first 312 bytes (5 cache lines);
// a point touches one more line for its seasonal bucket. At 10,000 series the state (8.9 MB) does
// not fit in L2, so cache lines touched per point is what bounds throughput.
export const F_COUNT: usize = 0; // points seen
export const F_LAST_TS: usize = 8; // last timestamp (ms)
export const F_W_MEAN: usize = 16; // Welford running mean
export const F_W_M2: usize = 24; // Welford sum of squared deviations
export const F_E_MEAN: usize = 32; // fast EWMA mean
export const F_E_VAR: usize = 40; // fast EWMA variance
export const F_C_MEAN: usize = 48; // slow EWMA mean: CUSUM baseline
export const F_C_VAR: usize = 56; // slow EWMA variance: CUSUM baseline
export const F_C_POS: usize = 64; // CUSUM upper sum
export const F_C_NEG: usize = 72; // CUSUM lower sum
export const F_S_SHORT: usize = 80; // surprise stage: short EWMA of the raw ratio
export const F_S_MEAN: usize = 88; // surprise stage: long EWMA mean of raw
export const F_S_VAR: usize = 96; // surprise stage: long EWMA variance of raw
export const F_S_LAST: usize = 104; // count at the last surprise alert
export const F_R_BUCKET: usize = 112; // index of the rate ring's current bucket (floor(ts / width))
export const F_R_SUM: usize = 120; // points in the sliding window (sum of the ring)
export const F_R_MEAN: usize = 128; // EWMA of completed window counts
export const F_R_VAR: usize = 136; // EWMA variance of completed window counts
export const F_R_SEEN: usize = 144; // completed windows observed
export const F_MED_Q: usize = 152; // P² marker heights for the median of x (5 f64)
export const F_MED_N: usize = 192; // P² marker positions (5 u32)
export const F_MAD_Q: usize = 216; // P² marker heights for the median of |x - median| (5 f64)
export const F_MAD_N: usize = 256; // P² marker positions (5 u32)
export const F_RING: usize = 280; // rate ring: RING_BUCKETS f32 counts
export const RING_BUCKETS: i32 = 8;
// ---- seasonal buckets: 48 x (mean, var, count) as f32 ----------------------------------------------
export const SEASON_BUCKETS: i32 = 48;
export const F_SEASON: usize = F_RING + (<usize>RING_BUCKETS << 2); // 312
export const SEASON_STRIDE: usize = 12;
export const RECORD_BYTES: usize = F_SEASON + <usize>SEASON_BUCKETS * SEASON_STRIDE; // 888

// ---- detectors: bit positions in the output mask, and their order in the output record ----------
export const D_WELFORD: i32 = 0;
export const D_EWMA: i32 = 1;
export const D_ROBUST: i32 = 2;
export const D_CUSUM: i32 = 3;
export const D_RATE: i32 = 4;
export const D_SEASONAL: i32 = 5;
export const D_SURPRISE: i32 = 6;
export const DETECTORS: i32 = 7;

// Output record per point: score f32, fired mask u32, then one f32 statistic per detector.
export const OUT_STRIDE: usize = 8 + (<usize>DETECTORS << 2); // 36

// ---- parameters (shared by all series; the host may change them between batches) ---------------
export const P_WARMUP: i32 = 0; // points before any detector may score
export const P_EWMA_ALPHA: i32 = 1; // fast EWMA smoothing factor
export const P_CUSUM_ALPHA: i32 = 2; // slow EWMA smoothing for the CUSUM baseline
export const P_CUSUM_K: i32 = 3; // CUSUM allowance (in baseline standard deviations)
export const P_T_WELFORD: i32 = 4; // |z| that counts as anomalous, Welford
export const P_T_EWMA: i32 = 5; // |z| threshold, EWMA
export const P_T_ROBUST: i32 = 6; // |robust z| threshold
export const P_T_CUSUM: i32 = 7; // CUSUM decision interval h
export const P_T_RATE: i32 = 8; // rate z threshold (surges only)
export const P_T_SEASONAL: i32 = 9; // |z| threshold against the hour-of-week bucket
export const P_RATE_WINDOW_MS: i32 = 10; // sliding window length of the rate monitor
export const P_RATE_ALPHA: i32 = 11; // EWMA smoothing of completed window counts
export const P_SEASON_ALPHA: i32 = 12; // EWMA smoothing per seasonal bucket
export const P_SEASON_MIN: i32 = 13; // visits a seasonal bucket needs before it scores
export const P_SIGMA_ABS: i32 = 14; // absolute floor on every standard deviation
export const P_SIGMA_REL: i32 = 15; // floor relative to |mean| (flat series)
export const P_ENABLED: i32 = 16; // bit mask of enabled detectors
export const P_CLIP: i32 = 17; // winsorize updates at this many sigmas (0 = off) so one outlier does not blow the baseline
export const P_SEASON_MODE: i32 = 18; // 0: hour of day x {weekday, weekend}; 1: 48 equal slices of the day
export const P_FEED_MASK: i32 = 19; // detectors whose threshold ratios feed the surprise stage
export const P_S_LONG_ALPHA: i32 = 20; // long-run EWMA smoothing of the raw ratio
export const P_S_SHORT_ALPHA: i32 = 21; // short-term EWMA smoothing of the raw ratio
export const P_S_CLIP: i32 = 22; // raw ratios are capped here so one huge spike does not own the baseline
export const P_T_SURPRISE: i32 = 23; // surprise z threshold
export const P_S_MIN: i32 = 24; // points before the surprise stage scores
export const P_REFRACTORY: i32 = 25; // points after a surprise alert during which it does not alert again
export const PARAMS: i32 = 26;
