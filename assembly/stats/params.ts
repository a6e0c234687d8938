// Module-wide parameters in static memory, read by every detector.
import { PARAMS, P_SIGMA_ABS, P_SIGMA_REL } from './layout';

export const paramsBase: usize = memory.data(<i32>PARAMS << 3);

// @ts-ignore: decorator
@inline export function param(id: i32): f64 {
  return load<f64>(paramsBase + (<usize>id << 3));
}

export function setParamValue(id: i32, v: f64): void {
  store<f64>(paramsBase + (<usize>id << 3), v);
}

/** Smallest standard deviation used to standardize, so a flat series does not divide by zero. */
// @ts-ignore: decorator
@inline export function sigmaFloor(mean: f64): f64 {
  return max(param(P_SIGMA_ABS), param(P_SIGMA_REL) * Math.abs(mean));
}
