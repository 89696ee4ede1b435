import { ErrorCode, type OeeMetricsView, type OeeQuery } from '@shopfloor/contracts';
import { AFTER_WORKED_DAY, analyticsFakes, seedWorkedExample, WORKED_DAY, type AnalyticsFakes } from '../../test/fakes.spec-helper';
import { OeeService } from './oee.service';

describe(OeeService.name, () => {
  let fakes: AnalyticsFakes;
  let service: OeeService;
  const oee = async (query: OeeQuery, now = AFTER_WORKED_DAY): Promise<OeeMetricsView> => (await service.get(query, now)).parse();

  beforeEach(() => {
    fakes = analyticsFakes();
    seedWorkedExample(fakes);
    service = new OeeService(fakes.loader, fakes.env, fakes.as.cache);
  });

  it('computes the oee.com worked example for one machine on its own shift calendar', async () => {
    const view = await oee({ machine_id: 'M-1', ...WORKED_DAY });

    expect(view).toMatchObject({
      machine_id: 'M-1',
      machine_count: 1,
      period: { from: '2026-11-01T23:00:00.000Z', to: '2026-11-02T23:00:00.000Z' },
      granularity: 'none',
      calendar: 'machine',
      timezone: 'Europe/Berlin',
      micro_stop_threshold_seconds: 120,
      series: [],
    });
    // 420 min planned (480 − 60 of breaks, which are not planned production), 47 of them lost to the breakdown.
    expect(view.time_model).toEqual({
      planned_production_time: 420 * 60,
      run_time: 373 * 60,
      planned_stop_time: 0,
      unplanned_stop_time: 47 * 60,
      small_stop_time: 0,
    });
    expect(view.counts).toEqual({ total: 19_271, good: 18_848, scrap: 423 });
    expect(view.availability).toBeCloseTo(0.888095, 6);
    expect(view.performance).toBeCloseTo(0.861081, 6);
    expect(view.quality).toBeCloseTo(0.97805, 6);
    expect(view.overall_oee).toBeCloseTo(0.747937, 6);
    // Measured against the 85 % world-class benchmark.
    expect(view.benchmark_comparison).toBeCloseTo((view.overall_oee as number) / 0.85, 12);
  });

  it('sums all machines by time and counts, not by averaging their ratios', async () => {
    const view = await oee({ ...WORKED_DAY });

    // M-1 on its machine calendar, M-2 planned around the clock; several machines are shown on the (absent) default's clock.
    expect(view).toMatchObject({ machine_id: null, machine_count: 2, calendar: 'mixed', timezone: 'UTC' });
    // Planned 25,200 + 86,400; run 22,380 + 79,200; lost 2,820 + 7,200; the 60 s jam is a small stop inside run time.
    expect(view.time_model).toEqual({
      planned_production_time: 111_600,
      run_time: 101_580,
      planned_stop_time: 0,
      unplanned_stop_time: 10_020,
      small_stop_time: 60,
    });
    expect(view.counts).toEqual({ total: 21_271, good: 20_748, scrap: 523 });
    // 101,580 / 111,600 = 0.910215; (19,271 + 60,000) / 101,580 = 0.780380; 20,748 / 21,271 = 0.975413.
    expect(view.availability).toBeCloseTo(0.910215, 6);
    expect(view.performance).toBeCloseTo(0.78038, 6);
    expect(view.quality).toBeCloseTo(0.975413, 6);
    // 0.692849, where the mean of the two machines' OEE (0.747937 + 0.659722) / 2 would be 0.703829.
    expect(view.overall_oee).toBeCloseTo(0.692849, 6);
  });

  it("splits a period into buckets on the machine's calendar that add up to the whole", async () => {
    const byShift = await oee({ machine_id: 'M-1', ...WORKED_DAY, granularity: 'shift' });
    expect(byShift.series).toHaveLength(1);
    expect(byShift.series[0]).toMatchObject({ period: { from: '2026-11-02T05:00:00.000Z', to: '2026-11-02T13:00:00.000Z' }, overall_oee: byShift.overall_oee });

    const byHour = await oee({ machine_id: 'M-1', ...WORKED_DAY, granularity: 'hour' });
    expect(byHour.series).toHaveLength(24);
    expect(byHour.series[0].period.from).toBe('2026-11-01T23:00:00.000Z');
    // 08:00–09:00 UTC (09:00 in Berlin): 47 min of breakdown and 13 of running.
    const nine = byHour.series.find((b) => b.period.from === '2026-11-02T08:00:00.000Z');
    expect(nine?.time_model.unplanned_stop_time).toBe(47 * 60);
    expect(nine?.availability).toBeCloseTo(13 / 60, 9);
    expect(byHour.series.reduce((sum, b) => sum + b.counts.total, 0)).toBeCloseTo(19_271, 6);
  });

  it('refuses an unknown or deleted machine with MACHINE_NOT_FOUND', async () => {
    fakes.machines.add({ machineId: 'M-GONE', deleted: true });
    await expect(oee({ machine_id: 'NO-SUCH-MACHINE', ...WORKED_DAY })).rejects.toMatchObject({
      code: ErrorCode.MachineNotFound,
      details: { machine_id: 'NO-SUCH-MACHINE' },
    });
    await expect(oee({ machine_id: 'M-GONE', ...WORKED_DAY })).rejects.toMatchObject({ code: ErrorCode.MachineNotFound });
  });

  it('refuses a reversed or too long period and buckets it cannot make, naming the field', async () => {
    const field = async (query: OeeQuery) => {
      const error = await service.get(query, AFTER_WORKED_DAY).then(
        () => null,
        (e: { code: string; fieldErrors?: { field: string }[] }) => e,
      );
      return [error?.code, error?.fieldErrors?.map((f) => f.field)];
    };
    expect(await field({ machine_id: 'M-1', from: WORKED_DAY.to, to: WORKED_DAY.from })).toEqual([ErrorCode.ValidationFailed, ['from']]);
    expect(await field({ machine_id: 'M-1', from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toEqual([ErrorCode.ValidationFailed, ['to']]);
    // A year of hours is 8,760 buckets, over the 1,000 a reply may carry.
    expect(await field({ machine_id: 'M-1', from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z', granularity: 'hour' })).toEqual([
      ErrorCode.ValidationFailed,
      ['granularity'],
    ]);
    await expect(oee({ machine_id: 'M-1', from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z', granularity: 'hour' })).rejects.toMatchObject({
      fieldErrors: [
        {
          field: 'granularity',
          message: 'hour buckets over this period would be more than 1000; choose a shorter period or a coarser granularity',
          invalid_value: 'hour',
        },
      ],
    });
    // Shifts need a calendar, and M-2 has none.
    expect(await field({ machine_id: 'M-2', ...WORKED_DAY, granularity: 'shift' })).toEqual([ErrorCode.ValidationFailed, ['granularity']]);
  });

  it('answers a repeated question from the cache, under the scope of its machine and period', async () => {
    const reads = jest.spyOn(fakes.jobs, 'findFactsOverlapping');
    const first = await oee({ machine_id: 'M-1', ...WORKED_DAY });
    const again = await oee({ machine_id: 'M-1', ...WORKED_DAY });

    expect(again).toEqual(first);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(fakes.cache.requests).toEqual([
      {
        kind: 'oee',
        request: { machine_id: 'M-1', from: Date.parse('2026-11-01T23:00:00Z'), to: Date.parse('2026-11-02T23:00:00Z'), granularity: 'none', micro: 120 },
        scope: { machineId: 'M-1', from: Date.parse('2026-11-01T23:00:00Z'), to: Date.parse('2026-11-02T23:00:00Z') },
        cached: false,
      },
      expect.objectContaining({ cached: true }),
    ]);

    // Another granularity is another answer; all machines are the aggregate's scope.
    await oee({ machine_id: 'M-1', ...WORKED_DAY, granularity: 'hour' });
    await oee({ ...WORKED_DAY });
    expect(reads).toHaveBeenCalledTimes(3);
    expect(fakes.cache.requests[3].scope.machineId).toBeNull();
  });

  it('checks the machine only when computing: a cached answer is served as stored', async () => {
    const exists = jest.spyOn(fakes.machines, 'existsActive');
    await oee({ machine_id: 'M-1', ...WORKED_DAY });
    await oee({ machine_id: 'M-1', ...WORKED_DAY });
    expect(exists).toHaveBeenCalledTimes(1);
  });

  it('defaults the period to the day before now', async () => {
    const view = await oee({ machine_id: 'M-2' }, new Date('2026-11-02T23:00:00Z'));
    expect(view.period).toEqual({ from: '2026-11-01T23:00:00.000Z', to: '2026-11-02T23:00:00.000Z' });
    // M-2's day: 7,200 s of breakdown out of 86,400 planned, 60,000 ideal seconds in 79,200 of run.
    expect(view.availability).toBeCloseTo(11 / 12, 9);
    expect(view.performance).toBeCloseTo(60_000 / 79_200, 9);
    expect(view.quality).toBeCloseTo(0.95, 9);
    expect(view.overall_oee).toBeCloseTo(0.659722, 6);
  });
});
