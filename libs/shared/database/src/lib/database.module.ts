import { Inject, Injectable, Logger, Module, type DynamicModule, type InjectionToken, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HealthRegistry } from '@shopfloor/observability';
import { DataSource } from 'typeorm';
import { serviceDataSourceOptions, type ServiceDatabaseSettings } from './data-source-options';
import { migrateWithLock } from './run-migrations';

const MIGRATION_SETTINGS = Symbol('MIGRATION_SETTINGS');

/** Registers the readiness check and applies pending migrations (under a lock) before anything else uses the schema. */
@Injectable()
class DatabaseLifecycle implements OnModuleInit {
  private readonly logger = new Logger(DatabaseLifecycle.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
    @Inject(MIGRATION_SETTINGS) private readonly settings: { schema: string; migrationsRun: boolean },
  ) {}

  async onModuleInit(): Promise<void> {
    this.health.register('postgres', () => this.dataSource.query('SELECT 1'));
    if (!this.settings.migrationsRun) return;
    const applied = await migrateWithLock(this.dataSource, this.settings.schema);
    if (applied.length > 0) this.logger.log({ message: `Applied migrations to schema ${this.settings.schema}`, migrations: applied });
  }
}

export interface DatabaseModuleAsyncOptions {
  inject: InjectionToken[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => ServiceDatabaseSettings;
}

/**
 * The service's TypeORM data source on its own schema, migrated at start unless told otherwise. A database that is
 * not reachable fails the start after a few quick attempts instead of hanging.
 */
@Module({})
export class DatabaseModule {
  static forRootAsync(options: DatabaseModuleAsyncOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: options.inject,
          useFactory: (...args: unknown[]) => {
            const settings = options.useFactory(...args);
            return {
              ...serviceDataSourceOptions({ ...settings, poolSize: Math.max(2, settings.poolSize), migrationsRun: false }),
              retryAttempts: 2,
              retryDelay: 1000,
            };
          },
        }),
      ],
      providers: [
        {
          provide: MIGRATION_SETTINGS,
          inject: options.inject,
          useFactory: (...args: unknown[]) => {
            const settings = options.useFactory(...args);
            return { schema: settings.schema, migrationsRun: settings.migrationsRun };
          },
        },
        DatabaseLifecycle,
      ],
    };
  }
}
