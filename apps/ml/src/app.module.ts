import { Module } from '@nestjs/common';
import { createHealthPingController } from '@shopfloor/runtime';
import { DatasetsModule } from './datasets/datasets.module';
import { PredictionsModule } from './predictions/predictions.module';
import { RegistryModule } from './registry/registry.module';
import { ScheduleModule } from './scheduling/schedule.module';
import { ScoringModule } from './scoring/scoring.module';
import { ShopfloorModule } from './shopfloor/shopfloor.module';
import { TrainingModule } from './training/training.module';

@Module({
  imports: [DatasetsModule, RegistryModule, TrainingModule, PredictionsModule, ScheduleModule, ShopfloorModule, ScoringModule],
  controllers: [createHealthPingController('ml')],
})
export class AppModule {}
