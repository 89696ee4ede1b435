import type { GbdtParams, ResolvedGbdtParams } from './gbdt.types';

/** Depth bound: 2^16 leaves is far beyond what the data sizes here support, and it bounds TreeSHAP's path storage. */
export const GBDT_MAX_DEPTH = 16;

/**
 * Bin bound: codes are 16-bit, and a histogram holds 3 numbers per bin and feature for every open node, so more bins
 * cost memory. Enough for a bin per distinct value of a few thousand rows: sharp limits in sparse tails (AI4I's power
 * and overstrain failures) need exact splits there — 1,024 quantile bins over 6,400 rows still blur them
 * (bench/ml/dataset-defaults.mjs).
 */
export const GBDT_MAX_BINS = 8192;

const DEFAULTS: Omit<ResolvedGbdtParams, 'objective'> = {
  trees: 200,
  learningRate: 0.05,
  maxDepth: 6,
  minSamplesLeaf: 20,
  l2: 1,
  subsample: 1,
  colsample: 1,
  maxBins: 64,
  positiveWeight: 1,
  seed: 1,
  validationFraction: 0,
  earlyStoppingRounds: 20,
};

function integerIn(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

/** Fills in the defaults and throws a RangeError naming the first bad setting. */
export function resolveGbdtParams(params: GbdtParams): ResolvedGbdtParams {
  // Known keys only, so a stored artifact's stray fields do not travel along.
  const given = params as unknown as Record<string, unknown>;
  const p = Object.fromEntries(
    ['objective', ...Object.keys(DEFAULTS)].map((key) => [key, given[key] ?? DEFAULTS[key as keyof typeof DEFAULTS]]),
  ) as unknown as ResolvedGbdtParams;
  if (p.objective !== 'binary' && p.objective !== 'regression') {
    throw new RangeError(`objective must be 'binary' or 'regression', got ${String(p.objective)}`);
  }
  integerIn('trees', p.trees, 1, 100_000);
  if (!(p.learningRate > 0 && p.learningRate <= 1)) {
    throw new RangeError(`learningRate must be in (0, 1], got ${p.learningRate}`);
  }
  integerIn('maxDepth', p.maxDepth, 1, GBDT_MAX_DEPTH);
  integerIn('minSamplesLeaf', p.minSamplesLeaf, 1, Number.MAX_SAFE_INTEGER);
  if (!(p.l2 >= 0 && Number.isFinite(p.l2))) throw new RangeError(`l2 must be a finite number ≥ 0, got ${p.l2}`);
  if (!(p.subsample > 0 && p.subsample <= 1)) throw new RangeError(`subsample must be in (0, 1], got ${p.subsample}`);
  if (!(p.colsample > 0 && p.colsample <= 1)) throw new RangeError(`colsample must be in (0, 1], got ${p.colsample}`);
  integerIn('maxBins', p.maxBins, 2, GBDT_MAX_BINS);
  if (!(p.positiveWeight > 0 && Number.isFinite(p.positiveWeight))) {
    throw new RangeError(`positiveWeight must be a finite number > 0, got ${p.positiveWeight}`);
  }
  if (p.objective === 'regression' && p.positiveWeight !== 1) {
    throw new RangeError('positiveWeight applies to the binary objective only');
  }
  if (!Number.isSafeInteger(p.seed)) throw new RangeError(`seed must be a safe integer, got ${p.seed}`);
  if (!(p.validationFraction >= 0 && p.validationFraction < 1)) {
    throw new RangeError(`validationFraction must be in [0, 1), got ${p.validationFraction}`);
  }
  integerIn('earlyStoppingRounds', p.earlyStoppingRounds, 1, 100_000);
  return p;
}
