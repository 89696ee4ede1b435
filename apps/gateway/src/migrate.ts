import 'reflect-metadata';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '@shopfloor/gateway/data-access';
import { runMigrationsCommand } from '@shopfloor/runtime';
import { GatewayEnv } from './config/gateway.env';

void runMigrationsCommand('gateway', GatewayEnv, { entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS });
