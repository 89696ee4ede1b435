import { Module } from '@nestjs/common';
import { CacheModule } from '../cache/cache.module';
import { PeriodFactsModule } from '../period-facts/period-facts.module';
import { DowntimePatternsHandler } from './downtime-patterns.handler';
import { DowntimePatternsService } from './downtime-patterns.service';

@Module({
  imports: [PeriodFactsModule, CacheModule],
  controllers: [DowntimePatternsHandler],
  providers: [DowntimePatternsService],
})
export class DowntimePatternsModule {}
