import { Injectable, Logger } from '@nestjs/common';
import { ModelRepository } from '@shopfloor/ml/data-access';
import { MetricsRegistry } from '@shopfloor/observability';
import { Gauge } from 'prom-client';
import { ModelAccuracyService } from './model-accuracy.service';

/** Live accuracy reads every known outcome of a model: recomputed at most this often, however often Prometheus scrapes. */
const REFRESH_MS = 60_000;

/** The measures exported; a classifier's are ratios (brier_score: mean squared error of the probability), a regressor's in hours. */
const CLASSIFIER_MEASURES = ['brier_score', 'precision', 'recall', 'f1'] as const;
const REGRESSOR_MEASURES = ['rmse', 'mae'] as const;

/**
 * `shopfloor_ml_model_accuracy{model_type, measure}`: how the active version of each model type has done on the
 * shop floor so far (its stored predictions against what then happened, as GET /ml/models/{id}/accuracy), and
 * `shopfloor_ml_model_outcomes{model_type, outcome}` with how many of its predictions that rests on (known) or
 * still wait for their horizon (pending). Absent for a type with no active version or no known outcome yet.
 */
@Injectable()
export class ModelAccuracyMetrics {
  private readonly logger = new Logger(ModelAccuracyMetrics.name);
  private readonly accuracy: Gauge<'model_type' | 'measure'>;
  private readonly outcomes: Gauge<'model_type' | 'outcome'>;
  private refreshed = 0;
  private inFlight: Promise<void> | null = null;

  constructor(
    metrics: MetricsRegistry,
    private readonly models: ModelRepository,
    private readonly accuracies: ModelAccuracyService,
  ) {
    const collect = (): Promise<void> => this.refresh();
    this.accuracy = new Gauge({
      name: 'shopfloor_ml_model_accuracy',
      help: 'Live accuracy of the active version of each model type, by measure (brier_score, precision, recall, f1; rmse, mae in hours)',
      labelNames: ['model_type', 'measure'] as const,
      registers: [metrics.registry],
      collect,
    });
    this.outcomes = new Gauge({
      name: 'shopfloor_ml_model_outcomes',
      help: "Predictions of each type's active version whose outcome is known, or still pending",
      labelNames: ['model_type', 'outcome'] as const,
      registers: [metrics.registry],
      collect,
    });
  }

  /** Recomputes when the last values are older than REFRESH_MS; both gauges of one scrape share the read. */
  refresh(now = Date.now()): Promise<void> {
    if (now - this.refreshed < REFRESH_MS) return Promise.resolve();
    this.inFlight ??= this.read()
      .then(() => {
        this.refreshed = Date.now();
      })
      .catch((error: unknown) => this.logger.warn({ message: 'Could not compute model accuracy for /metrics', reason: (error as Error).message }))
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private async read(): Promise<void> {
    const active = await this.models.activeIds();
    const views = await Promise.all([...active.values()].map((modelId) => this.accuracies.accuracy(modelId)));
    this.accuracy.reset();
    this.outcomes.reset();
    for (const view of views) {
      const modelType = view.model_type;
      this.outcomes.set({ model_type: modelType, outcome: 'known' }, view.with_actual);
      this.outcomes.set({ model_type: modelType, outcome: 'pending' }, view.pending);
      const figures: Record<string, unknown> = { ...(view.metrics ?? {}), brier_score: view.brier_score };
      for (const measure of [...CLASSIFIER_MEASURES, ...REGRESSOR_MEASURES]) {
        const value = figures[measure];
        if (typeof value === 'number' && Number.isFinite(value)) this.accuracy.set({ model_type: modelType, measure }, value);
      }
    }
  }
}
