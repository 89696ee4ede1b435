import type { EntityClass, MigrationClass } from '@shopfloor/database';
import { CreateMlRegistry1764600000000 } from './lib/migrations/1764600000000-create-ml-registry';
import { CreateShopfloorCopy1764610000000 } from './lib/migrations/1764610000000-create-shopfloor-copy';
import { CreateScoring1765200000000 } from './lib/migrations/1765200000000-create-scoring';

// The ml schema's migrations, in order. Its repositories speak SQL directly (bytea columns, SKIP LOCKED queues), so
// there are no TypeORM entities.
export const ML_ENTITIES: EntityClass[] = [];
export const ML_MIGRATIONS: MigrationClass[] = [CreateMlRegistry1764600000000, CreateShopfloorCopy1764610000000, CreateScoring1765200000000];

export * from './lib/repositories/dataset.repository';
export * from './lib/repositories/training-run.repository';
export * from './lib/repositories/model.repository';
export * from './lib/repositories/prediction.repository';
export * from './lib/repositories/shopfloor-copy.repository';
export * from './lib/repositories/scoring.repository';
