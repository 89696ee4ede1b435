import type { ModelType } from '@shopfloor/contracts';
import { trainClassifier } from './dataset-classifier';
import { compareWithIncumbent, type HoldoutDescriptor, type IncumbentModel } from './dataset-comparison';
import { gbdtParams, invalid } from './dataset-fit';
import { trainRegressor } from './dataset-regressor';
import type { DatasetTable } from './dataset-table';
import type { PromotionComparison } from './promotion';
import type { ModelArtifact } from './trained-model';

export { DEFAULT_SERIES_SPEC } from './dataset-regressor';
export type { IncumbentModel } from './dataset-comparison';

export interface TrainingOutcome {
  artifact: ModelArtifact;
  metrics: Record<string, unknown>;
  hyperparameters: Record<string, unknown>;
  featureNames: string[];
  /** The new model against the incumbent on the new model's held-out rows, when an incumbent was given and can read them. */
  comparison?: PromotionComparison;
}

/**
 * Trains a model type on an uploaded dataset: `failure_risk` and `downtime` are classifiers of the (0/1) label,
 * `maintenance_window` a regression of the remaining life in the label — on window features along `order` when the
 * dataset is a time series. A stratified (or, for series, group-wise) fifth of the data is held out and the metrics
 * are those of a probe model on it, which learnt the rest; everything the trainer chooses (a classifier's derived
 * features, class weight and decision threshold; a remaining life's label cap) is chosen by cross-validation on the
 * training part only. The stored model then learns every row with those settings. With `incumbent`, the active
 * version is scored on the same held-out rows against the probe (`comparison`).
 */
export function trainOnDataset(
  modelType: ModelType,
  table: DatasetTable,
  params: Record<string, unknown>,
  onProgress: (fraction: number) => void,
  incumbent?: IncumbentModel,
): TrainingOutcome {
  if (!table.label) throw invalid('dataset_id', 'The dataset has no numeric label column');
  switch (modelType) {
    case 'failure_risk':
    case 'downtime': {
      const fit = trainClassifier(table, table.label, gbdtParams('binary', params), params, onProgress);
      const { artifact, metrics, hyperparameters, featureNames } = fit;
      const split = hyperparameters['holdout'] as HoldoutDescriptor;
      const comparison = incumbent
        ? compareWithIncumbent(incumbent, table, {
            objective: 'binary',
            holdout: fit.holdout,
            holdoutScores: fit.holdoutScores,
            train: fit.train,
            learnt: Array.from(table.label),
            split,
          })
        : undefined;
      return { artifact, metrics, hyperparameters, featureNames, ...(comparison ? { comparison } : {}) };
    }
    case 'maintenance_window': {
      const fit = trainRegressor(table, table.label, gbdtParams('regression', params), params, onProgress);
      const { artifact, metrics, hyperparameters, featureNames } = fit;
      const split = hyperparameters['holdout'] as HoldoutDescriptor;
      const comparison = incumbent
        ? compareWithIncumbent(incumbent, table, {
            objective: 'regression',
            holdout: fit.holdout,
            holdoutScores: fit.holdoutScores,
            train: fit.train,
            learnt: fit.learnt,
            split,
          })
        : undefined;
      return { artifact, metrics, hyperparameters, featureNames, ...(comparison ? { comparison } : {}) };
    }
    case 'anomaly':
      throw invalid('model_type', "anomaly models learn from the machines' readings, not from an uploaded dataset", modelType);
  }
}
