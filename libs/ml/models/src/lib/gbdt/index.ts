// Gradient-boosted decision trees for tabular shop-floor data (failure risk, remaining useful life).
export type { GbdtArtifact, GbdtHooks, GbdtObjective, GbdtParams, GbdtRow, GbdtRows, GbdtTreeArtifact, ResolvedGbdtParams } from './gbdt.types';
export { GradientBoostedTrees, type GbdtContributions } from './gradient-boosted-trees';
export { resolveGbdtParams, GBDT_MAX_BINS, GBDT_MAX_DEPTH } from './resolve-gbdt-params';
export { FAILURE_RISK_PARAMS } from './failure-risk-params';
