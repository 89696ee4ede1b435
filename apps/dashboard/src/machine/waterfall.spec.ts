import type { OeeFigures } from './machine-data';
import { sixBigLosses } from './waterfall';

const figures = (planned: number, losses: OeeFigures['losses']): OeeFigures => ({
  availability: null,
  performance: null,
  quality: null,
  overall_oee: null,
  benchmark_comparison: null,
  time_model: { planned_production_time: planned, run_time: 0, planned_stop_time: 0, unplanned_stop_time: 0, small_stop_time: 0 },
  counts: { total: 0, good: 0, scrap: 0 },
  losses,
  kpis: { technical_efficiency: null, setup_rate: null, scrap_ratio: null, nee: null, mtbf: null, mttr: null, failures: 0 },
});

describe(sixBigLosses.name, () => {
  it('steps down from planned time by each loss to the fully productive time', () => {
    const steps = sixBigLosses(figures(28_800, { unplanned_stops: 1800, planned_stops: 900, small_stops: 300, slow_cycles: 2400, production_rejects: 600 }));
    expect(steps.map((s) => [s.label, s.base, s.value])).toEqual([
      ['Planned production time', 0, 28_800],
      ['Breakdowns', 27_000, 1800],
      ['Setup & adjustments', 26_100, 900],
      ['Small stops', 25_800, 300],
      ['Reduced speed', 23_400, 2400],
      ['Quality losses', 22_800, 600],
      ['Fully productive time', 0, 22_800],
    ]);
  });

  it('draws a negative loss (faster than ideal) upwards from its level, never below zero at the end', () => {
    const steps = sixBigLosses(figures(100, { unplanned_stops: 0, planned_stops: 0, small_stops: 0, slow_cycles: -20, production_rejects: 0 }));
    expect(steps[4]).toEqual({ label: 'Reduced speed', base: 100, value: 20, kind: 'loss' });
    expect(steps[6].value).toBe(120);
    expect(sixBigLosses(figures(0, { unplanned_stops: 0, planned_stops: 0, small_stops: 0, slow_cycles: 0, production_rejects: 0 }))[6].value).toBe(0);
  });
});
