import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, FAILURE_RISK_HORIZON_HOURS, SUBJECTS, type MaintenanceWindowResult, type PredictMaintenanceRequest, type AnomaliesView, type AnomalyEvent, type PredictAnomaliesRequest, type ModelAccuracyView, type ModelType, type PredictDowntimeRequest, type PredictFailureRiskRequest, type PredictionEvent, type PredictionEventType, type PredictionResult } from '@shopfloor/contracts';
import { classificationMetrics, regressionMetrics } from '@shopfloor/ml/models';
import type { MachineHistory } from '@shopfloor/ml/features';
import { PredictionRepository, ShopfloorCopyRepository, type ModelRecord } from '@shopfloor/ml/data-access';
import { JetStreamService } from '@shopfloor/nats';
import { recommendWindow, RUL_CAP_HOURS, type TrainedModel } from '@shopfloor/ml/modelling';
import { MlEnv } from '../config/ml.env';
import { ModelsService } from '../registry/models.service';
import { PredictionPublisher } from './prediction-publisher';

const TOP_FACTORS = 5;
const MAX_ANOMALY_SPAN_MS = 31 * 86_400_000;
/** Readings older than this do not describe the machine now. */
const LIVE_READINGS_MS = 3_600_000;
/** History a downtime prediction reads: the feature pipeline's long window is 7 days; 90 days reach the last maintenance. */
const HISTORY_MS = 90 * 86_400_000;
/**
 * Readings are read over the feature windows only: sensor aggregates look back 24 hours (the short window), the
 * anomaly model scores at most the last day of hours from 1-hour windows; an hour's margin on top.
 */
const READINGS_MS = 26 * 3_600_000;

/** A machine's history for predictions made at `now`. */
export function historyWindow(now: number): { from: number; to: number; readingsFrom: number } {
  return { from: now - HISTORY_MS, to: now, readingsFrom: now - READINGS_MS };
}

/**
 * Predictions from the active model of each type; every one is stored with its input, factors and model version, and
 * every one of a machine is published on `ml.prediction.<type>` — low ones too, so that a consumer sees a risk fall
 * back under its threshold as well as rise over it.
 */
@Injectable()
export class PredictionsService {
  constructor(
    private readonly models: ModelsService,
    private readonly predictions: PredictionRepository,
    private readonly copy: ShopfloorCopyRepository,
    private readonly jetStream: JetStreamService,
    private readonly publisher: PredictionPublisher,
    private readonly env: MlEnv,
  ) {}

  /** The machine's history as predictions at `now` read it. */
  async history(machineId: string, now: number): Promise<MachineHistory> {
    const w = historyWindow(now);
    return this.copy.history(machineId, w.from, w.to, w.readingsFrom);
  }

  /**
   * The machine's hours in [from, to) whose readings look unlike normal, each with the features most responsible.
   * Each is stored and published on `ml.prediction.anomaly` (its id is the same for the same hour and model, so asking
   * again never raises it twice).
   */
  async anomalies(request: PredictAnomaliesRequest, preloaded?: MachineHistory): Promise<AnomaliesView> {
    const from = Date.parse(request.from);
    const to = Date.parse(request.to);
    if (!(to > from) || to - from > MAX_ANOMALY_SPAN_MS) {
      throw new DomainError(ErrorCode.ValidationFailed, 'to must be after from, at most 31 days later', null, [{ field: 'to', message: 'must be after from and within 31 days of it', invalid_value: request.to }]);
    }
    if (!preloaded && !(await this.copy.machineExists(request.machine_id))) throw new DomainError(ErrorCode.MachineNotFound, `Machine ${request.machine_id} is not known`, { machine_id: request.machine_id });
    const { record, model } = await this.models.activeModel('anomaly');
    const history = preloaded ?? (await this.copy.history(request.machine_id, from - 3_600_000, to));
    const { scored, found } = model.anomalies(history, from, to, 3);
    const threshold = model.threshold ?? 0;
    const events: AnomalyEvent[] = found.map((a) => ({
      anomaly_id: `${record.modelId}:${request.machine_id}:${a.at}`,
      machine_id: request.machine_id,
      at: new Date(a.at).toISOString(),
      score: a.score,
      threshold,
      model_id: record.modelId,
      model_version: record.version,
      factors: a.factors,
    }));
    for (const event of events) {
      await this.predictions.insert({
        predictionId: randomUUID(),
        modelId: record.modelId,
        modelType: 'anomaly',
        machineId: request.machine_id,
        predictedValue: event.score,
        confidenceScore: null,
        horizonHours: null,
        input: { at: event.at, anomaly_id: event.anomaly_id },
        factors: event.factors,
        predictedAt: new Date(),
        dueAt: null,
      });
      await this.jetStream.publish(SUBJECTS.mlEvents.anomaly, event, event.anomaly_id);
    }
    return { machine_id: request.machine_id, period: { from: new Date(from).toISOString(), to: new Date(to).toISOString() }, model_id: record.modelId, model_version: record.version, threshold, hours_scored: scored, anomalies: events };
  }

  /**
   * A machine's latest value of each model input that is one of its sensor metrics (within the last hour), for a
   * failure_risk model trained on columns named like the machine's metrics (spindle_temp, vibration, ...).
   */
  private async latestReadings(machineId: string, inputs: readonly string[]): Promise<Record<string, number>> {
    if (!(await this.copy.machineExists(machineId))) throw new DomainError(ErrorCode.MachineNotFound, `Machine ${machineId} is not known`, { machine_id: machineId });
    const now = Date.now();
    const { readings } = await this.copy.history(machineId, now - LIVE_READINGS_MS, now);
    const latest: Record<string, number> = {};
    for (const r of readings) if (inputs.includes(r.metric)) latest[r.metric] = r.value; // in time order: the last wins
    if (Object.keys(latest).length === 0) {
      throw new DomainError(ErrorCode.InsufficientData, `Machine ${machineId} reported none of the active model's inputs (${inputs.join(', ')}) in the last hour; send readings instead`, { machine_id: machineId, inputs });
    }
    return latest;
  }

  /** Hours to the machine's next breakdown, and the calmest 4 hours to maintain it before then. */
  async maintenanceWindow(request: PredictMaintenanceRequest, preloaded?: { history: MachineHistory; now: number }): Promise<MaintenanceWindowResult> {
    if (!preloaded && !(await this.copy.machineExists(request.machine_id))) throw new DomainError(ErrorCode.MachineNotFound, `Machine ${request.machine_id} is not known`, { machine_id: request.machine_id });
    const { record, model } = await this.models.activeModel('maintenance_window');
    if (model.artifact.kind !== 'shopfloor-maintenance') throw new DomainError(ErrorCode.Conflict, 'The active maintenance_window model was trained on a dataset and reads its columns, not a machine history', { model_id: record.modelId });
    const now = preloaded?.now ?? Date.now();
    const history = preloaded?.history ?? (await this.history(request.machine_id, now));
    if (history.jobs.length === 0 && history.stops.length === 0) {
      throw new DomainError(ErrorCode.InsufficientData, `Machine ${request.machine_id} has no jobs or stops in the last 90 days to predict from`, { machine_id: request.machine_id });
    }
    const { value, factors } = model.explainRemainingLife(history, now, TOP_FACTORS);
    const window = recommendWindow(history, now, value, this.env.ML_TIMEZONE);
    const at = new Date(now);
    const failureAt = new Date(now + value * 3_600_000);
    const result: MaintenanceWindowResult = {
      prediction_id: randomUUID(),
      machine_id: request.machine_id,
      prediction_type: 'maintenance_window',
      predicted_value: value,
      confidence_score: 1 - value / RUL_CAP_HOURS,
      prediction_timestamp: at.toISOString(),
      model_id: record.modelId,
      model_version: record.version,
      threshold: null,
      factors,
      remaining_life_cap_hours: RUL_CAP_HOURS,
      predicted_failure_at: failureAt.toISOString(),
      recommended_window: { start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString(), expected_load: window.expectedLoad },
    };
    await this.publisher.record(
      {
        predictionId: result.prediction_id,
        modelId: record.modelId,
        modelType: 'maintenance_window',
        machineId: request.machine_id,
        predictedValue: value,
        confidenceScore: result.confidence_score,
        horizonHours: null,
        input: { recommended_window: result.recommended_window, cap_hours: RUL_CAP_HOURS, predicted_failure_at: result.predicted_failure_at },
        factors,
        predictedAt: at,
        dueAt: failureAt,
      },
      predictionEvent(result, request.machine_id, 'maintenance_window', null, { start: result.recommended_window.start, end: result.recommended_window.end }),
    );
    return result;
  }

  /** Probability that an unplanned stop of the model's length (30+ minutes unless trained otherwise) starts on the machine within the horizon, from its history so far. */
  async downtime(request: PredictDowntimeRequest, preloaded?: { history: MachineHistory; now: number }): Promise<PredictionResult> {
    if (!preloaded && !(await this.copy.machineExists(request.machine_id))) {
      throw new DomainError(ErrorCode.MachineNotFound, `Machine ${request.machine_id} is not known`, { machine_id: request.machine_id });
    }
    const { record, model } = await this.models.activeModel('downtime');
    if (model.artifact.kind !== 'shopfloor-downtime') throw new DomainError(ErrorCode.Conflict, 'The active downtime model was trained on a dataset and reads its columns, not a machine history', { model_id: record.modelId });
    const now = preloaded?.now ?? Date.now();
    const history = preloaded?.history ?? (await this.history(request.machine_id, now));
    if (history.jobs.length === 0 && history.stops.length === 0) {
      throw new DomainError(ErrorCode.InsufficientData, `Machine ${request.machine_id} has no jobs or stops in the last 90 days to predict from`, { machine_id: request.machine_id });
    }
    const { value, factors } = model.explainDowntime(history, now, request.horizon_hours, TOP_FACTORS);
    const confidenceThreshold = request.confidence_threshold ?? 0.8;
    const at = new Date(now);
    const result: PredictionResult = {
      prediction_id: randomUUID(),
      machine_id: request.machine_id,
      prediction_type: 'downtime',
      predicted_value: value,
      confidence_score: Math.max(value, 1 - value),
      prediction_timestamp: at.toISOString(),
      model_id: record.modelId,
      model_version: record.version,
      threshold: model.threshold,
      factors,
      horizon_hours: request.horizon_hours,
      stop_minutes: model.artifact.thresholdMinutes,
      stop_types: model.artifact.stopTypes ?? [],
      exceeds_threshold: value >= confidenceThreshold,
    };
    await this.publisher.record(
      {
        predictionId: result.prediction_id,
        modelId: record.modelId,
        modelType: 'downtime',
        machineId: request.machine_id,
        predictedValue: value,
        confidenceScore: result.confidence_score,
        horizonHours: request.horizon_hours,
        input: { horizon_hours: request.horizon_hours, threshold_minutes: model.artifact.thresholdMinutes, stop_types: model.artifact.stopTypes ?? [] },
        factors,
        predictedAt: at,
        dueAt: new Date(now + request.horizon_hours * 3_600_000),
      },
      predictionEvent(result, request.machine_id, 'downtime', request.horizon_hours, null),
    );
    return result;
  }

  /** How a model's predictions turned out, once their outcomes are known. */
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
    return { model_id: modelId, model_type: record.modelType as ModelType, version: record.version, predictions: total, with_actual: actual.length, pending, brier_score: brier, metrics };
  }

  /**
   * P(failure): from a model learnt on the shop floor, P(a breakdown within the next 7 days) from the machine's
   * history; from a model learnt on an uploaded dataset, from readings — sent, or the machine's latest ones.
   */
  async failureRisk(request: PredictFailureRiskRequest, preloaded?: { history: MachineHistory; now: number }): Promise<PredictionResult> {
    if ((request.machine_id === undefined) === (request.readings === undefined)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Give either machine_id or readings', null, [{ field: 'readings', message: 'exactly one of machine_id and readings is required', invalid_value: null }]);
    }
    const { record, model } = await this.models.activeModel('failure_risk');
    if (model.artifact.kind === 'shopfloor-downtime') {
      if (request.machine_id === undefined) {
        throw new DomainError(ErrorCode.ValidationFailed, 'The active failure_risk model learnt from the machines\' history: give machine_id, not readings', { model_id: record.modelId }, [
          { field: 'readings', message: 'the active failure_risk model reads a machine history, not readings', invalid_value: null },
        ]);
      }
      return this.breakdownRisk(request.machine_id, record, model, preloaded);
    }
    if (model.artifact.kind !== 'tabular') throw new DomainError(ErrorCode.Conflict, 'The active failure_risk model reads series, not single readings', { model_id: record.modelId });
    const machineId = request.machine_id ?? null;
    const readings = machineId === null ? (request.readings ?? {}) : await this.latestReadings(machineId, model.inputs);
    const values = model.readingsFrom(readings);
    const { value, factors } = model.explainInputs(values, TOP_FACTORS);
    const at = new Date();
    const result = failureRiskResult(record, machineId, value, model.threshold, factors, at);
    await this.publisher.record(
      {
        predictionId: result.prediction_id,
        modelId: record.modelId,
        modelType: 'failure_risk',
        machineId,
        predictedValue: value,
        confidenceScore: result.confidence_score,
        horizonHours: null,
        input: { readings: values },
        factors,
        predictedAt: at,
        dueAt: null,
      },
      // Readings sent without a machine are a what-if: nothing on the shop floor to alert about.
      machineId === null ? null : predictionEvent(result, machineId, 'failure_risk', null, null),
    );
    return result;
  }

  private async breakdownRisk(machineId: string, record: ModelRecord, model: TrainedModel, preloaded?: { history: MachineHistory; now: number }): Promise<PredictionResult> {
    if (model.artifact.kind !== 'shopfloor-downtime') throw new Error('breakdownRisk needs a shop-floor model');
    if (!preloaded && !(await this.copy.machineExists(machineId))) throw new DomainError(ErrorCode.MachineNotFound, `Machine ${machineId} is not known`, { machine_id: machineId });
    const now = preloaded?.now ?? Date.now();
    const history = preloaded?.history ?? (await this.history(machineId, now));
    if (history.jobs.length === 0 && history.stops.length === 0) {
      throw new DomainError(ErrorCode.InsufficientData, `Machine ${machineId} has no jobs or stops in the last 90 days to predict from`, { machine_id: machineId });
    }
    const horizon = FAILURE_RISK_HORIZON_HOURS;
    const { value, factors } = model.explainDowntime(history, now, horizon, TOP_FACTORS);
    const at = new Date(now);
    const result: PredictionResult = {
      ...failureRiskResult(record, machineId, value, model.threshold, factors, at),
      horizon_hours: horizon,
      stop_minutes: model.artifact.thresholdMinutes,
      stop_types: model.artifact.stopTypes ?? [],
    };
    await this.publisher.record(
      {
        predictionId: result.prediction_id,
        modelId: record.modelId,
        modelType: 'failure_risk',
        machineId,
        predictedValue: value,
        confidenceScore: result.confidence_score,
        horizonHours: horizon,
        input: { horizon_hours: horizon, threshold_minutes: model.artifact.thresholdMinutes, stop_types: model.artifact.stopTypes ?? [] },
        factors,
        predictedAt: at,
        dueAt: new Date(now + horizon * 3_600_000),
      },
      predictionEvent(result, machineId, 'failure_risk', horizon, null),
    );
    return result;
  }

}

/** A failure-risk answer: its confidence is the probability of the side of the threshold it falls on. */
function failureRiskResult(record: ModelRecord, machineId: string | null, value: number, threshold: number | null, factors: PredictionResult['factors'], at: Date): PredictionResult {
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

function predictionEvent(result: PredictionResult, machineId: string, type: PredictionEventType, horizonHours: number | null, window: PredictionEvent['window']): Omit<PredictionEvent, 'above_threshold' | 'transition'> {
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
