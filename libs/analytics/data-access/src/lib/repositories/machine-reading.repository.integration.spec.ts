import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS } from '../../index';
import { MachineReadingRepository, type MachineReadingInsert } from './machine-reading.repository';

function reading(overrides: Partial<MachineReadingInsert> = {}): MachineReadingInsert {
  return {
    readingId: 1,
    machineId: 'M-001',
    readingTime: new Date('2026-03-02T08:00:00Z'),
    metric: 'spindle_load',
    value: 42.5,
    unit: '%',
    ...overrides,
  };
}

type Row = { reading_id: string; metric: string; value: number; unit: string | null; deleted_at: Date | null };

describe(MachineReadingRepository.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let repo: MachineReadingRepository;

  const rows = (): Promise<Row[]> => dataSource.query('SELECT reading_id, metric, value, unit, deleted_at FROM analytics.machine_readings ORDER BY reading_id');

  beforeAll(async () => {
    db = await createTestDatabase('sf_readings');
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
    repo = new MachineReadingRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE analytics.machine_readings');
  });

  it('inserts a full batch of 1000 readings in one statement, and none of them again on a replay', async () => {
    const batch = Array.from({ length: 1000 }, (_, i) =>
      reading({ readingId: i + 1, value: i / 3, unit: i % 2 ? null : '%', readingTime: new Date(Date.UTC(2026, 2, 2, 8, 0, i)) }),
    );
    expect(await repo.insertBatch(batch)).toBe(1000);
    expect(await repo.insertBatch(batch)).toBe(0);
    const [{ count, total }] = await dataSource.query<{ count: string; total: number }[]>(
      'SELECT count(*) AS count, sum(value) AS total FROM analytics.machine_readings',
    );
    expect(Number(count)).toBe(1000);
    expect(total).toBeCloseTo(
      batch.reduce((s, r) => s + r.value, 0),
      6,
    );
  });

  it('keeps the first occurrence of an id that appears twice in one batch', async () => {
    expect(await repo.insertBatch([reading({ value: 1 }), reading({ value: 2 }), reading({ readingId: 2, value: 3 })])).toBe(2);
    expect((await rows()).map((r) => r.value)).toEqual([1, 3]);
  });

  it('keeps a deleted reading deleted when it is delivered again', async () => {
    await repo.insertBatch([reading(), reading({ readingId: 2 })]);
    expect(await repo.markDeleted(['2', '99'], new Date('2026-03-05T00:00:00Z'))).toBe(1);
    expect(await repo.insertBatch([reading({ readingId: 2, value: 7 })])).toBe(0);
    expect(await rows()).toEqual([
      { reading_id: '1', metric: 'spindle_load', value: 42.5, unit: '%', deleted_at: null },
      { reading_id: '2', metric: 'spindle_load', value: 42.5, unit: '%', deleted_at: new Date('2026-03-05T00:00:00Z') },
    ]);
  });
});
