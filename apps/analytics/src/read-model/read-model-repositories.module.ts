import { Module } from '@nestjs/common';
import {
  DowntimeRecordRepository,
  IntegrityRepository,
  JobRepository,
  MachineEventRepository,
  MachineReadingRepository,
  MachineRepository,
} from '@shopfloor/analytics/data-access';

const REPOSITORIES = [MachineRepository, JobRepository, DowntimeRecordRepository, MachineEventRepository, MachineReadingRepository, IntegrityRepository];

/**
 * The repositories of the shop-floor read model, one instance each for every feature that reads it and for
 * shopfloor-events, which writes it. Readers import this rather than the writer's module, which brings the JetStream
 * consumer, the cache and live status with it.
 */
@Module({
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class ReadModelRepositoriesModule {}
