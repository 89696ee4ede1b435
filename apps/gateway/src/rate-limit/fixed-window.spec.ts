import { retryAfterSeconds, windowOf } from './fixed-window';

const MINUTE = 60_000;

describe('windowOf', () => {
  it.each([
    [0, 0, 60_000],
    [1, 0, 60_000],
    [59_999, 0, 60_000],
    [60_000, 60_000, 120_000],
    [125_000, 120_000, 180_000],
    [1_714_558_530_123, 1_714_558_500_000, 1_714_558_560_000],
  ])('puts %i in the window %i..%i', (now, start, end) => {
    expect(windowOf(now, MINUTE)).toEqual({ start, end });
  });

  it('works with windows other than a minute', () => {
    expect(windowOf(12_345, 1000)).toEqual({ start: 12_000, end: 13_000 });
  });

  it('always contains the given time', () => {
    for (const now of [7, 59_999, 60_001, 3_600_000, 1_714_558_530_123]) {
      const { start, end } = windowOf(now, MINUTE);
      expect(start).toBeLessThanOrEqual(now);
      expect(end).toBeGreaterThan(now);
      expect(end - start).toBe(MINUTE);
    }
  });
});

describe('retryAfterSeconds', () => {
  it.each([
    [120_000, 60],
    [150_000, 30],
    [150_001, 30],
    [179_000, 1],
    [179_500, 1],
    [179_999, 1],
  ])('asks a client limited at %i ms to wait %i s', (now, seconds) => {
    expect(retryAfterSeconds(now, MINUTE)).toBe(seconds);
  });

  it('rounds a partial second up', () => {
    expect(retryAfterSeconds(120_001, MINUTE)).toBe(60);
    expect(retryAfterSeconds(178_999, MINUTE)).toBe(2);
  });

  it('asks for at least one second', () => {
    expect(retryAfterSeconds(999, 1000)).toBe(1);
    expect(retryAfterSeconds(10, 100)).toBe(1);
  });
});
