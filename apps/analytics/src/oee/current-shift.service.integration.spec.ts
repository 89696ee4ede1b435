import {
  ANALYTICS_ENTITIES,
  ANALYTICS_MIGRATIONS,
  CalendarRepository,
  DowntimeRecordRepository,
  JobRepository,
  MachineRepository,
} from '@shopfloor/analytics/data-access';
import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import type { RedisClient } from '@shopfloor/runtime';
import { DataSource } from 'typeorm';
import { testCache } from '../cache/analytics-cache.spec-helper';
import { CalendarsService } from '../calendars/calendars.service';
import type { AnalyticsEnv } from '../config/analytics.env';
import { CurrentShiftService } from './current-shift.service';
import { PeriodFactsLoader } from '../period-facts/period-facts.loader';

const VERSION = new Date('2026-12-01T00:00:00Z');
// Wednesday 2026-12-02, 10:00 in Berlin: the early shift (06:00–14:00) has run four hours.
const NOW = new Date('2026-12-02T09:00:00Z');

describe(CurrentShiftService.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let redis: RedisClient;
  let service: CurrentShiftService;

  beforeAll(async () => {
    db = await createTestDatabase('sf_current_shift');
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
    const stops = new DowntimeRecordRepository(dataSource);
    const { cache, client } = await testCache(db.serviceUrl('analytics'));
    redis = client;
    const env = { OEE_MICRO_STOP_SECONDS: 120, DATABASE_URL: db.serviceUrl('analytics') } as AnalyticsEnv;
    const calendars = new CalendarsService(new CalendarRepository(dataSource), machines, cache);
    service = new CurrentShiftService(new PeriodFactsLoader(machines, jobs, stops, calendars, env));

    const machine = (machineId: string, type: string) => ({
      machineId,
      name: machineId,
      type,
      location: null,
      installationDate: null,
      specifications: null,
      sourceUpdatedAt: VERSION,
    });
    await machines.upsertBatch([machine('M-SHIFT', 'MILL'), machine('M-24x7', 'LATHE')]);
    await calendars.put({
      calendar_id: 'M-SHIFT',
      timezone: 'Europe/Berlin',
      shifts: [{ name: 'early', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '14:00' }],
    });
    // Ran 06:00–10:00 with a 30-minute breakdown and 200 parts of 60 s ideal; the night before, a stop that must not count.
    await jobs.upsertBatch(
      ['M-SHIFT', 'M-24x7'].map((machineId) => ({
        jobId: `J-${machineId}`,
        machineId,
        partNumber: null,
        startTime: new Date('2026-12-01T20:00:00Z'),
        endTime: null,
        state: 'RUNNING',
        operatorId: null,
        setupTime: null,
        cycleTime: null,
        idealCycleTime: 60,
        partsProduced: 0,
        partsScrapped: 0,
        sourceUpdatedAt: VERSION,
      })),
    );
    await stops.upsertBatch([
      {
        recordId: 'D-night',
        jobId: null,
        machineId: 'M-SHIFT',
        downtimeType: 'BREAKDOWN',
        startTime: new Date('2026-12-02T02:00:00Z'),
        duration: 3600,
        reasonCode: 'X',
        description: null,
        sourceUpdatedAt: VERSION,
      },
      {
        recordId: 'D-early',
        jobId: null,
        machineId: 'M-SHIFT',
        downtimeType: 'BREAKDOWN',
        startTime: new Date('2026-12-02T06:00:00Z'),
        duration: 1800,
        reasonCode: 'Y',
        description: null,
        sourceUpdatedAt: VERSION,
      },
    ]);
  });

  afterAll(async () => {
    await redis.onApplicationShutdown();
    await dataSource.destroy();
    await db.drop();
  });

  it("answers each machine's shift so far on its own calendar, and the UTC day for a machine planned around the clock", async () => {
    const view = await service.get({}, NOW);
    const shift = view.machines.find((m) => m.machine_id === 'M-SHIFT');
    const allDay = view.machines.find((m) => m.machine_id === 'M-24x7');

    expect(shift).toMatchObject({
      calendar: 'machine',
      shift: { name: 'early', start: '2026-12-02T05:00:00.000Z', end: '2026-12-02T13:00:00.000Z', in_progress: true },
      period: { from: '2026-12-02T05:00:00.000Z', to: '2026-12-02T09:00:00.000Z' },
      time_model: { planned_production_time: 4 * 3600, unplanned_stop_time: 1800 },
      availability: 0.875,
    });
    expect(allDay).toMatchObject({
      calendar: 'default_24x7',
      shift: null,
      period: { from: '2026-12-02T00:00:00.000Z', to: '2026-12-02T09:00:00.000Z' },
      availability: 1,
    });
    expect(allDay?.time_model.planned_production_time).toBe(9 * 3600);
  });

  it('selects machines like the efficiency report', async () => {
    expect((await service.get({ machine_type: 'LATHE' }, NOW)).machines.map((m) => m.machine_id)).toEqual(['M-24x7']);
    expect((await service.get({ machine_ids: 'M-SHIFT' }, NOW)).machines.map((m) => m.machine_id)).toEqual(['M-SHIFT']);
    await expect(service.get({ machine_ids: ',,bad' }, NOW)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
