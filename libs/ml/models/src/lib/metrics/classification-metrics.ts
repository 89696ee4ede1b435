import type { ClassificationMetrics } from './metrics.types';
import { assertBinaryScores, scoreSteps, type ScoreStep } from './score-steps';

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** Average precision: Σ (Rₙ − Rₙ₋₁) · Pₙ over the distinct thresholds, highest first (scikit-learn's definition). */
function averagePrecision(steps: readonly ScoreStep[], positives: number): number | null {
  if (positives === 0) return null;
  let sum = 0;
  let previousRecall = 0;
  for (const { tp, fp } of steps) {
    const recall = tp / positives;
    sum += (recall - previousRecall) * (tp / (tp + fp));
    previousRecall = recall;
  }
  return sum;
}

/** ROC AUC by the trapezoid over the distinct thresholds, so tied scores count half (Mann–Whitney U / n₊n₋). */
function rocAuc(steps: readonly ScoreStep[], positives: number, negatives: number): number | null {
  if (positives === 0 || negatives === 0) return null;
  let area = 0;
  let previousTp = 0;
  let previousFp = 0;
  for (const { tp, fp } of steps) {
    area += ((fp - previousFp) * (tp + previousTp)) / 2;
    previousTp = tp;
    previousFp = fp;
  }
  return area / (positives * negatives);
}

/**
 * Precision, recall and F1 at `threshold` (a score ≥ threshold is a positive call), and the threshold-free PR-AUC and
 * ROC AUC. Labels are 0/1; scores any finite numbers where higher means more likely positive.
 */
export function classificationMetrics(labels: readonly number[], scores: readonly number[], threshold = 0.5): ClassificationMetrics {
  assertBinaryScores(labels, scores);
  if (Number.isNaN(threshold)) throw new RangeError('threshold is NaN');
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  labels.forEach((label, i) => {
    const called = scores[i] >= threshold;
    if (label === 1) {
      if (called) tp++;
      else fn++;
    } else if (called) fp++;
    else tn++;
  });
  const steps = scoreSteps(labels, scores);
  return {
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    pr_auc: averagePrecision(steps, tp + fn),
    roc_auc: rocAuc(steps, tp + fn, fp + tn),
    threshold,
    confusion: { tp, fp, tn, fn },
  };
}
