import { Module } from '@nestjs/common';
import { MlDataModule } from '../data/ml-data.module';
import { EvaluationService } from './evaluation.service';
import { ModelsHandler } from './models.handler';
import { ModelsService } from './models.service';
import { MlMetrics } from './ml.metrics';

@Module({
  imports: [MlDataModule],
  controllers: [ModelsHandler],
  providers: [ModelsService, EvaluationService, MlMetrics],
  exports: [ModelsService, MlMetrics],
})
export class RegistryModule {}
