import { Module } from '@nestjs/common';
import { SyncRunRepository, SyncStateRepository } from '@shopfloor/ingestion/data-access';
import { createHealthPingController } from '@shopfloor/runtime';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { QuarantineHandler } from './quarantine/quarantine.handler';
import { RejectionsConsumer } from './quarantine/rejections.consumer';
import { SourceCountsHandler } from './quarantine/source-counts.handler';
import { SourceDatabase } from './source/source-database';
import { SourceMappingProvider } from './source/source-mapping.provider';
import { SyncHandler } from './sync/sync.handler';
import { SyncService } from './sync/sync.service';
import { SyncMetrics } from './sync/sync.metrics';

@Module({
  imports: [DeadLettersModule],
  controllers: [createHealthPingController('ingestion'), SyncHandler, QuarantineHandler, SourceCountsHandler],
  providers: [SourceDatabase, SourceMappingProvider, SyncService, SyncMetrics, SyncRunRepository, SyncStateRepository, RejectionsConsumer],
})
export class AppModule {}
