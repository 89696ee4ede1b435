export interface PromotionComparison {
  /** The metric both versions were scored with on the same held-out rows. */
  metric: 'log_loss' | 'rmse';
  challenger: number;
  incumbent: number;
  rows: number;
  /** How the incumbent was scored: its stored model as is (it never learnt these rows), or its settings refit on the challenger's training part (it had learnt some of them). */
  method: 'stored' | 'refit';
}

/** Share by which the challenger must beat the incumbent: smaller differences are noise of the split. */
const MARGIN = 0.005;

/** Lower is better for both metrics; the challenger must be better by a margin that is not noise. */
export function challengerWins(c: PromotionComparison): boolean {
  return Number.isFinite(c.challenger) && Number.isFinite(c.incumbent) && c.challenger < c.incumbent * (1 - MARGIN);
}

/** Mean log loss of probabilities against 0/1 outcomes (probabilities clipped away from 0 and 1). */
export function logLoss(labels: readonly number[], probabilities: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i += 1) {
    const p = Math.min(Math.max(probabilities[i], 1e-6), 1 - 1e-6);
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return labels.length > 0 ? sum / labels.length : Number.NaN;
}

export function rmse(actual: readonly number[], predicted: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i += 1) sum += (actual[i] - predicted[i]) ** 2;
  return actual.length > 0 ? Math.sqrt(sum / actual.length) : Number.NaN;
}
