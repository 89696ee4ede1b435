import { Module } from '@nestjs/common';
import { ReportRunRepository, ReportScheduleRepository } from '@shopfloor/notification/data-access';
import { DeliveryModule } from '../delivery/delivery.module';
import { ReportFiles } from './report-files';
import { ReportScheduler } from './report-scheduler';
import { SchedulesHandler } from './schedules.handler';
import { SchedulesService } from './schedules.service';

/** Report schedules: their API, and the scheduler that e-mails each run's file through the outbox. */
@Module({
  imports: [DeliveryModule],
  controllers: [SchedulesHandler],
  providers: [ReportScheduleRepository, ReportRunRepository, ReportFiles, ReportScheduler, SchedulesService],
})
export class SchedulesModule {}
