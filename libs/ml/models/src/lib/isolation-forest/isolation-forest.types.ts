/** One row of features, in the order of `featureNames`; NaN marks a missing value. */
export type IsolationForestRow = ArrayLike<number>;

export interface IsolationForestParams {
  /** Number of isolation trees (default 200). */
  trees?: number;
  /** Rows drawn without replacement for each tree, ψ (default 256; capped at the number of rows). */
  sampleSize?: number;
  /** Seed of the random splits: the same rows, params and seed give the same model (default 1). */
  seed?: number;
  /** Expected share of anomalies among the training rows, in [0, 0.5]: sets the threshold (default 0.01). */
  contamination?: number;
  /** One name per column (default f0, f1, …). */
  featureNames?: readonly string[];
}

/** A feature's share of a row's anomaly score, from `IsolationForest.explain`. */
export interface AnomalyContribution {
  feature: string;
  /** The row's value as given (NaN when missing). */
  value: number;
  /** Robust z-score of the value against the training rows (0 when missing). */
  zScore: number;
  /** Score points this feature adds (negative: makes the row look more normal); all features sum to score − baselineScore. */
  contribution: number;
}

/** The serialised model: small, versioned, checked by `IsolationForest.fromJSON`. */
export interface IsolationForestJson {
  format: 'isolation-forest';
  version: 1;
  featureNames: string[];
  /** Robust standardisation per feature: median and scale. */
  center: number[];
  scale: number[];
  /** ψ actually used (the requested sample size capped at the number of training rows). */
  sampleSize: number;
  contamination: number;
  threshold: number;
  /** Node count of each tree; the nodes are stored in preorder, tree after tree. */
  treeNodes: number[];
  /** Base64 of little-endian int16 per node: the split feature, −1 for a leaf. */
  feature: string;
  /** Base64 of little-endian float64 per node: the split value (standardised units), or a leaf's training-row count. */
  value: string;
}
