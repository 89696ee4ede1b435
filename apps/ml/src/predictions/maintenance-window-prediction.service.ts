import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type MaintenanceWindowResult, type PredictMaintenanceRequest } from '@shopfloor/contracts';
import { recommendWindow, RUL_CAP_HOURS } from '@shopfloor/ml/modelling';
import { MlEnv } from '../config/ml.env';
import { ModelsService } from '../registry/models.service';
import { MachineHistoryService, type PreloadedHistory } from './machine-history.service';
import { PredictionPublisher, predictionEvent, storedPrediction, TOP_FACTORS } from './prediction-publisher';

/** Hours to the machine's next breakdown, and the calmest 4 hours to maintain it before then. */
@Injectable()
export class MaintenanceWindowPredictionService {
  constructor(
    private readonly models: ModelsService,
    private readonly histories: MachineHistoryService,
    private readonly publisher: PredictionPublisher,
    private readonly env: MlEnv,
  ) {}

  async predict(request: PredictMaintenanceRequest, preloaded?: PreloadedHistory): Promise<MaintenanceWindowResult> {
    if (!preloaded) await this.histories.requireMachine(request.machine_id);
    const { record, model } = await this.models.activeModel('maintenance_window');
    if (model.artifact.kind !== 'shopfloor-maintenance')
      throw new DomainError(ErrorCode.Conflict, 'The active maintenance_window model was trained on a dataset and reads its columns, not a machine history', {
        model_id: record.modelId,
      });
    const { history, now } = await this.histories.recent(request.machine_id, preloaded);
    const { value, factors } = model.explainRemainingLife(history, now, TOP_FACTORS);
    const window = recommendWindow(history, now, value, this.env.ML_TIMEZONE);
    const failureAt = new Date(now + value * 3_600_000);
    const result: MaintenanceWindowResult = {
      prediction_id: randomUUID(),
      machine_id: request.machine_id,
      prediction_type: 'maintenance_window',
      predicted_value: value,
      confidence_score: 1 - value / RUL_CAP_HOURS,
      prediction_timestamp: new Date(now).toISOString(),
      model_id: record.modelId,
      model_version: record.version,
      threshold: null,
      factors,
      remaining_life_cap_hours: RUL_CAP_HOURS,
      predicted_failure_at: failureAt.toISOString(),
      recommended_window: { start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString(), expected_load: window.expectedLoad },
    };
    await this.publisher.record(
      storedPrediction(
        result,
        { recommended_window: result.recommended_window, cap_hours: RUL_CAP_HOURS, predicted_failure_at: result.predicted_failure_at },
        null,
        failureAt,
      ),
      predictionEvent(result, request.machine_id, 'maintenance_window', null, { start: result.recommended_window.start, end: result.recommended_window.end }),
    );
    return result;
  }
}
