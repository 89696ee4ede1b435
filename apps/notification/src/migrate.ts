import 'reflect-metadata';
import { NOTIFICATION_ENTITIES, NOTIFICATION_MIGRATIONS } from '@shopfloor/notification/data-access';
import { runMigrationsCommand } from '@shopfloor/runtime';

void runMigrationsCommand('notification', { entities: NOTIFICATION_ENTITIES, migrations: NOTIFICATION_MIGRATIONS });
