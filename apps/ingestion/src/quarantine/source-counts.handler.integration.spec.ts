import { CONSUMERS, DomainError, ErrorCode } from '@shopfloor/contracts';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { INGESTION_ENTITIES, INGESTION_MIGRATIONS, SyncStateRepository, type QuarantineEntry } from '@shopfloor/ingestion/data-access';
import { createSourceDatabase, createTestDatabase, type TestDatabase, type TestSourceDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { IngestionEnv } from '../config/ingestion.env';
import { SourceDatabase } from '../source/source-database';
import { SourceMappingProvider } from '../source/source-mapping.provider';
import { SourceCountsHandler } from './source-counts.handler';

const SYNC_ID = '6f1c1d2e-0000-4000-8000-000000000001';

const envWith = (overrides: Partial<IngestionEnv>): IngestionEnv => Object.assign(new IngestionEnv(), { SOURCE_RETRY_ATTEMPTS: 1, ...overrides });

const rejected = (entity: string, primaryKey: string, rejectedBy: string): QuarantineEntry => ({
  entity,
  sourceTable: entity,
  primaryKey,
  reasons: ['test'],
  raw: {},
  rejectedBy,
});

describe(SourceCountsHandler.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let cimco: TestSourceDatabase;
  let state: SyncStateRepository;
  const opened: SourceDatabase[] = [];

  const handlerFor = (env: IngestionEnv): SourceCountsHandler => {
    const source = new SourceDatabase(env);
    opened.push(source);
    return new SourceCountsHandler(source, new SourceMappingProvider(env), state);
  };

  beforeAll(async () => {
    db = await createTestDatabase('sf_source_counts');
    const settings = {
      url: db.serviceUrl('ingestion'),
      schema: 'ingestion',
      ssl: 'disable' as const,
      poolSize: 2,
      applicationName: 'test',
      entities: INGESTION_ENTITIES,
      migrations: INGESTION_MIGRATIONS,
      migrationsRun: false,
    };
    await runMigrations(settings);
    dataSource = await new DataSource(serviceDataSourceOptions(settings)).initialize();
    state = new SyncStateRepository(dataSource);

    cimco = await createSourceDatabase('cimco_source_counts');
    await cimco.connection.query(
      `INSERT INTO machines (machine_id, name, type, updated_at) VALUES
         ('M-1', 'Mill 1', 'MILL', '2026-03-01 08:00:00.000'), ('M-2', 'Mill 2', 'MILL', '2026-03-01 09:00:00.000'),
         ('M-3', 'Lathe 3', 'LATHE', '2026-03-01 09:00:00.000'), ('M-4', 'Lathe 4', 'LATHE', '2026-03-01 10:00:00.000')`,
    );
    await cimco.connection.query(
      `INSERT INTO jobs (job_id, machine_id, start_time, state, updated_at) VALUES
         ('J-1', 'M-1', '2026-03-01 06:00:00', 'COMPLETED', '2026-03-01 08:00:00.000'), ('J-2', 'M-1', '2026-03-01 07:00:00', 'RUNNING', '2026-03-01 08:30:00.000')`,
    );
    await cimco.connection.query(
      `INSERT INTO machine_events (event_id, machine_id, event_time, state) VALUES
         (1, 'M-1', '2026-03-01 06:00:00', 'RUNNING'), (2, 'M-1', '2026-03-01 06:10:00', 'IDLE'), (3, 'M-1', '2026-03-01 06:20:00', 'RUNNING'),
         (4, 'M-2', '2026-03-01 06:30:00', 'DOWN'), (5, 'M-2', '2026-03-01 06:40:00', 'RUNNING')`,
    );

    // machines synced up to (09:00, 'M-2'): M-3 at the same updated_at and M-4 after it are not yet synced.
    await state.commitBatch({
      entity: 'machines',
      syncId: SYNC_ID,
      watermark: { lastUpdatedAt: '2026-03-01 09:00:00.000', lastKey: 'M-2', lastId: null },
      quarantined: [],
      validKeys: [],
      published: { keys: [] },
    });
    await state.commitBatch({
      entity: 'machine_events',
      syncId: SYNC_ID,
      watermark: { lastUpdatedAt: null, lastKey: null, lastId: 3 },
      quarantined: [],
      validKeys: [],
      published: { ids: [] },
    });
    await state.recordRejections(
      [
        rejected('machine_events', '2', 'ingestion'),
        rejected('machine_events', '3', CONSUMERS.analyticsShopfloor.durableName),
        rejected('machine_events', '3', CONSUMERS.mlShopfloor.durableName),
        rejected('jobs', 'J-2', 'ingestion'),
      ],
      SYNC_ID,
    );
  });

  afterAll(async () => {
    await Promise.all(opened.map((s) => s.onApplicationShutdown()));
    await dataSource.destroy();
    await db.drop();
    await cimco.drop();
  });

  it('counts each entity in the source, its quarantine by rejecter and the rows past its watermark', async () => {
    const view = await handlerFor(envWith({ CIMCO_DATABASE_URL: cimco.url })).counts();
    expect(new Date(view.generated_at).toISOString()).toBe(view.generated_at);
    expect(view.entities).toEqual({
      machines: { source: 4, quarantined: {}, not_yet_synced: 2 },
      jobs: { source: 2, quarantined: { ingestion: 1 }, not_yet_synced: 2 },
      downtime_records: { source: 0, quarantined: {}, not_yet_synced: 0 },
      machine_events: { source: 5, quarantined: { ingestion: 1, 'analytics-shopfloor': 1, 'ml-shopfloor': 1 }, not_yet_synced: 2 },
      machine_readings: { source: 0, quarantined: {}, not_yet_synced: 0 },
    });
  });

  it('fails with SOURCE_UNAVAILABLE when no source is configured', async () => {
    const failure = handlerFor(envWith({})).counts();
    await expect(failure).rejects.toBeInstanceOf(DomainError);
    await expect(failure).rejects.toMatchObject({ code: ErrorCode.SourceUnavailable });
  });

  it('fails with SOURCE_UNAVAILABLE when the source cannot be reached', async () => {
    const failure = handlerFor(envWith({ CIMCO_DATABASE_URL: 'mysql://root@127.0.0.1:1/nowhere', CIMCO_CONNECT_TIMEOUT_MS: 1000 })).counts();
    await expect(failure).rejects.toMatchObject({ code: ErrorCode.SourceUnavailable });
  });
});
