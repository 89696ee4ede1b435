import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS } from '../../index';
import { MachineEventRepository, type MachineEventInsert } from './machine-event.repository';

function event(overrides: Partial<MachineEventInsert> = {}): MachineEventInsert {
  return {
    eventId: 1,
    machineId: 'M-001',
    eventTime: new Date('2026-03-02T08:00:00Z'),
    state: 'RUNNING',
    reasonCode: null,
    jobId: 'J-1',
    partCount: 12,
    ...overrides,
  };
}

type Row = { event_id: string; machine_id: string; state: string; part_count: number | null; deleted_at: Date | null };

describe(MachineEventRepository.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let repo: MachineEventRepository;

  const rows = (): Promise<Row[]> =>
    dataSource.query('SELECT event_id, machine_id, state, part_count, deleted_at FROM analytics.machine_events ORDER BY event_id');

  beforeAll(async () => {
    db = await createTestDatabase('sf_events');
    const settings = {
      url: db.serviceUrl('analytics'),
      schema: 'analytics',
      ssl: 'disable' as const,
      poolSize: 2,
      applicationName: 'test',
      entities: ANALYTICS_ENTITIES,
      migrations: ANALYTICS_MIGRATIONS,
      migrationsRun: false,
    };
    await runMigrations(settings);
    dataSource = await new DataSource(serviceDataSourceOptions(settings)).initialize();
    repo = new MachineEventRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE analytics.machine_events');
  });

  it('inserts a batch and reports how many events were new', async () => {
    expect(await repo.insertBatch([event(), event({ eventId: 2, state: 'IDLE', jobId: null, partCount: null, reasonCode: 'NO_OPERATOR' })])).toBe(2);
    expect(await rows()).toEqual([
      { event_id: '1', machine_id: 'M-001', state: 'RUNNING', part_count: 12, deleted_at: null },
      { event_id: '2', machine_id: 'M-001', state: 'IDLE', part_count: null, deleted_at: null },
    ]);
  });

  it('adds nothing when a batch is delivered again, and only the new events of an overlapping one', async () => {
    await repo.insertBatch([event(), event({ eventId: 2 })]);
    const before = await dataSource.query<unknown[]>('SELECT * FROM analytics.machine_events ORDER BY event_id');
    expect(await repo.insertBatch([event(), event({ eventId: 2 })])).toBe(0);
    expect(await dataSource.query<unknown[]>('SELECT * FROM analytics.machine_events ORDER BY event_id')).toEqual(before);
    expect(await repo.insertBatch([event({ eventId: 2 }), event({ eventId: 3 })])).toBe(1);
  });

  it('keeps the first occurrence of an id that appears twice in one batch', async () => {
    expect(await repo.insertBatch([event({ state: 'DOWN' }), event({ state: 'RUNNING' })])).toBe(1);
    expect((await rows()).map((r) => r.state)).toEqual(['DOWN']);
  });

  it('keeps a deleted event deleted when it is delivered again', async () => {
    await repo.insertBatch([event(), event({ eventId: 2 })]);
    expect(await repo.markDeleted(['1'], new Date('2026-03-05T00:00:00Z'))).toBe(1);
    expect(await repo.markDeleted(['1'], new Date('2026-03-06T00:00:00Z'))).toBe(0);
    expect(await repo.insertBatch([event()])).toBe(0);
    expect((await rows()).map((r) => r.deleted_at?.toISOString() ?? null)).toEqual(['2026-03-05T00:00:00.000Z', null]);
  });

  it('stores ids beyond 32 bits', async () => {
    expect(await repo.insertBatch([event({ eventId: 2 ** 40 })])).toBe(1);
    expect((await rows())[0].event_id).toBe(String(2 ** 40));
  });
});
