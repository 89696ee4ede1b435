import type { EntityClass, MigrationClass } from '@shopfloor/database';
import { MachineEntity } from './lib/entities/machine.entity';
import { CreateMachines1764450100000 } from './lib/migrations/1764450100000-create-machines';

export * from './lib/entities/machine.entity';
export * from './lib/repositories/machine.repository';

/** The analytics schema's entities and migrations, in order. */
export const ANALYTICS_ENTITIES: EntityClass[] = [MachineEntity];
export const ANALYTICS_MIGRATIONS: MigrationClass[] = [CreateMachines1764450100000];
