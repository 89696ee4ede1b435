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

/** The repositories of the shop-floor read model, one instance each for every feature that reads or writes it. */
@Module({
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class ReadModelModule {}
