import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS, IntegrityRepository, JobRepository, MachineEventRepository } from '@shopfloor/analytics/data-access';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { IntegrityService } from './integrity.service';
import { DEFAULT_INTEGRITY_SETTINGS } from './integrity.settings';

const VERSION = new Date('2026-03-03T00:00:00Z');

const job = (jobId: string, start: string, end: string) => ({
  jobId,
  machineId: 'M-9',
  partNumber: null,
  startTime: new Date(start),
  endTime: new Date(end),
  state: 'COMPLETED',
  operatorId: null,
  setupTime: null,
  cycleTime: null,
  idealCycleTime: null,
  partsProduced: null,
  partsScrapped: null,
  sourceUpdatedAt: VERSION,
});

describe(IntegrityService.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('sf_integrity_svc');
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
    await new JobRepository(dataSource).upsertBatch([
      job('J-1', '2026-03-02T08:00:00Z', '2026-03-02T10:00:00Z'),
      job('J-2', '2026-03-02T09:00:00Z', '2026-03-02T11:00:00Z'),
    ]);
    await new MachineEventRepository(dataSource).insertBatch(
      ['2026-03-02T08:00:00Z', '2026-03-02T09:30:00Z', '2026-03-02T11:00:00Z'].map((time, i) => ({
        eventId: i + 1,
        machineId: 'M-9',
        eventTime: new Date(time),
        state: 'RUNNING',
        reasonCode: null,
        jobId: null,
        partCount: null,
      })),
    );
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('reports the findings in the API shape with full totals and the list limit in counts', async () => {
    const report = await new IntegrityService(new IntegrityRepository(dataSource), DEFAULT_INTEGRITY_SETTINGS).report();
    expect(new Date(report.generated_at).toISOString()).toBe(report.generated_at);
    expect(report).toMatchObject({
      orphan_jobs: [
        { job_id: 'J-1', machine_id: 'M-9' },
        { job_id: 'J-2', machine_id: 'M-9' },
      ],
      orphan_downtime_records: [],
      overlapping_jobs: [{ machine_id: 'M-9', job_id: 'J-1', other_job_id: 'J-2', overlap_seconds: 3600 }],
      event_gaps: [
        { machine_id: 'M-9', from: '2026-03-02T08:00:00.000Z', to: '2026-03-02T09:30:00.000Z', gap_seconds: 5400 },
        { machine_id: 'M-9', from: '2026-03-02T09:30:00.000Z', to: '2026-03-02T11:00:00.000Z', gap_seconds: 5400 },
      ],
    });
    expect(report.counts).toEqual({
      machines: 0,
      jobs: 2,
      downtime_records: 0,
      machine_events: 3,
      machine_readings: 0,
      jobs_ending_before_start: 0,
      orphan_jobs: 2,
      orphan_downtime_records: 0,
      overlapping_jobs: 1,
      event_gaps: 2,
      list_limit: 1000,
    });
  });

  it('uses the configured gap threshold and list limit', async () => {
    const report = await new IntegrityService(new IntegrityRepository(dataSource), { eventGapSeconds: 6000, listLimit: 1 }).report();
    expect(report.event_gaps).toEqual([]);
    expect(report.orphan_jobs).toEqual([{ job_id: 'J-1', machine_id: 'M-9' }]);
    expect(report.counts).toMatchObject({ orphan_jobs: 2, event_gaps: 0, list_limit: 1 });
  });
});
