import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { fitSeriesFeatures, groupKFold, holdoutSplit, regressionMetrics, type GbdtParams, type SeriesFeatureSpec } from '@shopfloor/ml/models';
import { encodeTable, fitGbdt, HOLDOUT, invalid, learnCategorical, progressSteps, type DatasetFit } from './dataset-fit';
import { seriesRows, type DatasetTable } from './dataset-table';
import { TabularEncoder, tabularLayout } from './tabular-features';
import type { ModelArtifact } from './trained-model';

/**
 * Window features for remaining-life models: trailing means and trends of each input along the series, and its last
 * value. Chosen by cross-validation by engine on C-MAPSS FD001 (bench/ml/maintenance-window.mjs): the long windows
 * (50–150 cycles) brought RMSE from about 13.5 to about 10; adding spreads did not help.
 */
export const DEFAULT_SERIES_SPEC: SeriesFeatureSpec = {
  windows: [5, 10, 20, 30, 50, 100, 150],
  stats: ['mean', 'slope', 'last'],
  includeOrder: true,
  dropConstant: true,
};

/** Folds (by group) of the cross-validation that chooses the label cap. */
export const CAP_FOLDS = 3;
/** Candidate caps as shares of the horizon (below); no cap is a candidate too. */
const CAP_SHARES = [0.7, 0.8, 0.9, 1];
/**
 * The cap is judged on the rows whose true remaining life is at most the horizon: the 10th percentile of the
 * training groups' lives, the last cycles of nine units in ten (as many of each, so they weigh the same; the
 * shortest life alone would move with one unit). Earlier in a life the data cannot tell how long it will last (a
 * healthy unit looks like any other), and those rows would choose the cap by that noise; near the end is where a
 * remaining-life prediction is acted upon.
 */
const HORIZON_QUANTILE = 0.1;
/** The cap's cross-validation fits on about this many rows at most: every n-th row of a longer series. */
const CAP_FIT_ROWS = 10_000;

export interface RegressorFit extends DatasetFit<Extract<ModelArtifact, { kind: 'tabular' | 'series' }>> {
  /** The label as the model learnt it (capped), for every row. */
  learnt: number[];
}

/** `params.cap`: a positive number, `false` or `"none"` for no cap, absent for the cross-validated choice. */
function capParam(raw: Record<string, unknown>): { given: true; cap: number | null } | { given: false } {
  const value = raw['cap'];
  if (value === undefined) return { given: false };
  if (value === false || value === 'none') return { given: true, cap: null };
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return { given: true, cap: value };
  throw invalid('params.cap', 'params.cap must be a positive number, or false / "none" for no cap', value);
}

/**
 * A remaining-life regression on the label: on window features along `order` when the dataset is a time series
 * (a fifth of the groups held out), on the rows as they are otherwise (a fifth of the rows held out). Without
 * `params.cap`, a time series' label cap is chosen by cross-validation by group on the training part. The metrics
 * are a probe's that learnt the training part; the stored model learns every row with the same settings.
 */
export function trainRegressor(
  table: DatasetTable,
  label: Float64Array,
  params: GbdtParams,
  raw: Record<string, unknown>,
  onProgress: (f: number) => void,
): RegressorFit {
  const started = performance.now();
  const seed = params.seed ?? 1;
  const capChoice = capParam(raw);
  let rows: Float64Array[];
  let names: string[];
  let artifactBase: Omit<Extract<ModelArtifact, { kind: 'series' }>, 'gbdt'> | Omit<Extract<ModelArtifact, { kind: 'tabular' }>, 'gbdt'>;
  let test: number[];
  let train: number[];
  let extra: Record<string, unknown> = {};
  if (table.groups && table.orders) {
    const group = '__group';
    const order = '__order';
    const objects = seriesRows(table, table.inputs, group, order);
    const plan = fitSeriesFeatures(objects, { group, order, columns: table.inputs, spec: DEFAULT_SERIES_SPEC });
    const features = plan.transform(objects);
    rows = features.matrix;
    names = features.names;
    artifactBase = { format: 1, kind: 'series', objective: 'regression', inputs: table.inputs, plan: plan.toJSON(), threshold: null, cap: null };
    const folds = groupKFold(table.groups, 5, seed);
    test = folds[0];
    const held = new Set(test);
    train = rows.map((_, i) => i).filter((i) => !held.has(i));
    if ((table.categorical ?? []).length > 0)
      extra = {
        ignored_columns: (table.categorical ?? []).map((c) => ({ name: c.name, reason: 'a text column: window features are of numeric inputs only' })),
      };
  } else {
    ({ train, holdout: test } = holdoutSplit(table.rowCount, HOLDOUT, seed));
    const { categorical, ignored } = learnCategorical(table, train);
    const layout = { ...tabularLayout(table.inputs, raw['crosses'] !== false), categorical };
    const encoder = new TabularEncoder(layout);
    names = encoder.names;
    rows = encodeTable(table, encoder);
    artifactBase = { format: 1, kind: 'tabular', objective: 'regression', layout, threshold: null, cap: null };
    extra = { categorical_inputs: Object.fromEntries(categorical.map((c) => [c.name, c.levels.length])), ignored_columns: ignored };
  }
  if (train.length < 50)
    throw new DomainError(
      ErrorCode.InsufficientData,
      `A remaining-life model needs at least 50 training rows; the dataset has ${train.length} after the hold-out`,
      { rows: table.rowCount },
    );

  const auto = !capChoice.given && table.groups !== null;
  const candidates = auto ? capCandidates(table.groups as string[], label, train) : null;
  const progress = progressSteps(candidates ? candidates.caps.length * CAP_FOLDS + 2 : 2, onProgress);
  let cap: number | null = capChoice.given ? capChoice.cap : null;
  let capReport: Record<string, unknown> = { chosen_by: capChoice.given ? 'params.cap' : 'none: a cap is chosen for time series (with group and order) only' };
  if (candidates) {
    const inner = groupKFold(
      train.map((i) => (table.groups as string[])[i]),
      Math.min(CAP_FOLDS, candidates.groups),
      seed + 1,
    );
    // A faster stand-in of the learner ranks the caps: at most QUICK_TREES trees, at the rate that keeps the learner's
    // trees × rate (its total step), and on long series every n-th row (neighbouring cycles carry nearly the same
    // window features). It only ranks the caps, so its cost need not grow with the stored model's tree count.
    const quick = quickParams(params);
    const thin = Math.max(1, Math.ceil(train.length / CAP_FIT_ROWS));
    const tried = candidates.caps.map((candidate) => {
      const oof = new Float64Array(train.length);
      for (const fold of inner) {
        const held = new Set(fold);
        const fitRows = train
          .map((_, j) => j)
          .filter((j) => !held.has(j))
          .filter((_, n) => n % thin === 0);
        const model = fitGbdt(
          fitRows.map((j) => rows[train[j]]),
          fitRows.map((j) => capped(label[train[j]], candidate)),
          quick,
          names,
          progress.step(),
        );
        for (const j of fold) oof[j] = clip(model.predict(rows[train[j]]), candidate);
      }
      const within = train.map((_, j) => j).filter((j) => label[train[j]] <= candidates.horizon);
      const score = (subset: number[]): number =>
        regressionMetrics(
          subset.map((j) => label[train[j]]),
          subset.map((j) => oof[j]),
        ).rmse;
      return { cap: candidate, rmse_within_horizon: round(score(within)), rmse_all_rows: round(score(train.map((_, j) => j))) };
    });
    const best = tried.reduce((a, b) => (b.rmse_within_horizon < a.rmse_within_horizon ? b : a));
    cap = best.cap;
    capReport = {
      chosen_by: 'cross-validation by group',
      folds: inner.length,
      horizon: candidates.horizon,
      criterion: 'RMSE against the uncapped label on out-of-fold rows whose remaining life is at most the horizon (10th percentile of the training lives)',
      tried,
    };
  }
  const learnt = Array.from(label, (y) => capped(y, cap));
  const probe = fitGbdt(
    train.map((i) => rows[i]),
    train.map((i) => learnt[i]),
    params,
    names,
    progress.step(),
  );
  const holdoutScores = test.map((i) => clip(probe.predict(rows[i]), cap));
  const uncapped = regressionMetrics(
    test.map((i) => label[i]),
    holdoutScores,
  );
  const asLearnt = regressionMetrics(
    test.map((i) => learnt[i]),
    holdoutScores,
  );
  // The metrics are the probe's, on rows it never saw; the stored model learns every row with the same settings.
  const model = fitGbdt(rows, learnt, params, names, progress.step());
  onProgress(1);
  return {
    artifact: { ...artifactBase, cap, gbdt: model.toJSON() },
    metrics: {
      // Against the true remaining life, as published figures are; against the label as learnt (capped) beside it.
      ...uncapped,
      capped: cap === null ? null : asLearnt,
      evaluated_on: 'holdout',
      holdout_rows: test.length,
      training_rows: train.length,
      stored_model_rows: rows.length,
      label_cap: cap,
      label_cap_choice: capReport,
      ...extra,
      training_seconds: round((performance.now() - started) / 1000, 1),
    },
    hyperparameters: {
      ...params,
      cap,
      series: artifactBase.kind === 'series' ? DEFAULT_SERIES_SPEC : null,
      holdout: { method: artifactBase.kind === 'series' ? 'groups' : 'random', fraction: HOLDOUT, seed },
      learnt_from: 'all rows',
    },
    featureNames: names,
    holdout: test,
    holdoutScores,
    train,
    learnt,
  };
}

/** The candidate caps (none, and shares of the horizon) and the horizon they are judged within. */
function capCandidates(
  groups: readonly string[],
  label: Float64Array,
  train: readonly number[],
): { caps: (number | null)[]; horizon: number; groups: number } | null {
  const lives = new Map<string, number>();
  for (const i of train) lives.set(groups[i], Math.max(lives.get(groups[i]) ?? Number.NEGATIVE_INFINITY, label[i]));
  if (lives.size < 2) return null;
  const sorted = [...lives.values()].sort((a, b) => a - b);
  const horizon = sorted[Math.floor(HORIZON_QUANTILE * (sorted.length - 1))];
  if (!(horizon >= 4)) return null;
  const caps = [...new Set(CAP_SHARES.map((share) => Math.round(share * horizon)))];
  return { caps: [null, ...caps], horizon, groups: lives.size };
}

/** Trees of the stand-in that ranks the caps. */
const QUICK_TREES = 200;

/** The cap's stand-in learner: `params` with at most QUICK_TREES trees and the same trees × rate (rate at most 0.3). */
export function quickParams(params: GbdtParams): GbdtParams {
  const trees = params.trees ?? 200;
  const rate = params.learningRate ?? 0.05;
  const quickTrees = Math.min(trees, QUICK_TREES);
  return { ...params, trees: quickTrees, learningRate: Math.min(0.3, (rate * trees) / quickTrees) };
}

const capped = (y: number, cap: number | null): number => (cap === null ? y : Math.min(y, cap));
const clip = (value: number, cap: number | null): number => Math.min(Math.max(value, 0), cap ?? Number.POSITIVE_INFINITY);
const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;
