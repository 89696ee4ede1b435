import 'reflect-metadata';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '@shopfloor/gateway/data-access';
import { runMigrationsCommand } from '@shopfloor/runtime';

void runMigrationsCommand('gateway', { entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS });
