import type { EntityClass, MigrationClass } from '@shopfloor/database';
import { QuarantinedRowEntity } from './lib/entities/quarantined-row.entity';
import { SyncRunEntity } from './lib/entities/sync-run.entity';
import { WatermarkEntity } from './lib/entities/watermark.entity';
import { CreateSyncState1764470000000 } from './lib/migrations/1764470000000-create-sync-state';
import { CreatePublishedRegistry1764470100000 } from './lib/migrations/1764470100000-create-published-registry';
import { QuarantinePerConsumer1764480000000 } from './lib/migrations/1764480000000-quarantine-per-consumer';

export * from './lib/entities/sync-run.entity';
export * from './lib/entities/watermark.entity';
export * from './lib/entities/quarantined-row.entity';
export * from './lib/repositories/sync-run.repository';
export * from './lib/repositories/sync-state.repository';
export * from './lib/repositories/id-ranges';

/** The ingestion schema's entities and migrations, in order. */
export const INGESTION_ENTITIES: EntityClass[] = [SyncRunEntity, WatermarkEntity, QuarantinedRowEntity];
export const INGESTION_MIGRATIONS: MigrationClass[] = [CreateSyncState1764470000000, CreatePublishedRegistry1764470100000, QuarantinePerConsumer1764480000000];
