/** Detector names in the order of their bits in the module's fired mask and output record. */
export const DETECTOR_NAMES = ['welford', 'ewma', 'robust', 'cusum', 'rate', 'seasonal', 'surprise'] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

/** What each detector's statistic is, for findings a person can read. */
export const STATISTIC_NAMES: Record<DetectorName, string> = {
  welford: 'z_score_vs_running_mean',
  ewma: 'z_score_vs_ewma',
  robust: 'robust_z_median_mad',
  cusum: 'cusum_sum',
  rate: 'window_count_z',
  seasonal: 'z_score_vs_seasonal_bucket',
  surprise: 'detector_output_vs_own_history_z',
};

/** Parameter ids in the module's parameter block (assembly/stats/layout.ts P_*). */
export const PARAM_IDS = {
  warmup: 0,
  ewmaAlpha: 1,
  cusumAlpha: 2,
  cusumK: 3,
  thresholdWelford: 4,
  thresholdEwma: 5,
  thresholdRobust: 6,
  thresholdCusum: 7,
  thresholdRate: 8,
  thresholdSeasonal: 9,
  rateWindowMs: 10,
  rateAlpha: 11,
  seasonAlpha: 12,
  seasonMinCount: 13,
  sigmaFloor: 14,
  relativeSigmaFloor: 15,
  enabledMask: 16,
  clipSigmas: 17,
  seasonMode: 18,
  feedMask: 19,
  surpriseLongAlpha: 20,
  surpriseShortAlpha: 21,
  surpriseClip: 22,
  thresholdSurprise: 23,
  surpriseMinCount: 24,
  refractoryPoints: 25,
} as const;
