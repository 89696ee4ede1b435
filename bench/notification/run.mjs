#!/usr/bin/env node
// Notification benchmark, on the built services against a local SMTP server the benchmark runs itself:
//  - throughput: N breakdowns (AlertRaised on JetStream, one machine each) → N alerts → N e-mails received: alerts/s
//    from the first event published to the last e-mail accepted;
//  - latency: a machine goes DOWN at the CIMCO source (sync every second) → the e-mail arrives: p50/p95 over samples.
//
//   npm run build && node bench/notification/run.mjs [--alerts 500] [--samples 20]
//
// Uses the local services (DATABASE_ADMIN_URL, NATS_URL, REDIS_URL, CIMCO_ADMIN_DATABASE_URL as for npm start).
import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { connect, JSONCodec, headers as natsHeaders } from 'nats';
import { SMTPServer } from 'smtp-server';
import { cpuByProgram, cpuDelta, freePort, peakRssMb, percentile, root, sleep, startService, waitHttp } from '../lib/services.mjs';

const require = createRequire(import.meta.url);
const { provision, serviceUrl } = require(join(root, 'tools/db/provision.cjs'));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ALERTS = arg('alerts', 500);
const SAMPLES = arg('samples', 20);
const env = process.env;
const adminUrl = env.DATABASE_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const mysqlServer = new URL(env.CIMCO_ADMIN_DATABASE_URL || 'mysql://root@127.0.0.1:3306');
const natsUrl = env.NATS_URL || 'nats://127.0.0.1:4222';
const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
const tag = `bench_nt_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
const log = (...a) => console.log(...a);
const codec = JSONCodec();

// ---- the mail server: when each message arrived, by the machine its subject names ----------------------------------
const received = new Map();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, _session, callback) {
    let raw = '';
    stream.on('data', (chunk) => (raw += chunk.toString('utf8')));
    stream.on('end', () => {
      const machine = /(BN-[A-Z]+-\d+)/.exec(/^Subject: (.*)$/im.exec(raw)?.[1] ?? '')?.[1];
      if (machine && !received.has(machine)) received.set(machine, Date.now());
      callback();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpPort = smtp.server.address().port;

const my = await mysql.createConnection({
  host: mysqlServer.hostname,
  port: Number(mysqlServer.port || 3306),
  user: decodeURIComponent(mysqlServer.username || 'root'),
  password: decodeURIComponent(mysqlServer.password),
});
const processes = [];
try {
  await my.query(`CREATE DATABASE ${tag}`);
  await my.changeUser({ database: tag });
  const ddl = (await import('node:fs'))
    .readFileSync(join(root, '..', 'shared', 'cimco-source.sql'), 'utf8')
    .replace(/--[^\n]*\n/g, '\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const statement of ddl) await my.query(statement);
  await my.query(
    `INSERT INTO machines (machine_id, name, type, location) SELECT CONCAT('BN-LAT-', seq), CONCAT('Latency ', seq), 'MILL', 'Hall 1' FROM seq_1_to_${SAMPLES}`,
  );
  await my.query(
    `INSERT INTO machine_events (machine_id, event_time, state) SELECT CONCAT('BN-LAT-', seq), UTC_TIMESTAMP() - INTERVAL 1 HOUR, 'RUNNING' FROM seq_1_to_${SAMPLES}`,
  );

  await provision({ adminUrl, database: tag });
  const cimcoUrl = new URL(mysqlServer.toString());
  cimcoUrl.pathname = `/${tag}`;
  const ports = { gateway: await freePort(), ingestion: await freePort(), analytics: await freePort(), notification: await freePort() };
  const adminKey = `sfk_${randomBytes(24).toString('base64url')}`;
  const common = { NATS_URL: natsUrl, REDIS_URL: redisUrl, NODE_OPTIONS: env.BENCH_NODE_OPTIONS ?? '--max-old-space-size=256' };
  const notification = startService('notification', {
    ...common,
    PORT: String(ports.notification),
    DATABASE_URL: serviceUrl(adminUrl, tag, 'notification'),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_SECURE: 'false',
    DELIVERY_POLL_MS: '100',
    ALERT_TICK_SECONDS: '1',
  });
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
    SYNC_INTERVAL_SECONDS: '1',
    SYNC_SAFETY_LAG_MS: '0',
  });
  const gateway = startService('gateway', {
    ...common,
    PORT: String(ports.gateway),
    DATABASE_URL: serviceUrl(adminUrl, tag, 'gateway'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    BOOTSTRAP_ADMIN_API_KEY: adminKey,
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  processes.push(notification, analytics, ingestion, gateway);
  await Promise.all(Object.values(ports).map((p) => waitHttp(`http://127.0.0.1:${p}/health`)));
  const api = (method, path, body) =>
    fetch(`http://127.0.0.1:${ports.gateway}${path}`, {
      method,
      headers: { 'X-API-Key': adminKey, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    }).then(async (r) => {
      if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
      return r.status === 204 ? null : r.json();
    });
  await api('POST', '/api/v1/alerts/rules', {
    name: 'Benchmark breakdowns',
    condition: 'machine_down_longer_than',
    params: { minutes: 0 },
    severity: 'critical',
    channels: [{ type: 'email', to: ['bench@example.com'] }],
  });

  // ---- throughput ------------------------------------------------------------------------------------------------
  const nc = await connect({ servers: natsUrl });
  const js = nc.jetstream();
  log(`Throughput: ${ALERTS} breakdowns published at once...`);
  const cpu0 = cpuByProgram();
  const t0 = Date.now();
  const now = new Date().toISOString();
  await Promise.all(
    Array.from({ length: ALERTS }, (_, i) => {
      const machine = `BN-TPUT-${i + 1}`;
      const alert = {
        alert_id: `breakdown:${machine}:${now}:${tag}`,
        machine_id: machine,
        kind: 'breakdown',
        level: 'critical',
        message: `${machine} is DOWN`,
        raised_at: now,
        details: { state: 'DOWN', since: now, reason_code: 'BENCH' },
      };
      const h = natsHeaders();
      h.set('x-request-id', randomUUID());
      return js.publish('alerts.raised', codec.encode(alert), { msgID: alert.alert_id, headers: h });
    }),
  );
  const published = Date.now();
  for (;;) {
    const done = [...received.keys()].filter((m) => m.startsWith('BN-TPUT-')).length;
    if (done >= ALERTS) break;
    if (Date.now() - t0 > 10 * 60_000)
      throw new Error(`only ${done} of ${ALERTS} e-mails after 10 minutes\n--- notification\n${notification.output().slice(-3000)}`);
    await sleep(50);
  }
  const seconds = (Date.now() - t0) / 1000;
  const cpu = cpuDelta(cpu0, cpuByProgram());

  // ---- latency: source DOWN → e-mail -----------------------------------------------------------------------------
  log(`Latency: ${SAMPLES} machines going DOWN at the source, one at a time (sync every second)...`);
  const latencies = [];
  for (let i = 1; i <= SAMPLES; i += 1) {
    const machine = `BN-LAT-${i}`;
    const inserted = Date.now();
    await my.query(`INSERT INTO machine_events (machine_id, event_time, state, reason_code) VALUES (?, UTC_TIMESTAMP(3), 'DOWN', 'BENCH')`, [machine]);
    while (!received.has(machine)) {
      if (Date.now() - inserted > 60_000)
        throw new Error(
          `no e-mail for ${machine} after 60 s\n--- notification\n${notification.output().slice(-3000)}\n--- analytics\n${analytics.output().slice(-2000)}`,
        );
      await sleep(20);
    }
    latencies.push(received.get(machine) - inserted);
    await sleep(300 + Math.random() * 700);
  }
  latencies.sort((a, b) => a - b);

  log('\nResults');
  log(
    `  throughput: ${ALERTS} breakdowns → ${ALERTS} alerts → ${ALERTS} e-mails in ${seconds.toFixed(1)} s = ${(ALERTS / seconds).toFixed(0)} alerts/s (all published after ${((published - t0) / 1000).toFixed(2)} s)`,
  );
  log(`  CPU time meanwhile: ${cpu}`);
  log(
    `  latency, source DOWN event → e-mail accepted by the SMTP server (sync every 1 s, ${latencies.length} samples): p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, max ${latencies[latencies.length - 1]} ms`,
  );
  log(`  peak RSS: notification ${peakRssMb(notification.child.pid) ?? '?'} MB`);
  await nc.close();
} finally {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGTERM');
  await sleep(1500);
  await my.query(`DROP DATABASE IF EXISTS ${tag}`).catch(() => undefined);
  await my.end();
  smtp.close();
  const pg = (await import('pg')).default;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${tag} WITH (FORCE)`).catch(() => undefined);
  await admin.end();
}
