import { DomainError } from '@shopfloor/contracts';
import { SeriesFeaturePlan, type GbdtParams } from '@shopfloor/ml/models';
import { encodeTable, fitGbdt, HOLDOUT } from './dataset-fit';
import { hasInputs, seriesRows, type DatasetTable } from './dataset-table';
import { logLoss, rootMeanSquaredError, type PromotionComparison } from './promotion';
import { TabularEncoder } from './tabular-features';
import { TrainedModel, type ModelArtifact } from './trained-model';

/** The active version a new training is compared with. `sameData`: it was trained on this very dataset. */
export interface IncumbentModel {
  artifact: ModelArtifact;
  sameData: boolean;
  hyperparameters: Record<string, unknown>;
}

/** How a dataset model chose its held-out rows: the same descriptor on the same data means the same rows. */
export interface HoldoutDescriptor {
  method: 'stratified' | 'groups' | 'random';
  fraction: number;
  seed: number;
}

/** What the challenger brings to the comparison: its held-out rows, its predictions for them and their label as learnt. */
export interface ChallengerScores {
  objective: 'binary' | 'regression';
  holdout: readonly number[];
  holdoutScores: readonly number[];
  train: readonly number[];
  /** The label of every row as the challenger learnt it (capped for a remaining life). */
  learnt: readonly number[];
  split: HoldoutDescriptor;
}

/**
 * The incumbent scored on the challenger's held-out rows with the challenger's metric, or undefined when it cannot
 * be (another kind of model, or its inputs are not in this dataset). Its stored model is scored as is when it cannot
 * have learnt those rows (another dataset, or an older model that learnt only its training part with the same rows
 * held out); otherwise (it learnt every row of this dataset, or other rows were held out) its settings — feature
 * layout or window plan, learner parameters, class-weight offset and label cap — are refit on the challenger's
 * training part, so both are scored as models that never saw the held-out rows.
 */
export function compareWithIncumbent(incumbent: IncumbentModel, table: DatasetTable, challenger: ChallengerScores): PromotionComparison | undefined {
  const artifact = incumbent.artifact;
  if (artifact.kind !== 'tabular' && artifact.kind !== 'series') return undefined;
  if (artifact.objective !== challenger.objective) return undefined;
  const readable =
    artifact.kind === 'tabular'
      ? hasInputs(
          table,
          artifact.layout.inputs,
          (artifact.layout.categorical ?? []).map((c) => c.name),
        )
      : table.groups !== null && table.orders !== null && hasInputs(table, artifact.inputs);
  if (!readable) return undefined;
  const method = !incumbent.sameData || (sameSplit(holdoutOf(incumbent), challenger.split) && !learntEveryRow(incumbent)) ? 'stored' : 'refit';
  let scores: number[];
  try {
    scores = method === 'stored' ? storedScores(artifact, table, challenger.holdout) : refitScores(artifact, table, challenger);
  } catch (error) {
    // The incumbent cannot read these rows after all (e.g. a series too short for its plan): no comparison.
    if (error instanceof DomainError || error instanceof RangeError) return undefined;
    throw error;
  }
  const truth = challenger.holdout.map((i) => challenger.learnt[i]);
  const metric = challenger.objective === 'binary' ? 'log_loss' : 'rmse';
  const score = (predicted: readonly number[]): number => (metric === 'log_loss' ? logLoss(truth, predicted) : rootMeanSquaredError(truth, predicted));
  return { metric, challenger: score(challenger.holdoutScores), incumbent: score(scores), rows: truth.length, method };
}

/** The incumbent's held-out split: recorded in its hyperparameters, or (older models) the one its trainer used. */
export function holdoutOf(incumbent: IncumbentModel): HoldoutDescriptor {
  const recorded = incumbent.hyperparameters['holdout'] as Partial<HoldoutDescriptor> | undefined;
  if (
    recorded &&
    typeof recorded === 'object' &&
    typeof recorded.method === 'string' &&
    typeof recorded.seed === 'number' &&
    typeof recorded.fraction === 'number'
  ) {
    return { method: recorded.method, seed: recorded.seed, fraction: recorded.fraction };
  }
  const seed = typeof incumbent.hyperparameters['seed'] === 'number' ? incumbent.hyperparameters['seed'] : 1;
  const artifact = incumbent.artifact;
  const method = artifact.kind === 'series' ? 'groups' : artifact.kind === 'tabular' && artifact.objective === 'binary' ? 'stratified' : 'random';
  return { method, seed, fraction: HOLDOUT };
}

/** Models trained since the stored model learns every row record it; older ones learnt their training part only. */
const learntEveryRow = (incumbent: IncumbentModel): boolean => incumbent.hyperparameters['learnt_from'] === 'all rows';

const sameSplit = (a: HoldoutDescriptor, b: HoldoutDescriptor): boolean => a.method === b.method && a.seed === b.seed && a.fraction === b.fraction;

function storedScores(artifact: ModelArtifact, table: DatasetTable, rows: readonly number[]): number[] {
  const { scores } = TrainedModel.fromArtifact(artifact).score(table, 'all');
  return rows.map((r) => scores[r]);
}

function refitScores(artifact: Extract<ModelArtifact, { kind: 'tabular' | 'series' }>, table: DatasetTable, challenger: ChallengerScores): number[] {
  const label = table.label as Float64Array;
  const cap = artifact.cap ?? null;
  const target = (r: number): number => (cap === null ? label[r] : Math.min(label[r], cap));
  let rows: Float64Array[];
  let names: string[];
  if (artifact.kind === 'tabular') {
    const encoder = new TabularEncoder(artifact.layout);
    rows = encodeTable(table, encoder);
    names = encoder.names;
  } else {
    const plan = SeriesFeaturePlan.fromJSON(artifact.plan);
    const { group, order } = plan.toJSON();
    rows = plan.transform(seriesRows(table, artifact.inputs, group, order)).matrix.map((row) => Float64Array.from(row));
    names = plan.names;
  }
  const params = artifact.gbdt.params as GbdtParams;
  const model = fitGbdt(
    challenger.train.map((r) => rows[r]),
    challenger.train.map(target),
    params,
    names,
  );
  const offset = artifact.kind === 'tabular' ? (artifact.offset ?? 0) : 0;
  return challenger.holdout.map((r) => {
    const value = model.predict(rows[r], offset);
    return artifact.objective === 'binary' ? value : Math.min(Math.max(value, 0), cap ?? Number.POSITIVE_INFINITY);
  });
}
