import { Module } from '@nestjs/common';
import { CacheModule } from '../cache/cache.module';
import { PeriodFactsModule } from '../period-facts/period-facts.module';
import { OeeHandler } from './oee.handler';
import { CurrentShiftService } from './current-shift.service';
import { EfficiencyService } from './efficiency.service';
import { OeeService } from './oee.service';

@Module({
  imports: [PeriodFactsModule, CacheModule],
  controllers: [OeeHandler],
  providers: [OeeService, EfficiencyService, CurrentShiftService],
})
export class OeeModule {}
