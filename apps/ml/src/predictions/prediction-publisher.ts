import { Injectable } from '@nestjs/common';
import { SUBJECTS, type PredictionEvent, type PredictionEventType, type PredictionResult } from '@shopfloor/contracts';
import { PredictionRepository, type NewPrediction } from '@shopfloor/ml/data-access';
import { JetStreamService } from '@shopfloor/nats';
import { MlMetrics } from '../registry/ml.metrics';

/** Factors kept with each prediction, the strongest first. */
export const TOP_FACTORS = 5;

/** What a prediction's event carries before the publisher adds its side of the threshold. */
export type UnsidedPredictionEvent = Omit<PredictionEvent, 'above_threshold' | 'transition'>;

/** The stored row of a prediction answered as `result`, with what it read and when its outcome will be known. */
export function storedPrediction(result: PredictionResult, input: Record<string, unknown>, horizonHours: number | null, dueAt: Date | null): NewPrediction {
  return {
    predictionId: result.prediction_id,
    modelId: result.model_id,
    modelType: result.prediction_type,
    machineId: result.machine_id,
    predictedValue: result.predicted_value,
    confidenceScore: result.confidence_score,
    horizonHours,
    input,
    factors: result.factors,
    predictedAt: new Date(result.prediction_timestamp),
    dueAt,
  };
}

/** The event of a machine's prediction answered as `result`. */
export function predictionEvent(
  result: PredictionResult,
  machineId: string,
  type: PredictionEventType,
  horizonHours: number | null,
  window: PredictionEvent['window'],
): UnsidedPredictionEvent {
  return {
    prediction_id: result.prediction_id,
    machine_id: machineId,
    prediction_type: type,
    predicted_value: result.predicted_value,
    threshold: result.threshold,
    horizon_hours: horizonHours,
    model_id: result.model_id,
    model_version: result.model_version,
    predicted_at: result.prediction_timestamp,
    window,
    factors: result.factors,
  };
}

/** Where a value stands against its threshold, and whether it crossed it since the previous value. */
export function thresholdSide(value: number, previous: number | null, threshold: number | null): Pick<PredictionEvent, 'above_threshold' | 'transition'> {
  if (threshold === null) return { above_threshold: null, transition: null };
  const above = value >= threshold;
  if (previous === null) return { above_threshold: above, transition: above ? 'raised' : null };
  const wasAbove = previous >= threshold;
  return { above_threshold: above, transition: above === wasAbove ? null : above ? 'raised' : 'cleared' };
}

/**
 * Stores each prediction and publishes every one of a machine on `ml.prediction.<type>` — low ones too — with its
 * side of the threshold and the crossing against the machine's previous prediction of the same kind and horizon, so
 * a consumer sees a risk both rise over its threshold and fall back under it.
 */
@Injectable()
export class PredictionPublisher {
  constructor(
    private readonly predictions: PredictionRepository,
    private readonly jetStream: JetStreamService,
    private readonly metrics: MlMetrics,
  ) {}

  /** `event` null: nothing to publish (readings sent without a machine are a what-if). */
  async record(stored: NewPrediction, event: UnsidedPredictionEvent | null): Promise<void> {
    if (event === null) {
      await this.predictions.insert(stored);
      this.metrics.predictionStored(stored.modelType);
      return;
    }
    const previous = await this.predictions.previousValue(event.machine_id, stored.modelType, stored.horizonHours, stored.predictedAt);
    await this.predictions.insert(stored);
    this.metrics.predictionStored(stored.modelType);
    const full: PredictionEvent = { ...event, ...thresholdSide(event.predicted_value, previous, event.threshold) };
    // Published once: the message id is the prediction's id, so a repeated publish is dropped by JetStream.
    await this.jetStream.publish(SUBJECTS.mlEvents.prediction(event.prediction_type), full, event.prediction_id);
  }
}
