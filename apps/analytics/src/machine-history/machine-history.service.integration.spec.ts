import { ErrorCode } from '@shopfloor/contracts';
import {
  ANALYTICS_ENTITIES,
  ANALYTICS_MIGRATIONS,
  DowntimeRecordRepository,
  JobRepository,
  MachineEventRepository,
  MachineReadingRepository,
  MachineRepository,
} from '@shopfloor/analytics/data-access';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { DEFAULT_HISTORY_LIMIT, MachineHistoryService } from './machine-history.service';

const VERSION = new Date('2026-03-03T00:00:00Z');

describe(MachineHistoryService.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let service: MachineHistoryService;

  beforeAll(async () => {
    db = await createTestDatabase('sf_history');
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
    const machines = new MachineRepository(dataSource);
    const jobs = new JobRepository(dataSource);
    const downtime = new DowntimeRecordRepository(dataSource);
    service = new MachineHistoryService(machines, jobs, downtime, new MachineEventRepository(dataSource), new MachineReadingRepository(dataSource));

    await machines.upsertBatch([
      { machineId: 'M-1', name: 'M-1', type: 'MILL', location: null, installationDate: null, specifications: null, sourceUpdatedAt: VERSION },
      { machineId: 'M-GONE', name: 'M-GONE', type: 'MILL', location: null, installationDate: null, specifications: null, sourceUpdatedAt: VERSION },
    ]);
    await machines.markDeleted(['M-GONE'], new Date('2026-03-04T00:00:00Z'));
    await jobs.upsertBatch(
      Array.from({ length: DEFAULT_HISTORY_LIMIT + 5 }, (_, i) => ({
        jobId: `J-${String(i).padStart(5, '0')}`,
        machineId: 'M-1',
        partNumber: null,
        startTime: new Date(Date.UTC(2026, 2, 1) + i * 60_000),
        endTime: new Date(Date.UTC(2026, 2, 1) + i * 60_000 + 30_000),
        state: 'COMPLETED',
        operatorId: null,
        setupTime: null,
        cycleTime: null,
        idealCycleTime: 12.5,
        partsProduced: 2,
        partsScrapped: 0,
        sourceUpdatedAt: VERSION,
      })),
    );
    let id = 1;
    const event = (time: string, state: string, reasonCode: string | null = null, partCount: number | null = null) => ({
      eventId: id++,
      machineId: 'M-1',
      eventTime: `2026-03-01T${time}Z`,
      state,
      reasonCode,
      jobId: 'J-00000',
      partCount,
    });
    await new MachineEventRepository(dataSource).insertBatch([
      event('05:00:00', 'RUNNING'),
      // Counter messages repeat the state: no new stretch.
      ...Array.from({ length: 30 }, (_, i) => event(`06:${String(i).padStart(2, '0')}:30`, 'RUNNING', null, 100 + i)),
      event('06:30:00', 'DOWN', 'SPINDLE'),
      event('07:00:00', 'RUNNING'),
    ]);
    await new MachineReadingRepository(dataSource).insertBatch(
      Array.from({ length: 120 }, (_, i) => ({
        readingId: i + 1,
        machineId: 'M-1',
        readingTime: new Date(Date.UTC(2026, 2, 1, 6) + i * 60_000),
        metric: i % 2 ? 'spindle_load' : 'temperature',
        value: i,
        unit: i % 2 ? '%' : 'degC',
      })),
    );
    await downtime.upsertBatch([
      {
        recordId: 'D-1',
        jobId: 'J-00000',
        machineId: 'M-1',
        downtimeType: 'BREAK',
        startTime: new Date('2026-03-01T00:00:10Z'),
        duration: 90.5,
        reasonCode: null,
        description: 'lunch',
        sourceUpdatedAt: VERSION,
      },
    ]);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('answers the jobs in the period as API views, with the period echoed in UTC', async () => {
    const page = await service.jobs({ machine_id: 'M-1', from: '2026-03-01T01:00:00+01:00', to: '2026-03-01T00:02:00Z' });
    expect(page).toEqual({
      machine_id: 'M-1',
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-01T00:02:00.000Z',
      items: [
        expect.objectContaining({
          job_id: 'J-00000',
          start_time: '2026-03-01T00:00:00.000Z',
          end_time: '2026-03-01T00:00:30.000Z',
          ideal_cycle_time: 12.5,
          source_updated_at: '2026-03-03T00:00:00.000Z',
        }),
        expect.objectContaining({ job_id: 'J-00001' }),
      ],
    });
  });

  it('returns at most 1000 records unless asked for another limit', async () => {
    expect((await service.jobs({ machine_id: 'M-1' })).items).toHaveLength(DEFAULT_HISTORY_LIMIT);
    expect((await service.jobs({ machine_id: 'M-1', limit: 3 })).items.map((j) => j.job_id)).toEqual(['J-00000', 'J-00001', 'J-00002']);
    expect((await service.jobs({ machine_id: 'M-1', limit: 5000 })).items).toHaveLength(DEFAULT_HISTORY_LIMIT + 5);
  });

  it('answers downtime with its end time derived from start and duration', async () => {
    const page = await service.downtime({ machine_id: 'M-1', from: '2026-03-01T00:01:00Z', to: '2026-03-02T00:00:00Z' });
    expect(page.items).toEqual([
      {
        record_id: 'D-1',
        job_id: 'J-00000',
        machine_id: 'M-1',
        downtime_type: 'BREAK',
        start_time: '2026-03-01T00:00:10.000Z',
        end_time: '2026-03-01T00:01:40.500Z',
        duration: 90.5,
        reason_code: null,
        description: 'lunch',
        source_updated_at: '2026-03-03T00:00:00.000Z',
      },
    ]);
  });

  it('answers MACHINE_NOT_FOUND for a machine that is unknown or deleted', async () => {
    await expect(service.jobs({ machine_id: 'M-404' })).rejects.toMatchObject({ code: ErrorCode.MachineNotFound, details: { machine_id: 'M-404' } });
    await expect(service.downtime({ machine_id: 'M-GONE' })).rejects.toMatchObject({ code: ErrorCode.MachineNotFound });
  });

  it('refuses a period whose start is not before its end', async () => {
    await expect(service.jobs({ machine_id: 'M-1', from: '2026-03-02T00:00:00Z', to: '2026-03-02T00:00:00Z' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: [expect.objectContaining({ field: 'from' })],
    });
    await expect(service.downtime({ machine_id: 'M-1', from: '2026-03-03T00:00:00Z', to: '2026-03-02T00:00:00Z' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
  });

  it('refuses a time without offset, which names no single instant, and takes a bare date as midnight UTC', async () => {
    await expect(service.jobs({ machine_id: 'M-1', from: '2026-03-01T00:00:00' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: [expect.objectContaining({ field: 'from', invalid_value: '2026-03-01T00:00:00' })],
    });
    await expect(service.jobs({ machine_id: 'M-1', to: '2026-W10' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: [expect.objectContaining({ field: 'to' })],
    });
    expect(await service.jobs({ machine_id: 'M-1', from: '2026-03-02', limit: 1 })).toMatchObject({ from: '2026-03-02T00:00:00.000Z', items: [] });
    expect((await service.jobs({ machine_id: 'M-1', to: '2026-03-01T00:00:30.5+00:00' })).items.map((j) => j.job_id)).toEqual(['J-00000']);
  });

  it('answers the states of a period: the one in effect at its start, then one stretch per change', async () => {
    const timeline = await service.states({ machine_id: 'M-1', from: '2026-03-01T06:00:00Z', to: '2026-03-01T08:00:00+00:00' });
    expect(timeline).toEqual({
      machine_id: 'M-1',
      from: '2026-03-01T06:00:00.000Z',
      to: '2026-03-01T08:00:00.000Z',
      known_until: '2026-03-01T08:00:00.000Z',
      truncated: false,
      items: [
        { state: 'RUNNING', reason_code: null, job_id: 'J-00000', start: '2026-03-01T06:00:00.000Z', end: '2026-03-01T06:30:00.000Z', duration: 1800 },
        { state: 'DOWN', reason_code: 'SPINDLE', job_id: 'J-00000', start: '2026-03-01T06:30:00.000Z', end: '2026-03-01T07:00:00.000Z', duration: 1800 },
        { state: 'RUNNING', reason_code: null, job_id: 'J-00000', start: '2026-03-01T07:00:00.000Z', end: '2026-03-01T08:00:00.000Z', duration: 3600 },
      ],
    });
    expect((await service.states({ machine_id: 'M-1', from: '2026-02-01T00:00:00Z', to: '2026-02-02T00:00:00Z' })).items).toEqual([]);
  });

  it('ends a timeline that reaches into the future at now', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const timeline = await service.states({ machine_id: 'M-1', from, to: new Date(Date.now() + 3_600_000).toISOString() });
    expect(Date.parse(timeline.known_until)).toBeLessThanOrEqual(Date.now());
    expect(timeline.items).toEqual([expect.objectContaining({ state: 'RUNNING', start: new Date(from).toISOString(), end: timeline.known_until })]);
  });

  it('answers readings per metric in equal buckets, one metric when asked', async () => {
    const view = await service.readingSeries({ machine_id: 'M-1', from: '2026-03-01T06:00:00Z', to: '2026-03-01T08:00:00Z', buckets: 4 });
    expect(view.bucket_seconds).toBe(1800);
    expect(view.series.map((s) => [s.metric, s.unit, s.points.length])).toEqual([
      ['spindle_load', '%', 4],
      ['temperature', 'degC', 4],
    ]);
    // Minutes 0–29: temperature has the even values 0…28.
    expect(view.series[1].points[0]).toEqual({ start: '2026-03-01T06:00:00.000Z', mean: 14, min: 0, max: 28, count: 15 });
    const one = await service.readingSeries({ machine_id: 'M-1', from: '2026-03-01T06:00:00Z', to: '2026-03-01T07:00:00Z', metric: 'spindle_load' });
    expect(one.series.map((s) => s.metric)).toEqual(['spindle_load']);
    expect(one.series[0].points.reduce((n, p) => n + p.count, 0)).toBe(30);
    expect((await service.readingSeries({ machine_id: 'M-1', from: '2026-03-01T06:00:00Z', to: '2026-03-01T07:00:00Z', metric: 'nothing' })).series).toEqual(
      [],
    );
  });

  it('refuses a timeline or readings period that is reversed, longer than 31 days, without offset, or of an unknown machine', async () => {
    await expect(service.states({ machine_id: 'M-1', from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
    await expect(service.states({ machine_id: 'M-1', from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:01Z' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: [expect.objectContaining({ field: 'to' })],
    });
    await expect(service.readingSeries({ machine_id: 'M-1', from: '2026-03-01T00:00:00', to: '2026-03-02T00:00:00Z' })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
    await expect(service.readingSeries({ machine_id: 'M-GONE', from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' })).rejects.toMatchObject({
      code: ErrorCode.MachineNotFound,
    });
  });
});
