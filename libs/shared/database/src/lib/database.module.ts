import { type InjectionToken, Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HealthRegistry } from '@shopfloor/observability';
import { DataSource } from 'typeorm';
import { serviceDataSourceOptions, type ServiceDatabaseSettings } from './data-source-options';

@Injectable()
class DatabaseHealth implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.health.register('postgres', () => this.dataSource.query('SELECT 1'));
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
          useFactory: (...args: unknown[]) => ({
            ...serviceDataSourceOptions(options.useFactory(...args)),
            retryAttempts: 2,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [DatabaseHealth],
    };
  }
}
