import { Module } from '@nestjs/common';
import { AnalyticsCache } from './analytics-cache';

@Module({
  providers: [AnalyticsCache],
  exports: [AnalyticsCache],
})
export class CacheModule {}
