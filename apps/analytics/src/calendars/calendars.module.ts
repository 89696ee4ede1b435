import { Module } from '@nestjs/common';
import { CalendarRepository } from '@shopfloor/analytics/data-access';
import { CacheModule } from '../cache/cache.module';
import { ReadModelModule } from '../read-model/read-model.module';
import { CalendarsHandler } from './calendars.handler';
import { CalendarsService } from './calendars.service';

@Module({
  imports: [ReadModelModule, CacheModule],
  controllers: [CalendarsHandler],
  providers: [CalendarsService, CalendarRepository],
  exports: [CalendarsService],
})
export class CalendarsModule {}
