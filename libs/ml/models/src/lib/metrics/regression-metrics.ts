import type { RegressionMetrics } from './metrics.types';

/**
 * RMSE, MAE and the PHM08 score (Saxena et al. 2008): d = predicted − true; Σ(e^(−d/13) − 1) for d < 0 and
 * Σ(e^(d/10) − 1) for d ≥ 0 — predicting failure too late costs more than too early.
 */
export function regressionMetrics(truth: readonly number[], predicted: readonly number[]): RegressionMetrics {
  if (truth.length !== predicted.length) throw new RangeError(`${truth.length} true values but ${predicted.length} predictions`);
  if (truth.length === 0) throw new RangeError('no values to score');
  let squares = 0;
  let absolutes = 0;
  let score = 0;
  truth.forEach((value, i) => {
    const d = predicted[i] - value;
    if (!Number.isFinite(d)) throw new RangeError(`value ${i} is not finite (true ${value}, predicted ${predicted[i]})`);
    squares += d * d;
    absolutes += Math.abs(d);
    score += d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1;
  });
  return { rmse: Math.sqrt(squares / truth.length), mae: absolutes / truth.length, nasa_score: score };
}
