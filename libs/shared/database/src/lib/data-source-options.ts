import type { DataSourceOptions, MigrationInterface } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** An entity class of a service's schema. */
export type EntityClass = abstract new (...args: never[]) => object;
/** A migration class of a service's schema. */
export type MigrationClass = new () => MigrationInterface;

export interface ServiceDatabaseSettings {
  /** postgres:// URL with the service's own role. */
  url: string;
  /** The service's schema: the only one its role may touch. */
  schema: string;
  ssl: 'disable' | 'require' | 'verify-full';
  poolSize: number;
  applicationName: string;
  entities: EntityClass[];
  migrations: MigrationClass[];
  migrationsRun: boolean;
}

/**
 * TypeORM options for one service's schema. Schema changes come only from migrations (never `synchronize`);
 * the migrations table lives in the service's schema too.
 */
export function serviceDataSourceOptions(settings: ServiceDatabaseSettings): DataSourceOptions {
  const options: PostgresDataSourceOptions = {
    type: 'postgres',
    url: settings.url,
    schema: settings.schema,
    ssl: settings.ssl === 'disable' ? false : { rejectUnauthorized: settings.ssl === 'verify-full' },
    applicationName: settings.applicationName,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsRun: settings.migrationsRun,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: settings.poolSize,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      // A query may not hold a connection for ever; long reports set their own limit.
      statement_timeout: 60_000,
    },
  };
  return options;
}

/** The URL with its password removed, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.protocol.startsWith('postgres')) return '(not a postgres:// URL)';
    if (parsed.password) parsed.password = '***';
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass|secret|key|token/i.test(key)) parsed.searchParams.set(key, '***');
    }
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
