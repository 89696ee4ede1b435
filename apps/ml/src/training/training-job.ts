import { gzipSync } from 'node:zlib';
import { DomainError, type ModelType } from '@shopfloor/contracts';
import type { DatasetTable } from '../modelling/dataset-table';
import { trainOnDataset } from '../modelling/dataset-trainer';

/** What a training thread is given, and what it sends back. */
export interface TrainingJobInput {
  modelType: ModelType;
  table: DatasetTable;
  params: Record<string, unknown>;
}

export type TrainingJobMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; artifact: Uint8Array; metrics: Record<string, unknown>; hyperparameters: Record<string, unknown>; featureNames: string[] }
  | { type: 'failed'; message: string; code: string | null };

/** Runs one training to its end, reporting through `send`; the same code in a worker thread and in-process. */
export function runTrainingJob(input: TrainingJobInput, send: (message: TrainingJobMessage) => void): void {
  try {
    const outcome = trainOnDataset(input.modelType, input.table, input.params, (fraction) => send({ type: 'progress', fraction }));
    const artifact = gzipSync(JSON.stringify(outcome.artifact));
    send({ type: 'done', artifact, metrics: outcome.metrics, hyperparameters: outcome.hyperparameters, featureNames: outcome.featureNames });
  } catch (error) {
    if (error instanceof DomainError) {
      const detail = error.fieldErrors?.map((f) => `${f.field}: ${f.message}`).join('; ');
      send({ type: 'failed', code: error.code, message: detail && !error.message.includes(detail) ? `${error.message} (${detail})` : error.message });
    } else send({ type: 'failed', code: null, message: error instanceof Error ? error.message : String(error) });
  }
}
