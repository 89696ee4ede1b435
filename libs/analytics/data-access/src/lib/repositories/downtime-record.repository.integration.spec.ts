import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS } from '../../index';
import { DowntimeRecordRepository, type DowntimeRecordUpsert } from './downtime-record.repository';

const at = (iso: string): Date => new Date(iso);

function stop(overrides: Partial<DowntimeRecordUpsert> = {}): DowntimeRecordUpsert {
  return {
    recordId: 'D-1',
    jobId: 'J-1',
    machineId: 'M-001',
    downtimeType: 'BREAKDOWN',
    startTime: at('2026-03-02T09:00:00Z'),
    duration: 900,
    reasonCode: 'R-12',
    description: 'Spindle alarm',
    sourceUpdatedAt: at('2026-03-02T09:20:00Z'),
    ...overrides,
  };
}

describe(DowntimeRecordRepository.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let repo: DowntimeRecordRepository;

  const ids = async (from: string | null, to: string | null, limit = 100): Promise<string[]> =>
    (await repo.findOverlapping({ machineId: 'M-001', from: from ? at(from) : null, to: to ? at(to) : null, limit })).map((d) => d.recordId);

  beforeAll(async () => {
    db = await createTestDatabase('sf_downtime');
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
    repo = new DowntimeRecordRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE analytics.downtime_records');
  });

  it('stores every field of a downtime record and reads it back', async () => {
    expect(await repo.upsertBatch([stop(), stop({ recordId: 'D-2', jobId: null, reasonCode: null, description: null, duration: 0.25 })])).toBe(2);
    const stored = await repo.findOverlapping({ machineId: 'M-001', from: null, to: null, limit: 10 });
    expect(stored[0]).toMatchObject({
      recordId: 'D-1',
      jobId: 'J-1',
      machineId: 'M-001',
      downtimeType: 'BREAKDOWN',
      duration: 900,
      reasonCode: 'R-12',
      description: 'Spindle alarm',
    });
    expect(stored[0].startTime.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(stored[1]).toMatchObject({ recordId: 'D-2', jobId: null, reasonCode: null, description: null, duration: 0.25 });
  });

  it('applies a newer source version, ignores an older one, and rewrites nothing on a replay', async () => {
    await repo.upsertBatch([stop()]);
    expect(await repo.upsertBatch([stop()])).toBe(0);
    expect(await repo.upsertBatch([stop({ duration: 1200, sourceUpdatedAt: at('2026-03-02T09:30:00Z') })])).toBe(1);
    expect(await repo.upsertBatch([stop({ duration: 60, sourceUpdatedAt: at('2026-03-02T09:25:00Z') })])).toBe(0);
    expect((await repo.findOverlapping({ machineId: 'M-001', from: null, to: null, limit: 10 }))[0].duration).toBe(1200);
  });

  it('keeps the newest version of a key that appears twice in one batch', async () => {
    expect(await repo.upsertBatch([stop({ downtimeType: 'SETUP', sourceUpdatedAt: at('2026-03-02T10:00:00Z') }), stop({ downtimeType: 'BREAK' })])).toBe(1);
    expect(await repo.findOverlapping({ machineId: 'M-001', from: null, to: null, limit: 10 })).toEqual([expect.objectContaining({ downtimeType: 'SETUP' })]);
  });

  it('tombstones a deleted record unless its stored version is newer, and keeps it deleted against older versions', async () => {
    await repo.upsertBatch([stop(), stop({ recordId: 'D-2', sourceUpdatedAt: at('2026-03-05T00:00:00Z') })]);
    expect(await repo.markDeleted(['D-1', 'D-2'], at('2026-03-04T00:00:00Z'))).toBe(1);
    expect(await ids(null, null)).toEqual(['D-2']);
    expect(await repo.upsertBatch([stop({ sourceUpdatedAt: at('2026-03-03T00:00:00Z') })])).toBe(0);
    expect(await ids(null, null)).toEqual(['D-2']);
  });

  describe('findOverlapping', () => {
    beforeEach(async () => {
      await repo.upsertBatch([
        stop({ recordId: 'D-ends-at-from', startTime: at('2026-03-02T07:45:00Z'), duration: 900 }),
        stop({ recordId: 'D-ends-after-from', startTime: at('2026-03-02T07:45:00Z'), duration: 900.5 }),
        stop({ recordId: 'D-inside', startTime: at('2026-03-02T09:00:00Z'), duration: 60 }),
        stop({ recordId: 'D-starts-at-to', startTime: at('2026-03-02T12:00:00Z'), duration: 60 }),
        stop({ recordId: 'D-spans-all', startTime: at('2026-03-01T00:00:00Z'), duration: 3 * 86400 }),
        stop({ recordId: 'D-other-machine', machineId: 'M-002', startTime: at('2026-03-02T09:00:00Z') }),
      ]);
    });

    it('returns the stops overlapping [from, to) by start time, excluding those ending at from or starting at to', async () => {
      expect(await ids('2026-03-02T08:00:00Z', '2026-03-02T12:00:00Z')).toEqual(['D-spans-all', 'D-ends-after-from', 'D-inside']);
    });

    it('treats a missing bound as open and stops at the limit', async () => {
      expect(await ids('2026-03-02T11:00:00Z', null)).toEqual(['D-spans-all', 'D-starts-at-to']);
      expect(await ids(null, '2026-03-02T08:00:00Z', 2)).toEqual(['D-spans-all', 'D-ends-after-from']);
    });
  });
});
