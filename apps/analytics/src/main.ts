import 'reflect-metadata';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS } from '@shopfloor/analytics/data-access';
import { bootstrapService } from '@shopfloor/runtime';
import { AppModule } from './app.module';
import { AnalyticsEnv } from './config/analytics.env';

void bootstrapService({
  service: 'analytics',
  envClass: AnalyticsEnv,
  appModule: AppModule,
  database: { entities: ANALYTICS_ENTITIES, migrations: ANALYTICS_MIGRATIONS },
  redis: true,
  rpcServer: true,
});
