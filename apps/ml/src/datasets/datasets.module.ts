import { Module } from '@nestjs/common';
import { DatasetRepository } from '@shopfloor/ml/data-access';
import { DatasetsHandler } from './datasets.handler';
import { DatasetsService } from './datasets.service';

@Module({
  controllers: [DatasetsHandler],
  providers: [DatasetsService, DatasetRepository],
  exports: [DatasetsService, DatasetRepository],
})
export class DatasetsModule {}
