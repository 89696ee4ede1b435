#!/usr/bin/env node
// Ingestion benchmark: a generated CIMCO source with ROWS machine_events and ROWS machine_readings (default 1M each)
// is synced end to end (MySQL → ingestion → JetStream → analytics → PostgreSQL) by the built services; the same rows
// are then loaded by one COPY into PostgreSQL for comparison. Prints end-to-end rows/s, the COPY rate and their ratio,
// each process's peak RSS, and the incremental latency from a source insert to visibility through the API (p50/p95)
// with a 1 s polling interval.
//
//   npm run build && node bench/ingest/run.mjs [--rows 1000000] [--latency-samples 40]
//
// Uses the local services (DATABASE_ADMIN_URL, NATS_URL, REDIS_URL, CIMCO_ADMIN_DATABASE_URL as for npm start).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { connect, JSONCodec } from 'nats';
import { cpuByProgram, cpuDelta } from '../lib/services.mjs';

const root = new URL('../..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const { provision, serviceUrl } = require(join(root, 'tools/db/provision.cjs'));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 1_000_000);
// The services run with the heap bound their images set (deploy/docker/Dockerfile); BENCH_NODE_OPTIONS overrides it.
const SERVICE_NODE_OPTIONS = '--max-old-space-size=256';
const LATENCY_SAMPLES = arg('latency-samples', 40);
const MACHINES = 50;
const env = process.env;
const adminUrl = env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const mysqlServer = new URL(env.CIMCO_ADMIN_DATABASE_URL || 'mysql://root@127.0.0.1:3306');
const natsUrl = env.NATS_URL || 'nats://127.0.0.1:4222';
const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
const tag = `bench_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const codec = JSONCodec();
const log = (...a) => console.log(...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function ddl() {
  return readFileSync(join(root, '..', 'shared', 'cimco-source.sql'), 'utf8')
    .replace(/--[^\n]*\n/g, '\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

async function freePort() {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function startService(name, extra) {
  const profile = env.BENCH_PROFILE === name ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'tmp', 'profiles')}`] : [];
  const child = spawn(process.execPath, [...profile, join(root, 'dist/apps', name, 'apps', name, 'src/main.js')], {
    env: {
      PATH: env.PATH,
      NATS_URL: natsUrl,
      REDIS_URL: redisUrl,
      OTEL_SDK_DISABLED: 'true',
      LOG_LEVEL: env.BENCH_LOG_LEVEL || 'warn',
      NODE_OPTIONS: env.BENCH_NODE_OPTIONS ?? SERVICE_NODE_OPTIONS,
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (c) => {
    out += c;
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  if (env.BENCH_LOG_DIR) {
    const file = createWriteStream(join(env.BENCH_LOG_DIR, `${name}.log`), { flags: 'a' });
    child.stdout.pipe(file);
    child.stderr.pipe(file);
  }
  return { child, output: () => out };
}

async function waitHttp(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} not ready`);
}

function peakRssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

async function rpc(nc, subject, payload) {
  const msg = await nc.request(subject, codec.encode(payload), { timeout: 15_000 });
  const reply = codec.decode(msg.data);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.data;
}

const my = await mysql.createConnection({
  host: mysqlServer.hostname,
  port: Number(mysqlServer.port || 3306),
  user: decodeURIComponent(mysqlServer.username || 'root'),
  password: decodeURIComponent(mysqlServer.password),
  multipleStatements: false,
});
const processes = [];
let pgAdmin;
try {
  // ---- source -------------------------------------------------------------------------------------------------
  log(`Generating a source with ${MACHINES} machines, ${ROWS.toLocaleString()} machine_events and ${ROWS.toLocaleString()} machine_readings...`);
  await my.query(`CREATE DATABASE ${tag}`);
  await my.changeUser({ database: tag });
  for (const s of ddl()) await my.query(s);
  await my.query(
    `INSERT INTO machines (machine_id, name, type, location) SELECT CONCAT('B-M', seq), CONCAT('Machine ', seq), 'MILL', 'Hall 1' FROM seq_1_to_${MACHINES}`,
  );
  await my.query(`INSERT INTO jobs (job_id, machine_id, part_number, start_time, end_time, state, ideal_cycle_time, cycle_time, parts_produced, parts_scrapped)
    SELECT CONCAT('B-J', seq), CONCAT('B-M', 1 + seq % ${MACHINES}), 'P-1', '2026-01-01 06:00:00' + INTERVAL seq HOUR, '2026-01-01 06:50:00' + INTERVAL seq HOUR, 'COMPLETED', 30, 32, 90, 1 FROM seq_1_to_1000`);
  const genStart = Date.now();
  await my.query(
    `INSERT INTO machine_events (machine_id, event_time, state, part_count) SELECT CONCAT('B-M', 1 + seq % ${MACHINES}), '2026-01-01 00:00:00' + INTERVAL seq SECOND, IF(seq % 10 = 0, 'DOWN', 'RUNNING'), seq FROM seq_1_to_${ROWS}`,
  );
  await my.query(
    `INSERT INTO machine_readings (machine_id, reading_time, metric, value, unit) SELECT CONCAT('B-M', 1 + seq % ${MACHINES}), '2026-01-01 00:00:00' + INTERVAL seq SECOND, 'spindle_load', 40 + seq % 50, '%' FROM seq_1_to_${ROWS}`,
  );
  log(`  generated in ${((Date.now() - genStart) / 1000).toFixed(1)} s`);
  const total = MACHINES + 1000 + 2 * ROWS;

  // ---- platform -----------------------------------------------------------------------------------------------
  await provision({ adminUrl, database: tag });
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${tag}`;
  pgAdmin = new pg.Client({ connectionString: dbUrl.toString() });
  await pgAdmin.connect();
  const cimcoUrl = new URL(mysqlServer.toString());
  cimcoUrl.pathname = `/${tag}`;
  const ports = { gateway: await freePort(), ingestion: await freePort(), analytics: await freePort() };
  const adminKey = `sfk_${randomBytes(24).toString('base64url')}`;
  const analytics = startService('analytics', { PORT: String(ports.analytics), DATABASE_URL: serviceUrl(adminUrl, tag, 'analytics') });
  const ingestion = startService('ingestion', {
    PORT: String(ports.ingestion),
    DATABASE_URL: serviceUrl(adminUrl, tag, 'ingestion'),
    CIMCO_DATABASE_URL: cimcoUrl.toString(),
    SYNC_INTERVAL_SECONDS: '0',
    ...(env.SYNC_PAGE_SIZE ? { SYNC_PAGE_SIZE: env.SYNC_PAGE_SIZE } : {}),
  });
  const gateway = startService('gateway', {
    PORT: String(ports.gateway),
    DATABASE_URL: serviceUrl(adminUrl, tag, 'gateway'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    BOOTSTRAP_ADMIN_API_KEY: adminKey,
    RATE_LIMIT_PER_MINUTE: '100000',
  });
  processes.push(analytics, ingestion, gateway);
  await Promise.all(Object.values(ports).map((p) => waitHttp(`http://127.0.0.1:${p}/health`)));
  const nc = await connect({ servers: natsUrl });

  // ---- end-to-end full sync -----------------------------------------------------------------------------------
  const count = async () => {
    const r =
      await pgAdmin.query(`SELECT (SELECT COUNT(*) FROM analytics.machines WHERE machine_id LIKE 'B-%') + (SELECT COUNT(*) FROM analytics.jobs WHERE machine_id LIKE 'B-%')
      + (SELECT COUNT(*) FROM analytics.machine_events WHERE machine_id LIKE 'B-%') + (SELECT COUNT(*) FROM analytics.machine_readings WHERE machine_id LIKE 'B-%') AS n`);
    return Number(r.rows[0].n);
  };
  log(`Full sync of ${total.toLocaleString()} rows...`);
  // Counting millions of rows takes a good part of a core, so while ingestion is still publishing, progress comes from
  // its sync status; the read model is counted only once everything is published, until every row is visible.
  await pgAdmin.query('CHECKPOINT');
  const cpu0 = cpuByProgram();
  const t0 = Date.now();
  await rpc(nc, 'ingestion.sync.start', { mode: 'full' });
  let lastLog = 0;
  for (;;) {
    await sleep(250);
    const status = await rpc(nc, 'ingestion.sync.status', {});
    const run = status.last_run;
    if (run?.state === 'failed') throw new Error(`sync failed: ${run.error}\n--- ingestion\n${ingestion.output().slice(-3000)}`);
    if (run?.state === 'succeeded') break;
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      const published = run ? Object.values(run.counts).reduce((a, b) => a + b, 0) : 0;
      log(`  ${published.toLocaleString()} rows published after ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    if (Date.now() - t0 > 30 * 60_000) throw new Error('full sync did not finish within 30 minutes');
  }
  log(`  all published after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  let seen = 0;
  let lastChange = Date.now();
  while (seen < total) {
    const now = await count();
    if (now !== seen) lastChange = Date.now();
    seen = now;
    if (seen >= total) break;
    if (Date.now() - lastChange > 60_000) {
      throw new Error(
        `no progress for 60 s at ${seen} rows\n--- ingestion\n${ingestion.output().slice(-3000)}\n--- analytics\n${analytics.output().slice(-3000)}`,
      );
    }
    await sleep(100);
  }
  const e2eSeconds = (Date.now() - t0) / 1000;
  const e2eRate = total / e2eSeconds;
  const cpuFull = cpuDelta(cpu0, cpuByProgram());

  // ---- COPY baseline ------------------------------------------------------------------------------------------
  const csv = join(tmpdir(), `${tag}.csv`);
  const file = createWriteStream(csv);
  for (const table of ['machine_events', 'machine_readings']) {
    const [rows] = await my.query(
      table === 'machine_events'
        ? 'SELECT event_id, machine_id, event_time, state, part_count FROM machine_events'
        : 'SELECT reading_id, machine_id, reading_time, metric, value FROM machine_readings',
    );
    for (const r of rows) {
      const v = Object.values(r).map((x) => (x instanceof Date ? x.toISOString() : x));
      if (!file.write(`${table === 'machine_events' ? 'e' : 'r'},${v.join(',')}\n`)) await once(file, 'drain');
    }
  }
  file.end();
  await once(file, 'finish');
  // The baseline loads the same rows into tables shaped like the read model's (same columns, same indexes), after the
  // sync's dirty pages are written out and its tables vacuumed, so that neither run pays for the other.
  await pgAdmin.query('VACUUM ANALYZE analytics.machine_events, analytics.machine_readings');
  await pgAdmin.query('CHECKPOINT');
  await pgAdmin.query('CREATE TABLE public.copy_events (LIKE analytics.machine_events INCLUDING ALL)');
  await pgAdmin.query('CREATE TABLE public.copy_readings (LIKE analytics.machine_readings INCLUDING ALL)');
  await pgAdmin.query(
    'CREATE TABLE public.copy_narrow (kind char(1), id bigint, machine_id varchar(50), at timestamptz, label varchar(50), value double precision, PRIMARY KEY (kind, id))',
  );
  const timedCopy = (commands) => {
    const c0 = Date.now();
    for (const command of commands) {
      const copy = spawnSync('psql', [dbUrl.toString(), '-q', '-c', command], { encoding: 'utf8' });
      if (copy.status !== 0) throw new Error(`COPY failed: ${copy.stderr}`);
    }
    return (Date.now() - c0) / 1000;
  };
  const csvParts = [join(tmpdir(), `${tag}.e.csv`), join(tmpdir(), `${tag}.r.csv`)];
  spawnSync('sh', ['-c', `grep ^e, ${csv} | cut -d, -f2- > ${csvParts[0]} && grep ^r, ${csv} | cut -d, -f2- > ${csvParts[1]}`]);
  const copySeconds = timedCopy([
    `\\copy public.copy_events (event_id, machine_id, event_time, state, part_count) FROM '${csvParts[0]}' CSV`,
    `\\copy public.copy_readings (reading_id, machine_id, reading_time, metric, value) FROM '${csvParts[1]}' CSV`,
  ]);
  const copyRate = (2 * ROWS) / copySeconds;
  await pgAdmin.query('CHECKPOINT');
  const narrowSeconds = timedCopy([`\\copy public.copy_narrow FROM '${csv}' CSV`]);
  const narrowRate = (2 * ROWS) / narrowSeconds;
  for (const part of csvParts) rmSync(part, { force: true });
  rmSync(csv, { force: true });

  // ---- incremental latency ------------------------------------------------------------------------------------
  const rssIngestionFull = peakRssMb(ingestion.child.pid);
  ingestion.child.kill('SIGTERM');
  await once(ingestion.child, 'exit');
  const incremental = startService('ingestion', {
    PORT: String(ports.ingestion),
    DATABASE_URL: serviceUrl(adminUrl, tag, 'ingestion'),
    CIMCO_DATABASE_URL: cimcoUrl.toString(),
    SYNC_INTERVAL_SECONDS: '1',
  });
  processes.push(incremental);
  await waitHttp(`http://127.0.0.1:${ports.ingestion}/health`);
  await sleep(1500);
  const latencies = [];
  for (let i = 0; i < LATENCY_SAMPLES; i += 1) {
    const jobId = `LAT-${i}`;
    const inserted = Date.now();
    await my.query(
      `INSERT INTO jobs (job_id, machine_id, part_number, start_time, state) VALUES (?, 'B-M1', 'P-LAT', '2026-06-01 00:00:00' + INTERVAL ? MINUTE, 'RUNNING')`,
      [jobId, i],
    );
    for (;;) {
      const res = await fetch(`http://127.0.0.1:${ports.gateway}/api/v1/machines/B-M1/jobs?from=2026-06-01T00:00:00Z&to=2026-06-02T00:00:00Z&limit=5000`, {
        headers: { 'X-API-Key': adminKey },
      });
      const body = await res.json();
      if (res.status === 200 && body.items.some((j) => j.job_id === jobId)) break;
      if (Date.now() - inserted > 30_000) throw new Error(`${jobId} not visible after 30 s`);
      await sleep(25);
    }
    latencies.push(Date.now() - inserted);
    await sleep(200 + Math.random() * 400);
  }
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];

  log('\nResults');
  log(`  end-to-end full sync: ${total.toLocaleString()} rows in ${e2eSeconds.toFixed(1)} s = ${Math.round(e2eRate).toLocaleString()} rows/s`);
  log(
    `  COPY of the ${(2 * ROWS).toLocaleString()} event and reading rows into tables shaped like the read model's: ${copySeconds.toFixed(1)} s = ${Math.round(copyRate).toLocaleString()} rows/s`,
  );
  log(
    `  (for reference, the same rows by COPY into one narrow table with only a primary key: ${narrowSeconds.toFixed(1)} s = ${Math.round(narrowRate).toLocaleString()} rows/s, ratio ${((100 * e2eRate) / narrowRate).toFixed(1)} %)`,
  );
  log(`  CPU time during the full sync: ${cpuFull}`);
  log(`  ratio end-to-end / COPY: ${((100 * e2eRate) / copyRate).toFixed(1)} %`);
  log(
    `  peak RSS: ingestion ${rssIngestionFull ?? '?'} MB (full sync), analytics ${peakRssMb(analytics.child.pid) ?? '?'} MB, gateway ${peakRssMb(gateway.child.pid) ?? '?'} MB`,
  );
  log(
    `  incremental latency, source insert → visible through the API (SYNC_INTERVAL_SECONDS=1, ${latencies.length} samples): p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${latencies[latencies.length - 1]} ms`,
  );
  await nc.close();
} finally {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGTERM');
  await sleep(1500);
  await my.query(`DROP DATABASE IF EXISTS ${tag}`).catch(() => undefined);
  await my.end();
  await pgAdmin?.end();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${tag} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}
