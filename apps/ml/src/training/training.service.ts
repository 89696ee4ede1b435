import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, downtimeCategory, ErrorCode, type ListTrainingsQuery, type ModelType, type TrainRequest, type TrainingView } from '@shopfloor/contracts';
import { GBDT_MAX_BINS } from '@shopfloor/ml/models';
import { DatasetRepository, ShopfloorCopyRepository, TrainingRunRepository, type TrainingRunRecord } from '@shopfloor/ml/data-access';
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
    private readonly copy: ShopfloorCopyRepository,
    private readonly runner: TrainingRunner,
  ) {}

  /** Queues a training and returns at once; a replica's runner trains it in the background. */
  async start(request: TrainRequest): Promise<{ training_id: string; state: 'queued' }> {
    checkParams(request.params ?? {});
    if (!request.dataset_id) {
      // On the shop floor, failure risk is P(a breakdown within the horizon): its label is fixed.
      const fixed =
        request.model_type === 'failure_risk' ? Object.keys(request.params ?? {}).filter((name) => name === 'threshold_minutes' || name === 'stop_types') : [];
      if (fixed.length > 0) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          'A shop-floor failure_risk model predicts breakdowns of any length: its stop length and types cannot be set',
          null,
          fixed.map((name) => ({
            field: `params.${name}`,
            message: 'is not a setting of a shop-floor failure_risk model',
            invalid_value: request.params?.[name] ?? null,
          })),
        );
      }
      const span = await this.copy.dataSpan();
      if (span.from === null)
        throw new DomainError(ErrorCode.InsufficientData, 'No shop-floor history has reached the ml service yet: sync the source first', null);
      return this.enqueue(request.model_type, null, request.params ?? {});
    }
    if (!FROM_DATASET.includes(request.model_type)) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `${request.model_type} models are not trained on an uploaded dataset; datasets train ${FROM_DATASET.join(', ')}`,
        null,
        [{ field: 'model_type', message: `must be one of ${FROM_DATASET.join(', ')} with a dataset_id`, invalid_value: request.model_type }],
      );
    }
    const dataset = await this.datasets.find(request.dataset_id);
    if (!dataset) throw new DomainError(ErrorCode.DatasetNotFound, `No dataset with id ${request.dataset_id}`, { dataset_id: request.dataset_id });
    return this.enqueue(request.model_type, dataset.datasetId, request.params ?? {});
  }

  private async enqueue(modelType: ModelType, datasetId: string | null, params: Record<string, unknown>): Promise<{ training_id: string; state: 'queued' }> {
    const run = await this.runs.enqueue({ trainingId: randomUUID(), modelType, datasetId, params });
    void this.runner.wake();
    return { training_id: run.trainingId, state: 'queued' };
  }

  /** Recent trainings (20 unless asked otherwise), those the service started by itself included. */
  async list(query: ListTrainingsQuery): Promise<{ items: TrainingView[] }> {
    const runs = await this.runs.list({ state: query.state, modelType: query.model_type, limit: query.limit ?? 20 });
    return { items: runs.map(trainingView) };
  }

  async get(trainingId: string): Promise<TrainingView> {
    const run = await this.runs.find(trainingId);
    if (!run) throw new DomainError(ErrorCode.TrainingNotFound, `No training with id ${trainingId}`, { training_id: trainingId });
    return trainingView(run);
  }
}

/** Settings a training may take, and what each must be: unknown names and wrong types are refused, not ignored. */
const PARAM_RULES: Record<string, (v: unknown) => boolean> = {
  trees: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5000,
  learning_rate: (v) => typeof v === 'number' && v > 0 && v <= 1,
  max_depth: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 16,
  min_samples_leaf: (v) => Number.isInteger(v) && (v as number) >= 1,
  l2: (v) => typeof v === 'number' && v >= 0,
  subsample: (v) => typeof v === 'number' && v > 0 && v <= 1,
  colsample: (v) => typeof v === 'number' && v > 0 && v <= 1,
  max_bins: (v) => Number.isInteger(v) && (v as number) >= 2 && (v as number) <= GBDT_MAX_BINS,
  positive_weight: (v) => typeof v === 'number' && v > 0,
  seed: (v) => Number.isInteger(v),
  crosses: (v) => typeof v === 'boolean',
  cap: (v) => typeof v === 'number' && v > 0,
  threshold_minutes: (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1440,
  // Unplanned downtime types only: planned stops and no-production time never count as downtime.
  stop_types: (v) =>
    Array.isArray(v) &&
    v.length >= 1 &&
    v.length <= 20 &&
    v.every((t) => typeof t === 'string' && /^[A-Za-z0-9_ -]{1,64}$/.test(t.trim()) && downtimeCategory(t) === 'unplanned_stop'),
};

function checkParams(params: Record<string, unknown>): void {
  const errors = Object.entries(params)
    .filter(([name, value]) => !(name in PARAM_RULES) || !PARAM_RULES[name](value))
    .map(([name, value]) => ({
      field: `params.${name}`,
      message: name in PARAM_RULES ? 'is out of range or of the wrong type' : `is not a setting (known: ${Object.keys(PARAM_RULES).join(', ')})`,
      invalid_value: value,
    }));
  if (errors.length > 0) throw new DomainError(ErrorCode.ValidationFailed, `Invalid params: ${errors.map((e) => e.field).join(', ')}`, null, errors);
}
