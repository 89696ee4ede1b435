import { regressionMetrics } from './regression-metrics';

describe(regressionMetrics.name, () => {
  it('computes RMSE, MAE and the PHM08 score by hand', () => {
    // d = −13, 0, +10: RMSE = √((169 + 0 + 100) / 3), MAE = 23 / 3, score = (e − 1) + 0 + (e − 1).
    const m = regressionMetrics([50, 20, 30], [37, 20, 40]);
    expect(m.rmse).toBeCloseTo(Math.sqrt(269 / 3), 12);
    expect(m.mae).toBeCloseTo(23 / 3, 12);
    expect(m.nasa_score).toBeCloseTo(2 * (Math.E - 1), 12);
  });

  it('penalises a late prediction more than an early one by the same amount', () => {
    const early = regressionMetrics([100], [80]).nasa_score;
    const late = regressionMetrics([100], [120]).nasa_score;
    expect(early).toBeCloseTo(Math.exp(20 / 13) - 1, 12);
    expect(late).toBeCloseTo(Math.exp(2) - 1, 12);
    expect(late).toBeGreaterThan(early);
  });

  it('rejects empty, mismatched or non-finite input', () => {
    expect(() => regressionMetrics([], [])).toThrow(RangeError);
    expect(() => regressionMetrics([1], [1, 2])).toThrow(RangeError);
    expect(() => regressionMetrics([1], [NaN])).toThrow(RangeError);
  });
});
