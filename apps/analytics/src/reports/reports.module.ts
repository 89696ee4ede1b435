import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars/calendars.module';
import { PeriodFactsModule } from '../period-facts/period-facts.module';
import { ReadModelModule } from '../read-model/read-model.module';
import { ReportsHandler } from './reports.handler';
import { ReportsService } from './reports.service';

@Module({
  imports: [ReadModelModule, PeriodFactsModule, CalendarsModule],
  controllers: [ReportsHandler],
  providers: [ReportsService],
})
export class ReportsModule {}
