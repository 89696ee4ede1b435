import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NOT_UNPLANNED_DOWNTIME_TYPES } from '@shopfloor/contracts';
import { DataSource } from 'typeorm';
import { versionedUpsertSql } from '@shopfloor/database';

// Rows of the ml service's copy of the shop floor, as the consumer writes them. Times are UTC epoch milliseconds.

export interface MachineCopy {
  machineId: string;
  type: string;
  location: string | null;
  installationDate: number | null;
  sourceUpdatedAt: number;
}

export interface JobCopy {
  jobId: string;
  machineId: string;
  start: number;
  /** Null while the job runs. */
  end: number | null;
  idealCycleTimeS: number | null;
  cycleTimeS: number | null;
  partsProduced: number | null;
  partsScrapped: number | null;
  sourceUpdatedAt: number;
}

export interface StopCopy {
  recordId: string;
  machineId: string;
  /** downtime_type as the source has it. */
  type: string;
  start: number;
  durationS: number;
  sourceUpdatedAt: number;
}

export interface ReadingCopy {
  readingId: number;
  machineId: string;
  time: number;
  metric: string;
  value: number;
}

/**
 * One machine's history in the shape of the feature library's `MachineHistory` (@shopfloor/ml/features,
 * machine-history.ts: JobInput, StopInput, ReadingInput), field for field, so the ml app hands it over as it is. Declared
 * here because a data-access library may not import a domain one (STYLE.md, module boundaries); a spec in apps/ml
 * holds the two shapes together.
 */
export interface CopiedHistory {
  jobs: {
    start: number;
    end: number | null;
    idealCycleTimeS: number | null;
    cycleTimeS: number | null;
    partsProduced: number | null;
    partsScrapped: number | null;
  }[];
  stops: { start: number; durationS: number; type: string }[];
  readings: { time: number; metric: string; value: number }[];
  since: number;
  until: number;
}

export type CopiedEntity = 'machines' | 'jobs' | 'stops' | 'readings';

export interface CopiedMachine {
  machineId: string;
  /** Null for a machine known only from its records (its machine record has not arrived). */
  type: string | null;
  location: string | null;
  firstDataAt: number | null;
  lastDataAt: number | null;
}

/**
 * A stop's type normalised as normaliseDowntimeType (@shopfloor/contracts) does it — trimmed, upper case — so it
 * can be compared with the category lists there (NOT_UNPLANNED_DOWNTIME_TYPES, passed as a bind parameter).
 */
const NORMALISED_TYPE = `upper(btrim("downtime_type", E' \\t\\n\\r\\f\\v'))`;

/** Epoch milliseconds of a timestamptz, exactly (extract gives numeric), as float8 so the driver returns a number. */
const ms = (column: string): string => `(extract(epoch FROM ${column}) * 1000)::float8`;

/**
 * Versioned upserts, one statement per batch (versionedUpsertSql: within the batch the newest version of a key wins; a
 * redelivered or replayed batch, or an older record arriving late, writes nothing). Versions travel as epoch
 * milliseconds.
 */
const UPDATED_MS = { input: 'updated_ms', value: 'to_timestamp(r."updated_ms" / 1000)' };

const UPSERT_MACHINES = versionedUpsertSql({
  schema: 'ml',
  table: 'machines',
  key: 'machine_id',
  inputs: [
    { name: 'machine_id', type: 'text' },
    { name: 'type', type: 'text' },
    { name: 'location', type: 'text' },
    { name: 'installation_ms', type: 'float8' },
    { name: 'updated_ms', type: 'float8' },
  ],
  columns: [{ name: 'type' }, { name: 'location' }, { name: 'installation_date', value: 'to_timestamp(r."installation_ms" / 1000)' }],
  version: UPDATED_MS,
});

const UPSERT_JOBS = versionedUpsertSql({
  schema: 'ml',
  table: 'jobs',
  key: 'job_id',
  inputs: [
    { name: 'job_id', type: 'text' },
    { name: 'machine_id', type: 'text' },
    { name: 'start_ms', type: 'float8' },
    { name: 'end_ms', type: 'float8' },
    { name: 'ideal_cycle_time', type: 'float8' },
    { name: 'cycle_time', type: 'float8' },
    { name: 'parts_produced', type: 'int' },
    { name: 'parts_scrapped', type: 'int' },
    { name: 'updated_ms', type: 'float8' },
  ],
  columns: [
    { name: 'machine_id' },
    { name: 'start_time', value: 'to_timestamp(r."start_ms" / 1000)' },
    { name: 'end_time', value: 'to_timestamp(r."end_ms" / 1000)' },
    { name: 'ideal_cycle_time' },
    { name: 'cycle_time' },
    { name: 'parts_produced' },
    { name: 'parts_scrapped' },
  ],
  version: UPDATED_MS,
});

const UPSERT_STOPS = versionedUpsertSql({
  schema: 'ml',
  table: 'stops',
  key: 'record_id',
  inputs: [
    { name: 'record_id', type: 'text' },
    { name: 'machine_id', type: 'text' },
    { name: 'downtime_type', type: 'text' },
    { name: 'start_ms', type: 'float8' },
    { name: 'duration', type: 'float8' },
    { name: 'updated_ms', type: 'float8' },
  ],
  columns: [
    { name: 'machine_id' },
    { name: 'downtime_type' },
    { name: 'start_time', value: 'to_timestamp(r."start_ms" / 1000)' },
    { name: 'duration' },
    { name: 'end_time', value: 'to_timestamp((r."start_ms" + r."duration" * 1000) / 1000)', compared: false },
  ],
  version: UPDATED_MS,
});

/** Append-only: a stored id is left alone (a tombstoned reading stays deleted); within the batch the first wins. */
const INSERT_READINGS = `
  INSERT INTO "ml"."readings" ("reading_id", "machine_id", "reading_time", "metric", "value")
  SELECT DISTINCT ON (r.reading_id) r.reading_id, r.machine_id, to_timestamp(r.time_ms / 1000), r.metric, r.value
  FROM unnest($1::bigint[], $2::text[], $3::float8[], $4::text[], $5::float8[]) WITH ORDINALITY AS r(reading_id, machine_id, time_ms, metric, value, ord)
  ORDER BY r.reading_id, r.ord
  ON CONFLICT ("reading_id") DO NOTHING`;

/** Table and key of each copied entity: this file's own constants, never input. */
const TABLES: Record<CopiedEntity, { table: string; key: string; versioned: boolean }> = {
  machines: { table: 'machines', key: 'machine_id', versioned: true },
  jobs: { table: 'jobs', key: 'job_id', versioned: true },
  stops: { table: 'stops', key: 'record_id', versioned: true },
  readings: { table: 'readings', key: 'reading_id', versioned: false },
};

/**
 * First and last record time of every machine with records ($1: only that one, or NULL for all). The distinct machine
 * ids come from a skip scan of each table's (machine_id, ...) index, and each bound from one index probe, so the
 * cost grows with the number of machines, not of readings. A job's last time is its end, or its start while it runs;
 * a stop's is its end — as the feature library takes `until` by default.
 */
const DATA_SPANS = `
  WITH RECURSIVE
    job_ids AS (
      (SELECT "machine_id" FROM "ml"."jobs" ORDER BY "machine_id" LIMIT 1)
      UNION ALL
      SELECT (SELECT j."machine_id" FROM "ml"."jobs" j WHERE j."machine_id" > p."machine_id" ORDER BY j."machine_id" LIMIT 1) FROM job_ids p WHERE p."machine_id" IS NOT NULL),
    stop_ids AS (
      (SELECT "machine_id" FROM "ml"."stops" ORDER BY "machine_id" LIMIT 1)
      UNION ALL
      SELECT (SELECT s."machine_id" FROM "ml"."stops" s WHERE s."machine_id" > p."machine_id" ORDER BY s."machine_id" LIMIT 1) FROM stop_ids p WHERE p."machine_id" IS NOT NULL),
    reading_ids AS (
      (SELECT "machine_id" FROM "ml"."readings" ORDER BY "machine_id" LIMIT 1)
      UNION ALL
      SELECT (SELECT r."machine_id" FROM "ml"."readings" r WHERE r."machine_id" > p."machine_id" ORDER BY r."machine_id" LIMIT 1) FROM reading_ids p WHERE p."machine_id" IS NOT NULL),
    ids AS (
      SELECT "machine_id" FROM job_ids UNION SELECT "machine_id" FROM stop_ids UNION SELECT "machine_id" FROM reading_ids)
  SELECT ids."machine_id",
    least(
      (SELECT min(j."start_time") FROM "ml"."jobs" j WHERE j."machine_id" = ids."machine_id" AND j."deleted_at" IS NULL),
      (SELECT s."start_time" FROM "ml"."stops" s WHERE s."machine_id" = ids."machine_id" AND s."deleted_at" IS NULL ORDER BY s."start_time" LIMIT 1),
      (SELECT r."reading_time" FROM "ml"."readings" r WHERE r."machine_id" = ids."machine_id" AND r."deleted_at" IS NULL ORDER BY r."reading_time" LIMIT 1)
    ) AS first_at,
    greatest(
      (SELECT max(coalesce(j."end_time", j."start_time")) FROM "ml"."jobs" j WHERE j."machine_id" = ids."machine_id" AND j."deleted_at" IS NULL),
      (SELECT s."end_time" FROM "ml"."stops" s WHERE s."machine_id" = ids."machine_id" AND s."deleted_at" IS NULL ORDER BY s."end_time" DESC LIMIT 1),
      (SELECT r."reading_time" FROM "ml"."readings" r WHERE r."machine_id" = ids."machine_id" AND r."deleted_at" IS NULL ORDER BY r."reading_time" DESC LIMIT 1)
    ) AS last_at
  FROM ids WHERE ids."machine_id" IS NOT NULL AND ($1::text IS NULL OR ids."machine_id" = $1::text)`;

/** One machine's newest record time, as in DATA_SPANS. */
const LAST_RECORD = `
  SELECT ${ms(`greatest(
    (SELECT max(coalesce("end_time", "start_time")) FROM "ml"."jobs" WHERE "machine_id" = $1 AND "deleted_at" IS NULL),
    (SELECT "end_time" FROM "ml"."stops" WHERE "machine_id" = $1 AND "deleted_at" IS NULL ORDER BY "end_time" DESC LIMIT 1),
    (SELECT "reading_time" FROM "ml"."readings" WHERE "machine_id" = $1 AND "deleted_at" IS NULL ORDER BY "reading_time" DESC LIMIT 1))`)} AS last_ms`;

/**
 * The machines of the copy: every machine record not deleted, and every machine known only from live records (no
 * machine record at all — it has not arrived yet). A deleted machine's leftover records do not bring it back.
 */
const MACHINES = `
  WITH spans AS (${DATA_SPANS})
  SELECT coalesce(m."machine_id", s."machine_id") AS machine_id, m."type", m."location",
         ${ms('s.first_at')} AS first_ms, ${ms('s.last_at')} AS last_ms
  FROM (SELECT * FROM "ml"."machines" WHERE "deleted_at" IS NULL AND ($1::text IS NULL OR "machine_id" = $1::text)) m
  FULL JOIN (SELECT * FROM spans WHERE first_at IS NOT NULL) s ON s."machine_id" = m."machine_id"
  WHERE m."machine_id" IS NOT NULL
     OR NOT EXISTS (SELECT 1 FROM "ml"."machines" d WHERE d."machine_id" = s."machine_id")
  ORDER BY 1`;

/**
 * The ml service's copy of the shop floor (fed from SHOPFLOOR by its own durable consumer): machine histories in
 * the feature library's input form, and the outcome queries that fill in the actual value of predictions. Every
 * read leaves out tombstoned rows.
 */
@Injectable()
export class ShopfloorCopyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts or updates machines by id if newer. Returns how many rows changed. */
  async upsertMachines(rows: readonly MachineCopy[]): Promise<number> {
    if (rows.length === 0) return 0;
    return this.execute(UPSERT_MACHINES, [
      textArray(rows.map((m) => m.machineId)),
      textArray(rows.map((m) => m.type)),
      textArray(rows.map((m) => m.location)),
      numberArray(rows.map((m) => m.installationDate)),
      numberArray(rows.map((m) => m.sourceUpdatedAt)),
    ]);
  }

  /** Inserts or updates jobs by id if newer. Returns how many rows changed. */
  async upsertJobs(rows: readonly JobCopy[]): Promise<number> {
    if (rows.length === 0) return 0;
    return this.execute(UPSERT_JOBS, [
      textArray(rows.map((j) => j.jobId)),
      textArray(rows.map((j) => j.machineId)),
      numberArray(rows.map((j) => j.start)),
      numberArray(rows.map((j) => j.end)),
      numberArray(rows.map((j) => j.idealCycleTimeS)),
      numberArray(rows.map((j) => j.cycleTimeS)),
      numberArray(rows.map((j) => j.partsProduced)),
      numberArray(rows.map((j) => j.partsScrapped)),
      numberArray(rows.map((j) => j.sourceUpdatedAt)),
    ]);
  }

  /** Inserts or updates stops (downtime records) by id if newer. Returns how many rows changed. */
  async upsertStops(rows: readonly StopCopy[]): Promise<number> {
    if (rows.length === 0) return 0;
    return this.execute(UPSERT_STOPS, [
      textArray(rows.map((s) => s.recordId)),
      textArray(rows.map((s) => s.machineId)),
      textArray(rows.map((s) => s.type)),
      numberArray(rows.map((s) => s.start)),
      numberArray(rows.map((s) => s.durationS)),
      numberArray(rows.map((s) => s.sourceUpdatedAt)),
    ]);
  }

  /** Inserts the readings not stored yet. Returns how many were new. */
  async insertReadings(rows: readonly ReadingCopy[]): Promise<number> {
    if (rows.length === 0) return 0;
    return this.execute(INSERT_READINGS, [
      numberArray(rows.map((r) => r.readingId)),
      textArray(rows.map((r) => r.machineId)),
      numberArray(rows.map((r) => r.time)),
      textArray(rows.map((r) => r.metric)),
      numberArray(rows.map((r) => r.value)),
    ]);
  }

  /**
   * Tombstones records a full sync found gone from the source: a versioned record only if stored no newer than the
   * deletion (it may have come back at the source since), a reading always, once. Keys of readings are their
   * decimal source ids. Returns how many rows changed.
   */
  async markDeleted(entity: CopiedEntity, keys: readonly string[], deletedAt: number): Promise<number> {
    if (keys.length === 0) return 0;
    const { table, key, versioned } = TABLES[entity];
    const sql = versioned
      ? `UPDATE "ml"."${table}" SET "deleted_at" = to_timestamp($2::float8 / 1000)
         WHERE "${key}" = ANY($1::text[]) AND "source_updated_at" <= to_timestamp($2::float8 / 1000)
           AND ("deleted_at" IS NULL OR "deleted_at" < to_timestamp($2::float8 / 1000))`
      : `UPDATE "ml"."${table}" SET "deleted_at" = to_timestamp($2::float8 / 1000) WHERE "${key}" = ANY($1::bigint[]) AND "deleted_at" IS NULL`;
    return this.execute(sql, [textArray(keys), deletedAt]);
  }

  /**
   * One machine's records in [from, to) as the feature library reads them: every job and stop overlapping it (a
   * running job overlaps everything after its start; a stop of no duration, the instant it starts) and every
   * reading in it (from `readingsFrom` when later: features read readings over their windows only, stops and jobs
   * over months). `since` is `from`; `until` is `to`, or the machine's newest record time if earlier (not before
   * `from`: a machine without records up to the window has an empty one).
   */
  async history(machineId: string, from: number, to: number, readingsFrom = from): Promise<CopiedHistory> {
    checkWindow(from, to);
    const params = [machineId, from, to];
    const [jobs, stops, readings, newest] = await Promise.all([
      this.dataSource.query<
        {
          start_ms: number;
          end_ms: number | null;
          ideal_cycle_time: number | null;
          cycle_time: number | null;
          parts_produced: number | null;
          parts_scrapped: number | null;
        }[]
      >(
        `SELECT ${ms('"start_time"')} AS start_ms, ${ms('"end_time"')} AS end_ms, "ideal_cycle_time", "cycle_time", "parts_produced", "parts_scrapped"
         FROM "ml"."jobs"
         WHERE "machine_id" = $1 AND "deleted_at" IS NULL AND "start_time" < ${at(3)}
           AND ("end_time" IS NULL OR "end_time" > ${at(2)} OR "start_time" >= ${at(2)})
         ORDER BY "start_time", "job_id"`,
        params,
      ),
      this.dataSource.query<{ start_ms: number; duration: number; downtime_type: string }[]>(
        `SELECT ${ms('"start_time"')} AS start_ms, "duration", "downtime_type"
         FROM "ml"."stops"
         WHERE "machine_id" = $1 AND "deleted_at" IS NULL AND "start_time" < ${at(3)} AND "end_time" >= ${at(2)}
           AND ("end_time" > ${at(2)} OR "start_time" = ${at(2)})
         ORDER BY "start_time", "record_id"`,
        params,
      ),
      this.dataSource.query<{ t: number; metric: string; value: number }[]>(
        `SELECT ${ms('"reading_time"')} AS t, "metric", "value"
         FROM "ml"."readings"
         WHERE "machine_id" = $1 AND "deleted_at" IS NULL AND "reading_time" >= ${at(2)} AND "reading_time" < ${at(3)}
         ORDER BY "reading_time", "reading_id"`,
        [machineId, Math.max(from, readingsFrom), to],
      ),
      this.dataSource.query<{ last_ms: number | null }[]>(LAST_RECORD, [machineId]),
    ]);
    const last = newest[0]?.last_ms ?? null;
    return {
      jobs: jobs.map((j) => ({
        start: j.start_ms,
        end: j.end_ms,
        idealCycleTimeS: j.ideal_cycle_time,
        cycleTimeS: j.cycle_time,
        partsProduced: j.parts_produced,
        partsScrapped: j.parts_scrapped,
      })),
      stops: stops.map((s) => ({ start: s.start_ms, durationS: s.duration, type: s.downtime_type })),
      readings: readings.map((r) => ({ time: r.t, metric: r.metric, value: r.value })),
      since: from,
      until: last === null ? from : Math.max(from, Math.min(to, last)),
    };
  }

  /** The machines of the copy with the span of their records, in id order (see MACHINES). */
  async machines(): Promise<CopiedMachine[]> {
    const rows = await this.dataSource.query<
      { machine_id: string; type: string | null; location: string | null; first_ms: number | null; last_ms: number | null }[]
    >(MACHINES, [null]);
    return rows.map((r) => ({ machineId: r.machine_id, type: r.type, location: r.location, firstDataAt: r.first_ms, lastDataAt: r.last_ms }));
  }

  /** Whether `machineId` is one of `machines()`. */
  async machineExists(machineId: string): Promise<boolean> {
    // The same rule as MACHINES, by index probes on this machine only (MACHINES first lists every machine's span).
    const rows = await this.dataSource.query<{ found: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM "ml"."machines" WHERE "machine_id" = $1 AND "deleted_at" IS NULL)
           OR (NOT EXISTS (SELECT 1 FROM "ml"."machines" WHERE "machine_id" = $1)
               AND (EXISTS (SELECT 1 FROM "ml"."jobs" WHERE "machine_id" = $1 AND "deleted_at" IS NULL)
                    OR EXISTS (SELECT 1 FROM "ml"."stops" WHERE "machine_id" = $1 AND "deleted_at" IS NULL)
                    OR EXISTS (SELECT 1 FROM "ml"."readings" WHERE "machine_id" = $1 AND "deleted_at" IS NULL))) AS "found"`,
      [machineId],
    );
    return rows[0]?.found === true;
  }

  /** First and last record time over the machines of the copy; nulls while it holds no records. */
  async dataSpan(): Promise<{ from: number | null; to: number | null }> {
    const rows = await this.dataSource.query<{ from_ms: number | null; to_ms: number | null }[]>(
      `SELECT min(first_ms) AS from_ms, max(last_ms) AS to_ms FROM (${MACHINES}) machines`,
      [null],
    );
    return { from: rows[0]?.from_ms ?? null, to: rows[0]?.to_ms ?? null };
  }

  /**
   * Unplanned stops (every type but the no_production and planned ones, case-insensitively) longer than
   * `minDurationS` seconds that start in [from, to); only those of `types` (upper case) when some are given.
   */
  async unplannedStopsStarting(machineId: string, from: number, to: number, minDurationS: number, types: readonly string[] = []): Promise<number> {
    checkWindow(from, to);
    const rows = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "ml"."stops"
       WHERE "machine_id" = $1 AND "deleted_at" IS NULL AND "start_time" >= ${at(2)} AND "start_time" < ${at(3)}
         AND "duration" > $4 AND ${NORMALISED_TYPE} <> ALL($5::text[]) AND (cardinality($6::text[]) = 0 OR ${NORMALISED_TYPE} = ANY($6::text[]))`,
      [machineId, from, to, minDurationS, NOT_UNPLANNED_DOWNTIME_TYPES, types],
    );
    return rows[0].n;
  }

  /** Start of the machine's first BREAKDOWN stop at or after `at` (epoch ms), or null if none is recorded yet. */
  async nextBreakdownAfter(machineId: string, atMs: number): Promise<number | null> {
    checkWindow(atMs, atMs);
    const rows = await this.dataSource.query<{ start_ms: number }[]>(
      `SELECT ${ms('"start_time"')} AS start_ms FROM "ml"."stops"
       WHERE "machine_id" = $1 AND "deleted_at" IS NULL AND "start_time" >= ${at(2)} AND ${NORMALISED_TYPE} = 'BREAKDOWN'
       ORDER BY "start_time" LIMIT 1`,
      [machineId, atMs],
    );
    return rows[0]?.start_ms ?? null;
  }

  /** Runs one statement and returns how many rows it inserted or updated (Postgres' row count). */
  private async execute(sql: string, parameters: unknown[]): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, parameters, true);
      return result.affected ?? 0;
    } finally {
      await runner.release();
    }
  }
}

/** The timestamptz of the epoch-milliseconds parameter $n (microsecond-exact for whole milliseconds). */
function at(n: number): string {
  return `to_timestamp($${n}::float8 / 1000)`;
}

function checkWindow(from: number, to: number): void {
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError(`window bounds must be finite epoch milliseconds, got [${from}, ${to})`);
}

/**
 * PostgreSQL array literals written directly (numbers bare, text quoted and escaped, NULL for null): cheaper than the
 * driver's general array encoding, which matters for readings during a full sync.
 */
function numberArray(values: readonly (number | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (i > 0) out += ',';
    if (v === null) out += 'NULL';
    else if (Number.isFinite(v)) out += String(v);
    else throw new RangeError(`${v} cannot be stored as a number`);
  }
  return `${out}}`;
}

const NEEDS_ESCAPE = /["\\]/;

function textArray(values: readonly (string | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (i > 0) out += ',';
    if (v === null) out += 'NULL';
    else out += `"${NEEDS_ESCAPE.test(v) ? v.replace(/["\\]/g, '\\$&') : v}"`;
  }
  return `${out}}`;
}
