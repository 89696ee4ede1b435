import 'reflect-metadata';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS } from '@shopfloor/analytics/data-access';
import { runMigrationsCommand } from '@shopfloor/runtime';

void runMigrationsCommand('analytics', { entities: ANALYTICS_ENTITIES, migrations: ANALYTICS_MIGRATIONS });
