import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListPredictionsQuery, MachineRiskRequest, type MachineRiskView, ModelIdRequest, PredictMaintenanceRequest, PredictAnomaliesRequest, PredictDowntimeRequest, PredictFailureRiskRequest, SUBJECTS, validatePayload, type AnomaliesView, type MaintenanceWindowResult, type ModelAccuracyView, type PredictionPage, type PredictionResult } from '@shopfloor/contracts';
import { MachineRiskService } from './machine-risk';
import { PredictionHistory } from './prediction-history';
import { PredictionsService } from './predictions.service';

@Controller()
export class PredictionsHandler {
  constructor(
    private readonly predictions: PredictionsService,
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
    return this.predictions.failureRisk(validatePayload(PredictFailureRiskRequest, payload));
  }

  @MessagePattern(SUBJECTS.ml.predictDowntime)
  async downtime(@Payload() payload: unknown): Promise<PredictionResult> {
    return this.predictions.downtime(validatePayload(PredictDowntimeRequest, payload));
  }

  @MessagePattern(SUBJECTS.ml.predictMaintenance)
  async maintenanceWindow(@Payload() payload: unknown): Promise<MaintenanceWindowResult> {
    return this.predictions.maintenanceWindow(validatePayload(PredictMaintenanceRequest, payload));
  }

  @MessagePattern(SUBJECTS.ml.predictAnomalies)
  async anomalies(@Payload() payload: unknown): Promise<AnomaliesView> {
    return this.predictions.anomalies(validatePayload(PredictAnomaliesRequest, payload));
  }

  @MessagePattern(SUBJECTS.ml.modelAccuracy)
  async accuracy(@Payload() payload: unknown): Promise<ModelAccuracyView> {
    return this.predictions.accuracy(validatePayload(ModelIdRequest, payload).model_id);
  }
}
