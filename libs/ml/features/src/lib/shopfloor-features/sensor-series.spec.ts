import { SensorSeries } from './sensor-series';

const H = 3_600_000;

describe(SensorSeries.name, () => {
  it('computes mean, sample deviation, slope per hour and last value over [a, b)', () => {
    const series = new SensorSeries([-3 * H, -2 * H, -1 * H, 0], [1, 2, 4, 1000]);
    const agg = series.aggregate(-24 * H, 0);
    expect(agg.mean).toBeCloseTo(7 / 3, 12);
    expect(agg.std).toBeCloseTo(Math.sqrt(7 / 3), 12);
    expect(agg.slopePerHour).toBeCloseTo(1.5, 12);
    expect(agg.last).toBe(4);
  });

  it('reads unsorted readings in time order', () => {
    const agg = new SensorSeries([2 * H, 0, H], [3, 1, 2]).aggregate(0, 3 * H);
    expect(agg.slopePerHour).toBeCloseTo(1, 12);
    expect(agg.last).toBe(3);
  });

  it('has no values in an empty window and no deviation or slope from one reading', () => {
    const series = new SensorSeries([H], [5]);
    expect(series.aggregate(2 * H, 3 * H)).toEqual({ mean: NaN, std: NaN, slopePerHour: NaN, last: NaN });
    expect(series.aggregate(0, 2 * H)).toEqual({ mean: 5, std: NaN, slopePerHour: NaN, last: 5 });
  });

  it('keeps small variations exact far from the epoch', () => {
    const t0 = Date.UTC(2030, 0, 1);
    const agg = new SensorSeries([t0, t0 + 60_000], [40.01, 40.02]).aggregate(t0, t0 + H);
    expect(agg.slopePerHour).toBeCloseTo(0.6, 9);
  });
});
