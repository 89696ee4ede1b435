import { Injectable } from '@nestjs/common';
import { SUBJECTS, type PredictionEvent } from '@shopfloor/contracts';
import { PredictionRepository, type NewPrediction } from '@shopfloor/ml/data-access';
import { JetStreamService } from '@shopfloor/nats';
import { MlMetrics } from '../registry/ml.metrics';

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
  async record(stored: NewPrediction, event: Omit<PredictionEvent, 'above_threshold' | 'transition'> | null): Promise<void> {
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
