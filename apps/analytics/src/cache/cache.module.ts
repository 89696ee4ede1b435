import { Module } from '@nestjs/common';
import { AnalyticsCache } from './analytics-cache';
import { AnalyticsCacheMetrics } from './analytics-cache.metrics';

@Module({
  providers: [AnalyticsCache, AnalyticsCacheMetrics],
  exports: [AnalyticsCache],
})
export class CacheModule {}
