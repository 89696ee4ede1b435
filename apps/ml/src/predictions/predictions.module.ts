import { Module } from '@nestjs/common';
import { MlDataModule } from '../data/ml-data.module';
import { RegistryModule } from '../registry/registry.module';
import { AnomalyDetectionService } from './anomaly-detection.service';
import { DowntimePredictionService } from './downtime-prediction.service';
import { FailureRiskPredictionService } from './failure-risk-prediction.service';
import { MachineHistoryService } from './machine-history.service';
import { MachineRiskService } from './machine-risk.service';
import { MaintenanceWindowPredictionService } from './maintenance-window-prediction.service';
import { ModelAccuracyMetrics } from './model-accuracy.metrics';
import { ModelAccuracyService } from './model-accuracy.service';
import { OutcomeRecorder } from './outcome-recorder';
import { PredictionHistory } from './prediction-history';
import { PredictionPublisher } from './prediction-publisher';
import { PredictionsHandler } from './predictions.handler';

const PREDICTION_SERVICES = [
  MachineHistoryService,
  DowntimePredictionService,
  FailureRiskPredictionService,
  MaintenanceWindowPredictionService,
  AnomalyDetectionService,
];

@Module({
  imports: [MlDataModule, RegistryModule],
  controllers: [PredictionsHandler],
  providers: [...PREDICTION_SERVICES, ModelAccuracyService, PredictionPublisher, MachineRiskService, PredictionHistory, OutcomeRecorder, ModelAccuracyMetrics],
  // Scheduled scoring makes the same predictions for every machine.
  exports: PREDICTION_SERVICES,
})
export class PredictionsModule {}
