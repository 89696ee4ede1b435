import type { EntityClass, MigrationClass } from '@shopfloor/database';
import { ApiKeyEntity } from './lib/entities/api-key.entity';
import { AuditEntryEntity } from './lib/entities/audit-entry.entity';
import { CreateApiKeysAndAudit1764450000000 } from './lib/migrations/1764450000000-create-api-keys-and-audit';

export * from './lib/entities/api-key.entity';
export * from './lib/entities/audit-entry.entity';
export * from './lib/repositories/api-key.repository';
export * from './lib/repositories/audit.repository';

/** The gateway schema's entities and migrations, in order. */
export const GATEWAY_ENTITIES: EntityClass[] = [ApiKeyEntity, AuditEntryEntity];
export const GATEWAY_MIGRATIONS: MigrationClass[] = [CreateApiKeysAndAudit1764450000000];
