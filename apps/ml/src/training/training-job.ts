import { gzipSync } from 'node:zlib';
import { DomainError, type ModelType } from '@shopfloor/contracts';
import { serviceDataSourceOptions } from '@shopfloor/database';
import { ML_ENTITIES, ShopfloorCopyRepository } from '@shopfloor/ml/data-access';
import { DataSource } from 'typeorm';
import type { DatasetTable } from '../modelling/dataset-table';
import { trainOnDataset } from '../modelling/dataset-trainer';
import { trainAnomaly } from '../modelling/shopfloor-anomaly';
import { trainMaintenance } from '../modelling/shopfloor-maintenance';
import { DOWNTIME_THRESHOLD_MINUTES, trainDowntime, type DowntimeLabel } from '../modelling/shopfloor-trainer';

/** What a training thread is given: a dataset's table, or where to read the shop-floor history from. */
export type TrainingJobInput =
  | { source: 'dataset'; modelType: ModelType; table: DatasetTable; params: Record<string, unknown> }
  | {
      source: 'shopfloor';
      modelType: 'downtime' | 'anomaly' | 'maintenance_window';
      params: Record<string, unknown>;
      database: { url: string; ssl: 'disable' | 'require' | 'verify-full' };
      machineIds: string[];
      span: { from: number; to: number };
      /** The shop's time zone for the models' calendar inputs. */
      timezone: string;
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
    }
  | { type: 'failed'; message: string; code: string | null };

/** Runs one training to its end, reporting through `send`; the same code in a worker thread and in-process. */
export async function runTrainingJob(input: TrainingJobInput, send: (message: TrainingJobMessage) => void): Promise<void> {
  const progress = (fraction: number): void => send({ type: 'progress', fraction });
  try {
    if (input.source === 'dataset') {
      const outcome = trainOnDataset(input.modelType, input.table, input.params, progress);
      send({ type: 'done', artifact: gzipSync(JSON.stringify(outcome.artifact)), metrics: outcome.metrics, hyperparameters: outcome.hyperparameters, featureNames: outcome.featureNames, rows: null, span: null });
      return;
    }
    // The thread reads the history itself, one machine at a time, through its own small connection pool.
    const dataSource = await new DataSource(
      serviceDataSourceOptions({ url: input.database.url, schema: 'ml', ssl: input.database.ssl, poolSize: 2, applicationName: 'ml-training', entities: ML_ENTITIES, migrations: [], migrationsRun: false }),
    ).initialize();
    try {
      const copy = new ShopfloorCopyRepository(dataSource);
      const load = (machineId: string) => copy.history(machineId, input.span.from, input.span.to);
      const outcome =
        input.modelType === 'anomaly'
          ? await trainAnomaly(input.machineIds, load, input.span, progress)
          : input.modelType === 'maintenance_window'
            ? await trainMaintenance(input.machineIds, load, input.span, numericParams(input.params), progress, { timezone: input.timezone })
            : await trainDowntime(input.machineIds, load, input.span, numericParams(input.params), progress, downtimeLabel(input.params), { timezone: input.timezone });
      send({ type: 'done', artifact: gzipSync(JSON.stringify(outcome.artifact)), metrics: outcome.metrics, hyperparameters: outcome.hyperparameters, featureNames: outcome.featureNames, rows: outcome.rows, span: input.span });
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
  const names: Record<string, string> = { trees: 'trees', learning_rate: 'learningRate', max_depth: 'maxDepth', min_samples_leaf: 'minSamplesLeaf', seed: 'seed' };
  const out: Record<string, number> = {};
  for (const [name, key] of Object.entries(names)) if (typeof params[name] === 'number' && Number.isFinite(params[name])) out[key] = params[name];
  return out;
}
