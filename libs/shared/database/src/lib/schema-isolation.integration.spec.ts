import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { Client } from 'pg';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { serviceDataSourceOptions } from './data-source-options';
import { runMigrations } from './run-migrations';

class CreateWidgets1700000000000 implements MigrationInterface {
  name = 'CreateWidgets1700000000000';
  async up(queryRunner: QueryRunner): Promise<void> {
    // Slow enough that two concurrent runners would collide without the lock.
    await queryRunner.query('SELECT pg_sleep(0.3)');
    await queryRunner.query('CREATE TABLE "ml"."widgets" ("id" int PRIMARY KEY)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "ml"."widgets"');
  }
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as unknown[];
  } finally {
    await client.end();
  }
}

describe('per-service schemas', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('sf_schema');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('gives each service a schema it owns and a search path pointing at it', async () => {
    const rows = (await query(db.serviceUrl('analytics'), 'SELECT current_user AS role, current_schema() AS schema')) as { role: string; schema: string }[];
    expect(rows[0]).toEqual({ role: 'shopfloor_analytics', schema: 'analytics' });
    await query(db.serviceUrl('analytics'), 'CREATE TABLE analytics.probe (id int)');
  });

  it('keeps a service role out of another service’s schema and out of public', async () => {
    await query(db.adminDatabaseUrl, 'CREATE TABLE gateway.secret_table (id int)');
    await expect(query(db.serviceUrl('ml'), 'SELECT * FROM gateway.secret_table')).rejects.toThrow(/permission denied/);
    await expect(query(db.serviceUrl('ml'), 'CREATE TABLE gateway.intruder (id int)')).rejects.toThrow(/permission denied/);
    await expect(query(db.serviceUrl('ml'), 'CREATE TABLE public.intruder (id int)')).rejects.toThrow(/permission denied/);
  });

  it('applies migrations once when several replicas start together, and records them in the service schema', async () => {
    const settings = {
      url: db.serviceUrl('ml'),
      schema: 'ml',
      ssl: 'disable' as const,
      poolSize: 2,
      applicationName: 'test',
      entities: [],
      migrations: [CreateWidgets1700000000000],
      migrationsRun: false,
    };
    const results = await Promise.all([runMigrations(settings), runMigrations(settings), runMigrations(settings)]);
    expect(results.flat()).toEqual(['CreateWidgets1700000000000']);
    const recorded = (await query(db.serviceUrl('ml'), 'SELECT name FROM ml.migrations')) as { name: string }[];
    expect(recorded.map((r) => r.name)).toEqual(['CreateWidgets1700000000000']);
    expect(await runMigrations(settings)).toEqual([]);
  });

  it('never creates tables by itself: synchronize is off', async () => {
    const ds = new DataSource(
      serviceDataSourceOptions({
        url: db.serviceUrl('notification'),
        schema: 'notification',
        ssl: 'disable',
        poolSize: 2,
        applicationName: 'test',
        entities: [],
        migrations: [],
        migrationsRun: false,
      }),
    );
    await ds.initialize();
    expect(ds.options.synchronize).toBe(false);
    await ds.destroy();
  });
});
