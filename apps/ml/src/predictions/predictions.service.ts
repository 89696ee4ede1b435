import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type FieldError, type PredictFailureRiskRequest, type PredictionResult } from '@shopfloor/contracts';
import { PredictionRepository } from '@shopfloor/ml/data-access';
import { ModelsService } from '../registry/models.service';

const TOP_FACTORS = 5;

/** Predictions from the active model of each type; every one is stored with its input, factors and model version. */
@Injectable()
export class PredictionsService {
  constructor(
    private readonly models: ModelsService,
    private readonly predictions: PredictionRepository,
  ) {}

  async failureRisk(request: PredictFailureRiskRequest): Promise<PredictionResult> {
    if ((request.machine_id === undefined) === (request.readings === undefined)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Give either machine_id or readings', null, [{ field: 'readings', message: 'exactly one of machine_id and readings is required', invalid_value: null }]);
    }
    const { record, model } = await this.models.activeModel('failure_risk');
    if (request.machine_id !== undefined) {
      throw new DomainError(ErrorCode.InsufficientData, `The ml service holds no readings of machine ${request.machine_id}; send the readings instead`, { machine_id: request.machine_id });
    }
    if (model.artifact.kind !== 'tabular') throw new DomainError(ErrorCode.Conflict, 'The active failure_risk model reads series, not single readings', { model_id: record.modelId });
    const values = readingsFor(model.inputs, request.readings ?? {});
    const { value, factors } = model.explainInputs(values, TOP_FACTORS);
    const threshold = model.threshold;
    const at = new Date();
    const result: PredictionResult = {
      prediction_id: randomUUID(),
      machine_id: null,
      prediction_type: 'failure_risk',
      predicted_value: value,
      confidence_score: threshold === null || value >= threshold ? value : 1 - value,
      prediction_timestamp: at.toISOString(),
      model_id: record.modelId,
      model_version: record.version,
      threshold,
      factors,
    };
    await this.predictions.insert({
      predictionId: result.prediction_id,
      modelId: record.modelId,
      modelType: 'failure_risk',
      machineId: null,
      predictedValue: value,
      confidenceScore: result.confidence_score,
      horizonHours: null,
      input: { readings: values },
      factors,
      predictedAt: at,
      dueAt: null,
    });
    return result;
  }
}

/** The model's inputs from a readings object: every key must be one of them and a finite number; absent ones are missing. */
function readingsFor(inputs: readonly string[], readings: Record<string, unknown>): Record<string, number> {
  const errors: FieldError[] = [];
  const values: Record<string, number> = {};
  for (const [key, value] of Object.entries(readings)) {
    if (!inputs.includes(key)) errors.push({ field: `readings.${key}`, message: `is not an input of the active model (its inputs: ${inputs.join(', ')})`, invalid_value: value });
    else if (typeof value !== 'number' || !Number.isFinite(value)) errors.push({ field: `readings.${key}`, message: 'must be a finite number', invalid_value: value });
    else values[key] = value;
  }
  if (errors.length === 0 && Object.keys(values).length === 0) errors.push({ field: 'readings', message: `must hold at least one of ${inputs.join(', ')}`, invalid_value: readings });
  if (errors.length > 0) throw new DomainError(ErrorCode.ValidationFailed, `Invalid readings: ${errors.map((e) => e.field).join(', ')}`, { inputs }, errors);
  return values;
}
