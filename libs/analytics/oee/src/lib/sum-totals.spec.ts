import { oeeFigures } from './oee-figures';
import type { OeeTotals } from './oee.types';
import { sumTotals, zeroTotals } from './sum-totals';

const HOUR = 3_600_000;

describe(sumTotals.name, () => {
  it('adds every field', () => {
    const a: OeeTotals = { ...zeroTotals(), calendarMs: 1, plannedProductionMs: 2, runMs: 3, failures: 4, partsProduced: 5.5, partsWithoutIdealTime: 6 };
    expect(sumTotals([a, a, zeroTotals()])).toEqual({
      ...zeroTotals(),
      calendarMs: 2,
      plannedProductionMs: 4,
      runMs: 6,
      failures: 8,
      partsProduced: 11,
      partsWithoutIdealTime: 12,
    });
    expect(sumTotals([])).toEqual(zeroTotals());
  });

  it('makes an aggregate from sums of time, not an average of ratios', () => {
    // Machine A: 1 h planned, all run. Machine B: 9 h planned, 0 run. The mean of availabilities would be 0.5.
    const a: OeeTotals = { ...zeroTotals(), calendarMs: HOUR, plannedProductionMs: HOUR, runMs: HOUR };
    const b: OeeTotals = { ...zeroTotals(), calendarMs: 9 * HOUR, plannedProductionMs: 9 * HOUR, unplannedStopMs: 9 * HOUR };
    expect(oeeFigures(sumTotals([a, b])).availability).toBeCloseTo(0.1, 12);
  });
});
