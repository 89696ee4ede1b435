import 'reflect-metadata';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '@shopfloor/gateway/data-access';
import { bootstrapService } from '@shopfloor/runtime';
import { AppModule } from './app.module';
import { GatewayEnv } from './config/gateway.env';
import { configureHttp } from './http/configure-http';

void bootstrapService({
  service: 'gateway',
  envClass: GatewayEnv,
  appModule: AppModule,
  database: { entities: GATEWAY_ENTITIES, migrations: GATEWAY_MIGRATIONS },
  redis: true,
  rpcServer: false,
  httpOptions: { bodyParser: false },
  configureHttp,
});
