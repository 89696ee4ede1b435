import { Module } from '@nestjs/common';
import { PredictionRepository, ShopfloorCopyRepository } from '@shopfloor/ml/data-access';
import { PredictionHistory } from './prediction-history';
import { RegistryModule } from '../registry/registry.module';
import { OutcomeRecorder } from './outcome-recorder';
import { PredictionsHandler } from './predictions.handler';
import { PredictionsService } from './predictions.service';

@Module({
  imports: [RegistryModule],
  controllers: [PredictionsHandler],
  providers: [PredictionsService, PredictionHistory, PredictionRepository, ShopfloorCopyRepository, OutcomeRecorder],
})
export class PredictionsModule {}
