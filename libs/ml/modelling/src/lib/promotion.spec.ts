import { challengerWins, logLoss, PROMOTION_MARGIN, rootMeanSquaredError } from './promotion';

describe(challengerWins.name, () => {
  const base = { metric: 'rmse' as const, rows: 100, method: 'stored' as const };
  it('promotes only past the margin: lower is better', () => {
    expect(challengerWins({ ...base, challenger: 9, incumbent: 10 })).toBe(true);
    expect(challengerWins({ ...base, challenger: 10 * (1 - PROMOTION_MARGIN / 2), incumbent: 10 })).toBe(false);
    expect(challengerWins({ ...base, challenger: 10, incumbent: 10 })).toBe(false);
    expect(challengerWins({ ...base, challenger: 11, incumbent: 10 })).toBe(false);
  });

  it('never promotes a challenger without a finite score, and beats an incumbent without one', () => {
    expect(challengerWins({ ...base, challenger: Number.NaN, incumbent: 10 })).toBe(false);
    expect(challengerWins({ ...base, challenger: 1, incumbent: Number.POSITIVE_INFINITY })).toBe(true);
  });
});

describe(logLoss.name, () => {
  it('is the mean negative log-likelihood, finite for certain mistakes (clipped)', () => {
    expect(logLoss([1, 0], [0.5, 0.5])).toBeCloseTo(Math.log(2));
    expect(Number.isFinite(logLoss([1, 0], [0, 1]))).toBe(true);
    expect(logLoss([1], [0])).toBeGreaterThan(logLoss([1], [0.01]));
  });
});

describe(rootMeanSquaredError.name, () => {
  it('is the root of the mean squared difference', () => {
    expect(rootMeanSquaredError([0, 0], [3, 4])).toBeCloseTo(Math.sqrt(12.5));
  });
});
