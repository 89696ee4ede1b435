import { Module } from '@nestjs/common';
import { MlDataModule } from '../data/ml-data.module';
import { ScheduleHandler } from './schedule.handler';
import { ScheduleService } from './schedule.service';

@Module({
  imports: [MlDataModule],
  controllers: [ScheduleHandler],
  providers: [ScheduleService],
})
export class ScheduleModule {}
