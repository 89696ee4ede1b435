import { Module } from '@nestjs/common';
import { CacheModule } from '../cache/cache.module';
import { OeeModule } from '../oee/oee.module';
import { DowntimePatternsHandler } from './downtime-patterns.handler';
import { DowntimePatternsService } from './downtime-patterns.service';

@Module({
  imports: [OeeModule, CacheModule],
  controllers: [DowntimePatternsHandler],
  providers: [DowntimePatternsService],
})
export class DowntimePatternsModule {}
