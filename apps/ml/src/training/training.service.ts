import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type ModelType, type TrainRequest, type TrainingView } from '@shopfloor/contracts';
import { DatasetRepository, TrainingRunRepository, type TrainingRunRecord } from '@shopfloor/ml/data-access';
import { TrainingRunner } from './training-runner';

/** Model types that can be trained on an uploaded dataset (API.md: classifier or remaining-life regression on its label). */
const FROM_DATASET: readonly ModelType[] = ['failure_risk', 'downtime', 'maintenance_window'];

export function trainingView(run: TrainingRunRecord): TrainingView {
  return {
    training_id: run.trainingId,
    model_type: run.modelType as ModelType,
    dataset_id: run.datasetId,
    state: run.state,
    progress: Math.round(run.progress * 1000) / 1000,
    model_id: run.modelId,
    metrics: run.metrics,
    error: run.error,
    created_at: run.createdAt.toISOString(),
    started_at: run.startedAt?.toISOString() ?? null,
    finished_at: run.finishedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class TrainingService {
  constructor(
    private readonly runs: TrainingRunRepository,
    private readonly datasets: DatasetRepository,
    private readonly runner: TrainingRunner,
  ) {}

  /** Queues a training and returns at once; a replica's runner trains it in the background. */
  async start(request: TrainRequest): Promise<{ training_id: string; state: 'queued' }> {
    if (!request.dataset_id) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Give the dataset_id of an uploaded dataset (POST /api/v1/ml/datasets) to train on', null, [
        { field: 'dataset_id', message: 'is required', invalid_value: null },
      ]);
    }
    if (!FROM_DATASET.includes(request.model_type)) {
      throw new DomainError(ErrorCode.ValidationFailed, `${request.model_type} models are not trained on an uploaded dataset; datasets train ${FROM_DATASET.join(', ')}`, null, [
        { field: 'model_type', message: `must be one of ${FROM_DATASET.join(', ')} with a dataset_id`, invalid_value: request.model_type },
      ]);
    }
    const dataset = await this.datasets.find(request.dataset_id);
    if (!dataset) throw new DomainError(ErrorCode.DatasetNotFound, `No dataset with id ${request.dataset_id}`, { dataset_id: request.dataset_id });
    const run = await this.runs.enqueue({ trainingId: randomUUID(), modelType: request.model_type, datasetId: dataset.datasetId, params: request.params ?? {} });
    this.runner.wake();
    return { training_id: run.trainingId, state: 'queued' };
  }

  async get(trainingId: string): Promise<TrainingView> {
    const run = await this.runs.find(trainingId);
    if (!run) throw new DomainError(ErrorCode.TrainingNotFound, `No training with id ${trainingId}`, { training_id: trainingId });
    return trainingView(run);
  }
}
