import { Module } from '@nestjs/common';
import { PredictionRepository, ScoringRepository, ShopfloorCopyRepository } from '@shopfloor/ml/data-access';
import { PredictionsModule } from '../predictions/predictions.module';
import { RegistryModule } from '../registry/registry.module';
import { ScheduledScoring } from './scheduled-scoring';

@Module({
  imports: [PredictionsModule, RegistryModule],
  providers: [ScheduledScoring, ScoringRepository, PredictionRepository, ShopfloorCopyRepository],
})
export class ScoringModule {}
