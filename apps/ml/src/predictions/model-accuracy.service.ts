import { Injectable } from '@nestjs/common';
import type { ModelAccuracyView, ModelType } from '@shopfloor/contracts';
import { PredictionRepository } from '@shopfloor/ml/data-access';
import { classificationMetrics, regressionMetrics } from '@shopfloor/ml/models';
import { ModelsService } from '../registry/models.service';

/** How a model's predictions turned out, once their outcomes are known. */
@Injectable()
export class ModelAccuracyService {
  constructor(
    private readonly models: ModelsService,
    private readonly predictions: PredictionRepository,
  ) {}

  async accuracy(modelId: string): Promise<ModelAccuracyView> {
    const record = await this.models.require(modelId);
    const model = await this.models.load(modelId);
    const { predicted, actual, total, pending } = await this.predictions.outcomes(modelId);
    let brier: number | null = null;
    let metrics: Record<string, unknown> | null = null;
    if (actual.length > 0 && model.objective === 'binary') {
      brier = predicted.reduce((sum, p, i) => sum + (p - actual[i]) ** 2, 0) / predicted.length;
      metrics = { ...classificationMetrics(actual, predicted, model.threshold ?? 0.5) };
    } else if (actual.length > 0 && model.objective === 'regression') {
      metrics = { ...regressionMetrics(actual, predicted) };
    }
    return {
      model_id: modelId,
      model_type: record.modelType as ModelType,
      version: record.version,
      predictions: total,
      with_actual: actual.length,
      pending,
      brier_score: brier,
      metrics,
    };
  }
}
