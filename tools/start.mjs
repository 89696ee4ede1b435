#!/usr/bin/env node
// `npm start`: checks the infrastructure, builds, provisions the database, starts the five services on this
// machine and reports each one's state; Ctrl-C stops all of them gracefully. A service that exits unexpectedly is
// started again with backoff (tools/lib/supervisor.cjs); `--replicas N` or `--replicas gateway=2,analytics=2` runs
// several processes of a service, the gateway's behind one public port (tools/lib/tcp-balancer.cjs). Logs go to
// tmp/logs/<service>.log, or <service>-<n>.log per replica (or to the console with --logs); tmp/services.json holds
// every process's state. Settings come from the environment or a .env file (see .env.example).
// Without a CIMCO source (CIMCO_DATABASE_URL or CIMCO_DATABASE_HOST) it runs as a demo: a fresh simulated shop
// floor in the local MySQL/MariaDB (database cimco_demo, 60 days of history, then live) feeding a fresh platform
// database (shopfloor_demo). Without SMTP_HOST, a local mail catcher takes the notification service's e-mails and
// writes each to tmp/mail/ as an .eml file.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { checkInfrastructure, infraSettings } from './lib/infra.mjs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
const require = createRequire(import.meta.url);
const { provision, serviceUrl } = require('./db/provision.cjs');
const { Supervisor, describeExit } = require('./lib/supervisor.cjs');
const { parseReplicas, replicaPlan } = require('./lib/replicas.cjs');
const { createBalancer } = require('./lib/tcp-balancer.cjs');

const SERVICES = [
  { name: 'gateway', port: 3000, portVar: 'PORT' },
  { name: 'ingestion', port: 3001, portVar: 'INGESTION_PORT' },
  { name: 'analytics', port: 3002, portVar: 'ANALYTICS_PORT' },
  { name: 'ml', port: 3003, portVar: 'ML_PORT' },
  { name: 'notification', port: 3004, portVar: 'NOTIFICATION_PORT' },
];
const showLogs = process.argv.includes('--logs');
/** Stop order: the public edge first (no new requests), then the producer of data, then its consumers. */
const STOP_PHASES = [['gateway'], ['ingestion'], ['analytics', 'ml', 'notification']];
/** Above every service's SHUTDOWN_TIMEOUT_MS (15 s by default), so a drain is not cut short. */
const STOP_GRACE_MS = 20_000;

function loadDotEnv() {
  const file = join(root, '.env');
  if (!existsSync(file)) return {};
  const values = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^\s*([A-Z][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match) values[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

/** Secrets for a local run: from the environment, else made once and kept in tmp/ (never committed). */
function localSecrets(env) {
  const file = join(root, 'tmp', 'local-secrets.json');
  const kept = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets = {
    JWT_SECRET: env.JWT_SECRET || kept.JWT_SECRET || randomBytes(32).toString('base64url'),
    BOOTSTRAP_ADMIN_API_KEY: env.BOOTSTRAP_ADMIN_API_KEY || kept.BOOTSTRAP_ADMIN_API_KEY || `sfk_${randomBytes(24).toString('base64url')}`,
    WEBHOOK_SIGNING_SECRET: env.WEBHOOK_SIGNING_SECRET || kept.WEBHOOK_SIGNING_SECRET || randomBytes(32).toString('base64url'),
  };
  mkdirSync(join(root, 'tmp'), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...kept, ...secrets }, null, 2), { mode: 0o600 });
  return { ...secrets, generatedKey: !env.BOOTSTRAP_ADMIN_API_KEY };
}

function portFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
  });
}

const fail = (message) => {
  console.error(`\n${message}`);
  process.exit(1);
};

const env = { ...loadDotEnv(), ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
console.log('Checking infrastructure...');
const problems = await checkInfrastructure(undefined, env);
if (problems.length > 0) fail(`Cannot start:\n  ${problems.join('\n  ')}`);

for (const s of SERVICES) s.port = Number(env[s.portVar] || s.port);
let replicaCounts;
try {
  replicaCounts = parseReplicas(
    process.argv.slice(2),
    SERVICES.map((s) => s.name),
  );
} catch (error) {
  fail(error.message);
}
// Several gateways share the public port through a balancer: each replica needs a port of its own for /health,
// /ready and /metrics, which one shared listener (node:cluster) would not give.
const balanced = replicaCounts.gateway > 1;
const plan = replicaPlan(SERVICES, replicaCounts, ['gateway']);
for (const { port, id } of [...(balanced ? [{ port: SERVICES[0].port, id: 'gateway (public port)' }] : []), ...plan]) {
  const portVar = SERVICES.find((s) => id.startsWith(s.name))?.portVar;
  if (!(await portFree(port)))
    fail(
      `Port ${port} (${id}) is in use. Stop what holds it or set ${portVar}${plan.length > SERVICES.length ? ' (replicas use that port + 100, + 200, ...)' : ''}.`,
    );
}

mkdirSync(join(root, 'tmp', 'logs'), { recursive: true });
console.log('Building...');
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--parallel=2', '--output-style=static'], { stdio: showLogs ? 'inherit' : 'pipe', env });
if (build.status !== 0) fail(`Build failed:\n${build.stdout?.toString() ?? ''}${build.stderr?.toString() ?? ''}`);

const adminUrl = infraSettings(env).postgres;
const demo = !env.CIMCO_DATABASE_URL && !env.CIMCO_DATABASE_HOST;
const database = env.DATABASE_NAME || (demo ? 'shopfloor_demo' : 'shopfloor');
let stopping = false;
let simulator = null;
if (demo) {
  // The demo starts clean on both sides, so the read model always matches the simulated source.
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
}
console.log(`Provisioning database ${database}...`);
await provision({ adminUrl, database }).catch((error) => fail(`Provisioning the database failed: ${error.message}`));
if (demo) {
  const cimco = new URL(infraSettings(env).mysql);
  cimco.pathname = '/cimco_demo';
  env.CIMCO_DATABASE_URL = cimco.toString();
  env.SYNC_INTERVAL_SECONDS ??= '5';
  console.log('No CIMCO source configured: simulating a shop floor in cimco_demo (12 machines, 3 of them breakdown-prone, 60 days of history, then live)...');
  simulator = spawn(
    process.execPath,
    [
      join(root, 'dist/apps/simulator/apps/simulator/src/main.js'),
      '--database-url',
      env.CIMCO_DATABASE_URL,
      '--machines',
      '12',
      '--breakdown-prone',
      '3',
      '--days',
      '60',
      '--readings-interval-s',
      '300',
      '--reset',
      '--live',
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const simLog = createWriteStream(join(root, 'tmp', 'logs', 'simulator.log'), { flags: 'a' });
  simulator.stdout.pipe(simLog, { end: false });
  simulator.stderr.pipe(simLog, { end: false });
  await new Promise((resolve, reject) => {
    let seen = '';
    simulator.stdout.on('data', (chunk) => {
      seen += chunk.toString();
      if (/^Live:/m.test(seen)) resolve();
    });
    simulator.once('exit', (code) => reject(new Error(`the simulator exited with code ${code}; see tmp/logs/simulator.log`)));
  }).catch((error) => fail(error.message));
  simulator.on('exit', () => {
    if (!stopping) console.error('\nThe simulator stopped; see tmp/logs/simulator.log.');
  });
}

const secrets = localSecrets(env);
const logDir = join(root, 'tmp', 'logs');
const mailCatcher = env.SMTP_HOST ? null : await startMailCatcher();

const gateway = SERVICES[0];
const logName = (unit) => (replicaCounts[unit.service] > 1 ? `${unit.service}-${unit.replica}.log` : `${unit.service}.log`);
const logStreams = new Map();

function spawnUnit(unit) {
  const serviceEnv = {
    ...env,
    NODE_ENV: env.NODE_ENV || 'development',
    PORT: String(unit.port),
    DATABASE_URL: serviceUrl(adminUrl, database, unit.service, env[`${unit.service.toUpperCase()}_DATABASE_PASSWORD`]),
    OTEL_TRACES_EXPORTER: env.OTEL_TRACES_EXPORTER || 'none',
    OTEL_METRICS_EXPORTER: env.OTEL_METRICS_EXPORTER || 'none',
    ...(unit.service === 'gateway' ? { JWT_SECRET: secrets.JWT_SECRET, BOOTSTRAP_ADMIN_API_KEY: secrets.BOOTSTRAP_ADMIN_API_KEY } : {}),
    ...(unit.service === 'notification'
      ? { WEBHOOK_SIGNING_SECRET: secrets.WEBHOOK_SIGNING_SECRET, DASHBOARD_URL: env.DASHBOARD_URL || `http://localhost:${gateway.port}` }
      : {}),
    ...(unit.service === 'notification' && mailCatcher
      ? { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mailCatcher.port), SMTP_SECURE: 'false', SMTP_USER: '', SMTP_PASSWORD: '' }
      : {}),
    // HOST is the public edge's: the gateway's when it is one process, the balancer's in front of several; every
    // other port serves only probes and metrics, to this machine.
    ...(unit.service === 'gateway' && !balanced ? {} : { HOST: '127.0.0.1' }),
  };
  // A process group of its own: a Ctrl-C in the terminal reaches only this tool, which stops the services in order.
  const child = spawn(process.execPath, [join(root, 'dist', 'apps', unit.service, 'apps', unit.service, 'src', 'main.js')], {
    env: serviceEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (!logStreams.has(unit.id)) logStreams.set(unit.id, createWriteStream(join(logDir, logName(unit)), { flags: 'a' }));
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(logStreams.get(unit.id), { end: false });
    if (showLogs) stream.on('data', (chunk) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `[${unit.id}] `)));
  }
  return child;
}

const duration = (ms) =>
  ms < 60_000
    ? `${Math.round(ms / 1000)} s`
    : ms < 3_600_000
      ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`
      : `${(ms / 3_600_000).toFixed(1)} h`;
const supervisor = new Supervisor(spawnUnit);
for (const unit of plan) supervisor.add(unit);
supervisor.on('exit', (unit, exit) => {
  console.error(
    `${unit.id} exited (${describeExit(exit)}) after ${duration(exit.uptimeMs)}; restart ${unit.restarts} in ${duration(exit.delayMs)} (log tmp/logs/${logName(unit)})`,
  );
});
supervisor.on('spawn', (unit) => {
  if (unit.restarts > 0) console.log(`${unit.id} restarted (pid ${unit.pid}, restart ${unit.restarts})`);
});
supervisor.on('crash-loop', (unit) => {
  const exit = unit.lastExit;
  console.error(
    `\n${unit.id} keeps exiting soon after it starts (${unit.quickExits} times in a row, last: ${describeExit(exit)}); retrying every ${duration(unit.delayMs)} until it stays up. ` +
      (unit.tail.length > 0
        ? `Fix the cause or press Ctrl-C. Its last output (tmp/logs/${logName(unit)}):\n  ${unit.tail.map((line) => line.slice(0, 300)).join('\n  ')}\n`
        : `It printed nothing; see tmp/logs/${logName(unit)}. Fix the cause or press Ctrl-C.\n`),
  );
});
supervisor.on('recovered', (unit) => console.log(`${unit.id} is up again and has stayed up (restart ${unit.restarts})`));
const statusFile = join(root, 'tmp', 'services.json');
const writeStatus = () =>
  writeFileSync(
    statusFile,
    `${JSON.stringify({ updated_at: new Date().toISOString(), pid: process.pid, public_port: gateway.port, services: supervisor.status().map((s, i) => ({ ...s, port: plan[i].port, log: `tmp/logs/${logName(plan[i])}` })) }, null, 2)}\n`,
  );
supervisor.on('change', writeStatus);

const balancer = balanced ? createBalancer(() => supervisor.running('gateway').map((unit) => ({ host: '127.0.0.1', port: unit.port }))) : null;
if (balancer) {
  await new Promise((resolve, reject) => {
    balancer.once('error', reject);
    balancer.listen(gateway.port, env.HOST || '0.0.0.0', resolve);
  }).catch((error) => fail(`The gateway's public port ${gateway.port} could not be opened: ${error.message}`));
}
supervisor.start();

async function stopAll(code = 0) {
  if (stopping) {
    // A second Ctrl-C: do not wait for the drains.
    supervisor.signalAll('SIGKILL');
    return;
  }
  stopping = true;
  console.log('\nStopping... (Ctrl-C again to kill at once)');
  if (simulator && simulator.exitCode === null) simulator.kill('SIGINT');
  balancer?.close();
  await supervisor.stop(STOP_PHASES, STOP_GRACE_MS);
  console.log('Stopped.');
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stopAll(0));
// Should this tool end any other way (an error), its services, in process groups of their own, still get SIGTERM.
process.on('exit', () => supervisor.signalAll('SIGTERM'));

// A gateway bound to one address answers only there; bound to every interface, localhost reaches it.
const gatewayHost = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
const gatewayUrl = `http://${gatewayHost}:${gateway.port}`;
const deadline = Date.now() + 60_000;
let report;
while (Date.now() < deadline && !stopping) {
  try {
    const res = await fetch(`${gatewayUrl}/ready`);
    report = await res.json();
    if (res.status === 200) break;
  } catch {
    // not listening yet
  }
  await sleep(500);
}
if (stopping) await new Promise(() => undefined);

/** One process's own readiness, on its own port (the gateway's without the services behind it). */
async function unitState(unit) {
  const path = unit.service === 'gateway' ? '/ready?scope=local' : '/ready';
  try {
    const res = await fetch(`http://127.0.0.1:${unit.port}${path}`, { signal: AbortSignal.timeout(3000) });
    return res.status === 200 ? 'up' : 'not ready';
  } catch (error) {
    // No answer within 3 s is a process busy (a first catch-up sync), not one that is gone.
    return error.name === 'TimeoutError' ? 'busy' : 'down';
  }
}

console.log(`\nShopfloor Analytics is running: ${gatewayUrl}  (dashboard: ${gatewayUrl}/, API docs: ${gatewayUrl}/api/docs)`);
if (balancer)
  console.log(
    `  gateway       ${gateway.port} → ${plan
      .filter((u) => u.service === 'gateway')
      .map((u) => u.port)
      .join(', ')} (round robin)`,
  );
const states = await Promise.all(supervisor.units.map(unitState));
supervisor.units.forEach((unit, i) => {
  const restarts = unit.restarts > 0 ? `  restarts ${unit.restarts} (last exit ${describeExit(unit.lastExit)})` : '';
  console.log(`  ${unit.id.padEnd(15)} ${states[i].padEnd(9)} port ${unit.port}  pid ${unit.pid ?? '-'}  log tmp/logs/${logName(unit)}${restarts}`);
});
for (const dep of ['nats', 'postgres', 'redis']) console.log(`  ${dep.padEnd(13)} ${report?.dependencies?.[dep] ?? 'unknown'}`);
console.log(
  demo
    ? `\nDemo mode: simulated source ${env.CIMCO_DATABASE_URL.replace(/\/\/[^@]*@/, '//')}, synced every ${env.SYNC_INTERVAL_SECONDS} s (log tmp/logs/simulator.log)`
    : `\nSource: ${env.CIMCO_DATABASE_URL ? env.CIMCO_DATABASE_URL.replace(/\/\/[^@]*@/, '//') : env.CIMCO_DATABASE_HOST}`,
);
if (secrets.generatedKey) console.log(`\nAdmin API key for this machine (kept in tmp/local-secrets.json): ${secrets.BOOTSTRAP_ADMIN_API_KEY}`);
console.log(
  mailCatcher
    ? `\nE-mail: no SMTP_HOST set, so a local mail catcher (127.0.0.1:${mailCatcher.port}) takes every e-mail and writes it to ${mailCatcher.dir}/ as an .eml file (open it in any mail program); GET /api/v1/notifications/deliveries lists what was sent.`
    : `\nE-mail: through ${env.SMTP_HOST}:${env.SMTP_PORT || 587}; GET /api/v1/notifications/deliveries lists what was sent.`,
);
console.log(`Try: curl -H "X-API-Key: <key>" ${gatewayUrl}/api/v1/machines\nPress Ctrl-C to stop.`);
if (demo && report) void applyDemoCalendars();
if (demo && report && mailCatcher) void applyDemoNotifications();

/**
 * The simulated machines work to shift plans (three shifts for mills and 5-axis machines, two for the rest); the
 * demo enters them as each machine's calendar, as a shop would, so that OEE counts only planned time. A machine's
 * calendar can be set once its first sync has brought the machine in.
 */
async function applyDemoCalendars() {
  const printed = spawnSync(process.execPath, [join(root, 'dist/apps/simulator/apps/simulator/src/main.js'), '--print-calendars', '--machines', '12'], {
    encoding: 'utf8',
  });
  if (printed.status !== 0) return console.error(`Could not read the simulated shift plans: ${printed.stderr}`);
  const pending = new Map(Object.entries(JSON.parse(printed.stdout)));
  const until = Date.now() + 120_000;
  while (pending.size > 0 && Date.now() < until && !stopping) {
    for (const [machineId, calendar] of pending) {
      const res = await fetch(`${gatewayUrl}/api/v1/calendars/${encodeURIComponent(machineId)}`, {
        method: 'PUT',
        headers: { 'X-API-Key': secrets.BOOTSTRAP_ADMIN_API_KEY, 'Content-Type': 'application/json' },
        body: JSON.stringify(calendar),
      }).catch(() => null);
      if (res?.ok) pending.delete(machineId);
    }
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  if (stopping) return;
  if (pending.size === 0) console.log('Shift calendars of the simulated machines are set (GET /api/v1/calendars/MC-001).');
  else console.error(`Could not set the shift calendars of ${[...pending.keys()].join(', ')}; OEE counts them as planned 24/7.`);
}

/**
 * So that the demo's mail catcher has something to show: a rule e-mailing every breakdown to the (fictitious)
 * maintenance lead, and a report of the last 24 hours e-mailed as a PDF every quarter of an hour.
 */
async function applyDemoNotifications() {
  const post = (path, body) =>
    fetch(`${gatewayUrl}${path}`, {
      method: 'POST',
      headers: { 'X-API-Key': secrets.BOOTSTRAP_ADMIN_API_KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then((res) => res.ok || Promise.reject(new Error(`${path}: HTTP ${res.status}`)));
  try {
    await post('/api/v1/alerts/rules', {
      name: 'Breakdown e-mail (demo)',
      condition: 'machine_down_longer_than',
      params: { minutes: 0 },
      severity: 'critical',
      channels: [{ type: 'email', to: ['maintenance@shop.demo'] }, { type: 'websocket' }],
    });
    await post('/api/v1/reports/schedules', {
      name: 'Quarter-hourly OEE (demo)',
      cron: '*/15 * * * *',
      timezone: env.SHOP_TIMEZONE || 'UTC',
      report: { kind: 'custom', metrics: ['overall_oee', 'availability', 'performance', 'quality', 'scrap'], period: 'last_24_hours' },
      format: 'pdf',
      recipients: ['supervisor@shop.demo'],
    });
    console.log(
      `Demo notifications: every breakdown is e-mailed to maintenance@shop.demo and an OEE report to supervisor@shop.demo every 15 minutes; both land in ${mailCatcher.dir}/.`,
    );
  } catch (error) {
    console.error(`Could not set up the demo's e-mail rule and report schedule (${error.message}).`);
  }
}

/**
 * A local SMTP server for the notification service when no SMTP_HOST is configured: it accepts every message (no
 * TLS, no login, loopback only) and writes it whole to tmp/mail/<time>-<random>.eml, printing one line per mail, so the
 * demo shows what would have been sent. It is a development tool (the smtp-server package); without it installed,
 * e-mails wait in the outbox.
 */
async function startMailCatcher() {
  let SMTPServer;
  try {
    ({ SMTPServer } = require('smtp-server'));
  } catch {
    console.log('No SMTP_HOST set and no mail catcher installed (npm install): e-mails wait in the outbox, GET /api/v1/notifications/deliveries.');
    return null;
  }
  const dir = join('tmp', 'mail');
  mkdirSync(join(root, dir), { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: 50 * 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      // One SMTP session may carry many messages (the service keeps its connections open): a random part per file.
      const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`);
      let head = '';
      stream.on('data', (chunk) => {
        if (head.length < 16_384) head += chunk.toString('utf8');
      });
      const out = createWriteStream(join(root, file));
      stream.pipe(out);
      out.on('finish', () => {
        const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/im.exec(head)?.[1].replace(/\r\n[ \t]/g, ' ') ?? '';
        console.log(`mail → ${file}  to ${session.envelope.rcptTo.map((r) => r.address).join(', ')}: ${subject}`);
        callback();
      });
      out.on('error', (error) => callback(error));
    },
  });
  server.on('error', (error) => console.error(`Mail catcher: ${error.message}`));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.server.address().port, dir };
}
