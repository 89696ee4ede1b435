import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars/calendars.module';
import { PeriodFactsModule } from '../period-facts/period-facts.module';
import { ReadModelRepositoriesModule } from '../read-model/read-model-repositories.module';
import { ReportsHandler } from './reports.handler';
import { ReportsService } from './reports.service';

@Module({
  imports: [ReadModelRepositoriesModule, PeriodFactsModule, CalendarsModule],
  controllers: [ReportsHandler],
  providers: [ReportsService],
})
export class ReportsModule {}
