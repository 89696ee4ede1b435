import { Logger } from '@nestjs/common';
import {
  ErrorCode,
  STREAMS,
  SUBJECTS,
  type RecordsRejected,
  type DowntimeRecordsUpserted,
  type JobsUpserted,
  type MachineEventsAppended,
  type MachineReadingsAppended,
  type MachinesUpserted,
  type RecordsDeleted,
} from '@shopfloor/contracts';
import {
  ANALYTICS_ENTITIES,
  ANALYTICS_MIGRATIONS,
  DowntimeRecordRepository,
  JobRepository,
  MachineEventRepository,
  MachineReadingRepository,
  MachineRepository,
  LiveStatusRepository,
} from '@shopfloor/analytics/data-access';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { JetStreamService, NatsConnectionHolder, PoisonMessageError, RecordRejections } from '@shopfloor/nats';
import { MetricsRegistry } from '@shopfloor/observability';
import { connect, type NatsConnection } from 'nats';
import { createTestDatabase, TEST_INFRA, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import type { RedisClient } from '@shopfloor/runtime';
import { testCache } from '../cache/analytics-cache.spec-helper';
import type { AnalyticsEnv } from '../config/analytics.env';
import { LiveStatusService } from '../live/live-status.service';
import { ShopfloorRecordsService } from './shopfloor-records.service';

const SYNC_ID = 'sync-0001';

const machines: MachinesUpserted = {
  sync_id: SYNC_ID,
  records: [
    {
      machine_id: 'M-1',
      name: 'Hermle C42',
      type: 'MILL',
      location: null,
      installation_date: null,
      specifications: null,
      source_updated_at: '2026-03-01T00:00:00.000Z',
    },
  ],
};

const jobs: JobsUpserted = {
  sync_id: SYNC_ID,
  records: ['J-1', 'J-2'].map((job_id, i) => ({
    job_id,
    machine_id: 'M-1',
    part_number: 'P-1',
    start_time: `2026-03-02T0${8 + i}:00:00.000Z`,
    end_time: null,
    state: 'RUNNING' as const,
    operator_id: null,
    setup_time: null,
    cycle_time: null,
    ideal_cycle_time: 30,
    parts_produced: 5,
    parts_scrapped: 0,
    source_updated_at: '2026-03-02T10:00:00.000Z',
  })),
};

const downtime: DowntimeRecordsUpserted = {
  sync_id: SYNC_ID,
  records: [
    {
      record_id: 'D-1',
      job_id: 'J-1',
      machine_id: 'M-1',
      downtime_type: 'SETUP',
      start_time: '2026-03-02T08:00:00.000Z',
      duration: 300,
      reason_code: null,
      description: null,
      source_updated_at: '2026-03-02T10:00:00.000Z',
    },
  ],
};

const events: MachineEventsAppended = {
  sync_id: SYNC_ID,
  records: [{ event_id: 7, machine_id: 'M-1', event_time: '2026-03-02T08:00:00.000Z', state: 'RUNNING', reason_code: null, job_id: 'J-1', part_count: 0 }],
};

const readings: MachineReadingsAppended = {
  sync_id: SYNC_ID,
  records: [1, 2, 3].map((reading_id) => ({
    reading_id,
    machine_id: 'M-1',
    reading_time: '2026-03-02T08:00:00.000Z',
    metric: 'spindle_load',
    value: reading_id * 10,
    unit: '%',
  })),
};

describe(ShopfloorRecordsService.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let service: ShopfloorRecordsService;
  let redis: RedisClient;
  let nats: NatsConnection;

  const count = async (table: string, where = 'TRUE'): Promise<number> =>
    Number((await dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM analytics.${table} WHERE ${where}`))[0].n);

  beforeAll(async () => {
    db = await createTestDatabase('sf_records');
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
    const { cache, client } = await testCache(db.serviceUrl('analytics'));
    redis = client;
    nats = await connect({ servers: TEST_INFRA.natsUrl });
    const holder = new NatsConnectionHolder(nats);
    const env = {
      LIVE_SILENCE_SECONDS: 300,
      LIVE_LONG_STOP_SECONDS: 1800,
      LIVE_SWEEP_SECONDS: 10,
      LIVE_SCRAP_BURST_PARTS: 10,
      LIVE_SCRAP_BURST_RATIO: 0.2,
    } as AnalyticsEnv;
    const jetStream = new JetStreamService(holder);
    await jetStream.ensureStreams([STREAMS.rejections]);
    const live = new LiveStatusService(new LiveStatusRepository(dataSource), holder, jetStream, env);
    service = new ShopfloorRecordsService(
      new MachineRepository(dataSource),
      new JobRepository(dataSource),
      new DowntimeRecordRepository(dataSource),
      new MachineEventRepository(dataSource),
      new MachineReadingRepository(dataSource),
      cache,
      live,
      new RecordRejections(jetStream, new MetricsRegistry()),
    );
  });

  afterAll(async () => {
    await redis.onApplicationShutdown();
    await nats.close();
    await dataSource.destroy();
    await db.drop();
  });

  beforeEach(async () => {
    await dataSource.query(
      'TRUNCATE analytics.machines, analytics.jobs, analytics.downtime_records, analytics.machine_events, analytics.machine_readings, analytics.machine_live_status',
    );
  });

  afterEach(() => jest.restoreAllMocks());

  it('writes each kind of batch to its table by subject', async () => {
    expect(await service.apply(SUBJECTS.shopfloor.machinesUpserted, machines)).toBe(1);
    expect(await service.apply(SUBJECTS.shopfloor.jobsUpserted, jobs)).toBe(2);
    expect(await service.apply(SUBJECTS.shopfloor.downtimeRecordsUpserted, downtime)).toBe(1);
    expect(await service.apply(SUBJECTS.shopfloor.machineEventsAppended, events)).toBe(1);
    expect(await service.apply(SUBJECTS.shopfloor.machineReadingsAppended, readings)).toBe(3);
    expect([
      await count('machines'),
      await count('jobs'),
      await count('downtime_records'),
      await count('machine_events'),
      await count('machine_readings'),
    ]).toEqual([1, 2, 1, 1, 3]);
  });

  it('changes nothing when every batch is delivered a second time', async () => {
    const all: [string, object][] = [
      [SUBJECTS.shopfloor.machinesUpserted, machines],
      [SUBJECTS.shopfloor.jobsUpserted, jobs],
      [SUBJECTS.shopfloor.downtimeRecordsUpserted, downtime],
      [SUBJECTS.shopfloor.machineEventsAppended, events],
      [SUBJECTS.shopfloor.machineReadingsAppended, readings],
    ];
    for (const [subject, batch] of all) await service.apply(subject, batch);
    for (const [subject, batch] of all) expect(await service.apply(subject, batch)).toBe(0);
  });

  it('logs one line per batch with the entity, the record count and the sync id', async () => {
    const log = jest.spyOn(Logger.prototype, 'log');
    await service.apply(SUBJECTS.shopfloor.jobsUpserted, jobs);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ entity: 'jobs', count: 2, changed: 2, sync_id: SYNC_ID }));
  });

  it('tombstones the records a RecordsDeleted names, for mutable and append-only entities', async () => {
    await service.apply(SUBJECTS.shopfloor.jobsUpserted, jobs);
    await service.apply(SUBJECTS.shopfloor.machineReadingsAppended, readings);
    const deleteJobs: RecordsDeleted = { sync_id: 'sync-0002', entity: 'jobs', keys: ['J-2'], deleted_at: '2026-03-03T00:00:00.000Z' };
    const deleteReadings: RecordsDeleted = { sync_id: 'sync-0002', entity: 'machine_readings', keys: ['1', '3'], deleted_at: '2026-03-03T00:00:00.000Z' };
    expect(await service.apply(SUBJECTS.shopfloor.recordsDeleted, deleteJobs)).toBe(1);
    expect(await service.apply(SUBJECTS.shopfloor.recordsDeleted, deleteReadings)).toBe(2);
    expect(await service.apply(SUBJECTS.shopfloor.recordsDeleted, deleteReadings)).toBe(0);
    expect(await count('jobs', 'deleted_at IS NULL')).toBe(1);
    expect(await count('machine_readings', 'deleted_at IS NULL')).toBe(1);
  });

  it('applies the valid records of a batch and reports each invalid one to the quarantine', async () => {
    const syncId = `sync-${Date.now()}-${Math.random()}`;
    const reports: RecordsRejected[] = [];
    const sub = nats.subscribe(SUBJECTS.rejections.shopfloor('analytics-shopfloor'), {
      callback: (_e, m) => {
        const report = JSON.parse(m.string()) as RecordsRejected;
        if (report.sync_id === syncId) reports.push(report);
      },
    });
    await nats.flush();
    const bad = {
      sync_id: syncId,
      records: [jobs.records[0], { ...jobs.records[1], start_time: 'yesterday' }, { ...jobs.records[1], job_id: 'J-3', part_number: '\u{1F600}'.repeat(101) }],
    };
    expect(await service.apply(SUBJECTS.shopfloor.jobsUpserted, bad)).toBe(1);
    expect(await count('jobs')).toBe(1);
    await nats.flush();
    sub.unsubscribe();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ consumer: 'analytics-shopfloor', entity: 'jobs' });
    expect(reports[0].rejected.map((r) => [r.key, r.reasons])).toEqual([
      ['J-2', ['start_time is not a UTC time of the years 0001–9999']],
      ['J-3', ['part_number is longer than 100 characters (101)']],
    ]);
  });

  it('takes 100 emoji as 100 characters, as PostgreSQL counts them', async () => {
    await service.apply(SUBJECTS.shopfloor.machinesUpserted, machines);
    const emoji = { ...jobs, records: [{ ...jobs.records[0], part_number: '\u{1F600}'.repeat(100) }] };
    expect(await service.apply(SUBJECTS.shopfloor.jobsUpserted, emoji)).toBe(1);
    expect(await count('jobs', `char_length(part_number) = 100`)).toBe(1);
  });

  it('rejects a batch without records, or one over the batch size', async () => {
    await expect(service.apply(SUBJECTS.shopfloor.machinesUpserted, { sync_id: SYNC_ID, records: [] })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
    const tooMany = { sync_id: SYNC_ID, records: Array.from({ length: 1001 }, (_, i) => ({ ...readings.records[0], reading_id: i + 1 })) };
    await expect(service.apply(SUBJECTS.shopfloor.machineReadingsAppended, tooMany)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('rejects a deletion of append-only records whose keys are not source ids', async () => {
    const bad: RecordsDeleted = { sync_id: SYNC_ID, entity: 'machine_events', keys: ['7', 'E-7'], deleted_at: '2026-03-03T00:00:00.000Z' };
    await expect(service.apply(SUBJECTS.shopfloor.recordsDeleted, bad)).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: [expect.objectContaining({ invalid_value: 'E-7' })],
    });
  });

  it('treats a subject it has no handler for as poison', async () => {
    await expect(service.apply('shopfloor.machine.upserted', machines.records[0])).rejects.toBeInstanceOf(PoisonMessageError);
  });
});
