import { SUBJECTS, type OeeMetricsView, type QuarantinePage, type SyncStatusView } from '@shopfloor/contracts';
import { createSourceDatabase, waitFor, withdrawTestBatches, type TestSourceDatabase } from '@shopfloor/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { Client } from 'pg';
import { ADMIN_KEY, Stack } from './stack';

/**
 * A hostile CIMCO source: rows at and beyond every limit, written into the source database as an MDC (or a
 * careless integration) might, then synced through the whole platform. Every valid row must reach the read model
 * and ml's copy, every invalid one the quarantine with its reason, the sync must say what happened, and live status
 * and OEE must not be bent by implausible rows.
 */
const P = `h${randomBytes(3).toString('hex')}`;
const EMOJI = '\u{1F600}';
const codec = JSONCodec<unknown>();

const M1 = `${P}-M1`;
const M2 = `${P}-M2`;
const M3 = `${P}.M3`;
const VALID_JOBS = 1200;

/** Each hostile row: its table, its key as the quarantine shows it, and a piece of the reason it must give. */
const HOSTILE: { table: string; key: string; reason: string }[] = [
  { table: 'machines', key: `${P}-M\\u0000X`, reason: 'machine_id contains a NUL character' },
  { table: 'machines', key: `${P}-M5MB`, reason: 'specifications is larger than 65536 bytes as JSON' },
  { table: 'machines', key: `${P}-M\tTAB`, reason: 'machine_id contains the control character U+0009' },
  { table: 'jobs', key: `${P}-J9999`, reason: "is later than the source's clock plus 86400 s (PLAUSIBLE_MAX_FUTURE_SECONDS)" },
  { table: 'jobs', key: `${P}-JNOEND`, reason: 'the job is COMPLETED but has no end_time' },
  { table: 'jobs', key: `${P}-JSTATE`, reason: 'state EXPLODED is not one of' },
  { table: 'jobs', key: `${P}-JORPHAN`, reason: `unknown machine ${P}-M404` },
  { table: 'downtime_records', key: `${P}-DHUGE`, reason: 'duration is above 315576000' },
  { table: 'downtime_records', key: `${P}-D100D`, reason: 'duration 8640000 s is longer than 7776000 s (PLAUSIBLE_MAX_STOP_SECONDS)' },
  { table: 'downtime_records', key: `${P}-D1960`, reason: 'PLAUSIBLE_EARLIEST_TIME' },
];
const HOSTILE_EVENTS = 2; // EXPLODED, and DOWN dated 9999
const HOSTILE_READINGS = 4; // 1e308, -1e308, 5e9, 1969

describe('a hostile source, end to end', () => {
  const stack = new Stack();
  let source: TestSourceDatabase;
  let nc: NatsConnection;
  let pg: Client;
  const startedAt = new Date();
  const testSyncIds = new Set<string>();

  const api = async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${stack.gatewayUrl}${path}`, {
      method,
      headers: { 'x-api-key': ADMIN_KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  const count = async (sql: string): Promise<number> => Number((await pg.query<{ n: string }>(sql)).rows[0].n);
  const syncAndWait = async (mode: 'full' | 'incremental'): Promise<SyncStatusView> => {
    const started = await api<{ sync_id: string }>('POST', '/api/v1/data/sync', { mode });
    expect(started.status).toBe(202);
    return waitFor(
      `the ${mode} sync to finish`,
      async () => {
        const s = (await api<SyncStatusView>('GET', '/api/v1/data/sync-status')).body;
        return s.last_run?.sync_id === started.body.sync_id && s.last_run.state !== 'running' ? s : undefined;
      },
      120_000,
      200,
    );
  };
  const quarantine = async (): Promise<QuarantinePage['items']> => {
    const items: QuarantinePage['items'] = [];
    let cursor: string | null = null;
    do {
      const page: QuarantinePage = (await api<QuarantinePage>('GET', `/api/v1/data/quarantine?limit=500${cursor ? `&cursor=${cursor}` : ''}`)).body;
      items.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    return items.filter((q) => q.primary_key.startsWith(P) || JSON.stringify(q.raw).includes(P));
  };

  beforeAll(async () => {
    source = await createSourceDatabase('cimco_hostile');
    const c = source.connection;
    await c.query(
      `INSERT INTO machines (machine_id, name, type, location, specifications) VALUES (?, 'Hermle C42', 'MILL', 'Hall 1', '{"axes": 5}'), (?, ?, 'LATHE', NULL, NULL), (?, 'Dotted', 'MILL', NULL, NULL)`,
      [M1, M2, EMOJI.repeat(100), M3],
    );
    await c.query(`INSERT INTO machines (machine_id, name, type) VALUES (?, 'NUL', 'MILL'), (?, 'Tab', 'MILL')`, [`${P}-M\u0000X`, `${P}-M\tTAB`]);
    await c.query(`INSERT INTO machines (machine_id, name, type, specifications) VALUES (?, 'Huge', 'MILL', ?)`, [
      `${P}-M5MB`,
      JSON.stringify({ blob: 'x'.repeat(5 * 1024 * 1024) }),
    ]);
    // 1,200 good jobs: more than one batch; one in the middle with a part number of 100 emoji (fits VARCHAR(100)).
    await c.query(
      `INSERT INTO jobs (job_id, machine_id, part_number, start_time, end_time, state, ideal_cycle_time, cycle_time, parts_produced, parts_scrapped)
      SELECT CONCAT('${P}-J', seq), IF(seq % 2, ?, ?), CONCAT('P-', seq, CHAR(7)), '2026-03-01 06:00:00' + INTERVAL seq HOUR, '2026-03-01 06:50:00' + INTERVAL seq HOUR, 'COMPLETED', 30, 32, 90, 1 FROM seq_1_to_${VALID_JOBS}`,
      [M1, M2],
    );
    await c.query(`UPDATE jobs SET part_number = ? WHERE job_id = ?`, [EMOJI.repeat(100), `${P}-J500`]);
    await c.query(
      `INSERT INTO jobs (job_id, machine_id, start_time, end_time, state) VALUES
      (?, ?, '9999-12-31 00:00:00', NULL, 'RUNNING'), (?, ?, '2026-03-01 01:00:00', NULL, 'COMPLETED'), (?, ?, '2026-03-01 01:00:00', NULL, 'EXPLODED'), (?, ?, '2026-03-01 01:00:00', NULL, 'RUNNING')`,
      [`${P}-J9999`, M1, `${P}-JNOEND`, M1, `${P}-JSTATE`, M1, `${P}-JORPHAN`, `${P}-M404`],
    );
    await c.query(
      `INSERT INTO downtime_records (record_id, job_id, machine_id, downtime_type, start_time, duration, reason_code, description)
      SELECT CONCAT('${P}-D', seq), CONCAT('${P}-J', seq * 2 + 1), ?, 'BREAKDOWN', '2026-03-01 07:00:00' + INTERVAL (seq * 2 + 1) HOUR, 600, 'SPINDLE', CONCAT('line\\nbreak\\ttab ', ?) FROM seq_1_to_20`,
      [M1, EMOJI],
    );
    await c.query(
      `INSERT INTO downtime_records (record_id, machine_id, downtime_type, start_time, duration) VALUES (?, ?, 'BREAKDOWN', '2026-03-10 00:00:00', 1e12), (?, ?, 'BREAKDOWN', '1960-01-01 00:00:00', 60), (?, ?, 'BREAKDOWN', '2026-03-20 00:00:00', 8640000)`,
      [`${P}-DHUGE`, M1, `${P}-D1960`, M1, `${P}-D100D`, M1],
    );
    await c.query(
      `INSERT INTO machine_events (machine_id, event_time, state, job_id, part_count) SELECT ?, '2026-03-01 06:00:00' + INTERVAL seq MINUTE, IF(seq % 2, 'RUNNING', 'idle'), NULL, seq FROM seq_1_to_50`,
      [M1],
    );
    await c.query(
      `INSERT INTO machine_events (machine_id, event_time, state) VALUES (?, '2026-03-01 07:00:00', 'EXPLODED'), (?, '9999-12-31 23:59:59', 'DOWN')`,
      [M1, M1],
    );
    await c.query(`INSERT INTO machine_events (machine_id, event_time, state) VALUES (?, '2026-03-01 07:01:00', 'RUNNING')`, [M1]);
    await c.query(
      `INSERT INTO machine_readings (machine_id, reading_time, metric, value, unit) SELECT ?, '2026-03-01 06:00:00' + INTERVAL seq SECOND, 'spindle_load', 40 + seq % 50, '%' FROM seq_1_to_100`,
      [M2],
    );
    await c.query(
      `INSERT INTO machine_readings (machine_id, reading_time, metric, value, unit) VALUES (?, '2026-03-01 06:00:00', 'spindle_load', 1e308, '%'), (?, '2026-03-01 06:00:00', 'spindle_load', -1e308, '%'), (?, '2026-03-01 06:00:00', 'spindle_load', 5e9, '%'), (?, '1969-07-20 20:17:00', 'spindle_load', 1, '%')`,
      [M2, M2, M2, M2],
    );

    await stack.start({ CIMCO_DATABASE_URL: source.url, SYNC_INTERVAL_SECONDS: '0', SYNC_SAFETY_LAG_MS: '0' });
    nc = await connect({ servers: stack.natsUrl });
    pg = new Client({ connectionString: stack.database!.adminDatabaseUrl });
    await pg.connect();
  }, 180_000);

  afterAll(async () => {
    if (nc) await withdrawTestBatches(nc, testSyncIds, startedAt);
    await nc?.close();
    await pg?.end();
    await stack.stop();
    await source?.drop();
  });

  it('stores every valid row in the read model and in ml’s copy, and quarantines each invalid one with its reason', async () => {
    const status = await syncAndWait('full');
    const run = status.last_run!;
    testSyncIds.add(run.sync_id);
    expect(run.state).toBe('succeeded');
    expect(run.error).toBeNull();
    expect(run.counts).toMatchObject({ machines: 3, jobs: VALID_JOBS, downtime_records: 20, machine_events: 51, machine_readings: 100 });
    expect(run.rejected).toBe(HOSTILE.length + HOSTILE_EVENTS + HOSTILE_READINGS);
    // Not a clean success: rows were quarantined.
    expect(run.clean).toBe(false);

    const items = await quarantine();
    for (const h of HOSTILE) {
      const entry = items.find((q) => q.table === h.table && q.primary_key === h.key);
      expect({ key: h.key, reasons: entry?.reasons.join(' | ') }).toEqual({ key: h.key, reasons: expect.stringContaining(h.reason) });
      expect(entry?.rejected_by).toBe('ingestion');
    }
    const eventReasons = items
      .filter((q) => q.table === 'machine_events')
      .flatMap((q) => q.reasons)
      .join(' | ');
    expect(eventReasons).toContain('state EXPLODED is not a known machine state');
    expect(eventReasons).toContain('PLAUSIBLE_MAX_FUTURE_SECONDS');
    const readingReasons = items.filter((q) => q.table === 'machine_readings').flatMap((q) => q.reasons);
    expect(readingReasons.filter((r) => /^value is (above|below) /.test(r))).toHaveLength(2);
    expect(readingReasons).toContain('value 5000000000 is beyond ±1000000000 (PLAUSIBLE_MAX_READING_ABS)');
    expect(readingReasons.some((r) => r.includes('PLAUSIBLE_EARLIEST_TIME'))).toBe(true);

    const mine = (table: string, column = 'machine_id'): string => `SELECT count(*) AS n FROM ${table} WHERE (${column} LIKE '${P}%') AND deleted_at IS NULL`;
    await waitFor(
      'the read model to hold every valid row',
      async () => (await count(mine('analytics.jobs'))) === VALID_JOBS && (await count(mine('analytics.machine_readings'))) === 100,
      60_000,
      250,
    );
    expect(await count(mine('analytics.machines'))).toBe(3);
    expect(await count(mine('analytics.downtime_records'))).toBe(20);
    expect(await count(mine('analytics.machine_events'))).toBe(51);
    expect((await pg.query<{ p: string }>(`SELECT part_number AS p FROM analytics.jobs WHERE job_id = $1`, [`${P}-J500`])).rows[0].p).toBe(EMOJI.repeat(100));
    expect((await pg.query<{ n: string }>(`SELECT name AS n FROM analytics.machines WHERE machine_id = $1`, [M2])).rows[0].n).toBe(EMOJI.repeat(100));

    await waitFor(
      'ml’s copy to hold every valid row',
      async () => (await count(mine('ml.jobs'))) === VALID_JOBS && (await count(mine('ml.readings'))) === 100,
      120_000,
      500,
    );
    expect(await count(mine('ml.machines'))).toBe(3);
    expect(await count(mine('ml.stops'))).toBe(20);

    // No consumer rejected or dead-lettered anything of this run: what ingestion accepted, they accepted.
    const after = (await api<SyncStatusView>('GET', '/api/v1/data/sync-status')).body.last_run!;
    for (const consumer of ['analytics-shopfloor', 'ml-shopfloor']) {
      expect(after.downstream[consumer]).toEqual({ rejected: 0, dead_lettered_batches: 0, dead_lettered_records: 0 });
    }
  });

  it('keeps live status and OEE free of the implausible rows', async () => {
    const live = (await api<{ items: { machine_id: string; state: string; since: string }[] }>('GET', '/api/v1/analytics/live')).body;
    const m1 = live.items.find((m) => m.machine_id === M1);
    // Not frozen at DOWN by the event dated 9999 (its data is months old, so it may read UNAVAILABLE).
    expect(m1?.state).not.toBe('DOWN');
    expect(m1?.since?.startsWith('9999') ?? false).toBe(false);
    // M1's stops in March: 20 breakdowns of 600 s; neither the 10^12 s stop nor the 100-day one is among them.
    const oee = (
      await api<OeeMetricsView>('GET', `/api/v1/analytics/oee?machine_id=${encodeURIComponent(M1)}&from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z`)
    ).body;
    expect(oee.time_model.unplanned_stop_time).toBe(20 * 600);
    // The machine with a dot in its id is served like any other.
    expect((await api<{ machine_id: string }>('GET', `/api/v1/machines/${encodeURIComponent(M3)}`)).body.machine_id).toBe(M3);
  });

  it('lets a fixed row in and forgets quarantined rows the source deleted', async () => {
    await source.connection.query(
      `UPDATE jobs SET start_time = '2026-03-01 02:00:00', end_time = '2026-03-01 03:00:00', state = 'COMPLETED' WHERE job_id = ?`,
      [`${P}-J9999`],
    );
    const fixed = (await syncAndWait('incremental')).last_run!;
    testSyncIds.add(fixed.sync_id);
    expect(fixed.counts.jobs).toBe(1);
    expect((await quarantine()).some((q) => q.primary_key === `${P}-J9999`)).toBe(false);
    await waitFor('the fixed job in the read model', async () => (await count(`SELECT count(*) AS n FROM analytics.jobs WHERE job_id = '${P}-J9999'`)) === 1);

    await source.connection.query(`DELETE FROM machines WHERE machine_id IN (?, ?)`, [`${P}-M\u0000X`, `${P}-M5MB`]);
    await source.connection.query(`DELETE FROM machine_readings WHERE value > 1e300`);
    const full = (await syncAndWait('full')).last_run!;
    testSyncIds.add(full.sync_id);
    expect(full.state).toBe('succeeded');
    const keys = (await quarantine()).map((q) => `${q.table}/${q.primary_key}`);
    expect(keys).not.toContain(`machines/${P}-M\\u0000X`);
    expect(keys).not.toContain(`machines/${P}-M5MB`);
    expect(keys).toContain(`jobs/${P}-JNOEND`);
    expect((await quarantine()).filter((q) => q.table === 'machine_readings')).toHaveLength(3);
  });

  it('applies the good records of a batch a consumer partly refuses, and quarantines the others under that consumer', async () => {
    // A batch no ingestion would publish (one record breaks the schema), as a foreign or older producer might.
    const syncId = randomUUID();
    testSyncIds.add(syncId);
    const good = {
      machine_id: M1,
      name: 'Hermle C42 (renamed)',
      type: 'MILL',
      location: 'Hall 1',
      installation_date: null,
      specifications: null,
      source_updated_at: '2030-01-01T00:00:00.000Z',
    };
    const bad = { ...good, machine_id: `${P}-MBAD`, source_updated_at: '2030-01-01T00:00:00Z' };
    await nc.jetstream().publish(SUBJECTS.shopfloor.machinesUpserted, codec.encode({ sync_id: syncId, records: [good, bad] }));
    await waitFor(
      'both consumers to report the bad record',
      async () => {
        const entries = (await quarantine()).filter((q) => q.primary_key === `${P}-MBAD`);
        return entries.length === 2 ? entries : undefined;
      },
      60_000,
      250,
    ).then((entries) => {
      expect(entries.map((e) => e.rejected_by).sort()).toEqual(['analytics-shopfloor', 'ml-shopfloor']);
      expect(entries[0].reasons[0]).toContain('source_updated_at is not a UTC time');
    });
    await waitFor(
      'the good record applied',
      async () => (await pg.query<{ n: string }>(`SELECT name AS n FROM analytics.machines WHERE machine_id = $1`, [M1])).rows[0].n === 'Hermle C42 (renamed)',
    );
  });
});
