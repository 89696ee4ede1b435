import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceName } from '@shopfloor/contracts';
import {
  createSourceDatabase,
  createTestDatabase,
  freePort,
  ServiceProcess,
  TcpProxy,
  waitFor,
  type TestDatabase,
  type TestSourceDatabase,
} from '@shopfloor/testing';
import { mlPartOf, platformSummaries, sourceSummary, type Summary } from './consistency';
import { OwnServer } from '../own-server';
import { SupervisedPlatform } from './supervised-platform';
import { SteadyTraffic, type Endpoint, type TrafficCounts } from './traffic';
import { WebhookSink } from './webhook-sink';

const ADMIN_KEY = 'faults-bootstrap-admin-key-0123456789';
const JWT_SECRET = 'faults-jwt-secret-0123456789abcdef01234567';
const ALERT_MACHINE = 'FLT-ALERT';
const SYNC_INTERVAL_SECONDS = 2;
const SOURCE_CIRCUIT_OPEN_SECONDS = 5;

/** One line of the table printed at the end. */
interface Row {
  injection: string;
  faultSeconds: number;
  readySeconds: number | null;
  convergedSeconds: number | null;
  traffic: TrafficCounts;
  /** How the platform came back: for a kill, each process's time from kill -9 to ready. */
  recovery: string;
  notices: string;
  verdict: string;
}

const seconds = (ms: number): number => Math.round(ms / 100) / 10;
const wallTime = (ms = Date.now()): string => new Date(ms).toISOString().slice(0, 23).replace('T', ' ');

/**
 * The whole platform, two processes of every service kept alive by the `npm start` supervisor, under a live simulated
 * shop floor and a steady stream of API reads, while faults are injected one after another: kill -9 of each process,
 * a restart of NATS, PostgreSQL connections dropped, the CIMCO source unreachable, Redis gone. NATS and Redis are
 * servers of this suite's own, PostgreSQL and the source are reached through TCP proxies it can cut: the machine's
 * shared services are never stopped. After each fault: every replica ready again without a hand, the read model
 * (analytics) and ml's copy equal to the source (counts and checksums; primary keys rule out duplicates), the
 * breakdown opened during the fault notified exactly once and its end exactly once, and every request answered
 * right or refused with the contract's 503.
 */
describe('the platform under faults', () => {
  let nats: OwnServer;
  let redis: OwnServer;
  let natsDir: string;
  let pgProxy: TcpProxy;
  let sourceProxy: TcpProxy;
  let source: TestSourceDatabase;
  let db: TestDatabase;
  let simulator: ChildProcess | undefined;
  let platform: SupervisedPlatform;
  const sink = new WebhookSink();
  let traffic: SteadyTraffic;
  const rows: Row[] = [];
  let machineIds: string[] = [];

  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${platform.publicUrl}${path}`, {
      method,
      headers: { 'X-API-Key': ADMIN_KEY, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };

  /** Holds the simulated shop floor still, so that the source stops moving while the platform is compared with it. */
  const paused = async <T>(work: () => Promise<T>): Promise<T> => {
    simulator?.kill('SIGSTOP');
    try {
      return await work();
    } finally {
      simulator?.kill('SIGCONT');
    }
  };

  /** Waits until analytics' read model and ml's copy equal the (paused) source; returns when, or throws the difference. */
  const converged = async (timeoutMs = 90_000): Promise<number> => {
    const expected = await sourceSummary(source.connection);
    let last: { analytics: Summary; ml: Summary } | undefined;
    const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
    await waitFor(
      'the read model and ml’s copy to equal the source',
      async () => {
        last = await platformSummaries(db.adminDatabaseUrl);
        return same(last.analytics, expected) && same(last.ml, mlPartOf(expected));
      },
      timeoutMs,
      250,
    ).catch(() => {
      throw new Error(
        `not converged after ${timeoutMs} ms:\nsource ${JSON.stringify(expected)}\nanalytics ${JSON.stringify(last?.analytics)}\nml ${JSON.stringify(last?.ml)}`,
      );
    });
    return Date.now();
  };

  const envOf = (service: ServiceName, port: number): Record<string, string> => {
    const database = new URL(db.serviceUrl(service));
    database.port = String(pgProxy.port);
    return {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      NATS_URL: `nats://127.0.0.1:${nats.port}`,
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      DATABASE_URL: database.toString(),
      OTEL_SDK_DISABLED: 'true',
      SHUTDOWN_TIMEOUT_MS: '10000',
      ...(service === 'gateway' ? { JWT_SECRET, BOOTSTRAP_ADMIN_API_KEY: ADMIN_KEY, RPC_TIMEOUT_MS: '4000', RATE_LIMIT_PER_MINUTE: '100000' } : {}),
      ...(service === 'ingestion'
        ? {
            CIMCO_DATABASE_URL: source.urlVia('127.0.0.1', sourceProxy.port),
            SYNC_INTERVAL_SECONDS: String(SYNC_INTERVAL_SECONDS),
            SOURCE_CIRCUIT_OPEN_SECONDS: String(SOURCE_CIRCUIT_OPEN_SECONDS),
            SYNC_BATCH_SIZE: '500',
          }
        : {}),
      // Training and scoring on their own would only add load here; ml still keeps its copy of the shop floor.
      ...(service === 'ml' ? { ML_AUTO_TRAIN_MIN_DAYS: '0', ML_RETRAIN_HOURS: '0', ML_SCORING_INTERVAL_SECONDS: '0' } : {}),
      ...(service === 'notification'
        ? { DELIVERY_POLL_MS: '200', ALERT_TICK_SECONDS: '1', DELIVERY_RETRY_BASE_SECONDS: '1', DELIVERY_RETRY_MAX_SECONDS: '4', DELIVERY_LEASE_SECONDS: '30' }
        : {}),
    };
  };

  beforeAll(async () => {
    natsDir = mkdtempSync(join(tmpdir(), 'faults-nats-'));
    const natsPort = await freePort();
    nats = new OwnServer('nats-server', 'nats-server', ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', natsDir], natsPort);
    const redisPort = await freePort();
    redis = new OwnServer('redis-server', 'redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], redisPort);
    await Promise.all([nats.start(), redis.start()]);

    db = await createTestDatabase('sf_faults');
    source = await createSourceDatabase('cimco_faults');
    pgProxy = new TcpProxy(await freePort(), '127.0.0.1', Number(new URL(db.adminUrl).port || 5432));
    sourceProxy = new TcpProxy(await freePort(), '127.0.0.1', Number(new URL(source.url).port || 3306));
    await Promise.all([pgProxy.start(), sourceProxy.start()]);

    // Half a day of history up to three hours ago, then the shop keeps running 20× faster than real time (six minutes of
    // suite are two simulated hours, still in the past): new events, readings, stops and job updates every second.
    const end = new Date(Date.now() - 3 * 3_600_000).toISOString();
    simulator = spawn(
      process.execPath,
      [
        ServiceProcess.mainPath('simulator'),
        '--database-url',
        source.url,
        '--machines',
        '6',
        '--machine-prefix',
        'FLT-',
        '--days',
        '0.5',
        '--readings-interval-s',
        '120',
        '--end',
        end,
        '--live',
        '--speed',
        '20',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      simulator?.stdout?.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        if (/^Live:/m.test(seen)) resolve();
      });
      simulator?.stderr?.on('data', (chunk: Buffer) => (seen += chunk.toString('utf8')));
      simulator?.once('exit', (code) => reject(new Error(`the simulator exited with ${code}:\n${seen}`)));
    });
    await source.connection.query(`INSERT INTO machines (machine_id, name, type, location) VALUES (?, 'Watched mill', 'MILL', 'Hall 9')`, [ALERT_MACHINE]);
    await source.connection.query(`INSERT INTO machine_events (machine_id, event_time, state) VALUES (?, ?, 'RUNNING')`, [
      ALERT_MACHINE,
      wallTime(Date.now() - 60_000),
    ]);

    await sink.start();
    platform = new SupervisedPlatform(envOf, 2);
    await platform.start();

    await admin('POST', '/api/v1/alerts/rules', {
      name: 'Watched mill stops',
      condition: 'machine_down_longer_than',
      params: { minutes: 0 },
      scope: { machine_ids: [ALERT_MACHINE] },
      severity: 'critical',
      // Every stop of the suite is an episode of its own, a minute or less after the previous one ended.
      cooldown_minutes: 0,
      channels: [{ type: 'webhook', url: sink.url, format: 'json' }],
    });
    const viewer = await admin<{ key: string }>('POST', '/api/v1/auth/api-keys', { name: 'wallboard', role: 'viewer' });
    const token = await fetch(`${platform.publicUrl}/api/v1/auth/token`, { method: 'POST', headers: { 'X-API-Key': viewer.key } }).then(
      (r) => r.json() as Promise<{ access_token: string }>,
    );

    await paused(() => converged(120_000));
    const [found] = await source.connection.query(`SELECT machine_id FROM machines ORDER BY machine_id`);
    machineIds = (found as { machine_id: string }[]).map((m) => m.machine_id);

    const day = 86_400_000;
    const everyMachine =
      (label: string) =>
      (body: unknown): string | null => {
        const items = (body as { items?: { machine_id: string }[] }).items;
        if (!Array.isArray(items)) return `${label} without items`;
        const missing = machineIds.filter((id) => !items.some((m) => m.machine_id === id));
        return missing.length > 0 ? `${label} lacks ${missing.join(', ')}` : null;
      };
    const endpoints: Endpoint[] = [
      { name: 'machines', path: () => '/api/v1/machines?limit=100', check: everyMachine('the machine list') },
      { name: 'live', path: () => '/api/v1/analytics/live', check: everyMachine('the live board') },
      {
        name: 'machine',
        path: (turn) => `/api/v1/machines/${encodeURIComponent(machineIds[turn % machineIds.length])}`,
        check: (body, path) =>
          path.endsWith(encodeURIComponent((body as { machine_id?: string }).machine_id ?? '?'))
            ? null
            : `another machine: ${JSON.stringify(body).slice(0, 100)}`,
      },
      {
        name: 'oee',
        path: (turn) => {
          const to = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
          return `/api/v1/analytics/oee?machine_id=${encodeURIComponent(machineIds[turn % machineIds.length])}&from=${new Date(to.getTime() - day).toISOString()}&to=${to.toISOString()}&granularity=hour`;
        },
        check: (body) => {
          const oee = body as { overall_oee?: unknown; series?: unknown[] };
          const value = oee.overall_oee;
          if (!(value === null || (typeof value === 'number' && value >= 0 && value <= 1))) return `overall_oee ${JSON.stringify(value)}`;
          return Array.isArray(oee.series) && oee.series.length === 24 ? null : `a series of ${oee.series?.length} hours`;
        },
      },
      {
        name: 'sync status',
        path: () => '/api/v1/data/sync-status',
        check: (body) => (typeof (body as { state?: unknown }).state === 'string' ? null : 'no state'),
      },
      { name: 'alerts', path: () => '/api/v1/alerts?limit=20', check: (body) => (Array.isArray((body as { items?: unknown }).items) ? null : 'no items') },
    ];
    traffic = new SteadyTraffic(() => platform.publicUrl, [{ 'X-API-Key': viewer.key }, { Authorization: `Bearer ${token.access_token}` }], endpoints, 3);
    traffic.start();
    await sleep(2_000);
  }, 300_000);

  afterAll(async () => {
    await traffic?.stop();
    printTable();
    simulator?.kill('SIGCONT');
    simulator?.kill('SIGTERM');
    await platform?.stop().catch(() => platform.killAll());
    await sink.stop();
    await pgProxy?.stop();
    await sourceProxy?.stop();
    await nats?.stop();
    await redis?.stop();
    await source?.drop();
    await db?.drop();
    if (natsDir) rmSync(natsDir, { recursive: true, force: true });
  }, 120_000);

  function printTable(): void {
    const header = ['injected', 'fault s', 'recovery', 'equal to source after s', 'requests', 'right', '503', 'resent', 'wrong', 'alert notices', 'checks'];
    const lines = rows.map((r) => [
      r.injection,
      String(r.faultSeconds),
      r.readySeconds === null ? 'not ready' : r.recovery,
      r.convergedSeconds === null ? '—' : String(r.convergedSeconds),
      String(r.traffic.requests),
      String(r.traffic.ok),
      String(r.traffic.unavailable),
      String(r.traffic.resent),
      String(r.traffic.wrong),
      r.notices,
      r.verdict,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    const format = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
    const wrong = traffic?.wrongAnswers.slice(0, 10).map((w) => `  ${w.at} ${w.what}`) ?? [];
    console.log(
      [
        'Fault injection (2 replicas of every service; times from the end of the fault)',
        format(header),
        widths.map((w) => '-'.repeat(w)).join('-|-'),
        ...lines.map(format),
        ...(wrong.length > 0 ? ['First wrong answers:', ...wrong] : []),
      ].join('\n'),
    );
  }

  /**
   * One fault: the watched machine stops at the source and its alert is notified, then the fault is injected (the
   * machine runs again meanwhile), then everything is checked. `inject` does the damage and the repair and returns how
   * long the fault lasted.
   */
  async function underFault(injection: string, inject: () => Promise<{ faultMs: number; recovery?: string }>): Promise<void> {
    const mark = traffic.mark();
    traffic.resetSlowest();
    const before = new Set(sink.noticesOf(ALERT_MACHINE).keys());
    await source.connection.query(`INSERT INTO machine_events (machine_id, event_time, state, reason_code) VALUES (?, ?, 'DOWN', 'SPINDLE')`, [
      ALERT_MACHINE,
      wallTime(),
    ]);
    const alertId = await waitFor(
      'the stop of the watched machine notified',
      () => [...sink.noticesOf(ALERT_MACHINE).keys()].find((id) => !before.has(id)),
      120_000,
      100,
    );

    const faultStarted = Date.now();
    const repaired = inject();
    await sleep(300);
    await source.connection.query(`INSERT INTO machine_events (machine_id, event_time, state) VALUES (?, ?, 'RUNNING')`, [ALERT_MACHINE, wallTime()]);
    const { faultMs, recovery } = await repaired;
    const restoredAt = faultStarted + faultMs;
    const row: Row = {
      injection,
      faultSeconds: seconds(faultMs),
      readySeconds: null,
      convergedSeconds: null,
      traffic: traffic.since(mark),
      recovery: recovery ?? '',
      notices: '',
      verdict: 'failed',
    };
    rows.push(row);
    const problems: string[] = [];
    try {
      await platform.allReady(90_000);
      row.readySeconds = seconds(Math.max(0, Date.now() - restoredAt));
      row.recovery ||= `every replica ready ${row.readySeconds} s after`;
      const at = await paused(() => converged());
      row.convergedSeconds = seconds(at - restoredAt);
      await waitFor('the end of the stop notified', () => sink.noticesOf(ALERT_MACHINE).get(alertId)?.events.has('alert.resolved'), 120_000, 100);
    } catch (error) {
      problems.push((error as Error).message);
    }
    await sleep(500);
    row.traffic = traffic.since(mark);
    const notices = sink.noticesOf(ALERT_MACHINE);
    const mine = notices.get(alertId);
    const opened = mine?.events.get('alert.opened')?.size ?? 0;
    const resolved = mine?.events.get('alert.resolved')?.size ?? 0;
    row.notices = `${opened} opened, ${resolved} resolved${mine && mine.calls > opened + resolved ? ` (${mine.calls - opened - resolved} resent with the same id)` : ''}`;
    if (opened !== 1 || resolved !== 1) problems.push(`the stop was notified ${opened}× and its end ${resolved}× (each must be exactly once)`);
    const newAlerts = [...notices.keys()].filter((id) => !before.has(id));
    if (newAlerts.length !== 1) problems.push(`${newAlerts.length} alerts for one stop of the watched machine`);
    // Nothing was given up on: a message a consumer could not apply would wait in the dead letters for a hand.
    const dead = await admin<{ items: { consumer: string; reason: string }[] }>('GET', '/api/v1/data/dead-letters?limit=10').catch((error: Error) => ({
      items: [{ consumer: '?', reason: error.message }],
    }));
    if (dead.items.length > 0) problems.push(`dead letters: ${dead.items.map((d) => `${d.consumer}: ${d.reason}`).join('; ')}`);
    if (row.traffic.wrong > 0) problems.push(`${row.traffic.wrong} wrong answers, first: ${traffic.wrongAnswers.slice(-row.traffic.wrong)[0]?.what}`);
    row.verdict = problems.length === 0 ? 'all hold' : 'FAILED';
    if (problems.length > 0) {
      const tails = platform.units.map((u) => `--- ${u.id} (restarts ${u.restarts})\n${(platform.logs.get(u.id) ?? []).slice(-8).join('\n')}`).join('\n');
      throw new Error(`${injection}:\n  ${problems.join('\n  ')}\n${tails}`);
    }
  }

  it('starts equal to the source, every replica ready', async () => {
    await underFault('nothing (baseline)', async () => {
      await sleep(2_000);
      return { faultMs: 2_000 };
    });
  }, 420_000);

  for (const service of ['gateway', 'ingestion', 'analytics', 'ml', 'notification'] as const) {
    it(`survives kill -9 of each ${service} replica`, async () => {
      await underFault(`kill -9 ${service}-1, then ${service}-2`, async () => {
        const started = Date.now();
        const back: string[] = [];
        for (const id of [`${service}-1`, `${service}-2`]) {
          // A full sync in flight when ingestion dies: its batches must neither be lost nor counted twice.
          if (id === 'ingestion-1')
            await waitFor('a full sync to be accepted', () => admin('POST', '/api/v1/data/sync', { mode: 'full' }).catch(() => undefined), 30_000, 200);
          const unit = platform.unit(id);
          const restarts = unit.restarts;
          const killedAt = Date.now();
          await platform.kill(id);
          await waitFor(`${id} started again`, () => unit.restarts > restarts && unit.pid !== null, 30_000, 50);
          await waitFor(`${id} ready again`, () => platform.ready(unit), 60_000, 100);
          back.push(`${id} ${seconds(Date.now() - killedAt)} s`);
        }
        return { faultMs: Date.now() - started, recovery: `ready after kill: ${back.join(', ')}` };
      });
    }, 420_000);
  }

  it('survives a restart of NATS', async () => {
    await underFault('NATS restarted (down 3 s)', async () => {
      const started = Date.now();
      await nats.stop('SIGTERM');
      await sleep(3_000);
      await nats.start();
      return { faultMs: Date.now() - started };
    });
  }, 420_000);

  it('survives every PostgreSQL connection dropped and the server refusing new ones through a failover', async () => {
    // Longer than a consumer's retries of one message (about 8 s): an outage must be waited out, not dead-lettered.
    await underFault('PostgreSQL connections dropped (refused 15 s) while a full sync is applied', async () => {
      // A full sync under way: analytics and ml have batches in hand and waiting when their database goes.
      // (A scheduled sync may hold the lock for a moment: 409 until it is done.)
      const { sync_id: syncId } = await waitFor(
        'a full sync to be accepted',
        () => admin<{ sync_id: string }>('POST', '/api/v1/data/sync', { mode: 'full' }).catch(() => undefined),
        30_000,
        200,
      );
      await waitFor(
        'the full sync to be under way',
        async () => {
          const status = await admin<{ last_run?: { sync_id: string; progress: number } }>('GET', '/api/v1/data/sync-status');
          return status.last_run?.sync_id === syncId && status.last_run.progress >= 0.3;
        },
        60_000,
        50,
      );
      const started = Date.now();
      await pgProxy.stop();
      await sleep(15_000);
      await pgProxy.start();
      return { faultMs: Date.now() - started };
    });
  }, 420_000);

  it('survives the source unreachable and back', async () => {
    await underFault(`CIMCO source unreachable 10 s (circuit opens for ${SOURCE_CIRCUIT_OPEN_SECONDS} s)`, async () => {
      const started = Date.now();
      await sourceProxy.stop();
      // The outage is seen as one: the sync status says the source cannot be reached, while the API keeps answering.
      await waitFor(
        'the sync status to show the source unreachable',
        async () => {
          const status = await admin<{ source: { reachable: boolean; circuit: string } }>('GET', '/api/v1/data/sync-status');
          return !status.source.reachable || status.source.circuit !== 'closed';
        },
        10_000,
        200,
      );
      await sleep(Math.max(0, 10_000 - (Date.now() - started)));
      await sourceProxy.start();
      return { faultMs: Date.now() - started };
    });
  }, 420_000);

  it('survives Redis gone and back', async () => {
    await underFault('Redis killed, back empty after 5 s', async () => {
      const started = Date.now();
      await redis.stop('SIGKILL');
      await sleep(5_000);
      await redis.start();
      return { faultMs: Date.now() - started };
    });
  }, 420_000);
});
