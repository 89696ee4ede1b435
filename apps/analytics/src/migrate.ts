import 'reflect-metadata';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS } from '@shopfloor/analytics/data-access';
import { runMigrationsCommand } from '@shopfloor/runtime';
import { AnalyticsEnv } from './config/analytics.env';

void runMigrationsCommand('analytics', AnalyticsEnv, { entities: ANALYTICS_ENTITIES, migrations: ANALYTICS_MIGRATIONS });
