import { Module } from '@nestjs/common';
import { LiveStatusRepository } from '@shopfloor/analytics/data-access';
import { LiveStatusHandler } from './live-status.handler';
import { LiveStatusService } from './live-status.service';

@Module({
  controllers: [LiveStatusHandler],
  providers: [LiveStatusService, LiveStatusRepository],
  exports: [LiveStatusService],
})
export class LiveStatusModule {}
