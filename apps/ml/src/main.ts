import 'reflect-metadata';
import { ML_ENTITIES, ML_MIGRATIONS } from '@shopfloor/ml/data-access';
import { bootstrapService } from '@shopfloor/runtime';
import { AppModule } from './app.module';
import { MlEnv } from './config/ml.env';

void bootstrapService({
  service: 'ml',
  envClass: MlEnv,
  appModule: AppModule,
  database: { entities: ML_ENTITIES, migrations: ML_MIGRATIONS },
  redis: false,
  rpcServer: true,
});
