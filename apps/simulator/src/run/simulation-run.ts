import { setTimeout as delay } from 'node:timers/promises';
import mysql, { type Connection } from 'mysql2/promise';
import type { SimulatorOptions } from '../cli/simulator-options';
import { type CimcoTable, existingRows, prepareSchema } from '../db/cimco-schema';
import { CimcoWriter } from '../db/cimco-writer';
import { type MysqlTarget, parseDatabaseUrl, redactUrl } from '../db/database-url';
import { ShopSimulator } from '../domain/shop-simulator';
import { ZoneClock } from '../domain/zone-clock';

export interface PhaseReport {
  phase: 'history' | 'live';
  /** Rows inserted per table. */
  counts: Record<CimcoTable, number>;
  /** Updates of job rows written before (progress, state, end). */
  jobUpdates: number;
  seconds: number;
  /** Simulated span, UTC epoch ms. */
  fromMs: number;
  toMs: number;
}

export interface RunReport {
  database: string;
  history: PhaseReport;
  live: PhaseReport | null;
}

/** A problem the user can fix (unreachable database, non-empty tables); reported without a stack trace. */
export class SimulatorError extends Error {
  override readonly name = 'SimulatorError';
}

const HOUR_MS = 3_600_000;
const CONNECT_TIMEOUT_MS = 5000;
const LIVE_TICK_MS = 1000;

async function connect(target: MysqlTarget, url: string, database?: string): Promise<Connection> {
  try {
    return await mysql.createConnection({
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
      database,
      connectTimeout: CONNECT_TIMEOUT_MS,
      charset: 'utf8mb4',
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).message;
    throw new SimulatorError(
      `Cannot reach the CIMCO source database at ${redactUrl(url)} (${code}). Start MySQL/MariaDB ` +
        '(MariaDB: mariadbd --user=mysql &; Docker: docker compose up -d mysql) or point CIMCO_DATABASE_URL / --database-url at a running server.',
    );
  }
}

/** Creates the database and tables, writes the history and, with --live, keeps the shop running until `signal`. */
export async function runSimulation(options: SimulatorOptions, log: (line: string) => void, signal?: AbortSignal): Promise<RunReport> {
  const target = parseDatabaseUrl(options.databaseUrl);
  const admin = await connect(target, options.databaseUrl);
  let readings: Connection | null = null;
  try {
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4`);
    await admin.query(`USE \`${target.database}\``);
    await prepareSchema(admin, options.reset);
    if (!options.reset) {
      const rows = await existingRows(admin);
      if (rows > 0) {
        throw new SimulatorError(
          `${target.database} already holds ${rows} machine and job rows. Pass --reset to replace them with a new history (a second history on top would repeat ids).`,
        );
      }
    }
    readings = await connect(target, options.databaseUrl, target.database);
    const clock = new ZoneClock(options.timezone);
    const startMs = options.endMs - Math.round(options.days * 24 * HOUR_MS);
    const shop = new ShopSimulator({
      machines: options.machines,
      seed: options.seed,
      clock,
      startMs,
      readingsIntervalMs: options.readingsIntervalS === null ? null : options.readingsIntervalS * 1000,
      holidays: options.holidays,
      machinePrefix: options.machinePrefix,
      breakdownProne: options.breakdownProne,
    });
    const writer = new CimcoWriter(admin, readings, clock, { rowsPerStatement: options.rowsPerStatement });
    log(
      `Writing ${options.days} days of history for ${options.machines} machines into ${target.database} (wall time ${options.timezone}, seed ${options.seed})...`,
    );
    const history = await writeHistory(shop, writer, startMs, options.endMs, log, signal);
    const live = options.live && !signal?.aborted ? await runLive(shop, writer, options.speed, log, signal) : null;
    return { database: target.database, history, live };
  } finally {
    await Promise.all([admin.end().catch(() => undefined), readings?.end().catch(() => undefined)]);
  }
}

async function writeHistory(
  shop: ShopSimulator,
  writer: CimcoWriter,
  fromMs: number,
  toMs: number,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<PhaseReport> {
  const started = performance.now();
  const before = { ...writer.counts };
  const updatesBefore = writer.jobUpdates;
  await writer.writeMachines(shop.machines, fromMs);
  let nextReport = 0.1;
  for (let t = fromMs; t < toMs && !signal?.aborted;) {
    const next = Math.min(toMs, t + HOUR_MS);
    await writer.write(shop.advance(next));
    t = next;
    const done = (t - fromMs) / (toMs - fromMs);
    if (done >= nextReport && done < 1) {
      const rows = totalRows(writer.counts) - totalRows(before);
      log(`  ${Math.round(done * 100)} % simulated, ${rows.toLocaleString('en-US')} rows sent`);
      nextReport += 0.1;
    }
  }
  // Open jobs with their parts so far (they are otherwise written when a cut ends).
  await writer.write({ jobs: shop.openJobs(), downtime: [], events: [], readings: [] });
  await writer.flush();
  return {
    phase: 'history',
    counts: diff(writer.counts, before),
    jobUpdates: writer.jobUpdates - updatesBefore,
    seconds: (performance.now() - started) / 1000,
    fromMs,
    toMs: shop.now,
  };
}

/**
 * Live mode: simulated time follows the real clock times `speed`. Each second the new rows are written and
 * committed: jobs when they start (end_time NULL) and again when they change or end, stops when they end,
 * events and readings as they happen.
 */
async function runLive(shop: ShopSimulator, writer: CimcoWriter, speed: number, log: (line: string) => void, signal?: AbortSignal): Promise<PhaseReport> {
  const started = performance.now();
  const before = { ...writer.counts };
  const updatesBefore = writer.jobUpdates;
  const simStart = shop.now;
  const realStart = Date.now();
  log(`Live: simulated time runs at ${speed}× real time; Ctrl-C stops.`);
  let ticks = 0;
  while (!signal?.aborted) {
    try {
      await delay(LIVE_TICK_MS, undefined, { signal });
    } catch {
      break;
    }
    await writer.write(shop.advance(simStart + (Date.now() - realStart) * speed));
    await writer.flush();
    ticks += 1;
    if (ticks % 60 === 0)
      log(`  live: simulated ${new Date(shop.now).toISOString()}, ${(totalRows(writer.counts) - totalRows(before)).toLocaleString('en-US')} rows`);
  }
  await writer.flush();
  return {
    phase: 'live',
    counts: diff(writer.counts, before),
    jobUpdates: writer.jobUpdates - updatesBefore,
    seconds: (performance.now() - started) / 1000,
    fromMs: simStart,
    toMs: shop.now,
  };
}

export function totalRows(counts: Record<CimcoTable, number>): number {
  return Object.values(counts).reduce((s, n) => s + n, 0);
}

function diff(after: Record<CimcoTable, number>, before: Record<CimcoTable, number>): Record<CimcoTable, number> {
  const out = { ...after };
  for (const key of Object.keys(out) as CimcoTable[]) out[key] -= before[key];
  return out;
}

/** The summary printed after each phase: rows per table and throughput. */
export function formatReport(report: PhaseReport): string {
  const total = totalRows(report.counts);
  const width = Math.max(...Object.values(report.counts).map((n) => n.toLocaleString('en-US').length), 5);
  const lines = Object.entries(report.counts).map(
    ([table, n]) =>
      `  ${table.padEnd(18)} ${n.toLocaleString('en-US').padStart(width)}` +
      (table === 'jobs' && report.jobUpdates > 0 ? `  (+ ${report.jobUpdates.toLocaleString('en-US')} updates)` : ''),
  );
  const perSecond = (n: number): string => Math.round(n / Math.max(report.seconds, 0.001)).toLocaleString('en-US');
  return [
    `${report.phase === 'history' ? 'History' : 'Live'}: ${new Date(report.fromMs).toISOString()} → ${new Date(report.toMs).toISOString()} (UTC)`,
    ...lines,
    `  ${'total'.padEnd(18)} ${total.toLocaleString('en-US').padStart(width)} rows in ${report.seconds.toFixed(1)} s = ${perSecond(total + report.jobUpdates)} rows/s written` +
      ` (machine_readings ${perSecond(report.counts.machine_readings)} rows/s)`,
  ].join('\n');
}
