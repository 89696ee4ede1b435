import { Module } from '@nestjs/common';
import { createHealthPingController } from '@shopfloor/runtime';
import { DatasetsModule } from './datasets/datasets.module';

@Module({
  imports: [DatasetsModule],
  controllers: [createHealthPingController('ml')],
})
export class AppModule {}
