import { ErrorCode, type DowntimePatternsQuery, type DowntimePatternsView } from '@shopfloor/contracts';
import { AFTER_WORKED_DAY, analyticsFakes, seedWorkedExample, WORKED_DAY, type AnalyticsFakes } from '../../test/fakes.spec-helper';
import { DowntimePatternsService } from './downtime-patterns.service';

describe(DowntimePatternsService.name, () => {
  let fakes: AnalyticsFakes;
  let service: DowntimePatternsService;
  const patterns = async (query: DowntimePatternsQuery): Promise<DowntimePatternsView> => (await service.get(query, AFTER_WORKED_DAY)).parse();
  const heated = (view: DowntimePatternsView) => view.heatmap.filter((c) => c.duration > 0);

  beforeEach(() => {
    fakes = analyticsFakes();
    seedWorkedExample(fakes);
    service = new DowntimePatternsService(fakes.loader, fakes.env, fakes.as.cache);
  });

  it("shows where one machine's time went, on its calendar's wall clock, with MTBF and MTTR agreeing with OEE", async () => {
    const view = await patterns({ machine_id: 'M-1', ...WORKED_DAY });

    expect(view).toMatchObject({ machine_id: 'M-1', machine_count: 1, calendar: 'machine', timezone: 'Europe/Berlin', micro_stop_threshold_seconds: 120 });
    // The breaks are no loss: the 47 min breakdown is the whole Pareto.
    expect(view.lost_time).toBe(47 * 60);
    expect(view.pareto).toEqual([{ reason_code: 'SPINDLE', category: 'unplanned_stop', duration: 47 * 60, count: 1, share: 1, cumulative_share: 1 }]);
    // 08:00 UTC is 09:00 in Berlin on the Monday.
    expect(view.heatmap).toHaveLength(7 * 24);
    expect(heated(view)).toEqual([{ weekday: 'mon', hour: 9, duration: 47 * 60, count: 1 }]);
    // One failure: MTTR its 2,820 s, MTBF the 22,380 s of run time.
    expect(view).toMatchObject({ failures: 1, mttr: 47 * 60, mtbf: 373 * 60 });
    expect(view.top_losers).toEqual([
      {
        machine_id: 'M-1',
        unplanned_stop_time: 2_820,
        small_stop_time: 0,
        planned_stop_time: 0,
        failures: 1,
        availability: 373 / 420,
        mtbf: 22_380,
        mttr: 2_820,
      },
    ]);
  });

  it('adds up every machine: the Pareto by lost time, the heat map in UTC, the losers by unplanned stop time', async () => {
    const view = await patterns({ ...WORKED_DAY });

    expect(view).toMatchObject({ machine_id: null, machine_count: 2, calendar: 'mixed', timezone: 'UTC' });
    // 7,200 (COOLANT) + 2,820 (SPINDLE) + 60 (the jam, a small stop) = 10,080 s.
    expect(view.lost_time).toBe(10_080);
    expect(view.pareto.map((e) => [e.reason_code, e.category, e.duration, e.count])).toEqual([
      ['COOLANT', 'unplanned_stop', 7_200, 1],
      ['SPINDLE', 'unplanned_stop', 2_820, 1],
      ['JAM', 'small_stop', 60, 1],
    ]);
    expect(view.pareto.map((e) => e.cumulative_share)).toEqual([expect.closeTo(7_200 / 10_080, 12), expect.closeTo(10_020 / 10_080, 12), 1]);
    // The two-hour breakdown fills 10:00 and 11:00; a stop is counted in the hour it began.
    expect(heated(view)).toEqual([
      { weekday: 'mon', hour: 8, duration: 2_820, count: 1 },
      { weekday: 'mon', hour: 10, duration: 3_600, count: 1 },
      { weekday: 'mon', hour: 11, duration: 3_600, count: 0 },
      { weekday: 'mon', hour: 15, duration: 60, count: 1 },
    ]);
    // Two failures (the jam is a small stop, not one): MTTR 10,020 / 2, MTBF (22,380 + 79,140) / 2.
    expect(view).toMatchObject({ failures: 2, mttr: 5_010, mtbf: 50_760 });
    expect(view.top_losers.map((l) => [l.machine_id, l.unplanned_stop_time, l.small_stop_time])).toEqual([
      ['M-2', 7_200, 60],
      ['M-1', 2_820, 0],
    ]);
  });

  it('leaves a machine that lost nothing out of the losers', async () => {
    fakes.machines.add({ machineId: 'M-3' });
    const view = await patterns({ ...WORKED_DAY });
    expect(view.machine_count).toBe(3);
    expect(view.top_losers.map((l) => l.machine_id)).toEqual(['M-2', 'M-1']);
  });

  it('refuses an unknown machine and an invalid period', async () => {
    await expect(patterns({ machine_id: 'NO-SUCH-MACHINE', ...WORKED_DAY })).rejects.toMatchObject({ code: ErrorCode.MachineNotFound });
    await expect(patterns({ machine_id: 'M-1', from: WORKED_DAY.to, to: WORKED_DAY.from })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: [{ field: 'from' }],
    });
  });

  it('answers a repeated question from the cache, under the scope of its machine and period', async () => {
    const reads = jest.spyOn(fakes.stops, 'findFactsOverlapping');
    const first = await patterns({ machine_id: 'M-2', ...WORKED_DAY });
    expect(await patterns({ machine_id: 'M-2', ...WORKED_DAY })).toEqual(first);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(fakes.cache.requests.map((r) => [r.kind, r.scope, r.cached])).toEqual([
      ['downtime-patterns', { machineId: 'M-2', from: Date.parse('2026-11-01T23:00:00Z'), to: Date.parse('2026-11-02T23:00:00Z') }, false],
      ['downtime-patterns', { machineId: 'M-2', from: Date.parse('2026-11-01T23:00:00Z'), to: Date.parse('2026-11-02T23:00:00Z') }, true],
    ]);
  });
});
