import { Module } from '@nestjs/common';
import { MlDataModule } from '../data/ml-data.module';
import { DatasetsHandler } from './datasets.handler';
import { DatasetsService } from './datasets.service';

@Module({
  imports: [MlDataModule],
  controllers: [DatasetsHandler],
  providers: [DatasetsService],
})
export class DatasetsModule {}
