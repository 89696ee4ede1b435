import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { ANALYTICS_ENTITIES, ANALYTICS_MIGRATIONS } from '../../index';
import { DowntimeRecordRepository, type DowntimeRecordUpsert } from './downtime-record.repository';
import { IntegrityRepository } from './integrity.repository';
import { JobRepository, type JobUpsert } from './job.repository';
import { MachineEventRepository } from './machine-event.repository';
import { MachineReadingRepository } from './machine-reading.repository';
import { MachineRepository } from './machine.repository';

/** A time on the crafted day, or the next day with a `+1 ` prefix. */
const t = (hhmm: string): Date => (hhmm.startsWith('+1 ') ? new Date(`2026-03-03T${hhmm.slice(3)}:00Z`) : new Date(`2026-03-02T${hhmm}:00Z`));
const VERSION = new Date('2026-03-03T12:00:00Z');

const job = (jobId: string, machineId: string, start: string, end: string | null): JobUpsert => ({
  jobId,
  machineId,
  partNumber: null,
  startTime: t(start),
  endTime: end === null ? null : t(end),
  state: end === null ? 'RUNNING' : 'COMPLETED',
  operatorId: null,
  setupTime: null,
  cycleTime: null,
  idealCycleTime: null,
  partsProduced: null,
  partsScrapped: null,
  sourceUpdatedAt: VERSION,
});

const stop = (recordId: string, machineId: string, jobId: string | null): DowntimeRecordUpsert => ({
  recordId,
  jobId,
  machineId,
  downtimeType: 'BREAKDOWN',
  startTime: t('09:00'),
  duration: 60,
  reasonCode: null,
  description: null,
  sourceUpdatedAt: VERSION,
});

const machine = (machineId: string) => ({
  machineId,
  name: machineId,
  type: 'MILL',
  location: null,
  installationDate: null,
  specifications: null,
  sourceUpdatedAt: VERSION,
});

describe(IntegrityRepository.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let repo: IntegrityRepository;

  beforeAll(async () => {
    db = await createTestDatabase('sf_integrity');
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
    repo = new IntegrityRepository(dataSource);

    const machines = new MachineRepository(dataSource);
    await machines.upsertBatch([machine('M-1'), machine('M-2'), machine('M-3')]);
    await machines.markDeleted(['M-3'], new Date('2026-03-04T00:00:00Z'));

    const jobs = new JobRepository(dataSource);
    await jobs.upsertBatch([
      job('A', 'M-1', '08:00', '10:00'),
      job('B', 'M-1', '09:30', '11:00'), // overlaps A by 30 min
      job('C', 'M-1', '11:00', '12:00'), // touches B: no overlap
      job('X', 'M-1', '09:00', '09:45'), // deleted below: ignored
      job('NEG', 'M-1', '20:00', '19:00'), // ends before it starts
      job('R', 'M-1', '22:00', null), // still running ...
      job('S', 'M-1', '+1 01:00', '+1 02:00'), // ... so S overlaps R for all its hour
      job('L', 'M-2', '00:00', '06:00'),
      job('P', 'M-2', '01:00', '02:00'), // inside L
      job('Q', 'M-2', '03:00', '04:30'), // inside L too, not next to it in start order
      job('O1', 'M-9', '08:00', '09:00'), // unknown machine
      job('O2', 'M-3', '08:00', '09:00'), // deleted machine
    ]);
    await jobs.markDeleted(['X'], new Date('2026-03-04T00:00:00Z'));

    await new DowntimeRecordRepository(dataSource).upsertBatch([
      stop('D1', 'M-1', 'A'),
      stop('D2', 'M-1', null),
      stop('D3', 'M-9', null),
      stop('D4', 'M-1', 'J-NOPE'),
      stop('D5', 'M-9', 'J-NOPE'),
      stop('D6', 'M-1', 'X'),
    ]);

    const events = new MachineEventRepository(dataSource);
    const event = (eventId: number, machineId: string, time: string, state: string) => ({
      eventId,
      machineId,
      eventTime: t(time),
      state,
      reasonCode: null,
      jobId: null,
      partCount: null,
    });
    await events.insertBatch([
      event(1, 'M-1', '08:00', 'RUNNING'),
      event(2, 'M-1', '08:30', 'IDLE'),
      event(3, 'M-1', '10:00', 'DOWN'), // 90 min after the last event: a gap
      event(4, 'M-1', '10:10', 'OFFLINE'),
      event(5, 'M-1', '14:00', 'RUNNING'), // after OFFLINE: expected silence
      event(6, 'M-1', '15:00', 'RUNNING'), // exactly the threshold: not a gap
      event(10, 'M-2', '00:00', 'RUNNING'),
      event(11, 'M-2', '01:00', 'RUNNING'), // deleted below, which opens a 2 h gap
      event(12, 'M-2', '02:00', 'IDLE'),
      event(13, 'M-2', '02:10', 'offline'),
      event(14, 'M-2', '05:00', 'RUNNING'),
    ]);
    await events.markDeleted(['11'], new Date('2026-03-04T00:00:00Z'));

    const reading = (readingId: number) => ({ readingId, machineId: 'M-1', readingTime: t('08:00'), metric: 'spindle_load', value: 1, unit: null });
    await new MachineReadingRepository(dataSource).insertBatch([reading(1), reading(2), reading(3)]);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('finds jobs whose machine is unknown or deleted', async () => {
    const { orphanJobs } = await repo.check({ eventGapSeconds: 3600, listLimit: 100 });
    expect(orphanJobs).toEqual({
      items: [
        { jobId: 'O2', machineId: 'M-3' },
        { jobId: 'O1', machineId: 'M-9' },
      ],
      total: 2,
    });
  });

  it('finds downtime records with an unknown machine, or with a job that is unknown or deleted', async () => {
    const { orphanDowntimeRecords } = await repo.check({ eventGapSeconds: 3600, listLimit: 100 });
    expect(orphanDowntimeRecords).toEqual({
      items: [
        { recordId: 'D4', machineId: 'M-1', jobId: 'J-NOPE', missing: 'job' },
        { recordId: 'D6', machineId: 'M-1', jobId: 'X', missing: 'job' },
        { recordId: 'D3', machineId: 'M-9', jobId: null, missing: 'machine' },
        { recordId: 'D5', machineId: 'M-9', jobId: 'J-NOPE', missing: 'machine' },
      ],
      total: 4,
    });
  });

  it('pairs every overlapping job on a machine with its overlap, a running job lasting until now', async () => {
    const { overlappingJobs } = await repo.check({ eventGapSeconds: 3600, listLimit: 100 });
    expect(overlappingJobs).toEqual({
      items: [
        { machineId: 'M-1', jobId: 'A', otherJobId: 'B', overlapSeconds: 1800 },
        { machineId: 'M-1', jobId: 'R', otherJobId: 'S', overlapSeconds: 3600 },
        { machineId: 'M-2', jobId: 'L', otherJobId: 'P', overlapSeconds: 3600 },
        { machineId: 'M-2', jobId: 'L', otherJobId: 'Q', overlapSeconds: 5400 },
      ],
      total: 4,
    });
  });

  it('finds gaps between consecutive events longer than the threshold, except after OFFLINE', async () => {
    const { eventGaps } = await repo.check({ eventGapSeconds: 3600, listLimit: 100 });
    expect(eventGaps).toEqual({
      items: [
        { machineId: 'M-1', from: t('08:30'), to: t('10:00'), gapSeconds: 5400 },
        { machineId: 'M-2', from: t('00:00'), to: t('02:00'), gapSeconds: 7200 },
      ],
      total: 2,
    });
    expect((await repo.check({ eventGapSeconds: 6000, listLimit: 100 })).eventGaps.items.map((g) => g.machineId)).toEqual(['M-2']);
  });

  it('counts the live rows of every table and the jobs that end before they start', async () => {
    const { counts } = await repo.check({ eventGapSeconds: 3600, listLimit: 100 });
    expect(counts).toEqual({ machines: 2, jobs: 11, downtime_records: 6, machine_events: 10, machine_readings: 3, jobs_ending_before_start: 1 });
  });

  it('caps each list at the limit but still reports the full totals', async () => {
    const found = await repo.check({ eventGapSeconds: 3600, listLimit: 1 });
    expect(found.overlappingJobs).toEqual({ items: [{ machineId: 'M-1', jobId: 'A', otherJobId: 'B', overlapSeconds: 1800 }], total: 4 });
    expect(found.orphanDowntimeRecords.items).toHaveLength(1);
    expect(found.orphanDowntimeRecords.total).toBe(4);
    expect(found.eventGaps.items).toHaveLength(1);
    expect(found.eventGaps.total).toBe(2);
  });
});
