import type { EntityClass, MigrationClass } from '@shopfloor/database';

// The notification schema's entities and migrations, in order. The schema, its role and its migrations table exist
// from the first start; tables arrive with the features that own them.
export const NOTIFICATION_ENTITIES: EntityClass[] = [];
export const NOTIFICATION_MIGRATIONS: MigrationClass[] = [];
