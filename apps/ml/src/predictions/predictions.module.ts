import { Module } from '@nestjs/common';
import { PredictionRepository } from '@shopfloor/ml/data-access';
import { RegistryModule } from '../registry/registry.module';
import { PredictionsHandler } from './predictions.handler';
import { PredictionsService } from './predictions.service';

@Module({
  imports: [RegistryModule],
  controllers: [PredictionsHandler],
  providers: [PredictionsService, PredictionRepository],
})
export class PredictionsModule {}
