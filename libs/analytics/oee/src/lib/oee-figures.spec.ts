import { oeeFigures } from './oee-figures';
import type { OeeTotals } from './oee.types';
import { zeroTotals } from './sum-totals';

const MIN = 60_000;

/** 8 h planned, 1 h breaks, 30 min setup, 15 min planned maintenance, 45 min breakdowns (3), 10 min small stops. */
function shift(change: Partial<OeeTotals> = {}): OeeTotals {
  return {
    ...zeroTotals(),
    calendarMs: 480 * MIN,
    noProductionMs: 60 * MIN,
    plannedProductionMs: 420 * MIN,
    plannedStopMs: 45 * MIN,
    setupMs: 30 * MIN,
    unplannedStopMs: 45 * MIN,
    smallStopMs: 10 * MIN,
    runMs: 330 * MIN,
    failures: 3,
    partsProduced: 1000,
    partsScrapped: 50,
    idealProducedSeconds: 1000 * 15,
    idealScrappedSeconds: 50 * 15,
    ...change,
  };
}

describe(oeeFigures.name, () => {
  it('derives the OEE factors and converts times to seconds', () => {
    const f = oeeFigures(shift());
    expect(f.availability).toBeCloseTo(330 / 420, 12);
    expect(f.performance).toBeCloseTo(15_000 / (330 * 60), 12);
    expect(f.quality).toBeCloseTo(0.95, 12);
    expect(f.overall_oee).toBeCloseTo((330 / 420) * (15_000 / 19_800) * 0.95, 12);
    expect(f.time_model).toEqual({
      planned_production_time: 25_200,
      run_time: 19_800,
      planned_stop_time: 2700,
      unplanned_stop_time: 2700,
      small_stop_time: 600,
    });
    expect(f.counts).toEqual({ total: 1000, good: 950, scrap: 50 });
  });

  it('states the six big losses as time that adds up to planned production time', () => {
    const f = oeeFigures(shift());
    expect(f.losses).toEqual({ unplanned_stops: 2700, planned_stops: 2700, small_stops: 600, slow_cycles: 19_800 - 600 - 15_000, production_rejects: 750 });
    const good = 950 * 15;
    const sum = f.losses.planned_stops + f.losses.unplanned_stops + f.losses.small_stops + f.losses.slow_cycles + f.losses.production_rejects + good;
    expect(sum).toBeCloseTo(f.time_model.planned_production_time, 9);
  });

  it('computes the ISO 22400-2 KPIs', () => {
    const f = oeeFigures(shift());
    // APT = 330 − 10 = 320 min; ADET = 45 + 10 = 55 min; AUST = 30 min; AUPT = 350 min; PBT = 420 − 15 = 405 min.
    expect(f.kpis.technical_efficiency).toBeCloseTo(320 / 375, 12);
    expect(f.kpis.setup_rate).toBeCloseTo(30 / 350, 12);
    expect(f.kpis.scrap_ratio).toBeCloseTo(0.05, 12);
    expect(f.kpis.nee).toBeCloseTo((350 / 405) * (15_000 / (320 * 60)) * 0.95, 12);
    expect(f.kpis).toMatchObject({ failures: 3, mtbf: (350 * 60) / 3, mttr: (45 * 60) / 3 });
  });

  it('does not clamp: dishonest ideal times give performance above 1 and negative slow cycles', () => {
    const f = oeeFigures(shift({ idealProducedSeconds: 30_000 }));
    expect(f.performance).toBeGreaterThan(1);
    expect(f.losses.slow_cycles).toBe(19_800 - 600 - 30_000);
  });

  it('gives null, never 0 or NaN, for ratios without a denominator', () => {
    const f = oeeFigures(zeroTotals());
    expect([f.availability, f.performance, f.quality, f.overall_oee, f.benchmark_comparison]).toEqual([null, null, null, null, null]);
    expect(f.kpis).toEqual({ technical_efficiency: null, setup_rate: null, scrap_ratio: null, nee: null, mtbf: null, mttr: null, failures: 0 });
    const noFailures = oeeFigures(shift({ failures: 0 }));
    expect([noFailures.kpis.mtbf, noFailures.kpis.mttr]).toEqual([null, null]);
  });

  it('leaves performance null when no part has a known ideal time, but keeps quality', () => {
    const f = oeeFigures(shift({ idealProducedSeconds: 0, idealScrappedSeconds: 0, partsWithoutIdealTime: 1000 }));
    expect(f).toMatchObject({ performance: null, overall_oee: null, quality: 0.95 });
    expect(f.kpis.nee).toBeNull();
  });
});
