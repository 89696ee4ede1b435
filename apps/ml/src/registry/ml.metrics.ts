import { Injectable } from '@nestjs/common';
import { MODEL_TYPES } from '@shopfloor/contracts';
import { MetricsRegistry } from '@shopfloor/observability';
import { Counter, Histogram } from 'prom-client';
import type { RoundCounts } from '../scoring/scheduled-scoring';

/**
 * What the ml service does, counted by the replica that did it (sum across replicas): trainings, stored predictions
 * and scheduled scoring rounds. Model types are the contract's four, so every label set is bounded.
 */
@Injectable()
export class MlMetrics {
  private readonly trainings: Counter<'model_type' | 'outcome'>;
  private readonly predictions: Counter<'model_type'>;
  private readonly roundDuration: Histogram;
  private readonly roundResults: Counter<'result'>;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    this.trainings = new Counter({
      name: 'shopfloor_ml_trainings_total',
      help: 'Trainings ended, by model type and outcome (succeeded, failed)',
      labelNames: ['model_type', 'outcome'] as const,
      registers,
    });
    this.predictions = new Counter({
      name: 'shopfloor_ml_predictions_total',
      help: 'Predictions stored (asked for, or made by scheduled scoring), by model type',
      labelNames: ['model_type'] as const,
      registers,
    });
    this.roundDuration = new Histogram({
      name: 'shopfloor_ml_scoring_round_duration_seconds',
      help: 'Duration of a scheduled scoring round (every active model on every machine with recent data)',
      buckets: [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers,
    });
    this.roundResults = new Counter({
      name: 'shopfloor_ml_scoring_results_total',
      help: 'Outcomes of scoring one machine with one model in scheduled rounds: prediction, skipped (too little data), error',
      labelNames: ['result'] as const,
      registers,
    });
    for (const modelType of MODEL_TYPES) {
      this.predictions.inc({ model_type: modelType }, 0);
      for (const outcome of ['succeeded', 'failed']) this.trainings.inc({ model_type: modelType, outcome }, 0);
    }
    for (const result of ['prediction', 'skipped', 'error']) this.roundResults.inc({ result }, 0);
  }

  trainingEnded(modelType: string, outcome: 'succeeded' | 'failed'): void {
    this.trainings.inc({ model_type: modelType, outcome });
  }

  predictionStored(modelType: string): void {
    this.predictions.inc({ model_type: modelType });
  }

  scoringRound(seconds: number, counts: RoundCounts): void {
    this.roundDuration.observe(seconds);
    this.roundResults.inc({ result: 'prediction' }, counts.predictions);
    this.roundResults.inc({ result: 'skipped' }, counts.skipped);
    this.roundResults.inc({ result: 'error' }, counts.errors);
  }
}
