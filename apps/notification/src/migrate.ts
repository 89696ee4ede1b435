import 'reflect-metadata';
import { NOTIFICATION_ENTITIES, NOTIFICATION_MIGRATIONS } from '@shopfloor/notification/data-access';
import { runMigrationsCommand } from '@shopfloor/runtime';
import { NotificationEnv } from './config/notification.env';

void runMigrationsCommand('notification', NotificationEnv, { entities: NOTIFICATION_ENTITIES, migrations: NOTIFICATION_MIGRATIONS });
