import { Module } from '@nestjs/common';
import { CacheModule } from '../cache/cache.module';
import { CalendarsModule } from '../calendars/calendars.module';
import { ReadModelModule } from '../read-model/read-model.module';
import { OeeHandler } from './oee.handler';
import { CurrentShiftService } from './current-shift.service';
import { EfficiencyService } from './efficiency.service';
import { OeeService } from './oee.service';
import { PeriodFactsLoader } from './period-facts.loader';

@Module({
  imports: [ReadModelModule, CalendarsModule, CacheModule],
  controllers: [OeeHandler],
  providers: [OeeService, EfficiencyService, CurrentShiftService, PeriodFactsLoader],
  exports: [PeriodFactsLoader],
})
export class OeeModule {}
