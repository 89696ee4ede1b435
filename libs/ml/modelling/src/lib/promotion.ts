export interface PromotionComparison {
  /** The metric both versions were scored with on the same held-out rows. */
  metric: 'log_loss' | 'rmse';
  challenger: number;
  incumbent: number;
  rows: number;
  /**
   * How the incumbent was scored: its stored model as is (it never learnt these rows), or its settings refit on the
   * challenger's training part (it had learnt some of them: it learnt every row of this dataset, or held out others).
   */
  method: 'stored' | 'refit';
}

/**
 * Relative margin the challenger must win by. Scored on the same rows the two versions' errors are strongly
 * correlated, yet a retraining with another seed on the same data moves log loss and RMSE by a few tenths of a per
 * cent: half a per cent is above that noise and well below a real improvement (a few per cent).
 */
export const PROMOTION_MARGIN = 0.005;

/** Lower is better for both metrics; the challenger must be better by a margin that is not noise. */
export function challengerWins(c: PromotionComparison): boolean {
  if (!Number.isFinite(c.challenger)) return false;
  if (!Number.isFinite(c.incumbent)) return true;
  return c.challenger < c.incumbent * (1 - PROMOTION_MARGIN);
}

/** Probabilities are clipped to [ε, 1 − ε] so that one confident mistake costs much, not infinitely much. */
export const LOG_LOSS_EPSILON = 1e-6;

/** Mean negative log-likelihood of 0/1 labels under the probabilities. */
export function logLoss(labels: readonly number[], probabilities: readonly number[]): number {
  if (labels.length !== probabilities.length || labels.length === 0) throw new RangeError(`${labels.length} labels for ${probabilities.length} probabilities`);
  let sum = 0;
  labels.forEach((y, i) => {
    const raw = probabilities[i];
    const p = Number.isNaN(raw) ? 0.5 : Math.min(1 - LOG_LOSS_EPSILON, Math.max(LOG_LOSS_EPSILON, raw));
    sum -= y === 1 ? Math.log(p) : Math.log(1 - p);
  });
  return sum / labels.length;
}

export function rootMeanSquaredError(truth: readonly number[], predicted: readonly number[]): number {
  if (truth.length !== predicted.length || truth.length === 0) throw new RangeError(`${truth.length} values for ${predicted.length} predictions`);
  return Math.sqrt(truth.reduce((sum, y, i) => sum + (predicted[i] - y) ** 2, 0) / truth.length);
}
