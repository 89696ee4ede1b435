import { Module } from '@nestjs/common';
import { MlDataModule } from '../data/ml-data.module';
import { RegistryModule } from '../registry/registry.module';
import { ModelScheduler } from './model-scheduler';
import { TrainingHandler } from './training.handler';
import { TrainingRunner } from './training-runner';
import { TrainingService } from './training.service';

@Module({
  imports: [MlDataModule, RegistryModule],
  controllers: [TrainingHandler],
  providers: [TrainingService, TrainingRunner, ModelScheduler],
})
export class TrainingModule {}
