import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListPredictionsQuery,
  MachineRiskRequest,
  type MachineRiskView,
  ModelIdRequest,
  PredictMaintenanceRequest,
  PredictAnomaliesRequest,
  PredictDowntimeRequest,
  PredictFailureRiskRequest,
  SUBJECTS,
  validatePayload,
  type AnomaliesView,
  type MaintenanceWindowResult,
  type ModelAccuracyView,
  type PredictionPage,
  type PredictionResult,
} from '@shopfloor/contracts';
import { AnomalyDetectionService } from './anomaly-detection.service';
import { DowntimePredictionService } from './downtime-prediction.service';
import { FailureRiskPredictionService } from './failure-risk-prediction.service';
import { MachineRiskService } from './machine-risk.service';
import { MaintenanceWindowPredictionService } from './maintenance-window-prediction.service';
import { ModelAccuracyService } from './model-accuracy.service';
import { PredictionHistory } from './prediction-history';

@Controller()
export class PredictionsHandler {
  constructor(
    private readonly failureRisks: FailureRiskPredictionService,
    private readonly downtimes: DowntimePredictionService,
    private readonly maintenanceWindows: MaintenanceWindowPredictionService,
    private readonly anomalies: AnomalyDetectionService,
    private readonly accuracies: ModelAccuracyService,
    private readonly history: PredictionHistory,
    private readonly risks: MachineRiskService,
  ) {}

  @MessagePattern(SUBJECTS.ml.machineRisk)
  async risk(@Payload() payload: unknown): Promise<MachineRiskView> {
    return this.risks.risk(validatePayload(MachineRiskRequest, payload).machine_id);
  }

  @MessagePattern(SUBJECTS.ml.predictionsList)
  async list(@Payload() payload: unknown): Promise<PredictionPage> {
    return this.history.list(validatePayload(ListPredictionsQuery, payload));
  }

  @MessagePattern(SUBJECTS.ml.predictFailureRisk)
  async failureRisk(@Payload() payload: unknown): Promise<PredictionResult> {
    return this.failureRisks.predict(validatePayload(PredictFailureRiskRequest, payload));
  }

  @MessagePattern(SUBJECTS.ml.predictDowntime)
  async downtime(@Payload() payload: unknown): Promise<PredictionResult> {
    return this.downtimes.predict(validatePayload(PredictDowntimeRequest, payload));
  }

  @MessagePattern(SUBJECTS.ml.predictMaintenance)
  async maintenanceWindow(@Payload() payload: unknown): Promise<MaintenanceWindowResult> {
    return this.maintenanceWindows.predict(validatePayload(PredictMaintenanceRequest, payload));
  }

  @MessagePattern(SUBJECTS.ml.predictAnomalies)
  async detectAnomalies(@Payload() payload: unknown): Promise<AnomaliesView> {
    return this.anomalies.detect(validatePayload(PredictAnomaliesRequest, payload));
  }

  @MessagePattern(SUBJECTS.ml.modelAccuracy)
  async accuracy(@Payload() payload: unknown): Promise<ModelAccuracyView> {
    return this.accuracies.accuracy(validatePayload(ModelIdRequest, payload).model_id);
  }
}
