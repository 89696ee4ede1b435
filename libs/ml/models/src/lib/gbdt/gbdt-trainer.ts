import { holdoutSplit } from '../validation/holdout-split';
import { foldSeed, SeededRandom } from '@shopfloor/util';
import { FeatureBinner } from './feature-binner';
import type { DecisionTree, GbdtRows, ResolvedGbdtParams } from './gbdt.types';
import { type BinnedRows, type GrownTree, TreeGrower } from './tree-grower';

/** The fitted ensemble: margin(x) = baseScore + Σ tree(x). */
export interface TrainedEnsemble {
  baseScore: number;
  trees: DecisionTree[];
}

/** Keeps the base log-odds finite when every label is the same. */
const RATE_CLAMP = 1e-12;

/** Throws a RangeError on empty or ragged rows, non-finite values (NaN is "missing" and allowed) or bad labels. */
function assertTrainingData(rows: GbdtRows, labels: readonly number[], params: ResolvedGbdtParams): number {
  if (rows.length === 0) throw new RangeError('no rows to train on');
  if (labels.length !== rows.length) throw new RangeError(`${rows.length} rows but ${labels.length} labels`);
  const width = rows[0].length;
  if (width === 0) throw new RangeError('rows have no features');
  rows.forEach((row, i) => {
    if (row.length !== width) throw new RangeError(`row ${i} has ${row.length} features, row 0 has ${width}`);
    for (let f = 0; f < width; f++) {
      const v = row[f];
      if (typeof v !== 'number' || v === Infinity || v === -Infinity) {
        throw new RangeError(`row ${i}, feature ${f} is ${v}: use a finite number, or NaN for missing`);
      }
    }
    const y = labels[i];
    if (!Number.isFinite(y)) throw new RangeError(`label ${i} is not a finite number: ${y}`);
    if (params.objective === 'binary' && y !== 0 && y !== 1) throw new RangeError(`label ${i} must be 0 or 1, got ${y}`);
  });
  return width;
}

/**
 * The constant margin that minimises the loss before any tree, on top of the rows' offsets: the weighted log-odds
 * of the labels (or their mean) without offsets; with them, Newton steps on the intercept (logistic) or the mean
 * residual (squared error).
 */
function intercept(y: Float64Array, w: Float64Array, o: Float64Array, binary: boolean): number {
  if (!binary) {
    let sum = 0;
    for (let i = 0; i < y.length; i++) sum += y[i] - o[i];
    return sum / y.length;
  }
  let positive = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    positive += y[i] * w[i];
    total += w[i];
  }
  const rate = Math.min(Math.max(positive / total, RATE_CLAMP), 1 - RATE_CLAMP);
  let b = Math.log(rate / (1 - rate));
  if (!o.some((v) => v !== 0) || rate === RATE_CLAMP || rate === 1 - RATE_CLAMP) return b;
  for (let step = 0; step < 50; step++) {
    let g = 0;
    let h = 0;
    for (let i = 0; i < y.length; i++) {
      const p = 1 / (1 + Math.exp(-(b + o[i])));
      g += w[i] * (p - y[i]);
      h += w[i] * p * (1 - p);
    }
    if (!(h > 0)) break;
    const delta = g / h;
    b -= Math.max(-5, Math.min(5, delta));
    if (Math.abs(delta) < 1e-10) break;
  }
  return b;
}

/** Rows routed by their bin codes, the same way the thresholds route raw values. */
function addTree(grown: GrownTree, data: BinnedRows, margins: Float64Array): void {
  const { feature, missingLeft, left, value } = grown.tree;
  const width = data.binner.featureCount;
  for (let i = 0; i < data.count; i++) {
    let node = 0;
    while (feature[node] !== -1) {
      const f = feature[node];
      const code = data.codes[i * width + f];
      const goLeft = code === data.binner.binCount(f) ? missingLeft[node] === 1 : code <= grown.splitBin[node];
      node = goLeft ? left[node] : left[node] + 1;
    }
    margins[i] += value[node];
  }
}

/** Weighted mean loss: logistic (log(1 + e^m) − y·m, computed stably) or squared error. */
function meanLoss(margins: Float64Array, y: Float64Array, w: Float64Array, binary: boolean): number {
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < margins.length; i++) {
    const m = margins[i];
    const loss = binary ? Math.max(m, 0) + Math.log1p(Math.exp(-Math.abs(m))) - y[i] * m : (m - y[i]) ** 2;
    sum += w[i] * loss;
    weight += w[i];
  }
  return sum / weight;
}

/** Draws ⌈colsample · width⌉ features (at least one), ascending. */
function drawFeatures(width: number, colsample: number, random: SeededRandom): Int32Array {
  const all = Array.from({ length: width }, (_, f) => f);
  if (colsample >= 1) return Int32Array.from(all);
  const take = Math.max(1, Math.round(colsample * width));
  return Int32Array.from(random.shuffle(all).slice(0, take)).sort();
}

/**
 * Newton boosting: each round fits a tree to the loss's gradient g and hessian h at the current margins, leaves
 * −Σg / (Σh + λ) shrunk by the learning rate. Logistic loss: g = w(p − y), h = w·p(1 − p); squared error: g = m − y,
 * h = 1. With a validation fraction, stops once the held-out loss has not improved for `earlyStoppingRounds` rounds
 * and keeps the trees up to its best round.
 */
export function trainGbdt(
  rows: GbdtRows,
  labels: readonly number[],
  params: ResolvedGbdtParams,
  onProgress?: (fraction: number) => void,
  offsets?: ArrayLike<number>,
): TrainedEnsemble & { featureCount: number } {
  const featureCount = assertTrainingData(rows, labels, params);
  if (offsets !== undefined) {
    if (offsets.length !== rows.length) throw new RangeError(`${rows.length} rows but ${offsets.length} offsets`);
    for (let i = 0; i < offsets.length; i++) if (!Number.isFinite(offsets[i])) throw new RangeError(`offset ${i} is not a finite number: ${offsets[i]}`);
  }
  const binary = params.objective === 'binary';
  const all = labels.map((_, i) => i);
  const split =
    params.validationFraction > 0
      ? holdoutSplit(rows.length, params.validationFraction, params.seed, binary ? labels : undefined)
      : { train: all, holdout: [] };
  const binner = FeatureBinner.fit(rows, split.train, featureCount, params.maxBins);
  const part = (indices: number[]) => ({
    data: { binner, codes: binner.bin(rows, indices), count: indices.length } satisfies BinnedRows,
    y: Float64Array.from(indices, (i) => labels[i]),
    w: Float64Array.from(indices, (i) => (binary && labels[i] === 1 ? params.positiveWeight : 1)),
    o: Float64Array.from(indices, (i) => (offsets ? offsets[i] : 0)),
  });
  const train = part(split.train);
  const valid = part(split.holdout);

  const baseScore = intercept(train.y, train.w, train.o, binary);
  const n = train.data.count;
  const margins = Float64Array.from(train.o, (o) => baseScore + o);
  const validMargins = Float64Array.from(valid.o, (o) => baseScore + o);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const order = new Uint32Array(n);
  const random = new SeededRandom(foldSeed(params.seed));
  const grower = new TreeGrower(train.data, params.maxDepth, params.minSamplesLeaf, params.l2, params.learningRate);
  const trees: DecisionTree[] = [];
  let bestLoss = Infinity;
  let bestRounds = 0;
  let stoppedEarly = false;

  for (let round = 0; round < params.trees; round++) {
    for (let i = 0; i < n; i++) {
      if (binary) {
        const p = 1 / (1 + Math.exp(-margins[i]));
        grad[i] = train.w[i] * (p - train.y[i]);
        hess[i] = train.w[i] * p * (1 - p);
      } else {
        grad[i] = margins[i] - train.y[i];
        hess[i] = 1;
      }
    }
    let sampled = 0;
    for (let i = 0; i < n; i++) if (params.subsample >= 1 || random.next() < params.subsample) order[sampled++] = i;
    if (sampled === 0) for (; sampled < n; sampled++) order[sampled] = sampled;
    const grown = grower.grow(grad, hess, order, sampled, drawFeatures(featureCount, params.colsample, random));
    trees.push(grown.tree);
    addTree(grown, train.data, margins);
    if (valid.data.count > 0) {
      addTree(grown, valid.data, validMargins);
      const loss = meanLoss(validMargins, valid.y, valid.w, binary);
      if (loss < bestLoss) {
        bestLoss = loss;
        bestRounds = round + 1;
      } else if (round + 1 - bestRounds >= params.earlyStoppingRounds) {
        stoppedEarly = true;
        break;
      }
    }
    onProgress?.((round + 1) / params.trees);
  }
  if (valid.data.count > 0) trees.length = Math.max(bestRounds, 1);
  if (stoppedEarly) onProgress?.(1);
  return { baseScore, trees, featureCount };
}
