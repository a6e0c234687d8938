// Two-sided CUSUM on standardized residuals: S+ = max(0, S+ + z - k), S- = max(0, S- - z - k).
// A level shift of delta sigmas drives one sum up by about (delta - k) per point, so it crosses h
// after roughly h / (delta - k) points; the sums restart at zero once they have fired.
import { F_C_POS, F_C_NEG } from './layout';

/** Advances the sums with residual `z` and returns max(S+, S-) before any restart. */
// @ts-ignore: decorator
@inline export function cusumStep(rec: usize, z: f64, k: f64, h: f64): f64 {
  const pos = max(0.0, load<f64>(rec + F_C_POS) + z - k);
  const neg = max(0.0, load<f64>(rec + F_C_NEG) - z - k);
  const stat = max(pos, neg);
  if (stat >= h) {
    store<f64>(rec + F_C_POS, 0);
    store<f64>(rec + F_C_NEG, 0);
    return pos >= neg ? stat : -stat;
  }
  store<f64>(rec + F_C_POS, pos);
  store<f64>(rec + F_C_NEG, neg);
  return pos >= neg ? pos : -neg;
}
