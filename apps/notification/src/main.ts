import 'reflect-metadata';
import { NOTIFICATION_ENTITIES, NOTIFICATION_MIGRATIONS } from '@shopfloor/notification/data-access';
import { bootstrapService } from '@shopfloor/runtime';
import { AppModule } from './app.module';
import { NotificationEnv } from './config/notification.env';

void bootstrapService({
  service: 'notification',
  envClass: NotificationEnv,
  appModule: AppModule,
  database: { entities: NOTIFICATION_ENTITIES, migrations: NOTIFICATION_MIGRATIONS },
  redis: false,
  rpcServer: true,
});
