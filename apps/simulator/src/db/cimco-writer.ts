import { escape } from 'mysql2';
import type { Connection } from 'mysql2/promise';
import type { MachineSpec } from '../domain/machine-catalog';
import { READING_METRICS, type DowntimeRow, type EventRow, type JobRow, type ReadingSample, type SimulationBatch } from '../domain/source-rows';
import { type ZoneClock, localDateOf } from '../domain/zone-clock';
import type { CimcoTable } from './cimco-schema';

const num = (value: number): string => (Number.isFinite(value) ? String(value) : 'NULL');
const numOrNull = (value: number | null): string => (value === null ? 'NULL' : num(value));

/** Builds the multi-row INSERT statements of the source tables; DATETIMEs as wall time of the source zone. */
export class CimcoSql {
  private readonly quoted = new Map<string, string>();
  private readonly metricSuffixes = READING_METRICS.map(({ metric, unit }) => [`,${escape(metric)},`, `,${escape(unit)})`] as const);

  constructor(
    private readonly clock: ZoneClock,
    /** Latest updated_at allowed: a row's simulated change time is capped at the real time it is written. */
    private readonly nowMs: () => number = Date.now,
  ) {}

  machines(machines: readonly MachineSpec[], at: number): string {
    const tuples = machines.map((m) => {
      const installed = localDateOf(m.installedDay);
      const date = `${installed.year}-${String(installed.month).padStart(2, '0')}-${String(installed.day).padStart(2, '0')} 00:00:00`;
      return `(${this.q(m.machineId)},${this.q(m.name)},${this.q(m.profile.type)},${this.q(m.location)},'${date}',${escape(JSON.stringify(m.specifications))},${this.time(Math.min(at, this.nowMs()))})`;
    });
    return (
      'INSERT INTO machines (machine_id,name,type,location,installation_date,specifications,updated_at) VALUES ' +
      tuples.join(',') +
      ' ON DUPLICATE KEY UPDATE name=VALUES(name),type=VALUES(type),location=VALUES(location),installation_date=VALUES(installation_date),specifications=VALUES(specifications),updated_at=VALUES(updated_at)'
    );
  }

  /** Insert, or update the job's changing columns when it exists (a job is written at start and updated later). */
  jobs(rows: readonly JobRow[]): string {
    const now = this.nowMs();
    const tuples = rows.map(
      (j) =>
        `(${this.q(j.jobId)},${this.q(j.machineId)},${this.q(j.partNumber)},${this.time(j.startTime)},${j.endTime === null ? 'NULL' : this.time(j.endTime)},${this.q(j.state)},${this.q(j.operatorId)},${num(j.setupTime)},${numOrNull(j.cycleTime)},${num(j.idealCycleTime)},${num(j.partsProduced)},${num(j.partsScrapped)},${this.time(Math.min(j.updatedAt, now))})`,
    );
    return (
      'INSERT INTO jobs (job_id,machine_id,part_number,start_time,end_time,state,operator_id,setup_time,cycle_time,ideal_cycle_time,parts_produced,parts_scrapped,updated_at) VALUES ' +
      tuples.join(',') +
      ' ON DUPLICATE KEY UPDATE end_time=VALUES(end_time),state=VALUES(state),operator_id=VALUES(operator_id),setup_time=VALUES(setup_time),cycle_time=VALUES(cycle_time),parts_produced=VALUES(parts_produced),parts_scrapped=VALUES(parts_scrapped),updated_at=VALUES(updated_at)'
    );
  }

  downtime(rows: readonly DowntimeRow[]): string {
    const now = this.nowMs();
    const tuples = rows.map(
      (d) =>
        `(${this.q(d.recordId)},${d.jobId === null ? 'NULL' : this.q(d.jobId)},${this.q(d.machineId)},${this.q(d.downtimeType)},${this.time(d.startTime)},${num(d.duration)},${this.q(d.reasonCode)},${this.q(d.description)},${this.time(Math.min(d.updatedAt, now))})`,
    );
    return (
      'INSERT INTO downtime_records (record_id,job_id,machine_id,downtime_type,start_time,duration,reason_code,description,updated_at) VALUES ' +
      tuples.join(',')
    );
  }

  events(rows: readonly EventRow[]): string {
    const tuples = rows.map(
      (e) =>
        `(${this.q(e.machineId)},${this.time(e.eventTime)},${this.q(e.state)},${e.reasonCode === null ? 'NULL' : this.q(e.reasonCode)},${e.jobId === null ? 'NULL' : this.q(e.jobId)},${numOrNull(e.partCount)})`,
    );
    return 'INSERT INTO machine_events (machine_id,event_time,state,reason_code,job_id,part_count) VALUES ' + tuples.join(',');
  }

  /** One row per metric of each sample. */
  readings(samples: readonly ReadingSample[]): string {
    const parts: string[] = [];
    for (const s of samples) {
      const head = `(${this.q(s.machineId)},${this.time(s.readingTime)}`;
      for (let i = 0; i < READING_METRICS.length; i++) {
        const { key } = READING_METRICS[i];
        const [metric, unit] = this.metricSuffixes[i];
        parts.push(`${head}${metric}${num(s[key])}${unit}`);
      }
    }
    return 'INSERT INTO machine_readings (machine_id,reading_time,metric,value,unit) VALUES ' + parts.join(',');
  }

  private time(utcMs: number): string {
    return `'${this.clock.toWall(utcMs)}'`;
  }

  private q(value: string): string {
    let quoted = this.quoted.get(value);
    if (quoted === undefined) {
      quoted = escape(value);
      if (this.quoted.size < 10_000) this.quoted.set(value, quoted);
    }
    return quoted;
  }
}

/** Statements in order on one connection, a few in flight, committed every `commitEvery` statements. */
class Lane {
  private pending: Promise<void>[] = [];
  private inTransaction = 0;
  private failure: Error | null = null;

  constructor(
    private readonly connection: Connection,
    private readonly maxInFlight: number,
    private readonly commitEvery: number,
  ) {}

  async push(sql: string): Promise<void> {
    this.throwIfFailed();
    if (this.inTransaction === 0) this.send('START TRANSACTION');
    this.send(sql);
    this.inTransaction += 1;
    if (this.inTransaction >= this.commitEvery) this.commit();
    while (this.pending.length > this.maxInFlight) await this.pending.shift();
    this.throwIfFailed();
  }

  async drain(): Promise<void> {
    if (this.inTransaction > 0) this.commit();
    await Promise.all(this.pending);
    this.pending = [];
    this.throwIfFailed();
  }

  private commit(): void {
    this.send('COMMIT');
    this.inTransaction = 0;
  }

  private send(sql: string): void {
    this.pending.push(
      this.connection.query(sql).then(
        () => undefined,
        (error: Error) => {
          this.failure ??= error;
        },
      ),
    );
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}

export interface WriterOptions {
  rowsPerStatement: number;
  /** Statements queued per connection beyond the one executing, so generation overlaps with the database. */
  maxInFlight?: number;
  /** Statements per transaction. */
  commitEvery?: number;
  nowMs?: () => number;
}

/**
 * Writes simulation batches with multi-row INSERTs: readings on one connection, everything else on another, so
 * each table's rows (and auto-increment ids) are committed in time order, as an MDC appends them.
 */
export class CimcoWriter {
  /** Rows inserted per table (a job counts once, however often it is updated). */
  readonly counts: Record<CimcoTable, number> = { machines: 0, jobs: 0, downtime_records: 0, machine_events: 0, machine_readings: 0 };
  /** Rows of jobs written again (progress, state changes, end) after their first insert. */
  jobUpdates = 0;
  private readonly jobIds = new Set<string>();
  private readonly sql: CimcoSql;
  private readonly main: Lane;
  private readonly readingsLane: Lane;
  private readonly rowsPerStatement: number;
  private readonly jobs = new Map<string, JobRow>();
  private buffers: { downtime: DowntimeRow[]; events: EventRow[]; readings: ReadingSample[] } = { downtime: [], events: [], readings: [] };

  constructor(mainConnection: Connection, readingsConnection: Connection, clock: ZoneClock, options: WriterOptions) {
    this.sql = new CimcoSql(clock, options.nowMs);
    this.rowsPerStatement = options.rowsPerStatement;
    this.main = new Lane(mainConnection, options.maxInFlight ?? 4, options.commitEvery ?? 50);
    this.readingsLane = new Lane(readingsConnection, options.maxInFlight ?? 4, options.commitEvery ?? 50);
  }

  async writeMachines(machines: readonly MachineSpec[], at: number): Promise<void> {
    await this.main.push(this.sql.machines(machines, at));
    this.counts.machines += machines.length;
  }

  /** Queues a batch; full statements go out at once, the remainder waits for more rows or `flush`. */
  async write(batch: SimulationBatch): Promise<void> {
    // The latest version of each job is enough: a job changed several times before it is written goes out once.
    for (const j of batch.jobs) this.jobs.set(j.jobId, j);
    for (const d of batch.downtime) this.buffers.downtime.push(d);
    for (const e of batch.events) this.buffers.events.push(e);
    for (const r of batch.readings) this.buffers.readings.push(r);
    await this.drainBuffers(false);
  }

  /** Writes what is buffered, waits for every statement and commits. */
  async flush(): Promise<void> {
    await this.drainBuffers(true);
    await Promise.all([this.main.drain(), this.readingsLane.drain()]);
  }

  private async drainBuffers(all: boolean): Promise<void> {
    if (this.jobs.size >= this.rowsPerStatement || (all && this.jobs.size > 0)) {
      const rows = [...this.jobs.values()];
      this.jobs.clear();
      for (const j of rows) {
        if (this.jobIds.has(j.jobId)) this.jobUpdates += 1;
        else this.jobIds.add(j.jobId);
      }
      this.counts.jobs = this.jobIds.size;
      await this.emit(this.main, rows, (chunk) => this.sql.jobs(chunk), null, 1, true);
    }
    const b = this.buffers;
    b.downtime = await this.emit(this.main, b.downtime, (rows) => this.sql.downtime(rows), 'downtime_records', 1, all);
    b.events = await this.emit(this.main, b.events, (rows) => this.sql.events(rows), 'machine_events', 1, all);
    b.readings = await this.emit(this.readingsLane, b.readings, (rows) => this.sql.readings(rows), 'machine_readings', READING_METRICS.length, all);
  }

  /** Sends full statements (and with `all` the rest); returns the rows left over. */
  private async emit<T>(
    lane: Lane,
    rows: T[],
    build: (rows: readonly T[]) => string,
    table: CimcoTable | null,
    rowsPerItem: number,
    all: boolean,
  ): Promise<T[]> {
    const perStatement = Math.max(1, Math.floor(this.rowsPerStatement / rowsPerItem));
    let i = 0;
    for (; rows.length - i >= perStatement || (all && i < rows.length); i += perStatement) {
      const slice = rows.slice(i, i + perStatement);
      await lane.push(build(slice));
      if (table !== null) this.counts[table] += slice.length * rowsPerItem;
    }
    return i === 0 ? rows : rows.slice(i);
  }
}
