import { Client } from 'pg';
import { join } from 'node:path';
import { TEST_INFRA, workspaceRoot } from './test-env';
import { uniqueName } from './unique-name';

interface Provisioner {
  provision(options: { adminUrl: string; database: string }): Promise<unknown>;
  serviceUrl(adminUrl: string, database: string, service: string, password?: string): string;
}

export interface TestDatabase {
  name: string;
  adminUrl: string;
  /** The URL a service uses: its own role, this database. */
  serviceUrl(service: string): string;
  /** An admin connection to this database (superuser: sees every schema). */
  adminDatabaseUrl: string;
  drop(): Promise<void>;
}

/**
 * A fresh platform database on the real PostgreSQL, provisioned exactly as in production (one role and one schema
 * per service), so tests start clean and never touch another run's data.
 */
export async function createTestDatabase(prefix = 'sf_test'): Promise<TestDatabase> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const provisioner = require(join(workspaceRoot(), 'tools/db/provision.cjs')) as Provisioner;
  const name = uniqueName(prefix);
  const adminUrl = TEST_INFRA.postgresAdminUrl;
  await provisioner.provision({ adminUrl, database: name });
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${name}`;
  return {
    name,
    adminUrl,
    adminDatabaseUrl: dbUrl.toString(),
    serviceUrl: (service) => provisioner.serviceUrl(adminUrl, name, service),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
