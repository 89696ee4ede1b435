import { Module } from '@nestjs/common';
import { CalendarRepository } from '@shopfloor/analytics/data-access';
import { CacheModule } from '../cache/cache.module';
import { ReadModelRepositoriesModule } from '../read-model/read-model-repositories.module';
import { CalendarsHandler } from './calendars.handler';
import { CalendarsService } from './calendars.service';

@Module({
  imports: [ReadModelRepositoriesModule, CacheModule],
  controllers: [CalendarsHandler],
  providers: [CalendarsService, CalendarRepository],
  exports: [CalendarsService],
})
export class CalendarsModule {}
