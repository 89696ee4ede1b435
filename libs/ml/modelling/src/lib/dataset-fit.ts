import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { FAILURE_RISK_PARAMS, GradientBoostedTrees, type GbdtParams } from '@shopfloor/ml/models';
import { categoryLevels, ignoredReason, judgeTextColumn } from './dataset-categories';
import { categoricalFor, inputsFor, type DatasetTable } from './dataset-table';
import { categoricalInput, type CategoricalInput, type TabularEncoder } from './tabular-features';
import type { ModelArtifact } from './trained-model';

/** What a learner on a dataset hands back: the model, its figures, and the rows it was measured on. */
export interface DatasetFit<A extends ModelArtifact> {
  artifact: A;
  metrics: Record<string, unknown>;
  hyperparameters: Record<string, unknown>;
  featureNames: string[];
  /** Held-out rows (the metrics are on them) and the probe's scores for them: the probe learnt `train` only. */
  holdout: number[];
  holdoutScores: number[];
  train: number[];
}

/** Share of the rows (or groups) held out to score the stored model. */
export const HOLDOUT = 0.2;

export const invalid = (field: string, message: string, value: unknown = null): DomainError =>
  new DomainError(ErrorCode.ValidationFailed, message, null, [{ field, message, invalid_value: value }]);

/** Learner settings from the defaults of the model type and the request's `params`. */
export function gbdtParams(objective: 'binary' | 'regression', params: Record<string, unknown>): GbdtParams {
  // Regression settings from the C-MAPSS cross-validation (bench/ml/maintenance-window.mjs), with the shrinkage of
  // 400 trees at 0.05 spread over three times the trees: a smaller step generalises better given the trees to use it
  // (Friedman 2001, §5). On the FD001 training folds, 400 trees at 0.05 instead of 200 at 0.1 already lowered the
  // cap's cross-validated error near the end of life in every fold (bench/ml/dataset-defaults.mjs).
  const base: GbdtParams =
    objective === 'binary'
      ? { ...FAILURE_RISK_PARAMS }
      : { objective, trees: 1200, learningRate: 0.05 / 3, maxDepth: 5, minSamplesLeaf: 80, subsample: 0.8, colsample: 0.3, l2: 1, maxBins: 128, seed: 1 };
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
export function fitGbdt(
  rows: Float64Array[],
  labels: number[],
  params: GbdtParams,
  names: string[],
  onProgress: (f: number) => void = () => undefined,
): GradientBoostedTrees {
  try {
    return GradientBoostedTrees.fit(rows, labels, params, { featureNames: names, onProgress });
  } catch (error) {
    if (error instanceof RangeError) throw invalid('params', error.message);
    throw error;
  }
}

/** The categorical inputs a tabular model learns from the training rows, and the text columns it leaves out (with why). */
export function learnCategorical(
  table: DatasetTable,
  trainRows: readonly number[],
): { categorical: CategoricalInput[]; ignored: { name: string; reason: string }[] } {
  const categorical: CategoricalInput[] = [];
  const ignored: { name: string; reason: string }[] = [];
  for (const column of table.categorical ?? []) {
    const verdict = judgeTextColumn(trainRows.map((r) => column.values[r]));
    if (verdict.use === 'ignored') ignored.push({ name: column.name, reason: ignoredReason(verdict) });
    else categorical.push(categoricalInput(column.name, categoryLevels(column.values, trainRows)));
  }
  return { categorical, ignored };
}

/** Every row of the table encoded by `encoder` (its numeric and categorical inputs must be in the table). */
export function encodeTable(table: DatasetTable, encoder: TabularEncoder): Float64Array[] {
  const numbers = inputsFor(table, encoder.layout.inputs);
  const texts = categoricalFor(table, encoder.categoricalInputs);
  const inputs = new Float64Array(numbers.length);
  const text = new Array<string | null>(texts.length);
  return Array.from({ length: table.rowCount }, (_, r) => {
    for (let c = 0; c < numbers.length; c += 1) inputs[c] = numbers[c][r];
    for (let c = 0; c < texts.length; c += 1) text[c] = texts[c][r];
    return encoder.row(inputs, text);
  });
}

/** The rows restricted to some columns, in the given order. */
export function projectRows(rows: readonly Float64Array[], columns: readonly number[]): Float64Array[] {
  return rows.map((row) => Float64Array.from(columns, (c) => row[c]));
}

/** Sequential progress over a known number of steps, each reporting its own fraction. */
export function progressSteps(total: number, onProgress: (fraction: number) => void): { step: () => (fraction: number) => void } {
  let done = 0;
  return {
    step: () => {
      const index = done;
      done += 1;
      return (fraction: number) => onProgress(Math.min(1, (index + fraction) / total));
    },
  };
}
