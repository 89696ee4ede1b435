import type { ModelAccuracyView } from '@shopfloor/contracts';
import type { ModelRepository } from '@shopfloor/ml/data-access';
import { MetricsRegistry } from '@shopfloor/observability';
import { ModelAccuracyMetrics } from './model-accuracy.metrics';
import type { ModelAccuracyService } from './model-accuracy.service';

const VIEWS: Record<string, ModelAccuracyView> = {
  'model-d': {
    model_id: 'model-d',
    model_type: 'downtime',
    version: 3,
    predictions: 40,
    with_actual: 30,
    pending: 10,
    brier_score: 0.12,
    metrics: { precision: 0.5, recall: 0.75, f1: 0.6, roc_auc: 0.8 },
  },
  'model-m': {
    model_id: 'model-m',
    model_type: 'maintenance_window',
    version: 1,
    predictions: 5,
    with_actual: 4,
    pending: 1,
    brier_score: null,
    metrics: { rmse: 20.5, mae: 12, nasa_score: 3 },
  },
  'model-a': { model_id: 'model-a', model_type: 'anomaly', version: 1, predictions: 0, with_actual: 0, pending: 0, brier_score: null, metrics: null },
};

describe(ModelAccuracyMetrics.name, () => {
  function setUp(): { metrics: MetricsRegistry; gauges: ModelAccuracyMetrics; asked: string[] } {
    const asked: string[] = [];
    const models = { activeIds: async () => new Map(Object.values(VIEWS).map((v) => [v.model_type, v.model_id])) } as unknown as ModelRepository;
    const accuracies = {
      accuracy: async (modelId: string) => {
        asked.push(modelId);
        return VIEWS[modelId];
      },
    } as unknown as ModelAccuracyService;
    const metrics = new MetricsRegistry();
    return { metrics, gauges: new ModelAccuracyMetrics(metrics, models, accuracies), asked };
  }

  it("exports each active version's measures by model type, and how many outcomes they rest on", async () => {
    const { metrics } = setUp();
    const text = await metrics.render();
    expect(text).toMatch(/^shopfloor_ml_model_accuracy\{model_type="downtime",measure="brier_score"\} 0.12$/m);
    expect(text).toMatch(/^shopfloor_ml_model_accuracy\{model_type="downtime",measure="f1"\} 0.6$/m);
    expect(text).toMatch(/^shopfloor_ml_model_accuracy\{model_type="maintenance_window",measure="rmse"\} 20.5$/m);
    expect(text).toMatch(/^shopfloor_ml_model_outcomes\{model_type="downtime",outcome="pending"\} 10$/m);
    expect(text).toMatch(/^shopfloor_ml_model_outcomes\{model_type="anomaly",outcome="known"\} 0$/m);
    // Only the exported measures, and nothing for a model with no known outcome.
    expect(text).not.toMatch(/measure="roc_auc"|measure="nasa_score"|model_type="anomaly",measure/);
  });

  it('reads the outcomes at most once a minute, however often it is scraped', async () => {
    const { metrics, gauges, asked } = setUp();
    await metrics.render();
    await metrics.render();
    expect(asked).toHaveLength(3);
    await gauges.refresh(Date.now() + 61_000);
    expect(asked).toHaveLength(6);
  });
});
