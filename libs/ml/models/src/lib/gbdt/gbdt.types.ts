export type GbdtObjective = 'binary' | 'regression';

/** One row of features; `NaN` marks a missing value (e.g. a machine without that sensor). */
export type GbdtRow = readonly number[] | Float64Array;
export type GbdtRows = readonly (readonly number[])[] | readonly Float64Array[];

/** Training settings; every field but `objective` has a default (see `resolveGbdtParams`). */
export interface GbdtParams {
  /** `binary`: logistic loss on 0/1 labels, predicts a probability. `regression`: squared error. */
  objective: GbdtObjective;
  /** Boosting rounds (an upper bound with early stopping). Default 200. */
  trees?: number;
  /** Shrinkage of each tree's output. Default 0.05. */
  learningRate?: number;
  /** Maximum depth of a tree (root = depth 0). Default 6, at most 16. */
  maxDepth?: number;
  /** Fewest training rows in a leaf. Default 20. */
  minSamplesLeaf?: number;
  /** L2 penalty λ on leaf values: leaf = −G / (H + λ). Default 1. */
  l2?: number;
  /** Fraction of rows drawn (without replacement) for each tree. Default 1. */
  subsample?: number;
  /** Fraction of features drawn for each tree. Default 1. */
  colsample?: number;
  /** Quantile bins per feature (2–1024); a further bin holds missing values. Default 64. */
  maxBins?: number;
  /** Binary only: weight of label-1 rows in the loss, for rare failures. Default 1. */
  positiveWeight?: number;
  /** Seed of row and feature sampling and of the validation split. Default 1. */
  seed?: number;
  /** Fraction held out (stratified for binary) to stop early; 0 trains on everything for `trees` rounds. Default 0. */
  validationFraction?: number;
  /** Rounds without improvement of the held-out loss before stopping. Default 20. */
  earlyStoppingRounds?: number;
}

export type ResolvedGbdtParams = Required<GbdtParams>;

export interface GbdtHooks {
  /** Called after each round with the share of rounds done (1 at the end, also when stopping early). */
  onProgress?: (fraction: number) => void;
  /** One name per feature column; default `f0`, `f1`, … */
  featureNames?: readonly string[];
  /**
   * A known part of each row's margin (XGBoost's base_margin): the trees learn what it leaves unexplained. A model
   * trained with offsets must be given the row's offset when it predicts.
   */
  offsets?: ArrayLike<number>;
}

/**
 * One tree in flat arrays, nodes in breadth-first order. Node i is a leaf when `feature[i] === -1`; otherwise rows
 * with `x[feature] <= threshold` go to `left[i]`, the others to `left[i] + 1`, and missing values (NaN) go left when
 * `missingLeft[i] === 1`. `value` is the leaf output in margin units (0 for inner nodes); `cover` the number of
 * training rows that reached the node (TreeSHAP weighs the branches by it).
 */
export interface DecisionTree {
  feature: Int32Array;
  threshold: Float64Array;
  missingLeft: Uint8Array;
  left: Int32Array;
  value: Float64Array;
  cover: Float64Array;
}

/** The same tree as plain JSON number arrays. */
export interface GbdtTreeArtifact {
  feature: number[];
  threshold: number[];
  missingLeft: number[];
  left: number[];
  value: number[];
  cover: number[];
}

/** A trained model as plain JSON, e.g. to store in the database; `GradientBoostedTrees.fromJSON` reads it back. */
export interface GbdtArtifact {
  format: 'gbdt';
  version: 1;
  objective: GbdtObjective;
  featureNames: string[];
  /** Margin before any tree: log-odds of the (weighted) positive rate, or the mean label. */
  baseScore: number;
  /** The settings it was trained with, for the record. */
  params: ResolvedGbdtParams;
  trees: GbdtTreeArtifact[];
}
