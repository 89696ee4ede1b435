import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type PredictDowntimeRequest, type PredictionResult } from '@shopfloor/contracts';
import type { DowntimeArtifact } from '@shopfloor/ml/modelling';
import { ModelsService } from '../registry/models.service';
import { MachineHistoryService, type PreloadedHistory } from './machine-history.service';
import { PredictionPublisher, predictionEvent, storedPrediction, TOP_FACTORS } from './prediction-publisher';

/** The stop a shop-floor downtime model predicts, as its answers state it. */
export function stopLabel(artifact: DowntimeArtifact): { stop_minutes: number; stop_types: string[] } {
  return { stop_minutes: artifact.thresholdMinutes, stop_types: artifact.stopTypes ?? [] };
}

/** What a prediction of such a stop read, as it is stored. */
export function stopInput(artifact: DowntimeArtifact, horizonHours: number): Record<string, unknown> {
  return { horizon_hours: horizonHours, threshold_minutes: artifact.thresholdMinutes, stop_types: artifact.stopTypes ?? [] };
}

/**
 * Probability that an unplanned stop of the model's length (30+ minutes unless trained otherwise) starts on the machine
 * within the horizon, from its history so far.
 */
@Injectable()
export class DowntimePredictionService {
  constructor(
    private readonly models: ModelsService,
    private readonly histories: MachineHistoryService,
    private readonly publisher: PredictionPublisher,
  ) {}

  async predict(request: PredictDowntimeRequest, preloaded?: PreloadedHistory): Promise<PredictionResult> {
    if (!preloaded) await this.histories.requireMachine(request.machine_id);
    const { record, model } = await this.models.activeModel('downtime');
    if (model.artifact.kind !== 'shopfloor-downtime')
      throw new DomainError(ErrorCode.Conflict, 'The active downtime model was trained on a dataset and reads its columns, not a machine history', {
        model_id: record.modelId,
      });
    const { history, now } = await this.histories.recent(request.machine_id, preloaded);
    const { value, factors } = model.explainDowntime(history, now, request.horizon_hours, TOP_FACTORS);
    const confidenceThreshold = request.confidence_threshold ?? 0.8;
    const result: PredictionResult = {
      prediction_id: randomUUID(),
      machine_id: request.machine_id,
      prediction_type: 'downtime',
      predicted_value: value,
      confidence_score: Math.max(value, 1 - value),
      prediction_timestamp: new Date(now).toISOString(),
      model_id: record.modelId,
      model_version: record.version,
      threshold: model.threshold,
      factors,
      horizon_hours: request.horizon_hours,
      ...stopLabel(model.artifact),
      exceeds_threshold: value >= confidenceThreshold,
    };
    await this.publisher.record(
      storedPrediction(result, stopInput(model.artifact, request.horizon_hours), request.horizon_hours, new Date(now + request.horizon_hours * 3_600_000)),
      predictionEvent(result, request.machine_id, 'downtime', request.horizon_hours, null),
    );
    return result;
  }
}
