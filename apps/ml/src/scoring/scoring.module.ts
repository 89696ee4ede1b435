import { Module } from '@nestjs/common';
import { MlDataModule } from '../data/ml-data.module';
import { PredictionsModule } from '../predictions/predictions.module';
import { RegistryModule } from '../registry/registry.module';
import { ScheduledScoring } from './scheduled-scoring';

@Module({
  imports: [MlDataModule, PredictionsModule, RegistryModule],
  providers: [ScheduledScoring],
})
export class ScoringModule {}
