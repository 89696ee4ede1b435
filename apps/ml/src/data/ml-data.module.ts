import { Module } from '@nestjs/common';
import {
  DatasetRepository,
  ModelRepository,
  PredictionRepository,
  ScoringRepository,
  ShopfloorCopyRepository,
  TrainingRunRepository,
} from '@shopfloor/ml/data-access';

const REPOSITORIES = [DatasetRepository, TrainingRunRepository, ModelRepository, PredictionRepository, ShopfloorCopyRepository, ScoringRepository];

/**
 * The ml schema's repositories, each provided here once: a feature module that listed one itself got an instance of
 * its own, and features import this module instead.
 */
@Module({
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class MlDataModule {}
