/** Counts of a binary decision at one threshold; a score at or above the threshold counts as positive. */
export interface ConfusionCounts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Figures of a binary classifier; `null` where a ratio's denominator is 0 (e.g. precision with no positive call). */
export interface ClassificationMetrics {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  /** Average precision (scikit-learn's step-wise area under the precision–recall curve). */
  pr_auc: number | null;
  roc_auc: number | null;
  threshold: number;
  confusion: ConfusionCounts;
}

/** Figures of a regressor; `nasa_score` is the PHM08 challenge score (lower is better, late predictions cost more). */
export interface RegressionMetrics {
  rmse: number;
  mae: number;
  nasa_score: number;
}
