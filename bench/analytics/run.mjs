#!/usr/bin/env node
// Analytics benchmark: a simulated shop floor (50 machines × 1 year by default) synced into the read model, then
//  - OEE of one machine over 30 days with a day series, and of all machines over a week, through the gateway:
//    p50/p95 uncached (every request a new period, so nothing is cached) and cached;
//  - the same numbers computed by one hand-written SQL query, timed in psql in the same run, and the ratio;
//  - throughput of the cached call with autocannon.
//
//   npm run build && node bench/analytics/run.mjs [--machines 50] [--days 365] [--samples 40] [--cached-samples 1000] [--seconds 10]
//
// Uses the local services (DATABASE_ADMIN_URL, NATS_URL, REDIS_URL, CIMCO_ADMIN_DATABASE_URL as for npm start).
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import autocannon from 'autocannon';
import mysql from 'mysql2/promise';
import { connect } from 'nats';
import pg from 'pg';
import { allMachinesSql, machineDaySeriesSql } from './oee-sql.mjs';
import { cpuByProgram, cpuDelta, freePort, peakRssMb, percentile, root, rpc, sleep, startService, waitHttp } from '../lib/services.mjs';

const require = createRequire(import.meta.url);
const { provision, serviceUrl } = require(join(root, 'tools/db/provision.cjs'));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const MACHINES = arg('machines', 50);
const DAYS = arg('days', 365);
const SAMPLES = arg('samples', 40);
const SECONDS = arg('seconds', 10);
const CACHED_SAMPLES = arg('cached-samples', 1000);
const UNTIL = '2026-11-01T00:00:00.000Z';
const env = process.env;
const adminUrl = env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const mysqlServer = new URL(env.CIMCO_ADMIN_DATABASE_URL || 'mysql://root@127.0.0.1:3306');
const natsUrl = env.NATS_URL || 'nats://127.0.0.1:4222';
const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
const tag = `bench_an_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const log = (...a) => console.log(...a);
const iso = (ms) => new Date(ms).toISOString();
const ms = (x) => `${x.toFixed(1)} ms`;

const processes = [];
const cimcoUrl = new URL(mysqlServer.toString());
cimcoUrl.pathname = `/${tag}`;
let pgAdmin;
try {
  // ---- source and sync ------------------------------------------------------------------------------------------
  log(`Simulating ${MACHINES} machines × ${DAYS} days...`);
  const sim = spawnSync(
    process.execPath,
    [
      join(root, 'dist/apps/simulator/apps/simulator/src/main.js'),
      '--database-url',
      cimcoUrl.toString(),
      '--machines',
      String(MACHINES),
      '--days',
      String(DAYS),
      '--readings-interval-s',
      '0',
      '--until',
      UNTIL,
      '--reset',
    ],
    { encoding: 'utf8' },
  );
  if (sim.status !== 0) throw new Error(`simulator failed: ${sim.stderr}`);
  log(
    sim.stdout
      .trim()
      .split('\n')
      .slice(-7)
      .map((l) => `  ${l}`)
      .join('\n'),
  );

  await provision({ adminUrl, database: tag });
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${tag}`;
  pgAdmin = new pg.Client({ connectionString: dbUrl.toString() });
  await pgAdmin.connect();
  const ports = { gateway: await freePort(), ingestion: await freePort(), analytics: await freePort() };
  const adminKey = `sfk_${randomBytes(24).toString('base64url')}`;
  const common = { NATS_URL: natsUrl, REDIS_URL: redisUrl, NODE_OPTIONS: env.BENCH_NODE_OPTIONS ?? '--max-old-space-size=256' };
  const analytics = startService('analytics', {
    ...common,
    PORT: String(ports.analytics),
    DATABASE_URL: serviceUrl(adminUrl, tag, 'analytics'),
    LIVE_SILENCE_SECONDS: '86400',
  });
  const ingestion = startService('ingestion', {
    ...common,
    PORT: String(ports.ingestion),
    DATABASE_URL: serviceUrl(adminUrl, tag, 'ingestion'),
    CIMCO_DATABASE_URL: cimcoUrl.toString(),
    SYNC_INTERVAL_SECONDS: '0',
  });
  const gateway = startService('gateway', {
    ...common,
    PORT: String(ports.gateway),
    DATABASE_URL: serviceUrl(adminUrl, tag, 'gateway'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    BOOTSTRAP_ADMIN_API_KEY: adminKey,
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  processes.push(analytics, ingestion, gateway);
  await Promise.all(Object.values(ports).map((p) => waitHttp(`http://127.0.0.1:${p}/health`))).catch((error) => {
    throw new Error(
      `${error.message}\n--- gateway\n${gateway.output().slice(-2000)}\n--- analytics\n${analytics.output().slice(-2000)}\n--- ingestion\n${ingestion.output().slice(-2000)}`,
    );
  });
  const nc = await connect({ servers: natsUrl });
  log('Full sync...');
  const t0 = Date.now();
  await rpc(nc, 'ingestion.sync.start', { mode: 'full' });
  for (;;) {
    await sleep(500);
    const run = (await rpc(nc, 'ingestion.sync.status', {})).last_run;
    if (run?.state === 'failed') throw new Error(`sync failed: ${run.error}`);
    if (run?.state === 'succeeded') break;
  }
  const my = await mysql.createConnection(cimcoUrl.toString());
  const [[src]] = await my.query(
    'SELECT (SELECT COUNT(*) FROM jobs) AS jobs, (SELECT COUNT(*) FROM downtime_records) AS stops, (SELECT COUNT(*) FROM machine_events) AS events',
  );
  await my.end();
  for (;;) {
    // Everything, events included: measuring while the read model still takes in events would time the sync too.
    const { rows } = await pgAdmin.query(
      'SELECT (SELECT COUNT(*) FROM analytics.jobs) AS jobs, (SELECT COUNT(*) FROM analytics.downtime_records) AS stops, (SELECT COUNT(*) FROM analytics.machine_events) AS events',
    );
    if (Number(rows[0].jobs) >= Number(src.jobs) && Number(rows[0].stops) >= Number(src.stops) && Number(rows[0].events) >= Number(src.events)) break;
    await sleep(1000);
  }
  log(`  ${src.jobs} jobs, ${src.stops} stops and ${src.events} events in the read model after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await pgAdmin.query('VACUUM ANALYZE analytics.jobs, analytics.downtime_records, analytics.machines, analytics.machine_events');
  await pgAdmin.query('CHECKPOINT');
  // Time on a quiet machine: what the sync wrote is on disk, and no autovacuum is still working through it.
  spawnSync('sync');
  for (let i = 0; i < 120; i += 1) {
    const { rows } = await pgAdmin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'");
    if (rows[0].n === 0) break;
    await sleep(1000);
  }
  const machineId = (await pgAdmin.query('SELECT machine_id FROM analytics.machines ORDER BY machine_id LIMIT 1')).rows[0].machine_id;

  // ---- latency through the gateway --------------------------------------------------------------------------------
  const end = Date.parse(UNTIL);
  const cases = [
    {
      name: `one machine (${machineId}), 30 days, day series`,
      query: (shift) => ({ machine_id: machineId, from: iso(end - 30 * 86_400_000 + shift), to: iso(end + shift), granularity: 'day' }),
      sql: machineDaySeriesSql(machineId, iso(end - 30 * 86_400_000), iso(end)),
    },
    {
      name: 'all machines, 7 days',
      query: (shift) => ({ from: iso(end - 7 * 86_400_000 + shift), to: iso(end + shift) }),
      sql: allMachinesSql(iso(end - 7 * 86_400_000), iso(end)),
    },
  ];
  const base = `http://127.0.0.1:${ports.gateway}`;
  // Clients use keys of their own (looked up in the gateway's database), not the bootstrap key.
  const created = await fetch(`${base}/api/v1/auth/api-keys`, {
    method: 'POST',
    headers: { 'X-API-Key': adminKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'bench viewer', role: 'viewer' }),
  });
  if (created.status !== 201) throw new Error(`could not create a viewer key: ${created.status} ${await created.text()}`);
  const viewerKey = (await created.json()).key;
  // A lean client (node:http, one kept-alive connection) so that the figures are the platform's, not the client's.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (query) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.get(`${base}/api/v1/analytics/oee?${new URLSearchParams(query)}`, { agent, headers: { 'X-API-Key': viewerKey } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const elapsed = performance.now() - started;
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (res.statusCode !== 200) reject(new Error(`${res.statusCode}: ${JSON.stringify(body)}`));
          else resolve({ elapsed, body });
        });
      });
      req.on('error', reject);
    });
  const results = [];
  for (const c of cases) {
    await get(c.query(-1000)); // warms the process, not this query's cache entry
    const uncached = [];
    for (let i = 0; i < SAMPLES; i += 1) uncached.push((await get(c.query(i * 1000 + 1))).elapsed);
    const { body } = await get(c.query(0));
    // Warm (JIT, connections) before timing, then enough requests for a stable p95.
    for (let i = 0; i < 100; i += 1) await get(c.query(0));
    const cached = [];
    const cpuBefore = cpuByProgram();
    for (let i = 0; i < CACHED_SAMPLES; i += 1) cached.push((await get(c.query(0))).elapsed);
    const cachedCpu = cpuDelta(cpuBefore, cpuByProgram(), 0.05);
    // The same cached answer asked of analytics directly over NATS: what the gateway's HTTP side adds.
    const direct = [];
    for (let i = 0; i < 100; i += 1) await rpc(nc, 'analytics.oee.get', c.query(0));
    for (let i = 0; i < CACHED_SAMPLES; i += 1) {
      const started = performance.now();
      await rpc(nc, 'analytics.oee.get', c.query(0));
      direct.push(performance.now() - started);
    }
    // The same question by one hand-written SQL query, timed by psql itself.
    const script = `\\timing on\n${Array.from({ length: SAMPLES }, () => `${c.sql.replace(/\s+/g, ' ')};`).join('\n')}\n`;
    const psql = spawnSync('psql', [dbUrl.toString(), '-q', '-X', '-o', '/dev/null'], { input: script, encoding: 'utf8' });
    if (psql.status !== 0) throw new Error(`psql failed: ${psql.stderr}`);
    const sqlTimes = [...psql.stdout.matchAll(/Time: ([\d.]+) ms/g)].map((m) => Number(m[1]));
    const sqlRows = (await pgAdmin.query(c.sql)).rows;
    const sqlOee = sqlRows.length === 1 ? sqlRows[0].availability * sqlRows[0].performance * sqlRows[0].quality : null;
    [uncached, cached, direct, sqlTimes].forEach((list) => list.sort((a, b) => a - b));
    results.push({
      c,
      uncached,
      cached,
      cachedCpu,
      direct,
      sqlTimes,
      apiOee: body.overall_oee,
      sqlOee,
      series: body.series.length,
      sqlRows: sqlRows.length,
      apiSeries: body.series,
      sqlSeries: sqlRows,
    });
  }

  // ---- throughput of the cached call ------------------------------------------------------------------------------
  const cannon = await autocannon({
    url: `${base}/api/v1/analytics/oee?${new URLSearchParams(cases[0].query(0))}`,
    headers: { 'X-API-Key': viewerKey },
    connections: 10,
    duration: SECONDS,
  });

  // The platform's floor for comparison: a small request/reply through the gateway, and the gateway alone.
  const floor = async (path, headers) =>
    (await autocannon({ url: `${base}${path}`, headers, connections: 10, duration: Math.max(3, Math.round(SECONDS / 2)) })).requests.average;
  const floorRpc = await floor('/api/v1/calendars/default', { 'X-API-Key': viewerKey });
  const floorHealth = await floor('/health', {});

  log('\nResults');
  for (const r of results) {
    log(`  ${r.c.name}`);
    log(`    uncached through the gateway: p50 ${ms(percentile(r.uncached, 50))}, p95 ${ms(percentile(r.uncached, 95))} (${r.uncached.length} requests)`);
    log(
      `    cached through the gateway:   p50 ${ms(percentile(r.cached, 50))}, p95 ${ms(percentile(r.cached, 95))}, p99 ${ms(percentile(r.cached, 99))} (${r.cached.length} requests)`,
    );
    log(`    CPU time while timing the cached calls: ${r.cachedCpu}`);
    log(`    cached, asked of analytics over NATS directly: p50 ${ms(percentile(r.direct, 50))}, p95 ${ms(percentile(r.direct, 95))}`);
    log(`    hand-written SQL in psql:     p50 ${ms(percentile(r.sqlTimes, 50))}, p95 ${ms(percentile(r.sqlTimes, 95))} (${r.sqlTimes.length} runs)`);
    log(
      `    ratio uncached / SQL: p50 ${(percentile(r.uncached, 50) / percentile(r.sqlTimes, 50)).toFixed(2)}×, p95 ${(percentile(r.uncached, 95) / percentile(r.sqlTimes, 95)).toFixed(2)}×`,
    );
    if (r.sqlOee !== null) log(`    same answer: OEE ${r.apiOee?.toFixed(6)} (API) vs ${r.sqlOee.toFixed(6)} (SQL)`);
    else {
      const worst = r.apiSeries.reduce((acc, b, i) => Math.max(acc, Math.abs((b.availability ?? 0) - (r.sqlSeries[i]?.availability ?? 0))), 0);
      log(`    same answer: ${r.series} day buckets (API) vs ${r.sqlRows} rows (SQL), largest availability difference ${worst.toExponential(2)}`);
    }
  }
  log(
    `  cached call with autocannon (10 connections, ${SECONDS} s): ${Math.round(cannon.requests.average).toLocaleString()} requests/s, latency p50 ${cannon.latency.p50} ms, p99 ${cannon.latency.p99} ms, errors ${cannon.errors + cannon.non2xx}`,
  );
  log(
    `  for reference: a small request/reply through the gateway ${Math.round(floorRpc).toLocaleString()} requests/s, the gateway's /health alone ${Math.round(floorHealth).toLocaleString()} requests/s`,
  );
  log(`  peak RSS: analytics ${peakRssMb(analytics.child.pid)} MB, gateway ${peakRssMb(gateway.child.pid)} MB`);
  await nc.close();
} finally {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGTERM');
  await sleep(1500);
  const my = await mysql.createConnection(mysqlServer.toString()).catch(() => undefined);
  await my?.query(`DROP DATABASE IF EXISTS ${tag}`).catch(() => undefined);
  await my?.end();
  await pgAdmin?.end();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${tag} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}
