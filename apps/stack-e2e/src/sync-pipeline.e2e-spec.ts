import { SUBJECTS, type SyncStatusView } from '@shopfloor/contracts';
import {
  createSourceDatabase,
  createTestDatabase,
  freePort,
  ServiceProcess,
  TEST_INFRA,
  waitFor,
  type TestDatabase,
  type TestSourceDatabase,
} from '@shopfloor/testing';
import { randomBytes } from 'node:crypto';
import { JSONCodec, connect, type NatsConnection } from 'nats';
import mysql from 'mysql2/promise';
import { Client } from 'pg';
import { OwnNats } from './own-server';

const codec = JSONCodec<unknown>();
const P = `p${randomBytes(3).toString('hex')}`;

async function rpc<T>(nc: NatsConnection, subject: string, payload: unknown): Promise<T> {
  const msg = await nc.request(subject, codec.encode(payload), { timeout: 10_000 });
  const reply = codec.decode(msg.data) as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!reply.ok) throw Object.assign(new Error(reply.error?.message), { code: reply.error?.code });
  return reply.data as T;
}

/** Row count and a content checksum per table, for this test's machines only, from the source. */
async function sourceSummary(source: TestSourceDatabase): Promise<Record<string, string>> {
  const q = async (sql: string): Promise<string> => {
    const [rows] = await source.connection.query(sql);
    return JSON.stringify((rows as Record<string, unknown>[])[0]);
  };
  return {
    machines: await q(`SELECT COUNT(*) AS n FROM machines WHERE machine_id LIKE '${P}%'`),
    jobs: await q(`SELECT COUNT(*) AS n, COALESCE(SUM(parts_produced), 0) AS parts FROM jobs WHERE machine_id LIKE '${P}%'`),
    downtime: await q(`SELECT COUNT(*) AS n, COALESCE(ROUND(SUM(duration)), 0) AS d FROM downtime_records WHERE machine_id LIKE '${P}%'`),
    events: await q(`SELECT COUNT(*) AS n, COALESCE(SUM(part_count), 0) AS parts FROM machine_events WHERE machine_id LIKE '${P}%'`),
    readings: await q(`SELECT COUNT(*) AS n, COALESCE(ROUND(SUM(value)), 0) AS v FROM machine_readings WHERE machine_id LIKE '${P}%'`),
  };
}

/** The same figures from the analytics read model (rows not tombstoned). */
async function readModelSummary(db: TestDatabase): Promise<Record<string, string>> {
  const client = new Client({ connectionString: db.adminDatabaseUrl });
  await client.connect();
  try {
    const q = async (sql: string): Promise<string> => {
      const row = (await client.query(sql)).rows[0] as Record<string, string | number>;
      return JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])));
    };
    const live = `machine_id LIKE '${P}%' AND deleted_at IS NULL`;
    return {
      machines: await q(`SELECT COUNT(*) AS n FROM analytics.machines WHERE ${live}`),
      jobs: await q(`SELECT COUNT(*) AS n, COALESCE(SUM(parts_produced), 0) AS parts FROM analytics.jobs WHERE ${live}`),
      downtime: await q(`SELECT COUNT(*) AS n, COALESCE(ROUND(SUM(duration)), 0) AS d FROM analytics.downtime_records WHERE ${live}`),
      events: await q(`SELECT COUNT(*) AS n, COALESCE(SUM(part_count), 0) AS parts FROM analytics.machine_events WHERE ${live}`),
      readings: await q(`SELECT COUNT(*) AS n, COALESCE(ROUND(SUM(value)::numeric), 0) AS v FROM analytics.machine_readings WHERE ${live}`),
    };
  } finally {
    await client.end();
  }
}

const normalise = (s: Record<string, string>): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(s).map(([k, v]) => [k, Object.fromEntries(Object.entries(JSON.parse(v) as Record<string, unknown>).map(([a, b]) => [a, Number(b)]))]),
  );

describe('source to read model', () => {
  const ownNats = new OwnNats();
  let source: TestSourceDatabase;
  let db: TestDatabase;
  let nc: NatsConnection;
  let ingestion: ServiceProcess;
  let ingestionEnv: Record<string, string>;
  let analytics: ServiceProcess;

  const status = (): Promise<SyncStatusView> => rpc<SyncStatusView>(nc, SUBJECTS.ingestion.syncStatus, {});
  const converged = async (): Promise<void> => {
    const expected = normalise(await sourceSummary(source));
    await waitFor(
      'the read model to equal the source',
      async () => JSON.stringify(normalise(await readModelSummary(db))) === JSON.stringify(expected),
      60_000,
      250,
    ).catch(async (error: unknown) => {
      expect(normalise(await readModelSummary(db))).toEqual(expected);
      throw error;
    });
  };
  const syncAndWait = async (mode: 'full' | 'incremental'): Promise<SyncStatusView> => {
    const { sync_id } = await rpc<{ sync_id: string }>(nc, SUBJECTS.ingestion.syncStart, { mode });
    return waitFor(
      'the sync to finish',
      async () => {
        const s = await status();
        return s.last_run?.sync_id === sync_id && s.last_run.state !== 'running' ? s : undefined;
      },
      60_000,
      100,
    );
  };

  beforeAll(async () => {
    await ownNats.start();
    source = await createSourceDatabase();
    db = await createTestDatabase('sf_pipeline');
    nc = await connect({ servers: ownNats.url });
    const c = source.connection;
    await c.query(
      `INSERT INTO machines (machine_id, name, type, location) SELECT CONCAT('${P}-M', seq), CONCAT('Machine ', seq), IF(seq % 2, 'MILL', 'LATHE'), 'Hall 1' FROM seq_1_to_5`,
    );
    await c.query(`INSERT INTO jobs (job_id, machine_id, part_number, start_time, end_time, state, ideal_cycle_time, cycle_time, parts_produced, parts_scrapped)
      SELECT CONCAT('${P}-J', seq), CONCAT('${P}-M', 1 + seq % 5), 'P-1', '2026-03-01 06:00:00' + INTERVAL seq HOUR, '2026-03-01 06:50:00' + INTERVAL seq HOUR, 'COMPLETED', 30, 32, 90 + seq % 7, seq % 3 FROM seq_1_to_400`);
    await c.query(`INSERT INTO downtime_records (record_id, job_id, machine_id, downtime_type, start_time, duration, reason_code)
      SELECT CONCAT('${P}-D', seq), CONCAT('${P}-J', 1 + seq % 400), CONCAT('${P}-M', 1 + (1 + seq % 400) % 5), IF(seq % 4 = 0, 'BREAKDOWN', 'MATERIAL'), '2026-03-01 06:10:00' + INTERVAL (1 + seq % 400) HOUR, 60 + seq % 300, 'R1' FROM seq_1_to_600`);
    await c.query(`INSERT INTO machine_events (machine_id, event_time, state, job_id, part_count)
      SELECT CONCAT('${P}-M', 1 + seq % 5), '2026-03-01 06:00:00' + INTERVAL seq MINUTE, IF(seq % 10 = 0, 'DOWN', 'RUNNING'), NULL, seq FROM seq_1_to_8000`);
    await c.query(`INSERT INTO machine_readings (machine_id, reading_time, metric, value, unit)
      SELECT CONCAT('${P}-M', 1 + seq % 5), '2026-03-01 06:00:00' + INTERVAL seq SECOND, 'spindle_load', 40 + seq % 50, '%' FROM seq_1_to_40000`);

    const base = { NATS_URL: ownNats.url, OTEL_SDK_DISABLED: 'true', LOG_LEVEL: 'info' };
    analytics = new ServiceProcess('analytics', {
      ...base,
      PORT: String(await freePort()),
      DATABASE_URL: db.serviceUrl('analytics'),
      REDIS_URL: TEST_INFRA.redisUrl,
    });
    ingestionEnv = {
      ...base,
      PORT: String(await freePort()),
      DATABASE_URL: db.serviceUrl('ingestion'),
      CIMCO_DATABASE_URL: source.url,
      SYNC_INTERVAL_SECONDS: '0',
      SYNC_SAFETY_LAG_MS: '0',
      SYNC_BATCH_SIZE: '250',
    };
    ingestion = new ServiceProcess('ingestion', ingestionEnv);
    await Promise.all([analytics.start(), ingestion.start()]);
  }, 120_000);

  afterAll(async () => {
    await ingestion?.stop();
    await analytics?.stop();
    await nc?.close();
    await source?.drop();
    await db?.drop();
    await ownNats.stop();
  });

  it('ends exactly equal to the source after ingestion and analytics are killed mid-sync', async () => {
    const { sync_id } = await rpc<{ sync_id: string }>(nc, SUBJECTS.ingestion.syncStart, { mode: 'full' });
    await waitFor('the sync to be under way', async () => ((await status()).last_run?.progress ?? 0) >= 0.25, 30_000, 20);
    ingestion.kill();
    analytics.kill();
    await waitFor('both processes to be gone', () => ingestion.exitCode !== undefined && analytics.exitCode !== undefined);
    await Promise.all([analytics.start(), ingestion.start()]);

    const resumed = (await syncAndWait('incremental')).last_run!;
    expect(resumed.state).toBe('succeeded');
    const runs = await status();
    expect(runs.last_run?.sync_id).not.toBe(sync_id);
    await converged();
  });

  it('carries source updates and inserts through an incremental sync', async () => {
    await source.connection.query(`UPDATE jobs SET parts_produced = parts_produced + 1000 WHERE job_id IN ('${P}-J1', '${P}-J2')`);
    await source.connection.query(
      `INSERT INTO machine_readings (machine_id, reading_time, metric, value, unit) VALUES ('${P}-M1', '2026-03-02 00:00:00', 'spindle_load', 77, '%')`,
    );
    const run = (await syncAndWait('incremental')).last_run!;
    expect(run.counts).toMatchObject({ jobs: 2, machine_readings: 1 });
    await converged();
  });

  it('removes rows deleted at the source on a full sync, and counts them in the run', async () => {
    await source.connection.query(`DELETE FROM downtime_records WHERE record_id IN ('${P}-D1', '${P}-D2', '${P}-D3')`);
    await source.connection.query(`DELETE FROM jobs WHERE job_id = '${P}-J400'`);
    await source.connection.query(`DELETE FROM machine_readings WHERE machine_id LIKE '${P}%' ORDER BY reading_id LIMIT 1500`);
    const run = (await syncAndWait('full')).last_run!;
    expect(run.state).toBe('succeeded');
    expect(run.deleted).toMatchObject({ jobs: 1, downtime_records: 3, machine_readings: 1500, machines: 0, machine_events: 0 });
    await converged();
  });

  it('reads a state event whose insert commits after a later one was visible, with the safety lag', async () => {
    await ingestion.stop();
    ingestion = new ServiceProcess('ingestion', { ...ingestionEnv, SYNC_SAFETY_LAG_MS: '1500' });
    await ingestion.start();
    // Two writers, as an MDC server's collectors are: the first takes its id, the second commits a later one first.
    const slow = await mysql.createConnection(source.url);
    try {
      await slow.query('START TRANSACTION');
      await slow.query(`INSERT INTO machine_events (machine_id, event_time, state, part_count) VALUES ('${P}-M3', '2026-03-09 08:00:00', 'IDLE', 1)`);
      await source.connection.query(
        `INSERT INTO machine_events (machine_id, event_time, state, part_count) VALUES ('${P}-M4', '2026-03-09 08:00:01', 'RUNNING', 2)`,
      );
      const { sync_id } = await rpc<{ sync_id: string }>(nc, SUBJECTS.ingestion.syncStart, { mode: 'incremental' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await slow.query('COMMIT');
      await waitFor(
        'the sync to finish',
        async () => {
          const s = await status();
          return s.last_run?.sync_id === sync_id && s.last_run.state !== 'running';
        },
        60_000,
        100,
      );
    } finally {
      await slow.end();
    }
    await converged();
  }, 120_000);
});
