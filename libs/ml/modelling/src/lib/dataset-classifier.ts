import { DomainError, ErrorCode } from '@shopfloor/contracts';
import { classificationMetrics, foldF1Threshold, GBDT_MAX_BINS, holdoutSplit, stratifiedKFold, type GbdtParams } from '@shopfloor/ml/models';
import { encodeTable, fitGbdt, HOLDOUT, invalid, learnCategorical, progressSteps, projectRows, type DatasetFit } from './dataset-fit';
import type { DatasetTable } from './dataset-table';
import { derivedCandidates, derivedName, TabularEncoder, type TabularLayout } from './tabular-features';
import type { ModelArtifact } from './trained-model';

/** Folds of the cross-validation on the training part that chooses derived features, class weight and threshold. */
export const INNER_FOLDS = 4;
/** Sizes of the derived-feature sets tried, the strongest candidates first. */
const DERIVED_SIZES = [0, 1, 2, 4, 8, 16];
/** A larger set (or a class weight) must raise the out-of-fold PR-AUC by more than this: less is noise here. */
const PR_AUC_MARGIN = 0.003;
/** Rows whose contributions rank the candidates. */
const SCREEN_ROWS = 1000;
/** Above this many training rows, the choices are made on a stratified sample of this size (the final model learns from all). */
const CV_MAX_ROWS = 20_000;
/** Bins × features of one histogram when the bins are the trainer's choice: ~6 MB for each node still growing. */
export const HISTOGRAM_BINS = 262_144;

/**
 * Bins per feature for a model of `width` columns when the request sets none: as many as the learner allows — a bin
 * per distinct value of a few thousand rows, so a sharp limit in a sparse tail is split exactly (on AI4I, 1,024
 * quantile bins left power and overstrain failures a few watts or minute-newton-metres either side of theirs: F1
 * 0.888 against 0.906–0.912, bench/ml/dataset-defaults.mjs) — fewer when that many columns would make the histograms
 * large, never below `floor`.
 */
export function classifierBins(width: number, floor: number): number {
  return Math.max(floor, Math.min(GBDT_MAX_BINS, Math.floor(HISTOGRAM_BINS / Math.max(1, width))));
}

export type ClassifierFit = DatasetFit<Extract<ModelArtifact, { kind: 'tabular' }>>;

interface CvResult {
  oof: Float64Array;
  prAuc: number;
}

/**
 * A failure classifier of the (0/1) label on the table's inputs. A stratified fifth is held out and only scored at
 * the end, by a probe model that learnt the rest; everything else is chosen by a stratified INNER_FOLDS-fold
 * cross-validation on the training part:
 *  - derived features (product, difference, ratio of pairs of numeric inputs): every candidate goes into one
 *    screening model, ranked by mean |SHAP| contribution, and the strongest 0, 1, 2, 4, 8, 16 are tried; the set with
 *    the best out-of-fold PR-AUC is kept, the smaller one when they are within PR_AUC_MARGIN;
 *  - the weight of the failure rows (1, or √(negatives / positives)), by the same rule; a weighted model's
 *    probabilities are corrected back by a margin offset of −ln(w), so they still estimate the failure rate;
 *  - the decision threshold: each inner fold's best F1 on the chosen model's out-of-fold probabilities, averaged in
 *    log-odds (`foldF1Threshold`).
 * Unless the request sets `max_bins`, every model splits on a bin per distinct value where the histograms stay small
 * (`classifierBins`).
 * The stored model then learns every row, held-out ones included, with those settings (a fifth more data; the
 * metrics stay the probe's).
 */
export function trainClassifier(
  table: DatasetTable,
  label: Float64Array,
  params: GbdtParams,
  raw: Record<string, unknown>,
  onProgress: (f: number) => void,
): ClassifierFit {
  const started = performance.now();
  const labels = Array.from(label);
  const bad = labels.findIndex((y) => y !== 0 && y !== 1);
  if (bad >= 0) throw invalid('label', `A classifier needs a 0/1 label; row ${bad + 1} has ${labels[bad]}`, labels[bad]);
  const positives = labels.filter((y) => y === 1).length;
  if (positives < 10 || labels.length - positives < 10) {
    throw new DomainError(
      ErrorCode.InsufficientData,
      `A classifier needs at least 10 rows of each class; the dataset has ${positives} positive and ${labels.length - positives} negative`,
      { positives, negatives: labels.length - positives },
    );
  }
  const seed = params.seed ?? 1;
  const outer = holdoutSplit(labels.length, HOLDOUT, seed, labels);
  const train = outer.train;
  const trainLabels = train.map((i) => labels[i]);
  const { categorical, ignored } = learnCategorical(table, train);
  const candidates = raw['crosses'] === false ? [] : derivedCandidates(table.inputs.length);
  const full: TabularLayout = { inputs: table.inputs, crosses: [], derived: candidates, categorical };
  const encoder = new TabularEncoder(full);
  const rows = encodeTable(table, encoder);
  const firstDerived = table.inputs.length;
  // Model columns in the order of the final layout's encoder: numeric inputs, the derived features kept, categorical.
  const numericColumns = table.inputs.map((_, c) => c);
  const categoricalColumns = encoder.names.map((_, c) => c).slice(firstDerived + candidates.length);
  const chosenColumns = (k: number): number[] => [...numericColumns, ...ranked.slice(0, k).map((d) => firstDerived + d), ...categoricalColumns];
  const trainRows = train.map((i) => rows[i]);
  const sample = train.length > CV_MAX_ROWS ? holdoutSplit(train.length, CV_MAX_ROWS / train.length, seed + 2, trainLabels).holdout : train.map((_, j) => j);
  const cvRows = sample.map((j) => trainRows[j]);
  const cvLabels = sample.map((j) => trainLabels[j]);
  const folds = stratifiedKFold(cvLabels, INNER_FOLDS, seed + 1);

  const sizes = candidates.length === 0 ? [0] : DERIVED_SIZES.filter((k) => k <= candidates.length);
  const fixedWeight = raw['positive_weight'] !== undefined;
  const trainPositives = trainLabels.filter((y) => y === 1).length;
  const balanced = Math.min(10, Math.sqrt((trainLabels.length - trainPositives) / Math.max(1, trainPositives)));
  const weights = fixedWeight || balanced < 1.5 ? [params.positiveWeight ?? 1] : [1, Math.round(balanced * 100) / 100];
  const progress = progressSteps((candidates.length > 0 ? 1 : 0) + INNER_FOLDS * (sizes.length + weights.length - 1) + 2, onProgress);

  const bins = (width: number): number | undefined => (raw['max_bins'] !== undefined ? params.maxBins : classifierBins(width, params.maxBins ?? 2));
  const crossValidate = (columns: number[], weight: number): CvResult => {
    const projected = projectRows(cvRows, columns);
    const names = columns.map((c) => encoder.names[c]);
    const oof = new Float64Array(cvRows.length);
    for (const test of folds) {
      const held = new Set(test);
      const fitRows = cvRows.map((_, j) => j).filter((j) => !held.has(j));
      const model = fitGbdt(
        fitRows.map((j) => projected[j]),
        fitRows.map((j) => cvLabels[j]),
        { ...params, positiveWeight: weight, maxBins: bins(columns.length) },
        names,
        progress.step(),
      );
      for (const j of test) oof[j] = model.predict(projected[j], -Math.log(weight));
    }
    return { oof, prAuc: classificationMetrics(cvLabels, Array.from(oof)).pr_auc ?? 0 };
  };

  // Candidates ranked by a screening model that sees them all.
  let ranked: number[] = [];
  if (candidates.length > 0) {
    const screening = {
      ...params,
      trees: Math.min(params.trees ?? 200, 100),
      learningRate: Math.min(0.3, (params.learningRate ?? 0.05) * 3),
      positiveWeight: weights[0],
      maxBins: bins(encoder.width),
    };
    const model = fitGbdt(cvRows, cvLabels, screening, encoder.names, progress.step());
    const importance = new Float64Array(encoder.width);
    const every = Math.max(1, Math.floor(cvRows.length / SCREEN_ROWS));
    for (let j = 0; j < cvRows.length; j += every) {
      const { values } = model.contributions(cvRows[j]);
      for (let c = 0; c < values.length; c += 1) importance[c] += Math.abs(values[c]);
    }
    ranked = candidates
      .map((_, k) => k)
      .filter((k) => importance[firstDerived + k] > 0)
      .sort((a, b) => importance[firstDerived + b] - importance[firstDerived + a]);
  }
  const tried: { derived: number; positive_weight: number; pr_auc: number }[] = [];
  let best: { k: number; weight: number; cv: CvResult } | null = null;
  for (const k of sizes) {
    if (k > ranked.length && k > 0) continue;
    const cv = crossValidate(chosenColumns(k), weights[0]);
    tried.push({ derived: k, positive_weight: weights[0], pr_auc: round(cv.prAuc) });
    if (!best || cv.prAuc > best.cv.prAuc + PR_AUC_MARGIN) best = { k, weight: weights[0], cv };
  }
  for (const weight of weights.slice(1)) {
    const current = best as { k: number; weight: number; cv: CvResult };
    const cv = crossValidate(chosenColumns(current.k), weight);
    tried.push({ derived: current.k, positive_weight: weight, pr_auc: round(cv.prAuc) });
    if (cv.prAuc > current.cv.prAuc + PR_AUC_MARGIN) best = { k: current.k, weight, cv };
  }
  const chosen = best as { k: number; weight: number; cv: CvResult };
  const threshold = foldF1Threshold(cvLabels, Array.from(chosen.cv.oof), folds);

  const derived = ranked.slice(0, chosen.k).map((d) => candidates[d]);
  const layout: TabularLayout = { inputs: table.inputs, crosses: [], derived, categorical };
  const columns = chosenColumns(chosen.k);
  const names = columns.map((c) => encoder.names[c]);
  const finalParams = { ...params, positiveWeight: chosen.weight, maxBins: bins(columns.length) };
  const probe = fitGbdt(projectRows(trainRows, columns), trainLabels, finalParams, names, progress.step());
  const offset = chosen.weight === 1 ? 0 : -Math.log(chosen.weight);
  const holdoutRows = projectRows(
    outer.holdout.map((i) => rows[i]),
    columns,
  );
  const holdoutScores = holdoutRows.map((row) => probe.predict(row, offset));
  const metrics = classificationMetrics(
    outer.holdout.map((i) => labels[i]),
    holdoutScores,
    threshold,
  );
  // The metrics are the probe's, on rows it never saw; the stored model learns every row with the same settings.
  const model = fitGbdt(projectRows(rows, columns), labels, finalParams, names, progress.step());
  onProgress(1);
  return {
    artifact: { format: 1, kind: 'tabular', objective: 'binary', layout, threshold, offset, gbdt: model.toJSON() },
    metrics: {
      ...metrics,
      evaluated_on: 'holdout',
      holdout_rows: outer.holdout.length,
      training_rows: train.length,
      stored_model_rows: labels.length,
      cross_validation: {
        folds: INNER_FOLDS,
        rows: cvRows.length,
        criterion: 'pr_auc',
        tried,
        chosen: { derived: chosen.k, positive_weight: chosen.weight, pr_auc: round(chosen.cv.prAuc) },
        threshold: 'mean log-odds of the inner folds’ best-F1 thresholds',
      },
      derived_features: derived.map((d) => derivedName(table.inputs, d)),
      categorical_inputs: Object.fromEntries(categorical.map((c) => [c.name, c.levels.length])),
      ignored_columns: ignored,
      training_seconds: round((performance.now() - started) / 1000, 1),
    },
    hyperparameters: {
      ...finalParams,
      crosses: raw['crosses'] !== false,
      derived_features: derived.length,
      holdout: { method: 'stratified', fraction: HOLDOUT, seed },
      learnt_from: 'all rows',
    },
    featureNames: names,
    holdout: outer.holdout,
    holdoutScores,
    train,
  };
}

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;
