import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, FAILURE_RISK_HORIZON_HOURS, type PredictFailureRiskRequest, type PredictionResult } from '@shopfloor/contracts';
import type { ModelRecord } from '@shopfloor/ml/data-access';
import type { TrainedModel } from '@shopfloor/ml/modelling';
import { ModelsService } from '../registry/models.service';
import { stopInput, stopLabel } from './downtime-prediction.service';
import { MachineHistoryService, type PreloadedHistory } from './machine-history.service';
import { PredictionPublisher, predictionEvent, storedPrediction, TOP_FACTORS } from './prediction-publisher';

/** A failure-risk answer: its confidence is the probability of the side of the threshold it falls on. */
function failureRiskResult(
  record: ModelRecord,
  machineId: string | null,
  value: number,
  threshold: number | null,
  factors: PredictionResult['factors'],
  at: Date,
): PredictionResult {
  return {
    prediction_id: randomUUID(),
    machine_id: machineId,
    prediction_type: 'failure_risk',
    predicted_value: value,
    confidence_score: threshold === null || value >= threshold ? value : 1 - value,
    prediction_timestamp: at.toISOString(),
    model_id: record.modelId,
    model_version: record.version,
    threshold,
    factors,
  };
}

/**
 * P(failure): from a model learnt on the shop floor, P(a breakdown within the next 7 days) from the machine's
 * history; from a model learnt on an uploaded dataset, from readings — sent, or the machine's latest ones.
 */
@Injectable()
export class FailureRiskPredictionService {
  constructor(
    private readonly models: ModelsService,
    private readonly histories: MachineHistoryService,
    private readonly publisher: PredictionPublisher,
  ) {}

  async predict(request: PredictFailureRiskRequest, preloaded?: PreloadedHistory): Promise<PredictionResult> {
    if ((request.machine_id === undefined) === (request.readings === undefined)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Give either machine_id or readings', null, [
        { field: 'readings', message: 'exactly one of machine_id and readings is required', invalid_value: null },
      ]);
    }
    const { record, model } = await this.models.activeModel('failure_risk');
    if (model.artifact.kind === 'shopfloor-downtime') {
      if (request.machine_id === undefined) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          "The active failure_risk model learnt from the machines' history: give machine_id, not readings",
          { model_id: record.modelId },
          [{ field: 'readings', message: 'the active failure_risk model reads a machine history, not readings', invalid_value: null }],
        );
      }
      return this.breakdownRisk(request.machine_id, record, model, preloaded);
    }
    if (model.artifact.kind !== 'tabular')
      throw new DomainError(ErrorCode.Conflict, 'The active failure_risk model reads series, not single readings', { model_id: record.modelId });
    const machineId = request.machine_id ?? null;
    const readings = machineId === null ? (request.readings ?? {}) : await this.histories.latestReadings(machineId, model.inputs);
    const values = model.readingsFrom(readings);
    const { value, factors } = model.explainInputs(values, TOP_FACTORS);
    const result = failureRiskResult(record, machineId, value, model.threshold, factors, new Date());
    await this.publisher.record(
      storedPrediction(result, { readings: values }, null, null),
      // Readings sent without a machine are a what-if: nothing on the shop floor to alert about.
      machineId === null ? null : predictionEvent(result, machineId, 'failure_risk', null, null),
    );
    return result;
  }

  private async breakdownRisk(machineId: string, record: ModelRecord, model: TrainedModel, preloaded?: PreloadedHistory): Promise<PredictionResult> {
    if (model.artifact.kind !== 'shopfloor-downtime') throw new Error('breakdownRisk needs a shop-floor model');
    if (!preloaded) await this.histories.requireMachine(machineId);
    const { history, now } = await this.histories.recent(machineId, preloaded);
    const horizon = FAILURE_RISK_HORIZON_HOURS;
    const { value, factors } = model.explainDowntime(history, now, horizon, TOP_FACTORS);
    const result: PredictionResult = {
      ...failureRiskResult(record, machineId, value, model.threshold, factors, new Date(now)),
      horizon_hours: horizon,
      ...stopLabel(model.artifact),
    };
    await this.publisher.record(
      storedPrediction(result, stopInput(model.artifact, horizon), horizon, new Date(now + horizon * 3_600_000)),
      predictionEvent(result, machineId, 'failure_risk', horizon, null),
    );
    return result;
  }
}
