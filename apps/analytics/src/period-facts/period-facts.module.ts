import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars/calendars.module';
import { ReadModelRepositoriesModule } from '../read-model/read-model-repositories.module';
import { PeriodFactsLoader } from './period-facts.loader';

/** The facts of a period (machines, calendars, stops, jobs), read one way for OEE, downtime patterns and reports. */
@Module({
  imports: [ReadModelRepositoriesModule, CalendarsModule],
  providers: [PeriodFactsLoader],
  exports: [PeriodFactsLoader],
})
export class PeriodFactsModule {}
