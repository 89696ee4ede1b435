import { ConfigValidationError, loadEnv, MigrationEnv } from '@shopfloor/config';
import type { ServiceName } from '@shopfloor/contracts';
import { runMigrations, type ServiceDatabaseSettings } from '@shopfloor/database';

/** `nx run <service>:migrate`: applies the service's pending migrations and exits (for deploy jobs). */
export async function runMigrationsCommand(service: ServiceName, database: Pick<ServiceDatabaseSettings, 'entities' | 'migrations'>): Promise<void> {
  try {
    const env = loadEnv(MigrationEnv);
    const applied = await runMigrations({
      url: env.DATABASE_URL,
      schema: service,
      ssl: env.DATABASE_SSL,
      poolSize: 2,
      applicationName: `${service}-migrate`,
      entities: database.entities,
      migrations: database.migrations,
      migrationsRun: false,
    });
    process.stdout.write(applied.length ? `${service}: applied ${applied.join(', ')}\n` : `${service}: schema is up to date\n`);
  } catch (error) {
    process.stderr.write(`${service}: migration failed: ${error instanceof ConfigValidationError || error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
