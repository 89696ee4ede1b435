import { HealthRegistry } from './health';

function resolvesAfter(ms: number): () => Promise<void> {
  return () => new Promise((resolve) => setTimeout(resolve, ms));
}

describe(HealthRegistry.name, () => {
  it('is ready with no dependencies registered', async () => {
    await expect(new HealthRegistry().readiness()).resolves.toEqual({ status: 'ok', dependencies: {} });
  });

  it('reports ok when every dependency is up', async () => {
    const health = new HealthRegistry();
    health.register('postgres', async () => [{ '?column?': 1 }]);
    health.register('nats', async () => undefined);

    await expect(health.readiness()).resolves.toEqual({ status: 'ok', dependencies: { nats: 'up', postgres: 'up' } });
  });

  it('marks a rejecting check down and the service unavailable', async () => {
    const health = new HealthRegistry();
    health.register('postgres', async () => undefined);
    health.register('redis', async () => {
      throw new Error('unexpected PING reply');
    });

    await expect(health.readiness()).resolves.toEqual({ status: 'unavailable', dependencies: { postgres: 'up', redis: 'down' } });
  });

  it('marks a check that throws before returning a promise down', async () => {
    const health = new HealthRegistry();
    health.register('nats', () => {
      throw new Error('NATS connection closed');
    });

    await expect(health.readiness()).resolves.toEqual({ status: 'unavailable', dependencies: { nats: 'down' } });
  });

  it('lists dependencies sorted by name', async () => {
    const health = new HealthRegistry();
    for (const name of ['redis', 'analytics', 'postgres', 'nats']) health.register(name, async () => undefined);

    const report = await health.readiness();

    expect(Object.keys(report.dependencies)).toEqual(['analytics', 'nats', 'postgres', 'redis']);
  });

  it('replaces a check registered again under the same name', async () => {
    const health = new HealthRegistry();
    health.register('nats', () => Promise.reject(new Error('down')));
    health.register('nats', async () => undefined);

    await expect(health.readiness()).resolves.toEqual({ status: 'ok', dependencies: { nats: 'up' } });
  });

  it('reports unavailable once shutting down even with every dependency up', async () => {
    const health = new HealthRegistry();
    health.register('postgres', async () => undefined);

    health.markShuttingDown();

    await expect(health.readiness()).resolves.toEqual({ status: 'unavailable', dependencies: { postgres: 'up' } });
  });

  describe('with a slow dependency', () => {
    beforeEach(() => {
      jest.useFakeTimers();
    });

    afterEach(() => {
      jest.useRealTimers();
    });

    it('marks a check that never settles down after two seconds', async () => {
      const health = new HealthRegistry();
      health.register('nats', () => new Promise<never>(() => undefined));
      health.register('postgres', async () => undefined);
      let settled = false;
      const report = health.readiness().finally(() => {
        settled = true;
      });

      await jest.advanceTimersByTimeAsync(1999);
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);

      await expect(report).resolves.toEqual({ status: 'unavailable', dependencies: { nats: 'down', postgres: 'up' } });
    });

    it('counts a check that answers just within two seconds as up', async () => {
      const health = new HealthRegistry();
      health.register('analytics', resolvesAfter(1999));
      const report = health.readiness();

      await jest.advanceTimersByTimeAsync(1999);

      await expect(report).resolves.toEqual({ status: 'ok', dependencies: { analytics: 'up' } });
    });

    it('counts a check that answers after two seconds as down', async () => {
      const health = new HealthRegistry();
      health.register('analytics', resolvesAfter(2500));
      const report = health.readiness();

      await jest.advanceTimersByTimeAsync(2500);

      await expect(report).resolves.toEqual({ status: 'unavailable', dependencies: { analytics: 'down' } });
    });

    it('leaves no timer behind after the checks have answered', async () => {
      const health = new HealthRegistry();
      health.register('postgres', async () => undefined);

      await health.readiness();

      expect(jest.getTimerCount()).toBe(0);
    });
  });
});
