import { SUBJECTS, type QuarantinePage, type SyncStatusView } from '@shopfloor/contracts';
import {
  createSourceDatabase,
  createTestDatabase,
  freePort,
  ServiceProcess,
  TcpProxy,
  TEST_INFRA,
  waitFor,
  type TestDatabase,
  type TestSourceDatabase,
} from '@shopfloor/testing';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSONCodec, connect, type NatsConnection, type Subscription } from 'nats';
import { OwnNats } from './own-server';

const codec = JSONCodec<unknown>();

interface Published {
  subject: string;
  sync_id: string;
  records: Record<string, unknown>[];
}

async function rpc<T>(nc: NatsConnection, subject: string, payload: unknown): Promise<T> {
  const msg = await nc.request(subject, codec.encode(payload), { timeout: 10_000 });
  const reply = codec.decode(msg.data) as { ok: boolean; data?: T; error?: { code: string; message: string; details: unknown } };
  if (!reply.ok) throw Object.assign(new Error(reply.error?.message), { code: reply.error?.code, details: reply.error?.details });
  return reply.data as T;
}

async function syncAndWait(nc: NatsConnection, mode: 'full' | 'incremental'): Promise<SyncStatusView> {
  const { sync_id } = await rpc<{ sync_id: string }>(nc, SUBJECTS.ingestion.syncStart, { mode });
  return waitFor(
    `sync ${sync_id} to finish`,
    async () => {
      const status = await rpc<SyncStatusView>(nc, SUBJECTS.ingestion.syncStatus, {});
      return status.last_run?.sync_id === sync_id && status.last_run.state !== 'running' ? status : undefined;
    },
    30_000,
    100,
  );
}

describe('ingestion from a CIMCO source', () => {
  const ownNats = new OwnNats();
  let source: TestSourceDatabase;
  let db: TestDatabase;
  let nc: NatsConnection;
  let proxy: TcpProxy;
  let ingestion: ServiceProcess;
  let feed: Subscription;
  const published: Published[] = [];

  const recordsOf = (syncId: string, subject: string): Record<string, unknown>[] =>
    published.filter((p) => p.sync_id === syncId && p.subject === subject).flatMap((p) => p.records);

  beforeAll(async () => {
    await ownNats.start();
    source = await createSourceDatabase();
    db = await createTestDatabase('sf_ingest');
    nc = await connect({ servers: ownNats.url });
    // Every batch as it is published (a plain subscription sees what the stream stores).
    feed = nc.subscribe(SUBJECTS.shopfloor.all, {
      callback: (_error, m) => {
        const body = codec.decode(m.data) as { sync_id?: string; records?: Record<string, unknown>[] };
        if (body.sync_id && body.records) published.push({ subject: m.subject, sync_id: body.sync_id, records: body.records });
      },
    });

    const mysqlPort = Number(new URL(TEST_INFRA.mysqlUrl).port || 3306);
    proxy = new TcpProxy(await freePort(), '127.0.0.1', mysqlPort);
    await proxy.start();
    const c = source.connection;
    await c.query(`INSERT INTO machines (machine_id, name, type, location, specifications) VALUES
      ('M-1', 'Hermle C42', 'MILL', 'Hall 1', '{"axes": 5}'), ('M-2', 'Index G200', 'LATHE', 'Hall 2', NULL)`);
    await c.query(`INSERT INTO jobs (job_id, machine_id, part_number, start_time, end_time, state, ideal_cycle_time, cycle_time, parts_produced, parts_scrapped) VALUES
      ('J-1', 'M-1', 'P-100', '2026-01-15 08:00:00.000', '2026-01-15 12:00:00.000', 'COMPLETED', 30, 33, 400, 4),
      ('J-2', 'M-2', 'P-200', '2026-07-15 08:00:00.000', NULL, 'running', 60, NULL, 10, 0),
      ('J-BAD', 'M-1', 'P-300', '2026-01-16 08:00:00.000', '2026-01-16 07:00:00.000', 'COMPLETED', 30, 33, 10, 20)`);
    await c.query(`INSERT INTO downtime_records (record_id, job_id, machine_id, downtime_type, start_time, duration, reason_code) VALUES
      ('D-1', 'J-1', 'M-1', 'BREAKDOWN', '2026-01-15 09:00:00.000', 600, 'SPINDLE'),
      ('D-BAD', 'J-1', 'M-1', 'SETUP', '2026-01-15 10:00:00.000', -5, NULL)`);
    await c.query(`INSERT INTO machine_events (machine_id, event_time, state, reason_code, job_id, part_count) VALUES
      ('M-1', '2026-01-15 08:00:00.000', 'RUNNING', NULL, 'J-1', 0), ('M-1', '2026-01-15 09:00:00.000', 'DOWN', 'SPINDLE', 'J-1', 120),
      ('M-2', '2026-07-15 08:00:00.000', 'RUNNING', NULL, 'J-2', 0)`);
    await c.query(`INSERT INTO machine_readings (machine_id, reading_time, metric, value, unit) VALUES
      ('M-1', '2026-01-15 08:00:00.000', 'spindle_load', 42.5, '%'), ('M-1', '2026-01-15 08:01:00.000', 'spindle_load', 44, '%'),
      ('M-2', '2026-07-15 08:00:00.000', 'vibration', 1.2, 'mm/s'), ('M-404', '2026-07-15 08:00:00.000', 'vibration', 9.9, 'mm/s')`);

    ingestion = new ServiceProcess('ingestion', {
      PORT: String(await freePort()),
      NATS_URL: ownNats.url,
      DATABASE_URL: db.serviceUrl('ingestion'),
      CIMCO_DATABASE_URL: source.urlVia('127.0.0.1', proxy.port),
      CIMCO_TIMEZONE: 'Europe/Berlin',
      SYNC_INTERVAL_SECONDS: '0',
      SYNC_SAFETY_LAG_MS: '0',
      SOURCE_RETRY_ATTEMPTS: '1',
      SOURCE_CIRCUIT_THRESHOLD: '1',
      SOURCE_CIRCUIT_OPEN_SECONDS: '1',
      CIMCO_CONNECT_TIMEOUT_MS: '1000',
      LOG_LEVEL: 'info',
      OTEL_SDK_DISABLED: 'true',
    });
    await ingestion.start();
  }, 60_000);

  afterAll(async () => {
    await ingestion?.stop();
    feed?.unsubscribe();
    await nc?.close();
    await proxy?.stop();
    await source?.drop();
    await db?.drop();
    await ownNats.stop();
  });

  let fullSyncId = '';

  it('publishes every valid row of a full sync with times converted from the source zone to UTC', async () => {
    const status = await syncAndWait(nc, 'full');
    const run = status.last_run!;
    fullSyncId = run.sync_id;
    expect(run.state).toBe('succeeded');
    expect(run.counts).toEqual({ machines: 2, jobs: 2, downtime_records: 1, machine_events: 3, machine_readings: 3 });
    expect(run.rejected).toBe(3);
    await waitFor('the batches to arrive', () => recordsOf(fullSyncId, SUBJECTS.shopfloor.machineReadingsAppended).length === 3);
    const jobs = recordsOf(fullSyncId, SUBJECTS.shopfloor.jobsUpserted);
    expect(jobs.find((j) => j['job_id'] === 'J-1')).toMatchObject({
      start_time: '2026-01-15T07:00:00.000Z',
      end_time: '2026-01-15T11:00:00.000Z',
      parts_produced: 400,
    });
    // Summer time: Berlin is UTC+2.
    expect(jobs.find((j) => j['job_id'] === 'J-2')).toMatchObject({ start_time: '2026-07-15T06:00:00.000Z', end_time: null, state: 'RUNNING' });
    expect(recordsOf(fullSyncId, SUBJECTS.shopfloor.machinesUpserted).find((m) => m['machine_id'] === 'M-1')).toMatchObject({ specifications: { axes: 5 } });
  });

  it('quarantines bad rows with every reason and the raw row', async () => {
    const page = await rpc<QuarantinePage>(nc, SUBJECTS.ingestion.quarantineList, { limit: 10 });
    const byKey = new Map(page.items.map((q) => [`${q.table}/${q.primary_key}`, q]));
    const keys = [...byKey.keys()].sort();
    expect(keys).toHaveLength(3);
    expect(keys.slice(0, 2)).toEqual(['downtime_records/D-BAD', 'jobs/J-BAD']);
    expect(keys[2]).toMatch(/^machine_readings\/\d+$/);
    expect(byKey.get('jobs/J-BAD')?.reasons).toEqual(['end_time is before start_time', 'parts_scrapped (20) is above parts_produced (10)']);
    expect(byKey.get('downtime_records/D-BAD')?.reasons).toEqual(['duration is negative (-5)']);
    expect(page.items.find((q) => q.table === 'machine_readings')?.reasons).toEqual(['unknown machine M-404']);
    expect(byKey.get('jobs/J-BAD')?.raw).toMatchObject({ job_id: 'J-BAD', parts_scrapped: 20 });
  });

  it('picks up inserts and updates incrementally, and re-checks a quarantined row when it changes', async () => {
    await source.connection.query(`UPDATE jobs SET end_time = '2026-07-15 16:00:00.000', state = 'COMPLETED', cycle_time = 64 WHERE job_id = 'J-2'`);
    await source.connection.query(`UPDATE jobs SET end_time = '2026-01-16 09:00:00.000', parts_scrapped = 1 WHERE job_id = 'J-BAD'`);
    await source.connection.query(
      `INSERT INTO machine_readings (machine_id, reading_time, metric, value, unit) VALUES ('M-2', '2026-07-15 08:01:00.000', 'vibration', 1.3, 'mm/s')`,
    );
    const run = (await syncAndWait(nc, 'incremental')).last_run!;
    expect(run.state).toBe('succeeded');
    expect(run.counts).toEqual({ machines: 0, jobs: 2, downtime_records: 0, machine_events: 0, machine_readings: 1 });
    expect(run.rejected).toBe(0);
    await waitFor('the batches to arrive', () => recordsOf(run.sync_id, SUBJECTS.shopfloor.jobsUpserted).length === 2);
    expect(recordsOf(run.sync_id, SUBJECTS.shopfloor.jobsUpserted).find((j) => j['job_id'] === 'J-2')).toMatchObject({
      end_time: '2026-07-15T14:00:00.000Z',
      state: 'COMPLETED',
    });
    const page = await rpc<QuarantinePage>(nc, SUBJECTS.ingestion.quarantineList, { limit: 10 });
    expect(page.items.map((q) => q.primary_key)).not.toContain('J-BAD');

    const idle = (await syncAndWait(nc, 'incremental')).last_run!;
    expect(idle.counts).toEqual({ machines: 0, jobs: 0, downtime_records: 0, machine_events: 0, machine_readings: 0 });
  });

  it('answers a second start while a sync runs with the running sync id', async () => {
    await source.connection.query(
      `INSERT INTO machine_readings (machine_id, reading_time, metric, value, unit)
       SELECT 'M-1', '2026-02-01 00:00:00.000' + INTERVAL seq SECOND, 'spindle_load', 50, '%' FROM seq_1_to_20000`,
    );
    const first = await rpc<{ sync_id: string }>(nc, SUBJECTS.ingestion.syncStart, { mode: 'full' });
    const second = await rpc(nc, SUBJECTS.ingestion.syncStart, { mode: 'incremental' }).catch((e: unknown) => e);
    expect(second).toMatchObject({ code: 'SYNC_ALREADY_RUNNING', details: { sync_id: first.sync_id } });
    await waitFor(
      'the long sync to finish',
      async () => (await rpc<SyncStatusView>(nc, SUBJECTS.ingestion.syncStatus, {})).last_run?.state === 'succeeded',
      60_000,
      200,
    );
  });

  it('turns degraded while the source is down and recovers when it returns', async () => {
    await proxy.stop();
    const failed = await rpc(nc, SUBJECTS.ingestion.syncStart, { mode: 'incremental' }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'SOURCE_UNAVAILABLE' });
    const down = await rpc<SyncStatusView>(nc, SUBJECTS.ingestion.syncStatus, {});
    expect(down.state).toBe('degraded');
    expect(down.source).toMatchObject({ reachable: false, circuit: 'open' });

    await proxy.start();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const run = (await syncAndWait(nc, 'incremental')).last_run!;
    expect(run.state).toBe('succeeded');
    const up = await rpc<SyncStatusView>(nc, SUBJECTS.ingestion.syncStatus, {});
    expect(up).toMatchObject({ state: 'idle', source: { reachable: true, circuit: 'closed' } });
  });

  it('refuses to sync on a mapping that does not match the source and names each problem', async () => {
    const mappingFile = join(tmpdir(), `mapping-${Date.now()}.json`);
    writeFileSync(mappingFile, JSON.stringify({ entities: { jobs: { columns: { start_time: 'begin_time' } }, machine_readings: { table: 'sensor_values' } } }));
    const broken = new ServiceProcess('ingestion', {
      PORT: String(await freePort()),
      NATS_URL: ownNats.url,
      DATABASE_URL: db.serviceUrl('ingestion'),
      CIMCO_DATABASE_URL: source.url,
      CIMCO_MAPPING_FILE: mappingFile,
      SYNC_INTERVAL_SECONDS: '0',
      OTEL_SDK_DISABLED: 'true',
    });
    await ingestion.stop();
    await broken.start();
    try {
      const refused = (await rpc(nc, SUBJECTS.ingestion.syncStart, { mode: 'full' }).catch((e: unknown) => e)) as {
        code: string;
        details: { mapping_problems: { problem: string }[] };
      };
      expect(refused.code).toBe('SOURCE_MAPPING_INVALID');
      expect(refused.details.mapping_problems.map((p) => p.problem)).toEqual([
        'column jobs.begin_time (for start_time) does not exist',
        'table sensor_values does not exist in the source database',
      ]);
      const status = await rpc<SyncStatusView>(nc, SUBJECTS.ingestion.syncStatus, {});
      expect(status.source.mapping_problems).toHaveLength(2);
      expect(broken.lines.join('\n')).toContain('Source mapping problem: column jobs.begin_time (for start_time) does not exist');
    } finally {
      await broken.stop();
      await ingestion.start();
    }
  });
});
