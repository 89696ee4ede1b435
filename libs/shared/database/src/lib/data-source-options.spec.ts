import type { MigrationInterface } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { redactUrl, serviceDataSourceOptions, type ServiceDatabaseSettings } from './data-source-options';
import { SnakeNamingStrategy } from './snake-naming.strategy';

class MachineEntity {
  id!: string;
}

class InitialSchema1700000000000 implements MigrationInterface {
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}

function settings(overrides: Partial<ServiceDatabaseSettings> = {}): ServiceDatabaseSettings {
  return {
    url: 'postgres://ingestion:pw@db:5432/shopfloor',
    schema: 'ingestion',
    ssl: 'disable',
    poolSize: 10,
    applicationName: 'shopfloor-ingestion',
    entities: [MachineEntity],
    migrations: [InitialSchema1700000000000],
    migrationsRun: true,
    ...overrides,
  };
}

function optionsFor(overrides: Partial<ServiceDatabaseSettings> = {}): PostgresDataSourceOptions {
  return serviceDataSourceOptions(settings(overrides)) as PostgresDataSourceOptions;
}

describe('serviceDataSourceOptions', () => {
  it('connects to Postgres in the service schema with its URL and application name', () => {
    const options = optionsFor();

    expect(options.type).toBe('postgres');
    expect(options.url).toBe('postgres://ingestion:pw@db:5432/shopfloor');
    expect(options.schema).toBe('ingestion');
    expect(options.applicationName).toBe('shopfloor-ingestion');
  });

  it('never synchronises the schema and keeps migrations in a migrations table', () => {
    const options = optionsFor();

    expect(options.synchronize).toBe(false);
    expect(options.migrationsTableName).toBe('migrations');
    expect(options.migrationsTransactionMode).toBe('each');
  });

  it('passes entities, migrations and the migrations-run switch through', () => {
    expect(optionsFor().entities).toEqual([MachineEntity]);
    expect(optionsFor().migrations).toEqual([InitialSchema1700000000000]);
    expect(optionsFor({ migrationsRun: true }).migrationsRun).toBe(true);
    expect(optionsFor({ migrationsRun: false }).migrationsRun).toBe(false);
  });

  it('names tables and columns in snake case', () => {
    expect(optionsFor().namingStrategy).toBeInstanceOf(SnakeNamingStrategy);
  });

  it('turns TLS off for disable', () => {
    expect(optionsFor({ ssl: 'disable' }).ssl).toBe(false);
  });

  it('encrypts without checking the certificate for require', () => {
    expect(optionsFor({ ssl: 'require' }).ssl).toEqual({ rejectUnauthorized: false });
  });

  it('encrypts and checks the certificate for verify-full', () => {
    expect(optionsFor({ ssl: 'verify-full' }).ssl).toEqual({ rejectUnauthorized: true });
  });

  it('sizes the pool and bounds connection, idle and statement times', () => {
    expect(optionsFor({ poolSize: 25 }).extra).toEqual({
      max: 25,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 60_000,
    });
  });
});

describe('redactUrl', () => {
  it('hides the password and keeps the rest of the URL', () => {
    expect(redactUrl('postgres://gateway:s3cret@db:5432/shopfloor')).toBe('postgres://gateway:***@db:5432/shopfloor');
  });

  it('hides a password with escaped characters', () => {
    const redacted = redactUrl('postgresql://gateway:p%40ss%3Aw0rd@db/shopfloor?sslmode=require');

    expect(redacted).toBe('postgresql://gateway:***@db/shopfloor?sslmode=require');
    expect(redacted).not.toContain('w0rd');
  });

  it('leaves a URL without a password unchanged', () => {
    expect(redactUrl('postgres://gateway@db:5432/shopfloor')).toBe('postgres://gateway@db:5432/shopfloor');
  });

  it.each([
    '',
    'not a url',
    '://s3cret@',
    'postgres://gateway:s3cret@',
    'postgres://gateway:s3cret@db:port/shopfloor',
    'postgres://gateway:s3cret@db:99999/shopfloor',
  ])('survives the garbage %p without echoing it', (garbage) => {
    expect(redactUrl(garbage)).toBe('(unparseable URL)');
  });
});
