import { Module } from '@nestjs/common';
import { MlDataModule } from '../data/ml-data.module';
import { PredictionHistory } from './prediction-history';
import { RegistryModule } from '../registry/registry.module';
import { MachineRiskService } from './machine-risk';
import { ModelAccuracyMetrics } from './model-accuracy.metrics';
import { OutcomeRecorder } from './outcome-recorder';
import { PredictionPublisher } from './prediction-publisher';
import { PredictionsHandler } from './predictions.handler';
import { PredictionsService } from './predictions.service';

@Module({
  imports: [MlDataModule, RegistryModule],
  controllers: [PredictionsHandler],
  providers: [PredictionsService, PredictionPublisher, MachineRiskService, PredictionHistory, OutcomeRecorder, ModelAccuracyMetrics],
  exports: [PredictionsService],
})
export class PredictionsModule {}
