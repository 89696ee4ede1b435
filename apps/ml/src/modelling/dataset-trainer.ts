import { DomainError, ErrorCode, type ModelType } from '@shopfloor/contracts';
import {
  bestF1Threshold,
  classificationMetrics,
  FAILURE_RISK_PARAMS,
  fitSeriesFeatures,
  GradientBoostedTrees,
  groupKFold,
  holdoutSplit,
  regressionMetrics,
  type GbdtParams,
  type SeriesFeatureSpec,
} from '@shopfloor/ml/models';
import { seriesRows, type DatasetTable } from './dataset-table';
import { tabularFeatureNames, tabularLayout, tabularRow } from './tabular-features';
import type { ModelArtifact } from './trained-model';

export interface TrainingOutcome {
  artifact: ModelArtifact;
  metrics: Record<string, unknown>;
  hyperparameters: Record<string, unknown>;
  featureNames: string[];
}

/**
 * Window features for remaining-life models: trailing means and trends of each input along the series, and its last
 * value. Chosen by cross-validation by engine on C-MAPSS FD001 (bench/ml/maintenance-window.mjs): the long windows
 * (50–150 cycles) brought RMSE from about 13.5 to about 10; adding spreads did not help.
 */
export const DEFAULT_SERIES_SPEC: SeriesFeatureSpec = { windows: [5, 10, 20, 30, 50, 100, 150], stats: ['mean', 'slope', 'last'], includeOrder: true, dropConstant: true };

const HOLDOUT = 0.2;
const invalid = (field: string, message: string, value: unknown = null): DomainError => new DomainError(ErrorCode.ValidationFailed, message, null, [{ field, message, invalid_value: value }]);

/**
 * Trains a model type on an uploaded dataset: `failure_risk` and `downtime` are classifiers of the (0/1) label,
 * `maintenance_window` a regression of the remaining life in the label — on window features along `order` when the
 * dataset is a time series. A stratified (or, for series, group-wise) fifth of the data is held out and the metrics
 * are the stored model's on it; a classifier's decision threshold is chosen on the training part only.
 */
export function trainOnDataset(modelType: ModelType, table: DatasetTable, params: Record<string, unknown>, onProgress: (fraction: number) => void): TrainingOutcome {
  if (!table.label) throw invalid('dataset_id', 'The dataset has no numeric label column');
  switch (modelType) {
    case 'failure_risk':
    case 'downtime':
      return trainClassifier(table, table.label, gbdtParams('binary', params), params, onProgress);
    case 'maintenance_window':
      return trainRegressor(table, table.label, gbdtParams('regression', params), params, onProgress);
    case 'anomaly':
      throw invalid('model_type', 'anomaly models learn from the machines\' readings, not from an uploaded dataset', modelType);
  }
}

function gbdtParams(objective: 'binary' | 'regression', params: Record<string, unknown>): GbdtParams {
  // Regression settings from the same C-MAPSS cross-validation.
  const base: GbdtParams = objective === 'binary' ? { ...FAILURE_RISK_PARAMS } : { objective, trees: 400, learningRate: 0.05, maxDepth: 5, minSamplesLeaf: 80, subsample: 0.8, colsample: 0.3, l2: 1, maxBins: 128, seed: 1 };
  const pick = (name: string, key: keyof GbdtParams): void => {
    const value = params[name];
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`params.${name}`, `params.${name} must be a number`, value);
    (base as unknown as Record<string, number>)[key] = value;
  };
  pick('trees', 'trees');
  pick('learning_rate', 'learningRate');
  pick('max_depth', 'maxDepth');
  pick('min_samples_leaf', 'minSamplesLeaf');
  pick('l2', 'l2');
  pick('subsample', 'subsample');
  pick('colsample', 'colsample');
  pick('max_bins', 'maxBins');
  pick('positive_weight', 'positiveWeight');
  pick('seed', 'seed');
  return { ...base, objective };
}

/** The learner's own checks (bad parameters, degenerate data) as a client error, not a crash. */
function fit(rows: Float64Array[], labels: number[], params: GbdtParams, names: string[], onProgress: (f: number) => void): GradientBoostedTrees {
  try {
    return GradientBoostedTrees.fit(rows, labels, params, { featureNames: names, onProgress });
  } catch (error) {
    if (error instanceof RangeError) throw invalid('params', error.message);
    throw error;
  }
}

function trainClassifier(table: DatasetTable, label: Float64Array, params: GbdtParams, raw: Record<string, unknown>, onProgress: (f: number) => void): TrainingOutcome {
  const labels = Array.from(label);
  const bad = labels.findIndex((y) => y !== 0 && y !== 1);
  if (bad >= 0) throw invalid('label', `A classifier needs a 0/1 label; row ${bad + 1} has ${labels[bad]}`, labels[bad]);
  const positives = labels.filter((y) => y === 1).length;
  if (positives < 10 || labels.length - positives < 10) {
    throw new DomainError(ErrorCode.InsufficientData, `A classifier needs at least 10 rows of each class; the dataset has ${positives} positive and ${labels.length - positives} negative`, { positives, negatives: labels.length - positives });
  }
  const layout = tabularLayout(table.inputs, raw['crosses'] !== false);
  const names = tabularFeatureNames(layout);
  const inputs = new Float64Array(table.inputs.length);
  const rows = Array.from({ length: table.rowCount }, (_, r) => {
    for (let c = 0; c < inputs.length; c += 1) inputs[c] = table.inputValues[c][r];
    return tabularRow(layout, inputs);
  });
  const seed = params.seed ?? 1;
  const outer = holdoutSplit(rows.length, HOLDOUT, seed, labels);
  // The threshold is chosen on a split of the training part, never on the held-out rows.
  const trainLabels = outer.train.map((i) => labels[i]);
  const inner = holdoutSplit(outer.train.length, 0.25, seed + 1, trainLabels);
  const probe = fit(inner.train.map((i) => rows[outer.train[i]]), inner.train.map((i) => trainLabels[i]), params, names, (f) => onProgress(0.4 * f));
  const threshold = bestF1Threshold(
    inner.holdout.map((i) => trainLabels[i]),
    inner.holdout.map((i) => probe.predict(rows[outer.train[i]])),
  );
  const model = fit(outer.train.map((i) => rows[i]), trainLabels, params, names, (f) => onProgress(0.4 + 0.55 * f));
  const metrics = classificationMetrics(
    outer.holdout.map((i) => labels[i]),
    outer.holdout.map((i) => model.predict(rows[i])),
    threshold,
  );
  onProgress(1);
  return {
    artifact: { format: 1, kind: 'tabular', objective: 'binary', layout, threshold, gbdt: model.toJSON() },
    metrics: { ...metrics, evaluated_on: 'holdout', holdout_rows: outer.holdout.length, training_rows: outer.train.length },
    hyperparameters: { ...params, crosses: layout.crosses.length > 0 },
    featureNames: names,
  };
}

function trainRegressor(table: DatasetTable, label: Float64Array, params: GbdtParams, raw: Record<string, unknown>, onProgress: (f: number) => void): TrainingOutcome {
  const cap = typeof raw['cap'] === 'number' && raw['cap'] > 0 ? raw['cap'] : null;
  const labels = Array.from(label, (y) => (cap === null ? y : Math.min(y, cap)));
  const seed = params.seed ?? 1;
  let rows: Float64Array[];
  let names: string[];
  let artifactBase: Omit<Extract<ModelArtifact, { kind: 'series' }>, 'gbdt'> | Omit<Extract<ModelArtifact, { kind: 'tabular' }>, 'gbdt'>;
  let test: number[];
  let train: number[];
  if (table.groups && table.orders) {
    const group = '__group';
    const order = '__order';
    const objects = seriesRows(table, table.inputs, group, order);
    const plan = fitSeriesFeatures(objects, { group, order, columns: table.inputs, spec: DEFAULT_SERIES_SPEC });
    const features = plan.transform(objects);
    rows = features.matrix;
    names = features.names;
    artifactBase = { format: 1, kind: 'series', objective: 'regression', inputs: table.inputs, plan: plan.toJSON(), threshold: null, cap };
    const folds = groupKFold(table.groups, 5, seed);
    test = folds[0];
    const held = new Set(test);
    train = rows.map((_, i) => i).filter((i) => !held.has(i));
  } else {
    const layout = tabularLayout(table.inputs, raw['crosses'] !== false);
    names = tabularFeatureNames(layout);
    const inputs = new Float64Array(table.inputs.length);
    rows = Array.from({ length: table.rowCount }, (_, r) => {
      for (let c = 0; c < inputs.length; c += 1) inputs[c] = table.inputValues[c][r];
      return tabularRow(layout, inputs);
    });
    artifactBase = { format: 1, kind: 'tabular', objective: 'regression', layout, threshold: null, cap };
    ({ train, holdout: test } = holdoutSplit(rows.length, HOLDOUT, seed));
  }
  if (train.length < 50) throw new DomainError(ErrorCode.InsufficientData, `A remaining-life model needs at least 50 training rows; the dataset has ${train.length} after the hold-out`, { rows: table.rowCount });
  const model = fit(train.map((i) => rows[i]), train.map((i) => labels[i]), params, names, (f) => onProgress(0.95 * f));
  const metrics = regressionMetrics(test.map((i) => labels[i]), test.map((i) => Math.min(Math.max(model.predict(rows[i]), 0), cap ?? Number.POSITIVE_INFINITY)));
  onProgress(1);
  return {
    artifact: { ...artifactBase, gbdt: model.toJSON() },
    metrics: { ...metrics, evaluated_on: 'holdout', holdout_rows: test.length, training_rows: train.length, label_cap: cap },
    hyperparameters: { ...params, cap, series: artifactBase.kind === 'series' ? DEFAULT_SERIES_SPEC : null },
    featureNames: names,
  };
}
