import { Module } from '@nestjs/common';
import { createHealthPingController } from '@shopfloor/runtime';
import { DatasetsModule } from './datasets/datasets.module';
import { RegistryModule } from './registry/registry.module';
import { TrainingModule } from './training/training.module';

@Module({
  imports: [DatasetsModule, RegistryModule, TrainingModule],
  controllers: [createHealthPingController('ml')],
})
export class AppModule {}
