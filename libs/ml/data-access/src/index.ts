import type { EntityClass, MigrationClass } from '@shopfloor/database';

// The ml schema's entities and migrations, in order. The schema, its role and its migrations table exist
// from the first start; tables arrive with the features that own them.
export const ML_ENTITIES: EntityClass[] = [];
export const ML_MIGRATIONS: MigrationClass[] = [];
