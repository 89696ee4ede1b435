import { Module } from '@nestjs/common';
import { ModelRepository } from '@shopfloor/ml/data-access';
import { DatasetsModule } from '../datasets/datasets.module';
import { EvaluationService } from './evaluation.service';
import { ModelsHandler } from './models.handler';
import { ModelsService } from './models.service';
import { MlMetrics } from './ml.metrics';

@Module({
  imports: [DatasetsModule],
  controllers: [ModelsHandler],
  providers: [ModelsService, EvaluationService, ModelRepository, MlMetrics],
  exports: [ModelsService, ModelRepository, MlMetrics],
})
export class RegistryModule {}
