import { runMigrations, serviceDataSourceOptions } from '@shopfloor/database';
import { createTestDatabase, type TestDatabase } from '@shopfloor/testing';
import { DataSource } from 'typeorm';
import { ML_ENTITIES, ML_MIGRATIONS } from '../../index';
import { ShopfloorCopyRepository, type JobCopy, type MachineCopy, type ReadingCopy, type StopCopy } from './shopfloor-copy.repository';

const T0 = Date.UTC(2026, 2, 2, 8, 0, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

const machine = (overrides: Partial<MachineCopy> = {}): MachineCopy => ({
  machineId: 'M-1',
  type: 'MILL',
  location: 'Hall A',
  installationDate: Date.UTC(2020, 0, 1),
  sourceUpdatedAt: T0,
  ...overrides,
});

const job = (overrides: Partial<JobCopy> = {}): JobCopy => ({
  jobId: 'J-1',
  machineId: 'M-1',
  start: T0,
  end: T0 + HOUR,
  idealCycleTimeS: 30,
  cycleTimeS: 33.5,
  partsProduced: 100,
  partsScrapped: 2,
  sourceUpdatedAt: T0,
  ...overrides,
});

const stop = (overrides: Partial<StopCopy> = {}): StopCopy => ({
  recordId: 'D-1',
  machineId: 'M-1',
  type: 'BREAKDOWN',
  start: T0 + 10 * MIN,
  durationS: 600,
  sourceUpdatedAt: T0,
  ...overrides,
});

const reading = (overrides: Partial<ReadingCopy> = {}): ReadingCopy => ({
  readingId: 1,
  machineId: 'M-1',
  time: T0,
  metric: 'spindle_load',
  value: 42.5,
  ...overrides,
});

describe(ShopfloorCopyRepository.name, () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let repo: ShopfloorCopyRepository;

  beforeAll(async () => {
    db = await createTestDatabase('sf_ml_copy');
    const settings = {
      url: db.serviceUrl('ml'),
      schema: 'ml',
      ssl: 'disable' as const,
      poolSize: 4,
      applicationName: 'test',
      entities: ML_ENTITIES,
      migrations: ML_MIGRATIONS,
      migrationsRun: false,
    };
    await runMigrations(settings);
    dataSource = await new DataSource(serviceDataSourceOptions(settings)).initialize();
    repo = new ShopfloorCopyRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  beforeEach(async () => {
    await dataSource.query('TRUNCATE ml.machines, ml.jobs, ml.stops, ml.readings');
  });

  describe('writes', () => {
    it('writes each batch once: a redelivery changes nothing', async () => {
      expect(await repo.upsertMachines([machine()])).toBe(1);
      expect(await repo.upsertJobs([job(), job({ jobId: 'J-2' })])).toBe(2);
      expect(await repo.upsertStops([stop()])).toBe(1);
      expect(await repo.insertReadings([reading(), reading({ readingId: 2 })])).toBe(2);
      expect(await repo.upsertMachines([machine()])).toBe(0);
      expect(await repo.upsertJobs([job(), job({ jobId: 'J-2' })])).toBe(0);
      expect(await repo.upsertStops([stop()])).toBe(0);
      expect(await repo.insertReadings([reading(), reading({ readingId: 2 })])).toBe(0);
    });

    it('keeps the newest version of a record, whatever order the versions arrive in', async () => {
      await repo.upsertJobs([job({ partsProduced: 50, sourceUpdatedAt: T0 + MIN })]);
      expect(await repo.upsertJobs([job({ partsProduced: 10, sourceUpdatedAt: T0 })])).toBe(0);
      expect(await repo.upsertJobs([job({ partsProduced: 80, sourceUpdatedAt: T0 + 2 * MIN })])).toBe(1);
      await repo.upsertStops([stop({ durationS: 900, sourceUpdatedAt: T0 + MIN }), stop({ durationS: 60, sourceUpdatedAt: T0 })]);
      await repo.upsertMachines([machine({ location: 'Hall B', sourceUpdatedAt: T0 + MIN })]);
      expect(await repo.upsertMachines([machine({ location: 'Hall C', sourceUpdatedAt: T0 })])).toBe(0);
      const history = await repo.history('M-1', T0, T0 + HOUR);
      expect(history.jobs.map((j) => j.partsProduced)).toEqual([80]);
      expect(history.stops.map((s) => s.durationS)).toEqual([900]);
      expect((await repo.machines())[0].location).toBe('Hall B');
    });

    it('takes a changed record of the same version, so the later message wins a tie', async () => {
      await repo.upsertJobs([job({ partsProduced: 50 })]);
      expect(await repo.upsertJobs([job({ partsProduced: 60 })])).toBe(1);
      expect((await repo.history('M-1', T0, T0 + HOUR)).jobs[0].partsProduced).toBe(60);
    });

    it('removes deleted records from every read, and keeps them out when delivered again', async () => {
      await repo.upsertMachines([machine(), machine({ machineId: 'M-2' })]);
      await repo.upsertJobs([job(), job({ jobId: 'J-2', start: T0 + HOUR, end: T0 + 2 * HOUR })]);
      await repo.upsertStops([stop(), stop({ recordId: 'D-2', start: T0 + 20 * MIN })]);
      await repo.insertReadings([reading(), reading({ readingId: 2, time: T0 + MIN })]);
      const deletedAt = T0 + 5 * MIN;
      expect(await repo.markDeleted('jobs', ['J-2', 'J-unknown'], deletedAt)).toBe(1);
      expect(await repo.markDeleted('stops', ['D-2'], deletedAt)).toBe(1);
      expect(await repo.markDeleted('readings', ['2'], deletedAt)).toBe(1);
      expect(await repo.markDeleted('machines', ['M-2'], deletedAt)).toBe(1);
      expect(await repo.markDeleted('readings', ['2'], deletedAt)).toBe(0);
      expect(await repo.markDeleted('jobs', ['J-2'], deletedAt)).toBe(0);
      // Replays of the original batches: versions older than the deletion, a reading already known.
      expect(await repo.upsertJobs([job({ jobId: 'J-2', start: T0 + HOUR, end: T0 + 2 * HOUR })])).toBe(0);
      expect(await repo.insertReadings([reading({ readingId: 2, time: T0 + MIN })])).toBe(0);
      expect(await repo.upsertMachines([machine({ machineId: 'M-2' })])).toBe(0);
      const history = await repo.history('M-1', T0, T0 + 3 * HOUR);
      expect(history.jobs).toHaveLength(1);
      expect(history.stops).toHaveLength(1);
      expect(history.readings.map((r) => r.time)).toEqual([T0]);
      expect((await repo.machines()).map((m) => m.machineId)).toEqual(['M-1']);
      expect(await repo.machineExists('M-2')).toBe(false);
    });

    it('does not delete a record stored newer than the deletion, and brings a deleted one back with a newer version', async () => {
      await repo.upsertJobs([job({ sourceUpdatedAt: T0 + 10 * MIN })]);
      expect(await repo.markDeleted('jobs', ['J-1'], T0 + 5 * MIN)).toBe(0);
      expect(await repo.markDeleted('jobs', ['J-1'], T0 + 15 * MIN)).toBe(1);
      expect((await repo.history('M-1', T0, T0 + HOUR)).jobs).toHaveLength(0);
      expect(await repo.upsertJobs([job({ sourceUpdatedAt: T0 + 20 * MIN })])).toBe(1);
      expect((await repo.history('M-1', T0, T0 + HOUR)).jobs).toHaveLength(1);
    });

    it('stores times to the millisecond and text as it came', async () => {
      const odd = 'Bohr "Deckel"\\Maho, ü';
      await repo.upsertStops([stop({ type: odd, start: T0 + 123, durationS: 0.5 })]);
      await repo.insertReadings([reading({ time: T0 + 999, metric: odd, value: -1.25e-7 })]);
      const history = await repo.history('M-1', T0, T0 + HOUR);
      expect(history.stops).toEqual([{ start: T0 + 123, durationS: 0.5, type: odd }]);
      expect(history.readings).toEqual([{ time: T0 + 999, metric: odd, value: -1.25e-7 }]);
    });
  });

  describe('history', () => {
    beforeEach(async () => {
      await repo.upsertJobs([
        job({ jobId: 'before', start: T0 - 2 * HOUR, end: T0 }),
        job({ jobId: 'across-start', start: T0 - HOUR, end: T0 + MIN }),
        job({ jobId: 'inside', start: T0 + HOUR, end: T0 + 2 * HOUR }),
        job({ jobId: 'running', start: T0 + 3 * HOUR, end: null, cycleTimeS: null, partsProduced: null }),
        job({ jobId: 'other-machine', machineId: 'M-2', start: T0 + HOUR, end: T0 + 2 * HOUR }),
      ]);
      await repo.upsertStops([
        stop({ recordId: 'ends-at-from', start: T0 - 10 * MIN, durationS: 600 }),
        stop({ recordId: 'instant-at-from', start: T0, durationS: 0, type: 'SETUP' }),
        stop({ recordId: 'across-end', start: T0 + 4 * HOUR - MIN, durationS: 600 }),
        stop({ recordId: 'at-to', start: T0 + 4 * HOUR, durationS: 60 }),
      ]);
      await repo.insertReadings([
        reading({ readingId: 1, time: T0 - 1 }),
        reading({ readingId: 2, time: T0 }),
        reading({ readingId: 3, time: T0 + 2 * HOUR, metric: 'temperature', value: 71 }),
        reading({ readingId: 4, time: T0 + 4 * HOUR }),
        reading({ readingId: 5, time: T0 + 5 * HOUR, machineId: 'M-2' }),
      ]);
    });

    it('returns the jobs and stops overlapping [from, to) and the readings in it, in time order', async () => {
      const history = await repo.history('M-1', T0, T0 + 4 * HOUR);
      expect(history.jobs).toEqual([
        { start: T0 - HOUR, end: T0 + MIN, idealCycleTimeS: 30, cycleTimeS: 33.5, partsProduced: 100, partsScrapped: 2 },
        { start: T0 + HOUR, end: T0 + 2 * HOUR, idealCycleTimeS: 30, cycleTimeS: 33.5, partsProduced: 100, partsScrapped: 2 },
        { start: T0 + 3 * HOUR, end: null, idealCycleTimeS: 30, cycleTimeS: null, partsProduced: null, partsScrapped: 2 },
      ]);
      expect(history.stops).toEqual([
        { start: T0, durationS: 0, type: 'SETUP' },
        { start: T0 + 4 * HOUR - MIN, durationS: 600, type: 'BREAKDOWN' },
      ]);
      expect(history.readings).toEqual([
        { time: T0, metric: 'spindle_load', value: 42.5 },
        { time: T0 + 2 * HOUR, metric: 'temperature', value: 71 },
      ]);
      expect(history.since).toBe(T0);
      expect(history.until).toBe(T0 + 4 * HOUR);
    });

    it('ends `until` at the newest record of the machine when the window runs past it', async () => {
      // The newest of M-1: the end of the stop across `to`, at T0 + 4 h + 9 min; the later reading of M-2 does not count.
      expect((await repo.history('M-1', T0, T0 + 24 * HOUR)).until).toBe(T0 + 4 * HOUR + 9 * MIN);
      await repo.insertReadings([reading({ readingId: 6, time: T0 + 6 * HOUR })]);
      expect((await repo.history('M-1', T0, T0 + 24 * HOUR)).until).toBe(T0 + 6 * HOUR);
      expect((await repo.history('M-2', T0, T0 + 24 * HOUR)).until).toBe(T0 + 5 * HOUR);
      await repo.upsertJobs([job({ jobId: 'running-later', start: T0 + 7 * HOUR, end: null })]);
      expect((await repo.history('M-1', T0, T0 + 24 * HOUR)).until).toBe(T0 + 7 * HOUR);
    });

    it('returns an empty window for a machine without records', async () => {
      expect(await repo.history('M-unknown', T0, T0 + HOUR)).toEqual({ jobs: [], stops: [], readings: [], since: T0, until: T0 });
    });
  });

  describe('machines', () => {
    it('lists every machine with the span of its records, including one known only from its records', async () => {
      await repo.upsertMachines([machine(), machine({ machineId: 'M-3', type: 'LATHE', location: null })]);
      await repo.upsertJobs([job({ start: T0, end: T0 + HOUR }), job({ jobId: 'J-9', machineId: 'M-9', start: T0 + HOUR, end: null })]);
      await repo.upsertStops([stop({ start: T0 - HOUR, durationS: 60 })]);
      await repo.insertReadings([reading({ time: T0 + 2 * HOUR })]);
      expect(await repo.machines()).toEqual([
        { machineId: 'M-1', type: 'MILL', location: 'Hall A', firstDataAt: T0 - HOUR, lastDataAt: T0 + 2 * HOUR },
        { machineId: 'M-3', type: 'LATHE', location: null, firstDataAt: null, lastDataAt: null },
        { machineId: 'M-9', type: null, location: null, firstDataAt: T0 + HOUR, lastDataAt: T0 + HOUR },
      ]);
      expect(await repo.dataSpan()).toEqual({ from: T0 - HOUR, to: T0 + 2 * HOUR });
      expect(await repo.machineExists('M-1')).toBe(true);
      expect(await repo.machineExists('M-3')).toBe(true);
      expect(await repo.machineExists('M-9')).toBe(true);
      expect(await repo.machineExists('M-0')).toBe(false);
    });

    it('has no span while the copy is empty', async () => {
      expect(await repo.machines()).toEqual([]);
      expect(await repo.dataSpan()).toEqual({ from: null, to: null });
    });
  });

  describe('outcomes', () => {
    beforeEach(async () => {
      await repo.upsertStops([
        stop({ recordId: 'S-1', type: 'BREAKDOWN', start: T0, durationS: 600 }),
        stop({ recordId: 'S-2', type: ' material_shortage ', start: T0 + HOUR, durationS: 300 }),
        stop({ recordId: 'S-3', type: 'Setup', start: T0 + 2 * HOUR, durationS: 1800 }),
        stop({ recordId: 'S-4', type: 'planned_maintenance', start: T0 + 3 * HOUR, durationS: 3600 }),
        stop({ recordId: 'S-5', type: 'MICRO', start: T0 + 4 * HOUR, durationS: 30 }),
        stop({ recordId: 'S-6', type: 'breakdown', start: T0 + 5 * HOUR, durationS: 1200 }),
        stop({ recordId: 'S-7', type: 'BREAKDOWN', start: T0 + 6 * HOUR, durationS: 1200, machineId: 'M-2' }),
      ]);
    });

    it('counts the unplanned stops longer than the given duration starting in [from, to), of the given types if any', async () => {
      expect(await repo.unplannedStopsStarting('M-1', T0, T0 + 6 * HOUR, 600)).toBe(1); // S-1's 600 s is not longer than 600 s
      expect(await repo.unplannedStopsStarting('M-1', T0, T0 + 6 * HOUR, 120, ['BREAKDOWN'])).toBe(2);
      expect(await repo.unplannedStopsStarting('M-1', T0 + 1, T0 + 6 * HOUR, 120, ['BREAKDOWN'])).toBe(1);
      expect(await repo.unplannedStopsStarting('M-1', T0, T0 + 6 * HOUR, 120, ['MATERIAL_SHORTAGE', 'BREAKDOWN'])).toBe(3);
      expect(await repo.unplannedStopsStarting('M-1', T0, T0 + 6 * HOUR, 120)).toBe(3);
      expect(await repo.unplannedStopsStarting('M-1', T0, T0 + 6 * HOUR, 0)).toBe(4);
      expect(await repo.unplannedStopsStarting('M-1', T0, T0 + 5 * HOUR, 120)).toBe(2);
      expect(await repo.unplannedStopsStarting('M-1', T0 + 1, T0 + 6 * HOUR, 400)).toBe(1);
      expect(await repo.unplannedStopsStarting('M-2', T0, T0 + 6 * HOUR, 120)).toBe(0);
    });

    it('finds the start of the next breakdown at or after an instant, case-insensitively', async () => {
      expect(await repo.nextBreakdownAfter('M-1', T0)).toBe(T0);
      expect(await repo.nextBreakdownAfter('M-1', T0 + 1)).toBe(T0 + 5 * HOUR);
      expect(await repo.nextBreakdownAfter('M-1', T0 + 5 * HOUR + 1)).toBeNull();
      expect(await repo.nextBreakdownAfter('M-2', T0)).toBe(T0 + 6 * HOUR);
    });
  });

  it('reads a machine-year (400 jobs, 8,000 stops, 100,000 readings) in well under a second', async () => {
    const year = 365 * 24 * HOUR;
    const start = Date.UTC(2025, 0, 1);
    const jobs = Array.from({ length: 400 }, (_, i) => job({ jobId: `J-${i}`, start: start + (i * year) / 400, end: start + ((i + 0.9) * year) / 400 }));
    const stops = Array.from({ length: 8000 }, (_, i) =>
      stop({ recordId: `D-${i}`, type: i % 3 ? 'BREAKDOWN' : 'SETUP', start: start + (i * year) / 8000, durationS: 300 + (i % 7) * 60 }),
    );
    const readings = Array.from({ length: 100_000 }, (_, i) =>
      reading({ readingId: i + 1, metric: i % 2 ? 'temperature' : 'spindle_load', time: start + Math.floor((i * year) / 100_000), value: i % 97 }),
    );
    // Other machines' records share the tables and indexes.
    const others = Array.from({ length: 100_000 }, (_, i) =>
      reading({ readingId: 200_000 + i, machineId: `M-${2 + (i % 9)}`, time: start + Math.floor((i * year) / 100_000) }),
    );
    for (let i = 0; i < jobs.length; i += 1000) await repo.upsertJobs(jobs.slice(i, i + 1000));
    for (let i = 0; i < stops.length; i += 1000) await repo.upsertStops(stops.slice(i, i + 1000));
    for (const all of [readings, others]) for (let i = 0; i < all.length; i += 1000) await repo.insertReadings(all.slice(i, i + 1000));
    await dataSource.query('ANALYZE ml.jobs, ml.stops, ml.readings');

    await repo.history('M-1', start, start + year);
    const began = performance.now();
    const history = await repo.history('M-1', start, start + year);
    const elapsed = performance.now() - began;
    expect([history.jobs.length, history.stops.length, history.readings.length]).toEqual([400, 8000, 100_000]);
    expect(elapsed).toBeLessThan(1000);

    const machinesBegan = performance.now();
    expect(await repo.machines()).toHaveLength(10);
    expect(performance.now() - machinesBegan).toBeLessThan(200);
  }, 60_000);
});
