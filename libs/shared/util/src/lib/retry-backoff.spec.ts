import fc from 'fast-check';
import { retryBackoffMs } from './retry-backoff';

const lowest = (): number => 0;
const highest = (): number => 1 - Number.EPSILON;

describe(retryBackoffMs.name, () => {
  it('doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryBackoffMs(attempt, 250, 60_000, 'full', highest))).toEqual([250, 500, 1000, 2000, 4000]);
    expect(retryBackoffMs(5, 250, 3000, 'full', highest)).toBe(3000);
    expect(retryBackoffMs(2000, 250, 5000, 'full', highest)).toBe(5000);
  });

  it('draws full jitter from [0, step]', () => {
    expect(retryBackoffMs(1, 250, 5000, 'full', lowest)).toBe(0);
    expect(retryBackoffMs(3, 250, 5000, 'full', () => 0.5)).toBe(500);
  });

  it('draws equal jitter from [step / 2, step]', () => {
    expect([1, 2, 3, 4].map((attempt) => retryBackoffMs(attempt, 30_000, 3_600_000, 'equal', lowest))).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect([1, 2, 3, 4].map((attempt) => retryBackoffMs(attempt, 30_000, 3_600_000, 'equal', () => 1))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryBackoffMs(3, 500, 30_000, 'equal', () => 0.5)).toBe(1500);
  });

  it('counts an attempt below 1 as the first', () => {
    expect(retryBackoffMs(0, 500, 30_000, 'equal', highest)).toBe(500);
    expect(retryBackoffMs(-3, 500, 30_000, 'equal', lowest)).toBe(250);
  });

  it('stays within the bounds of its jitter for any attempt and draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.constantFrom('full' as const, 'equal' as const),
        (attempt, u, jitter) => {
          const step = Math.min(30_000, 500 * 2 ** (attempt - 1));
          const delay = retryBackoffMs(attempt, 500, 30_000, jitter, () => u);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(jitter === 'full' ? 0 : Math.floor(step / 2));
          expect(delay).toBeLessThanOrEqual(step);
        },
      ),
    );
  });
});
