import { Module } from '@nestjs/common';
import { AnalyticsAnswersCache } from './analytics-answers.cache';
import { AnalyticsController } from './analytics.controller';
import { MachinesController } from './machines.controller';

/**
 * Reads of analytics' read model: the machines as synced and the OEE and loss figures computed from them. Both
 * controllers answer through the one copy of analytics' answers this replica keeps.
 */
@Module({
  controllers: [MachinesController, AnalyticsController],
  providers: [AnalyticsAnswersCache],
})
export class AnalyticsModule {}
