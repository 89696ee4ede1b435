import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type EvaluateRequest, type EvaluationView } from '@shopfloor/contracts';
import { DatasetRepository } from '@shopfloor/ml/data-access';
import { classificationMetrics, regressionMetrics } from '@shopfloor/ml/models';
import { datasetTable } from '../datasets/dataset-table.mapper';
import { ModelsService } from './models.service';

/** Scores a registered model on an uploaded dataset (API.md: classification or regression metrics; `last` = each group's last row). */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly models: ModelsService,
    private readonly datasets: DatasetRepository,
  ) {}

  async evaluate(request: EvaluateRequest): Promise<EvaluationView> {
    const record = await this.models.require(request.model_id);
    const dataset = await this.datasets.find(request.dataset_id);
    if (!dataset) throw new DomainError(ErrorCode.DatasetNotFound, `No dataset with id ${request.dataset_id}`, { dataset_id: request.dataset_id });
    const at = request.at ?? 'all';
    if (at === 'last' && !dataset.groupColumn) {
      throw new DomainError(ErrorCode.ValidationFailed, "at: 'last' scores each group's last row; this dataset has no group column", null, [
        { field: 'at', message: 'needs a dataset with group and order', invalid_value: at },
      ]);
    }
    const model = await this.models.load(record.modelId);
    const table = datasetTable(dataset, await this.datasets.columns(dataset.datasetId));
    if (!table.label)
      throw new DomainError(ErrorCode.ValidationFailed, 'The dataset has no numeric label to compare with', null, [
        { field: 'dataset_id', message: 'needs a numeric label column', invalid_value: request.dataset_id },
      ]);
    const { rows, scores } = model.score(table, at);
    const label = table.label;
    let metrics: Record<string, unknown>;
    if (model.objective === 'anomaly') {
      throw new DomainError(ErrorCode.ValidationFailed, 'An anomaly model has no label to be scored against', null, [
        { field: 'model_id', message: 'is an anomaly model', invalid_value: request.model_id },
      ]);
    }
    if (model.objective === 'binary') {
      const truth = rows.map((r) => label[r]);
      const bad = truth.findIndex((y) => y !== 0 && y !== 1);
      if (bad >= 0)
        throw new DomainError(ErrorCode.ValidationFailed, `A classifier is scored against a 0/1 label; a scored row has ${truth[bad]}`, null, [
          { field: 'dataset_id', message: 'label must be 0/1', invalid_value: truth[bad] },
        ]);
      metrics = { ...classificationMetrics(truth, Array.from(scores), model.threshold ?? 0.5) };
    } else {
      // Against the true remaining life, as published figures are (a model that learnt a capped label never predicts
      // beyond its cap, and is charged for it); against the label capped as the model learnt it beside it.
      const cap = model.cap;
      const predicted = Array.from(scores);
      const uncapped = regressionMetrics(
        rows.map((r) => label[r]),
        predicted,
      );
      const capped =
        cap === null
          ? null
          : regressionMetrics(
              rows.map((r) => Math.min(label[r], cap)),
              predicted,
            );
      metrics = { ...uncapped, capped, label_cap: cap };
    }
    return { model_id: record.modelId, dataset_id: dataset.datasetId, at, rows_scored: rows.length, metrics };
  }
}
