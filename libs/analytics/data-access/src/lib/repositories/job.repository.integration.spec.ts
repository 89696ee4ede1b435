import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS } from '../../index';
import { JobRepository, type JobUpsert } from './job.repository';

const at = (iso: string): Date => new Date(iso);

function job(overrides: Partial<JobUpsert> = {}): JobUpsert {
  return {
    jobId: 'J-1',
    machineId: 'M-001',
    partNumber: 'P-100',
    startTime: at('2026-03-02T08:00:00Z'),
    endTime: at('2026-03-02T10:00:00Z'),
    state: 'COMPLETED',
    operatorId: 'OP-7',
    setupTime: 600,
    cycleTime: 61.5,
    idealCycleTime: 60,
    partsProduced: 100,
    partsScrapped: 2,
    sourceUpdatedAt: at('2026-03-02T10:00:01Z'),
    ...overrides,
  };
}

describe(JobRepository.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let repo: JobRepository;

  const ids = async (from: string | null, to: string | null, limit = 100): Promise<string[]> =>
    (await repo.findOverlapping({ machineId: 'M-001', from: from ? at(from) : null, to: to ? at(to) : null, limit })).map((j) => j.jobId);

  beforeAll(async () => {
    db = await createTestDatabase('sf_jobs');
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
    repo = new JobRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE analytics.jobs');
  });

  it('stores every field of a job and reads it back', async () => {
    expect(await repo.upsertBatch([job()])).toBe(1);
    const [stored] = await repo.findOverlapping({ machineId: 'M-001', from: null, to: null, limit: 10 });
    expect(stored).toMatchObject({
      jobId: 'J-1',
      machineId: 'M-001',
      partNumber: 'P-100',
      state: 'COMPLETED',
      operatorId: 'OP-7',
      setupTime: 600,
      cycleTime: 61.5,
      idealCycleTime: 60,
      partsProduced: 100,
      partsScrapped: 2,
      deletedAt: null,
    });
    expect(stored.startTime.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(stored.endTime?.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(stored.sourceUpdatedAt.toISOString()).toBe('2026-03-02T10:00:01.000Z');
  });

  it('stores a running job with no end and no optional fields', async () => {
    await repo.upsertBatch([
      job({
        endTime: null,
        partNumber: null,
        operatorId: null,
        setupTime: null,
        cycleTime: null,
        idealCycleTime: null,
        partsProduced: null,
        partsScrapped: null,
        state: 'RUNNING',
      }),
    ]);
    const [stored] = await repo.findOverlapping({ machineId: 'M-001', from: null, to: null, limit: 10 });
    expect(stored).toMatchObject({ endTime: null, partNumber: null, setupTime: null, partsProduced: null, state: 'RUNNING' });
  });

  it('applies a newer source version and ignores an older one', async () => {
    await repo.upsertBatch([job({ state: 'RUNNING', endTime: null })]);
    expect(await repo.upsertBatch([job({ state: 'COMPLETED', sourceUpdatedAt: at('2026-03-02T11:00:00Z') })])).toBe(1);
    expect(await repo.upsertBatch([job({ state: 'ABORTED', sourceUpdatedAt: at('2026-03-02T10:30:00Z') })])).toBe(0);
    const [stored] = await repo.findOverlapping({ machineId: 'M-001', from: null, to: null, limit: 10 });
    expect(stored.state).toBe('COMPLETED');
  });

  it('changes nothing, not even synced_at, when the same batch is delivered again', async () => {
    const batch = [job(), job({ jobId: 'J-2', endTime: null })];
    expect(await repo.upsertBatch(batch)).toBe(2);
    const before = await dataSource.query<unknown[]>('SELECT * FROM analytics.jobs ORDER BY job_id');
    expect(await repo.upsertBatch(batch)).toBe(0);
    expect(await dataSource.query<unknown[]>('SELECT * FROM analytics.jobs ORDER BY job_id')).toEqual(before);
  });

  it('keeps the newest version of a key that appears twice in one batch, and the later one on a tie', async () => {
    expect(await repo.upsertBatch([job({ partsProduced: 50, sourceUpdatedAt: at('2026-03-02T12:00:00Z') }), job({ partsProduced: 10 })])).toBe(1);
    expect((await ids(null, null)).length).toBe(1);
    expect((await repo.findOverlapping({ machineId: 'M-001', from: null, to: null, limit: 1 }))[0].partsProduced).toBe(50);
    await dataSource.query('TRUNCATE analytics.jobs');
    await repo.upsertBatch([job({ partsProduced: 1 }), job({ partsProduced: 2 })]);
    expect((await repo.findOverlapping({ machineId: 'M-001', from: null, to: null, limit: 1 }))[0].partsProduced).toBe(2);
  });

  it('tombstones a deleted job, keeps it deleted against older versions and revives it for a newer one', async () => {
    await repo.upsertBatch([job()]);
    expect(await repo.markDeleted(['J-1'], at('2026-03-03T00:00:00Z'))).toBe(1);
    expect(await ids(null, null)).toEqual([]);
    expect(await repo.markDeleted(['J-1'], at('2026-03-03T00:00:00Z'))).toBe(0);
    expect(await repo.upsertBatch([job()])).toBe(0);
    expect(await repo.upsertBatch([job({ sourceUpdatedAt: at('2026-03-02T23:00:00Z') })])).toBe(0);
    expect(await ids(null, null)).toEqual([]);
    expect(await repo.upsertBatch([job({ sourceUpdatedAt: at('2026-03-03T00:00:01Z') })])).toBe(1);
    expect(await ids(null, null)).toEqual(['J-1']);
  });

  it('does not delete a job whose stored version is newer than the deletion', async () => {
    await repo.upsertBatch([job({ sourceUpdatedAt: at('2026-03-04T00:00:00Z') })]);
    expect(await repo.markDeleted(['J-1'], at('2026-03-03T00:00:00Z'))).toBe(0);
    expect(await ids(null, null)).toEqual(['J-1']);
  });

  describe('findOverlapping', () => {
    beforeEach(async () => {
      await repo.upsertBatch([
        job({ jobId: 'J-ends-at-from', startTime: at('2026-03-02T06:00:00Z'), endTime: at('2026-03-02T08:00:00Z') }),
        job({ jobId: 'J-ends-after-from', startTime: at('2026-03-02T06:00:00Z'), endTime: at('2026-03-02T08:00:00.001Z') }),
        job({ jobId: 'J-inside', startTime: at('2026-03-02T09:00:00Z'), endTime: at('2026-03-02T10:00:00Z') }),
        job({ jobId: 'J-starts-before-to', startTime: at('2026-03-02T11:59:59.999Z'), endTime: at('2026-03-02T13:00:00Z') }),
        job({ jobId: 'J-starts-at-to', startTime: at('2026-03-02T12:00:00Z'), endTime: at('2026-03-02T13:00:00Z') }),
        job({ jobId: 'J-running-since-before', startTime: at('2026-03-01T22:00:00Z'), endTime: null, state: 'RUNNING' }),
        job({ jobId: 'J-other-machine', machineId: 'M-002', startTime: at('2026-03-02T09:00:00Z') }),
      ]);
    });

    it('returns the jobs overlapping [from, to) by start time, excluding those ending at from or starting at to', async () => {
      expect(await ids('2026-03-02T08:00:00Z', '2026-03-02T12:00:00Z')).toEqual([
        'J-running-since-before',
        'J-ends-after-from',
        'J-inside',
        'J-starts-before-to',
      ]);
    });

    it('treats a missing bound as open', async () => {
      expect(await ids(null, '2026-03-02T08:00:00Z')).toEqual(['J-running-since-before', 'J-ends-after-from', 'J-ends-at-from']);
      expect(await ids('2026-03-02T12:30:00Z', null)).toEqual(['J-running-since-before', 'J-starts-before-to', 'J-starts-at-to']);
      expect(await ids(null, null)).toHaveLength(6);
    });

    it('orders jobs starting together by job id and stops at the limit', async () => {
      expect(await ids(null, null, 2)).toEqual(['J-running-since-before', 'J-ends-after-from']);
    });
  });
});
