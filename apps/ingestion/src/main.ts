import 'reflect-metadata';
import { INGESTION_ENTITIES, INGESTION_MIGRATIONS } from '@shopfloor/ingestion/data-access';
import { bootstrapService } from '@shopfloor/runtime';
import { AppModule } from './app.module';
import { IngestionEnv } from './config/ingestion.env';

void bootstrapService({
  service: 'ingestion',
  envClass: IngestionEnv,
  appModule: AppModule,
  database: { entities: INGESTION_ENTITIES, migrations: INGESTION_MIGRATIONS },
  redis: false,
  rpcServer: true,
});
