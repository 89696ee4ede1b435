import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars/calendars.module';
import { OeeModule } from '../oee/oee.module';
import { ReadModelModule } from '../read-model/read-model.module';
import { ReportsHandler } from './reports.handler';
import { ReportsService } from './reports.service';

@Module({
  imports: [ReadModelModule, OeeModule, CalendarsModule],
  controllers: [ReportsHandler],
  providers: [ReportsService],
})
export class ReportsModule {}
