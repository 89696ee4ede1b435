import { DataSource } from 'typeorm';
import { redactUrl, serviceDataSourceOptions, type ServiceDatabaseSettings } from './data-source-options';

/**
 * Applies pending migrations while holding a Postgres advisory lock per schema, so replicas starting together
 * migrate one after the other instead of racing (the later ones then find nothing to do). Needs a pool of two.
 */
export async function migrateWithLock(dataSource: DataSource, schema: string): Promise<string[]> {
  const lockName = `shopfloor:migrations:${schema}`;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lockName]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName]);
    }
  } finally {
    await runner.release();
  }
}

/** Applies the pending migrations of one service's schema and reports their names (the `migrate` target). */
export async function runMigrations(settings: ServiceDatabaseSettings): Promise<string[]> {
  const dataSource = new DataSource(serviceDataSourceOptions({ ...settings, poolSize: Math.max(2, settings.poolSize), migrationsRun: false }));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(settings.url)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await migrateWithLock(dataSource, settings.schema);
  } finally {
    await dataSource.destroy();
  }
}
