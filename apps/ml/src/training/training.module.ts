import { Module } from '@nestjs/common';
import { ShopfloorCopyRepository, TrainingRunRepository } from '@shopfloor/ml/data-access';
import { DatasetsModule } from '../datasets/datasets.module';
import { RegistryModule } from '../registry/registry.module';
import { ModelScheduler } from './model-scheduler';
import { TrainingHandler } from './training.handler';
import { TrainingRunner } from './training-runner';
import { TrainingService } from './training.service';

@Module({
  imports: [DatasetsModule, RegistryModule],
  controllers: [TrainingHandler],
  providers: [TrainingService, TrainingRunner, ModelScheduler, TrainingRunRepository, ShopfloorCopyRepository],
})
export class TrainingModule {}
