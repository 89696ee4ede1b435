import type { GbdtParams } from './gbdt.types';

/**
 * Settings for the machine-failure classifier on AI4I-like readings (a few thousand rows, ~3 % failures), chosen by
 * 5-fold cross-validation in bench/ml/failure-risk.mjs, which lists what was tried.
 */
export const FAILURE_RISK_PARAMS: Readonly<GbdtParams> = Object.freeze({
  objective: 'binary',
  trees: 300,
  learningRate: 0.05,
  maxDepth: 5,
  minSamplesLeaf: 5,
  l2: 1,
  maxBins: 1024,
  seed: 1,
});
