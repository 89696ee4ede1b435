import { backoffDelayMs, CircuitBreaker } from './circuit-breaker';

describe(CircuitBreaker.name, () => {
  const T0 = 1_000_000;

  const failTimes = (breaker: CircuitBreaker, times: number, now: number): void => {
    for (let i = 0; i < times; i += 1) breaker.onFailure(now);
  };

  it('starts closed and lets calls through', () => {
    const breaker = new CircuitBreaker(3, 10_000);
    expect(breaker.state(T0)).toBe('closed');
    expect(breaker.tryAcquire(T0)).toBe(true);
    expect(breaker.tryAcquire(T0)).toBe(true);
  });

  it('stays closed until the threshold of consecutive failures', () => {
    const breaker = new CircuitBreaker(3, 10_000);
    failTimes(breaker, 2, T0);
    expect(breaker.state(T0)).toBe('closed');
    expect(breaker.tryAcquire(T0)).toBe(true);
    breaker.onFailure(T0);
    expect(breaker.state(T0)).toBe('open');
    expect(breaker.tryAcquire(T0)).toBe(false);
  });

  it('opens on the first failure with a threshold of one', () => {
    const breaker = new CircuitBreaker(1, 500);
    breaker.onFailure(T0);
    expect(breaker.state(T0)).toBe('open');
  });

  it('starts counting again after a success', () => {
    const breaker = new CircuitBreaker(3, 10_000);
    failTimes(breaker, 2, T0);
    breaker.onSuccess();
    failTimes(breaker, 2, T0);
    expect(breaker.state(T0)).toBe('closed');
    breaker.onFailure(T0);
    expect(breaker.state(T0)).toBe('open');
  });

  it('rejects calls while open until openMs has elapsed', () => {
    const breaker = new CircuitBreaker(2, 10_000);
    failTimes(breaker, 2, T0);
    expect(breaker.tryAcquire(T0 + 1)).toBe(false);
    expect(breaker.state(T0 + 9_999)).toBe('open');
    expect(breaker.tryAcquire(T0 + 9_999)).toBe(false);
    expect(breaker.state(T0 + 10_000)).toBe('half_open');
  });

  it('lets exactly one trial call through when half open', () => {
    const breaker = new CircuitBreaker(2, 10_000);
    failTimes(breaker, 2, T0);
    expect(breaker.tryAcquire(T0 + 10_000)).toBe(true);
    expect(breaker.tryAcquire(T0 + 10_001)).toBe(false);
    expect(breaker.tryAcquire(T0 + 60_000)).toBe(false);
    expect(breaker.state(T0 + 60_000)).toBe('half_open');
  });

  it('closes when the trial call succeeds', () => {
    const breaker = new CircuitBreaker(2, 10_000);
    failTimes(breaker, 2, T0);
    expect(breaker.tryAcquire(T0 + 10_000)).toBe(true);
    breaker.onSuccess();
    expect(breaker.state(T0 + 10_000)).toBe('closed');
    expect(breaker.tryAcquire(T0 + 10_000)).toBe(true);
    expect(breaker.tryAcquire(T0 + 10_000)).toBe(true);
  });

  it('needs the full threshold again after closing', () => {
    const breaker = new CircuitBreaker(2, 10_000);
    failTimes(breaker, 2, T0);
    breaker.tryAcquire(T0 + 10_000);
    breaker.onSuccess();
    breaker.onFailure(T0 + 10_001);
    expect(breaker.state(T0 + 10_001)).toBe('closed');
  });

  it('opens again for a full period when the trial call fails', () => {
    const breaker = new CircuitBreaker(3, 10_000);
    failTimes(breaker, 3, T0);
    const trialAt = T0 + 12_000;
    expect(breaker.tryAcquire(trialAt)).toBe(true);
    breaker.onFailure(trialAt);
    expect(breaker.state(trialAt)).toBe('open');
    expect(breaker.tryAcquire(trialAt + 9_999)).toBe(false);
    expect(breaker.state(trialAt + 10_000)).toBe('half_open');
    expect(breaker.tryAcquire(trialAt + 10_000)).toBe(true);
    expect(breaker.tryAcquire(trialAt + 10_000)).toBe(false);
  });
});

describe('backoffDelayMs', () => {
  const max = (): number => 1;
  const min = (): number => 0;

  it('doubles from the base with each attempt', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, 250, 60_000, max))).toEqual([250, 500, 1000, 2000, 4000]);
  });

  it('is capped', () => {
    expect(backoffDelayMs(5, 250, 3000, max)).toBe(3000);
    expect(backoffDelayMs(50, 250, 5000, max)).toBe(5000);
    expect(backoffDelayMs(2000, 250, 5000, max)).toBe(5000);
  });

  it('is zero when the jitter draws zero', () => {
    expect(backoffDelayMs(1, 250, 5000, min)).toBe(0);
    expect(backoffDelayMs(30, 250, 5000, min)).toBe(0);
  });

  it('scales the ceiling by the jitter', () => {
    expect(backoffDelayMs(3, 250, 5000, () => 0.5)).toBe(500);
    expect(backoffDelayMs(10, 250, 5000, () => 0.25)).toBe(1250);
  });

  it('stays within zero and the ceiling for any draw', () => {
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const ceiling = Math.min(5000, 250 * 2 ** (attempt - 1));
      for (const draw of [0, 0.001, 0.3, 0.999, 1]) {
        const delay = backoffDelayMs(attempt, 250, 5000, () => draw);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(ceiling);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });

  it('uses random jitter by default, within the ceiling', () => {
    for (let i = 0; i < 50; i += 1) {
      const delay = backoffDelayMs(3, 250, 5000);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(1000);
    }
  });
});
