import { createSourceDatabase, createTestDatabase, freePort, ServiceProcess, type TestDatabase, type TestSourceDatabase } from '@shopfloor/testing';
import { Client } from 'pg';
import { OwnNats } from './own-server';

describe('scheduled sync with several ingestion replicas', () => {
  const ownNats = new OwnNats();
  let source: TestSourceDatabase;
  let db: TestDatabase;
  const replicas: ServiceProcess[] = [];

  beforeAll(async () => {
    await ownNats.start();
    source = await createSourceDatabase();
    db = await createTestDatabase('sf_schedule');
    await source.connection.query(`INSERT INTO machines (machine_id, name, type) VALUES ('S-1', 'Okuma LB3000', 'LATHE')`);
    for (let i = 0; i < 2; i += 1) {
      replicas.push(
        new ServiceProcess('ingestion', {
          PORT: String(await freePort()),
          NATS_URL: ownNats.url,
          DATABASE_URL: db.serviceUrl('ingestion'),
          CIMCO_DATABASE_URL: source.url,
          SYNC_INTERVAL_SECONDS: '1',
          SYNC_SAFETY_LAG_MS: '0',
          OTEL_SDK_DISABLED: 'true',
        }),
      );
    }
  }, 60_000);

  afterAll(async () => {
    for (const r of replicas) await r.stop();
    await source?.drop();
    await db?.drop();
    await ownNats.stop();
  });

  it('runs each scheduled sync once, never two at the same time', async () => {
    await Promise.all(replicas.map((r) => r.start()));
    await new Promise((resolve) => setTimeout(resolve, 5000));
    for (const r of replicas) {
      const code = await r.stop();
      // The replica's last lines say why, should it not stop cleanly.
      expect({ code, log: code === 0 ? [] : r.lines.slice(-15) }).toEqual({ code: 0, log: [] });
    }

    const client = new Client({ connectionString: db.adminDatabaseUrl });
    await client.connect();
    const runs = (await client.query(`SELECT state, trigger, runner, started_at, finished_at, error, error_code FROM ingestion.sync_runs ORDER BY started_at`))
      .rows as {
      state: string;
      trigger: string;
      runner: string;
      started_at: Date;
      finished_at: Date | null;
    }[];
    await client.end();
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.filter((r) => r.trigger !== 'schedule' || r.state !== 'succeeded')).toEqual([]);
    for (let i = 1; i < runs.length; i += 1) {
      expect(runs[i - 1].finished_at!.getTime()).toBeLessThanOrEqual(runs[i].started_at.getTime());
    }
  });
});
