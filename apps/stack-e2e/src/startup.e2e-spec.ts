import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createTestDatabase, freePort, ServiceProcess, TEST_INFRA } from '@shopfloor/testing';

describe('service start-up', () => {
  it('stops with a message naming each missing or invalid variable', async () => {
    const gateway = new ServiceProcess('gateway', { PORT: String(await freePort()), RATE_LIMIT_PER_MINUTE: 'lots', NATS_URL: TEST_INFRA.natsUrl });
    const { code, output } = await gateway.runToExit();
    expect(code).toBe(1);
    expect(output).toContain('JWT_SECRET: is required but not set');
    expect(output).toContain('DATABASE_URL: is required but not set');
    expect(output).toMatch(/RATE_LIMIT_PER_MINUTE: .*integer/);
    expect(output).not.toContain('lots');
  });

  it('names NATS, the URL tried and how to start it when NATS is unreachable, within seconds', async () => {
    const ml = new ServiceProcess('ml', {
      PORT: String(await freePort()),
      NATS_URL: 'nats://127.0.0.1:1',
      DATABASE_URL: 'postgres://shopfloor_ml@127.0.0.1:5432/shopfloor',
    });
    const { code, output, elapsedMs } = await ml.runToExit();
    expect(code).toBe(1);
    expect(output).toContain('NATS is not reachable at nats://127.0.0.1:1');
    expect(output).toContain('nats-server -js');
    expect(elapsedMs).toBeLessThan(10_000);
  });

  it('names PostgreSQL and the URL without its password when the database is unreachable', async () => {
    const ml = new ServiceProcess('ml', {
      PORT: String(await freePort()),
      NATS_URL: TEST_INFRA.natsUrl,
      DATABASE_URL: 'postgres://shopfloor_ml:hunter2secret@127.0.0.1:1/shopfloor',
    });
    const { code, output, elapsedMs } = await ml.runToExit();
    expect(code).toBe(1);
    expect(output).toContain('PostgreSQL is not usable at postgres://shopfloor_ml:***@127.0.0.1:1/shopfloor');
    expect(output).not.toContain('hunter2secret');
    expect(elapsedMs).toBeLessThan(15_000);
  });
});

describe('the migrate command', () => {
  it('applies a service’s pending migrations once and then reports the schema up to date', async () => {
    const db = await createTestDatabase('sf_migrate');
    try {
      const run = (): SpawnSyncReturns<string> =>
        spawnSync(process.execPath, [ServiceProcess.mainPath('gateway').replace(/main\.js$/, 'migrate.js')], {
          env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: db.serviceUrl('gateway') },
          encoding: 'utf8',
          timeout: 30_000,
        });
      const first = run();
      expect(first.status).toBe(0);
      expect(first.stdout).toContain('gateway: applied CreateApiKeysAndAudit1764450000000');
      const second = run();
      expect(second.status).toBe(0);
      expect(second.stdout).toContain('gateway: schema is up to date');
    } finally {
      await db.drop();
    }
  });
});
