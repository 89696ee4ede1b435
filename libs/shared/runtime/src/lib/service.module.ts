import { Module, type DynamicModule, type Type } from '@nestjs/common';
import type { ServiceName } from '@shopfloor/contracts';
import { BaseServiceEnv, DatabaseEnv, EnvModule } from '@shopfloor/config';
import { DatabaseModule, type ServiceDatabaseSettings } from '@shopfloor/database';
import { NatsModule } from '@shopfloor/nats';
import { ObservabilityModule } from '@shopfloor/observability';
import { hostname } from 'node:os';
import { RedisModule } from './redis.module';

export interface ServiceDefinition {
  service: ServiceName;
  /** The service's feature modules. */
  appModule: Type<unknown>;
  /** Entities and migrations of the service's schema. */
  database?: Pick<ServiceDatabaseSettings, 'entities' | 'migrations'>;
  redis?: boolean;
}

/** Wires what every service has — env, logs/metrics/probes, NATS, its schema, Redis if used — around its features. */
@Module({})
export class ServiceModule {
  static forService(definition: ServiceDefinition, env: BaseServiceEnv): DynamicModule {
    const imports: DynamicModule['imports'] = [
      EnvModule.forRoot(env),
      ObservabilityModule.forRoot({ withProbes: definition.service !== 'gateway' }),
      NatsModule.forRootAsync({
        inject: [BaseServiceEnv],
        useFactory: (e: BaseServiceEnv) => ({
          url: e.NATS_URL,
          name: `${definition.service}@${hostname()}:${process.pid}`,
          user: e.NATS_USER,
          password: e.NATS_PASSWORD,
          token: e.NATS_TOKEN,
          rpcTimeoutMs: e.RPC_TIMEOUT_MS,
        }),
      }),
    ];
    if (definition.database) {
      const { entities, migrations } = definition.database;
      imports.push(
        DatabaseModule.forRootAsync({
          inject: [DatabaseEnv],
          useFactory: (e: DatabaseEnv) => ({
            url: e.DATABASE_URL,
            schema: definition.service,
            ssl: e.DATABASE_SSL,
            poolSize: e.DATABASE_POOL_SIZE,
            applicationName: definition.service,
            entities,
            migrations,
            migrationsRun: e.DATABASE_MIGRATIONS_RUN === 'true',
          }),
        }),
      );
    }
    if (definition.redis) imports.push(RedisModule);
    imports.push(definition.appModule);
    return { module: ServiceModule, imports };
  }
}
