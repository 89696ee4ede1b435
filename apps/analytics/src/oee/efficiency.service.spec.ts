import { ErrorCode, type EfficiencyQuery, type EfficiencyView } from '@shopfloor/contracts';
import { AFTER_WORKED_DAY, analyticsFakes, seedWorkedExample, WORKED_DAY, type AnalyticsFakes } from '../../test/fakes.spec-helper';
import { EfficiencyService, parseIds } from './efficiency.service';

describe(EfficiencyService.name, () => {
  let fakes: AnalyticsFakes;
  let service: EfficiencyService;
  const efficiency = async (query: EfficiencyQuery): Promise<EfficiencyView> => (await service.get(query, AFTER_WORKED_DAY)).parse();

  beforeEach(() => {
    fakes = analyticsFakes();
    seedWorkedExample(fakes);
    service = new EfficiencyService(fakes.loader, fakes.env, fakes.as.cache);
  });

  it('reports each selected machine with its own calendar and figures, and totals summed over them', async () => {
    const view = await efficiency({ ...WORKED_DAY });

    expect(view).toMatchObject({
      period: { from: '2026-11-01T23:00:00.000Z', to: '2026-11-02T23:00:00.000Z' },
      filters: { machine_ids: null, machine_type: null, location: null },
      machine_count: 2,
      micro_stop_threshold_seconds: 120,
    });
    expect(view.machines.map((m) => [m.machine_id, m.name, m.type, m.location, m.calendar])).toEqual([
      ['M-1', 'DMG Mori NLX 2500', 'LATHE', 'Hall 2', 'machine'],
      ['M-2', 'Hermle C42', 'MILL', 'Hall 1', 'default_24x7'],
    ]);
    // The worked example's 0.747937 and M-2's 11/12 × 25/33 × 0.95 = 0.659722.
    expect(view.machines[0].overall_oee).toBeCloseTo(0.747937, 6);
    expect(view.machines[1].overall_oee).toBeCloseTo(0.659722, 6);
    // Totals from summed time and counts (see the OEE service's aggregate): 0.692849.
    expect(view.totals.time_model.planned_production_time).toBe(111_600);
    expect(view.totals.overall_oee).toBeCloseTo(0.692849, 6);
    // ISO 22400-2 MTBF = AUPT / failures: (22,380 + 79,200 − 60 s of small stop) / 2 breakdowns; MTTR = 10,020 / 2.
    expect(view.totals.kpis).toMatchObject({ failures: 2, mtbf: 50_760, mttr: 5_010 });
  });

  it('selects by id list, type or location, leaving out ids it does not know', async () => {
    const ids = async (query: EfficiencyQuery) => (await efficiency({ ...WORKED_DAY, ...query })).machines.map((m) => m.machine_id);
    expect(await ids({ machine_ids: 'M-2, NO-SUCH-MACHINE,M-2' })).toEqual(['M-2']);
    expect(await ids({ machine_type: 'LATHE' })).toEqual(['M-1']);
    expect(await ids({ location: 'Hall 1' })).toEqual(['M-2']);
    expect(await ids({ machine_type: 'LATHE', location: 'Hall 1' })).toEqual([]);
    expect((await efficiency({ ...WORKED_DAY, machine_ids: 'M-1,NO-SUCH-MACHINE' })).filters.machine_ids).toEqual(['M-1', 'NO-SUCH-MACHINE']);
  });

  it('refuses a malformed machine list and an invalid period', async () => {
    await expect(efficiency({ machine_ids: ' ,,' })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed, fieldErrors: [{ field: 'machine_ids' }] });
    await expect(efficiency({ from: WORKED_DAY.to, to: WORKED_DAY.from })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      fieldErrors: [{ field: 'from' }],
    });
  });

  it('answers a repeated selection from the cache as an aggregate over the period', async () => {
    const reads = jest.spyOn(fakes.stops, 'findFactsOverlapping');
    const first = await efficiency({ ...WORKED_DAY, machine_type: 'MILL' });
    expect(await efficiency({ ...WORKED_DAY, machine_type: 'MILL' })).toEqual(first);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(fakes.cache.requests.map((r) => [r.kind, r.scope.machineId, r.cached])).toEqual([
      ['efficiency', null, false],
      ['efficiency', null, true],
    ]);
    // The selection is part of the question.
    await efficiency({ ...WORKED_DAY, machine_type: 'LATHE' });
    expect(reads).toHaveBeenCalledTimes(2);
  });
});

describe(parseIds.name, () => {
  it('reads a comma-separated list once per id, and nothing from blank text', () => {
    expect(parseIds(undefined)).toBeNull();
    expect(parseIds('  ')).toBeNull();
    expect(parseIds('M-1, M-2,M-1')).toEqual(['M-1', 'M-2']);
  });

  it('refuses empty ids, ids over 50 characters and more than 500 ids', () => {
    expect(() => parseIds('M-1,,M-2')).toThrow(expect.objectContaining({ code: ErrorCode.ValidationFailed }));
    expect(() => parseIds('x'.repeat(51))).toThrow(expect.objectContaining({ code: ErrorCode.ValidationFailed }));
    expect(parseIds('x'.repeat(50))).toEqual(['x'.repeat(50)]);
    const many = Array.from({ length: 501 }, (_, i) => `M-${i}`).join(',');
    expect(() => parseIds(many)).toThrow(
      expect.objectContaining({ fieldErrors: [expect.objectContaining({ field: 'machine_ids', message: 'at most 500 machine ids' })] }),
    );
  });
});
