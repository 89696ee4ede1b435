import { retryDelayMs } from './retry-policy';

describe(retryDelayMs.name, () => {
  it('doubles per attempt from the base, within the upper half of each step', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 30_000, 3_600_000, () => 0))).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 30_000, 3_600_000, () => 1))).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('never exceeds the cap, however many attempts', () => {
    expect(retryDelayMs(40, 30_000, 3_600_000, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(40, 30_000, 3_600_000, () => 0)).toBe(1_800_000);
  });

  it('spreads retries that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(3, 30_000, 3_600_000)));
    expect(delays.size).toBeGreaterThan(40);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(60_000);
  });
});
