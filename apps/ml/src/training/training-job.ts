import { DomainError, type ModelType } from '@shopfloor/contracts';
import { serviceDataSourceOptions } from '@shopfloor/database';
import { ML_ENTITIES, ShopfloorCopyRepository } from '@shopfloor/ml/data-access';
import { DataSource } from 'typeorm';
import {
  type DatasetTable,
  type PromotionComparison,
  compareOnNewHeldOut,
  encodeArtifact,
  type ShopfloorIncumbent,
  trainOnDataset,
  type IncumbentModel,
  trainAnomaly,
  trainMaintenance,
  BREAKDOWN_LABEL,
  DOWNTIME_THRESHOLD_MINUTES,
  trainDowntime,
  type DowntimeArtifact,
  type DowntimeLabel,
} from '@shopfloor/ml/modelling';

/** What a training thread is given: a dataset's table, or where to read the shop-floor history from. */
export type TrainingJobInput =
  | {
      source: 'dataset';
      modelType: ModelType;
      table: DatasetTable;
      params: Record<string, unknown>;
      /** The type's active version, when it learnt from a dataset too: the promotion gate compares with it. */
      incumbent: IncumbentModel | null;
    }
  | {
      source: 'shopfloor';
      /** failure_risk on the shop floor: the downtime learner with breakdowns of any length as its label. */
      modelType: 'downtime' | 'anomaly' | 'maintenance_window' | 'failure_risk';
      params: Record<string, unknown>;
      database: { url: string; ssl: 'disable' | 'require' | 'verify-full' };
      machineIds: string[];
      span: { from: number; to: number };
      /** The shop's time zone for the models' calendar inputs. */
      timezone: string;
      /** The type's active version, when it too learnt from the shop floor: the promotion gate compares with it. */
      incumbent: ShopfloorIncumbent | null;
    };

export type TrainingJobMessage =
  | { type: 'progress'; fraction: number }
  | {
      type: 'done';
      artifact: Uint8Array;
      metrics: Record<string, unknown>;
      hyperparameters: Record<string, unknown>;
      featureNames: string[];
      rows: number | null;
      span: { from: number; to: number } | null;
      /** Both versions on the same held-out rows; a string says why none could be made; undefined without an incumbent. */
      comparison?: PromotionComparison | string;
    }
  | { type: 'failed'; message: string; code: string | null };

/** Runs one training to its end, reporting through `send`; the same code in a worker thread and in-process. */
export async function runTrainingJob(input: TrainingJobInput, send: (message: TrainingJobMessage) => void): Promise<void> {
  const progress = (fraction: number): void => send({ type: 'progress', fraction });
  try {
    if (input.source === 'dataset') {
      const outcome = trainOnDataset(input.modelType, input.table, input.params, progress, input.incumbent ?? undefined);
      const comparison = input.incumbent ? (outcome.comparison ?? 'the active version cannot read this dataset (its inputs are not all in it)') : undefined;
      send({
        type: 'done',
        artifact: encodeArtifact(outcome.artifact),
        metrics: outcome.metrics,
        hyperparameters: outcome.hyperparameters,
        featureNames: outcome.featureNames,
        rows: null,
        span: null,
        comparison,
      });
      return;
    }
    // The thread reads the history itself, one machine at a time, through its own small connection pool.
    const dataSource = await new DataSource(
      serviceDataSourceOptions({
        url: input.database.url,
        schema: 'ml',
        ssl: input.database.ssl,
        poolSize: 2,
        applicationName: 'ml-training',
        entities: ML_ENTITIES,
        migrations: [],
        migrationsRun: false,
      }),
    ).initialize();
    try {
      const copy = new ShopfloorCopyRepository(dataSource);
      const load = (machineId: string) => copy.history(machineId, input.span.from, input.span.to);
      if (input.modelType === 'anomaly') {
        const outcome = await trainAnomaly(input.machineIds, load, input.span, progress);
        const comparison = input.incumbent ? 'anomaly models have no labelled outcome to compare versions on' : undefined;
        send({
          type: 'done',
          artifact: encodeArtifact(outcome.artifact),
          metrics: outcome.metrics,
          hyperparameters: outcome.hyperparameters,
          featureNames: outcome.featureNames,
          rows: outcome.rows,
          span: input.span,
          comparison,
        });
        return;
      }
      const outcome =
        input.modelType === 'maintenance_window'
          ? await trainMaintenance(input.machineIds, load, input.span, numericParams(input.params), progress, { timezone: input.timezone })
          : await trainDowntime(
              input.machineIds,
              load,
              input.span,
              numericParams(input.params),
              progress,
              input.modelType === 'failure_risk' ? BREAKDOWN_LABEL : downtimeLabel(input.params),
              { timezone: input.timezone },
            );
      let comparison: PromotionComparison | string | undefined;
      if (input.incumbent) {
        const mismatch = labelMismatch(input.incumbent, outcome.artifact);
        comparison =
          mismatch ??
          (outcome.heldOut.length === 0
            ? 'nothing was held out (fewer than 3 machines)'
            : await compareOnNewHeldOut(outcome.artifact.kind === 'shopfloor-downtime' ? 'log_loss' : 'rmse', outcome.heldOut, input.incumbent, load));
      }
      send({
        type: 'done',
        artifact: encodeArtifact(outcome.artifact),
        metrics: outcome.metrics,
        hyperparameters: outcome.hyperparameters,
        featureNames: outcome.featureNames,
        rows: outcome.rows,
        span: input.span,
        comparison,
      });
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    if (error instanceof DomainError) {
      const detail = error.fieldErrors?.map((f) => `${f.field}: ${f.message}`).join('; ');
      send({ type: 'failed', code: error.code, message: detail && !error.message.includes(detail) ? `${error.message} (${detail})` : error.message });
    } else if (error instanceof RangeError) send({ type: 'failed', code: 'INSUFFICIENT_DATA', message: error.message });
    else send({ type: 'failed', code: null, message: error instanceof Error ? error.message : String(error) });
  }
}

/** Versions that learnt different labels (or are of another kind) cannot be ranked on one held-out set. */
function labelMismatch(incumbent: ShopfloorIncumbent, challenger: { kind: string }): string | null {
  if (incumbent.artifact.kind !== challenger.kind) return `the active version is a ${incumbent.artifact.kind} model, this one a ${challenger.kind} model`;
  if (challenger.kind !== 'shopfloor-downtime') return null;
  const a = incumbent.artifact as DowntimeArtifact;
  const b = challenger as DowntimeArtifact;
  const types = (t: string[] | undefined): string => [...(t ?? [])].sort().join(',');
  if (a.thresholdMinutes !== b.thresholdMinutes || types(a.stopTypes) !== types(b.stopTypes))
    return 'the active version predicts another kind of stop (length or types), so the two cannot be ranked on one label';
  return null;
}

/** What a downtime model is to predict, from the training's params (validated by the training service). */
function downtimeLabel(params: Record<string, unknown>): DowntimeLabel {
  const threshold = params['threshold_minutes'];
  const types = params['stop_types'];
  return {
    thresholdMinutes: typeof threshold === 'number' ? threshold : DOWNTIME_THRESHOLD_MINUTES,
    stopTypes: Array.isArray(types) ? [...new Set(types.map((t) => String(t).trim().toUpperCase()))] : [],
  };
}

/** The boosting settings a request may override for shop-floor models (numbers only; anything else is ignored). */
function numericParams(params: Record<string, unknown>): Record<string, number> {
  const names: Record<string, string> = {
    trees: 'trees',
    learning_rate: 'learningRate',
    max_depth: 'maxDepth',
    min_samples_leaf: 'minSamplesLeaf',
    seed: 'seed',
  };
  const out: Record<string, number> = {};
  for (const [name, key] of Object.entries(names)) if (typeof params[name] === 'number' && Number.isFinite(params[name])) out[key] = params[name];
  return out;
}
