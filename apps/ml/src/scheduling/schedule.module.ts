import { Module } from '@nestjs/common';
import { PredictionRepository } from '@shopfloor/ml/data-access';
import { ScheduleHandler } from './schedule.handler';
import { ScheduleService } from './schedule.service';

@Module({
  controllers: [ScheduleHandler],
  providers: [ScheduleService, PredictionRepository],
})
export class ScheduleModule {}
