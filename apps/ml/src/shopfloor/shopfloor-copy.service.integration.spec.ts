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
import { ShopfloorCopyRepository } from '@shopfloor/ml/data-access';
import { machineFeatures, type MachineHistory } from '@shopfloor/ml/features';
import { JetStreamService, NatsConnectionHolder, PoisonMessageError, RecordRejections } from '@shopfloor/nats';
import { MetricsRegistry } from '@shopfloor/observability';
import { TEST_INFRA, type TestDatabase } from '@shopfloor/testing';
import { connect, type NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { ShopfloorCopyService } from './shopfloor-copy.service';
import { openMlDatabase } from '../testing/ml-infra.spec-helper';

const SYNC_ID = 'sync-0001';
const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const HOUR = 3_600_000;

const machines: MachinesUpserted = {
  sync_id: SYNC_ID,
  records: [
    {
      machine_id: 'M-1',
      name: 'Hermle C42',
      type: 'MILL',
      location: 'Hall A',
      installation_date: '2020-01-01T00:00:00.000Z',
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
    end_time: i === 0 ? '2026-03-02T09:00:00.000Z' : null,
    state: i === 0 ? ('COMPLETED' as const) : ('RUNNING' as const),
    operator_id: null,
    setup_time: null,
    cycle_time: 31,
    ideal_cycle_time: 30,
    parts_produced: 100,
    parts_scrapped: 1,
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
    {
      record_id: 'D-2',
      job_id: 'J-2',
      machine_id: 'M-1',
      downtime_type: 'BREAKDOWN',
      start_time: '2026-03-02T09:30:00.000Z',
      duration: 2400,
      reason_code: 'E42',
      description: 'spindle',
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
    reading_time: `2026-03-02T08:0${reading_id}:00.000Z`,
    metric: 'spindle_load',
    value: reading_id * 10,
    unit: '%',
  })),
};

describe(ShopfloorCopyService.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let repo: ShopfloorCopyRepository;
  let service: ShopfloorCopyService;
  let nats: NatsConnection;

  const count = async (table: string, where = 'TRUE'): Promise<number> =>
    Number((await dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM ml.${table} WHERE ${where}`))[0].n);

  beforeAll(async () => {
    ({ db, dataSource } = await openMlDatabase('sf_ml_shopfloor'));
    repo = new ShopfloorCopyRepository(dataSource);
    nats = await connect({ servers: TEST_INFRA.natsUrl });
    const jetStream = new JetStreamService(new NatsConnectionHolder(nats));
    await jetStream.ensureStreams([STREAMS.rejections]);
    service = new ShopfloorCopyService(repo, new RecordRejections(jetStream, new MetricsRegistry()));
  });

  afterAll(async () => {
    await nats.close();
    await dataSource.destroy();
    await db.drop();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE ml.machines, ml.jobs, ml.stops, ml.readings');
  });

  afterEach(() => jest.restoreAllMocks());

  it('writes each kind of batch to its table by subject, and acknowledges machine events without keeping them', async () => {
    expect(await service.apply(SUBJECTS.shopfloor.machinesUpserted, machines)).toBe(1);
    expect(await service.apply(SUBJECTS.shopfloor.jobsUpserted, jobs)).toBe(2);
    expect(await service.apply(SUBJECTS.shopfloor.downtimeRecordsUpserted, downtime)).toBe(2);
    expect(await service.apply(SUBJECTS.shopfloor.machineReadingsAppended, readings)).toBe(3);
    expect(await service.apply(SUBJECTS.shopfloor.machineEventsAppended, events)).toBe(0);
    expect([await count('machines'), await count('jobs'), await count('stops'), await count('readings')]).toEqual([1, 2, 2, 3]);
  });

  it('changes nothing when every batch is delivered a second time', async () => {
    const all: [string, object][] = [
      [SUBJECTS.shopfloor.machinesUpserted, machines],
      [SUBJECTS.shopfloor.jobsUpserted, jobs],
      [SUBJECTS.shopfloor.downtimeRecordsUpserted, downtime],
      [SUBJECTS.shopfloor.machineReadingsAppended, readings],
    ];
    for (const [subject, batch] of all) await service.apply(subject, batch);
    for (const [subject, batch] of all) expect(await service.apply(subject, batch)).toBe(0);
  });

  it('keeps the newer version when an older one arrives later', async () => {
    await service.apply(SUBJECTS.shopfloor.jobsUpserted, jobs);
    const older: JobsUpserted = { sync_id: 'sync-0000', records: [{ ...jobs.records[0], parts_produced: 5, source_updated_at: '2026-03-02T09:00:00.000Z' }] };
    expect(await service.apply(SUBJECTS.shopfloor.jobsUpserted, older)).toBe(0);
    expect((await repo.history('M-1', T0, T0 + HOUR)).jobs[0].partsProduced).toBe(100);
  });

  it('logs one line per batch with the entity, the record count and the sync id', async () => {
    const log = jest.spyOn(Logger.prototype, 'log');
    await service.apply(SUBJECTS.shopfloor.downtimeRecordsUpserted, downtime);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ entity: 'stops', count: 2, changed: 2, sync_id: SYNC_ID }));
  });

  it('removes the records a RecordsDeleted names, and ignores deleted machine events', async () => {
    await service.apply(SUBJECTS.shopfloor.machinesUpserted, machines);
    await service.apply(SUBJECTS.shopfloor.jobsUpserted, jobs);
    await service.apply(SUBJECTS.shopfloor.downtimeRecordsUpserted, downtime);
    await service.apply(SUBJECTS.shopfloor.machineReadingsAppended, readings);
    const deleted = (entity: RecordsDeleted['entity'], keys: string[]): RecordsDeleted => ({
      sync_id: 'sync-0002',
      entity,
      keys,
      deleted_at: '2026-03-03T00:00:00.000Z',
    });
    expect(await service.apply(SUBJECTS.shopfloor.recordsDeleted, deleted('jobs', ['J-2']))).toBe(1);
    expect(await service.apply(SUBJECTS.shopfloor.recordsDeleted, deleted('downtime_records', ['D-1']))).toBe(1);
    expect(await service.apply(SUBJECTS.shopfloor.recordsDeleted, deleted('machine_readings', ['1', '3']))).toBe(2);
    expect(await service.apply(SUBJECTS.shopfloor.recordsDeleted, deleted('machine_readings', ['1', '3']))).toBe(0);
    expect(await service.apply(SUBJECTS.shopfloor.recordsDeleted, deleted('machine_events', ['7']))).toBe(0);
    expect(await service.apply(SUBJECTS.shopfloor.recordsDeleted, deleted('machines', ['M-1']))).toBe(1);
    expect([await count('jobs', 'deleted_at IS NULL'), await count('stops', 'deleted_at IS NULL'), await count('readings', 'deleted_at IS NULL')]).toEqual([
      1, 1, 1,
    ]);
    expect(await repo.machineExists('M-1')).toBe(false);
  });

  it('yields a history the feature library reads', async () => {
    await service.apply(SUBJECTS.shopfloor.jobsUpserted, jobs);
    await service.apply(SUBJECTS.shopfloor.downtimeRecordsUpserted, downtime);
    await service.apply(SUBJECTS.shopfloor.machineReadingsAppended, readings);
    const history: MachineHistory = await repo.history('M-1', T0, T0 + 24 * HOUR);
    // The newest record is the breakdown's end, 09:30 + 40 min.
    expect(history.until).toBe(Date.parse('2026-03-02T10:10:00.000Z'));
    const features = machineFeatures(history, T0 + 3 * HOUR);
    const value = (name: string): number => features.values[features.names.indexOf(name)];
    expect(value('breakdown_count_24h')).toBe(1);
    expect(value('breakdown_hours_24h')).toBeCloseTo(40 / 60, 9);
    expect(value('spindle_load_last_24h')).toBe(30);
  });

  it('applies the valid records of a batch and reports each invalid one to the quarantine', async () => {
    const syncId = `sync-${Date.now()}-${Math.random()}`;
    const reports: RecordsRejected[] = [];
    const sub = nats.subscribe(SUBJECTS.rejections.shopfloor('ml-shopfloor'), {
      callback: (_e, m) => {
        const report = JSON.parse(m.string()) as RecordsRejected;
        if (report.sync_id === syncId) reports.push(report);
      },
    });
    await nats.flush();
    const bad = { sync_id: syncId, records: [jobs.records[0], { ...jobs.records[1], start_time: 'yesterday' }] };
    expect(await service.apply(SUBJECTS.shopfloor.jobsUpserted, bad)).toBe(1);
    expect(await count('jobs')).toBe(1);
    const commaFraction = { sync_id: syncId, records: [{ ...readings.records[0], reading_time: '2026-03-02T08:00:00,5Z' }] };
    expect(await service.apply(SUBJECTS.shopfloor.machineReadingsAppended, commaFraction)).toBe(0);
    expect(await count('readings')).toBe(0);
    await nats.flush();
    sub.unsubscribe();
    expect(reports.map((r) => [r.consumer, r.entity, r.rejected.map((x) => x.key)])).toEqual([
      ['ml-shopfloor', 'jobs', [jobs.records[1].job_id]],
      ['ml-shopfloor', 'machine_readings', [String(readings.records[0].reading_id)]],
    ]);
  });

  it('rejects a deletion of readings whose keys are not source ids', async () => {
    const bad: RecordsDeleted = { sync_id: SYNC_ID, entity: 'machine_readings', keys: ['7', 'R-7'], deleted_at: '2026-03-03T00:00:00.000Z' };
    await expect(service.apply(SUBJECTS.shopfloor.recordsDeleted, bad)).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: [expect.objectContaining({ invalid_value: 'R-7' })],
    });
  });

  it('treats a subject it has no handler for as poison', async () => {
    await expect(service.apply('shopfloor.machine.upserted', machines.records[0])).rejects.toBeInstanceOf(PoisonMessageError);
  });
});
