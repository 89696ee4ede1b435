import { DataSource } from 'typeorm';
import { redactUrl, serviceDataSourceOptions, type ServiceDatabaseSettings } from './data-source-options';

/** Applies the pending migrations of one service's schema and reports their names (the `migrate` target). */
export async function runMigrations(settings: ServiceDatabaseSettings): Promise<string[]> {
  const dataSource = new DataSource({ ...serviceDataSourceOptions({ ...settings, migrationsRun: false }) });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(settings.url)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
