import { Module } from '@nestjs/common';
import { MachineRiskController } from './machine-risk.controller';
import { MlController } from './ml.controller';
import { UploadBucketService } from './upload-bucket.service';

/** The ml service's API: datasets (uploaded through the upload bucket), trainings, models, predictions, schedules, and a machine's risk. */
@Module({
  controllers: [MlController, MachineRiskController],
  providers: [UploadBucketService],
})
export class MlModule {}
