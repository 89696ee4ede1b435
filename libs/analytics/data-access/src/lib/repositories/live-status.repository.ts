import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { instantArray, numberArray, textArray } from './pg-array';

/** A machine's newest state from one batch of events. */
export interface LatestState {
  machineId: string;
  eventTime: string;
  state: string;
  /** When the state the batch ends in began, as far as the batch tells. */
  since: string;
  /** True when every event of the batch for this machine is in that state (it may have begun earlier). */
  wholeBatchInState: boolean;
  reasonCode: string | null;
  jobId: string | null;
  partCount: number | null;
}

export interface LiveStatusRow {
  machineId: string;
  state: string;
  previousState: string | null;
  since: Date | null;
  reasonCode: string | null;
  currentJobId: string | null;
  partCount: number | null;
  lastEventAt: Date | null;
  /** Latest event or reading. */
  lastDataAt: Date | null;
  updatedAt: Date;
}

const COLUMNS = `"machine_id", "state", "previous_state", "since", "reason_code", "current_job_id", "part_count", "last_event_at", "last_data_at", "updated_at"`;

/**
 * Moves a machine's status forward to its newest event — never back: an older batch arriving late changes nothing.
 * `since` stays when the state continues through the whole batch.
 */
const APPLY_LATEST = `
  INSERT INTO "analytics"."machine_live_status" AS t
    ("machine_id", "state", "previous_state", "since", "reason_code", "current_job_id", "part_count", "last_event_at", "last_data_at", "updated_at")
  SELECT r.machine_id, r.state, NULL, r.since, r.reason_code, r.job_id, r.part_count, r.event_time, r.event_time, now()
  FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[], $7::int[], $8::text[])
    AS r(machine_id, state, since, event_time, reason_code, job_id, part_count, whole)
  ON CONFLICT ("machine_id") DO UPDATE SET
    "previous_state" = t."state",
    "state" = EXCLUDED."state",
    "since" = CASE WHEN t."state" = EXCLUDED."state" AND (SELECT w.whole FROM unnest($1::text[], $8::text[]) AS w(machine_id, whole) WHERE w.machine_id = EXCLUDED."machine_id") = 't'
                   THEN t."since" ELSE EXCLUDED."since" END,
    "reason_code" = EXCLUDED."reason_code", "current_job_id" = EXCLUDED."current_job_id", "part_count" = EXCLUDED."part_count",
    "last_event_at" = EXCLUDED."last_event_at", "last_data_at" = GREATEST(t."last_data_at", EXCLUDED."last_event_at"), "updated_at" = now()
  WHERE t."last_event_at" IS NULL OR EXCLUDED."last_event_at" > t."last_event_at"
  RETURNING ${COLUMNS.split(', ')
    .map((c) => `t.${c}`)
    .join(', ')}`;

interface RawRow {
  machine_id: string;
  state: string;
  previous_state: string | null;
  since: Date | null;
  reason_code: string | null;
  current_job_id: string | null;
  part_count: number | null;
  last_event_at: Date | null;
  last_data_at: Date | null;
  updated_at: Date;
}

@Injectable()
export class LiveStatusRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Applies each machine's newest state; returns the rows that moved (with the state they had before). */
  async applyLatest(states: LatestState[]): Promise<LiveStatusRow[]> {
    if (states.length === 0) return [];
    const rows: RawRow[] = await this.dataSource.query(APPLY_LATEST, [
      textArray(states.map((s) => s.machineId)),
      textArray(states.map((s) => s.state)),
      instantArray(states.map((s) => s.since)),
      instantArray(states.map((s) => s.eventTime)),
      textArray(states.map((s) => s.reasonCode)),
      textArray(states.map((s) => s.jobId)),
      numberArray(states.map((s) => s.partCount)),
      textArray(states.map((s) => (s.wholeBatchInState ? 't' : 'f'))),
    ]);
    return rows.map(toRow);
  }

  /** Marks UNAVAILABLE every machine without data since before `silentBefore`; returns those it changed (once, across replicas). */
  async markSilent(silentBefore: Date, unavailable: string): Promise<LiveStatusRow[]> {
    const rows = await this.returning(
      `UPDATE "analytics"."machine_live_status" SET "previous_state" = "state", "state" = $2, "since" = "last_data_at", "reason_code" = NULL, "updated_at" = now()
       WHERE "state" <> $2 AND "last_data_at" < $1
       RETURNING ${COLUMNS}`,
      [silentBefore, unavailable],
    );
    return rows.map(toRow);
  }

  /**
   * Data (readings) arrived for the machines: moves `last_data_at` forward, and gives a machine shown UNAVAILABLE its
   * own state back. Returns the machines it gave back (each once, across replicas).
   */
  async touchData(latest: { machineId: string; at: string }[], unavailable: string): Promise<LiveStatusRow[]> {
    if (latest.length === 0) return [];
    const rows = await this.returning(
      `WITH r AS (SELECT * FROM unnest($1::text[], $2::timestamptz[]) AS r(machine_id, at)),
            old AS (SELECT t."machine_id", t."state" FROM "analytics"."machine_live_status" t JOIN r USING ("machine_id") ORDER BY t."machine_id" FOR UPDATE)
       UPDATE "analytics"."machine_live_status" AS t SET
         "last_data_at" = r.at,
         "state" = CASE WHEN t."state" = $3 THEN coalesce(t."previous_state", t."state") ELSE t."state" END,
         "previous_state" = CASE WHEN t."state" = $3 THEN $3 ELSE t."previous_state" END,
         "since" = CASE WHEN t."state" = $3 THEN r.at ELSE t."since" END,
         "updated_at" = now()
       FROM r JOIN old USING ("machine_id")
       WHERE t."machine_id" = r."machine_id" AND (t."last_data_at" IS NULL OR r.at > t."last_data_at")
       RETURNING ${COLUMNS.split(', ')
         .map((c) => `t.${c}`)
         .join(', ')}, old."state" AS "old_state"`,
      [textArray(latest.map((l) => l.machineId)), instantArray(latest.map((l) => l.at)), unavailable],
    );
    return rows.filter((r) => (r as RawRow & { old_state: string }).old_state === unavailable && r.state !== unavailable).map(toRow);
  }

  /** Machines stopped (in one of `states`) since before `stoppedBefore` and not yet alerted for this stop; marks them alerted. */
  async claimLongStops(states: string[], stoppedBefore: Date): Promise<LiveStatusRow[]> {
    const rows = await this.returning(
      `UPDATE "analytics"."machine_live_status" SET "long_stop_alerted_since" = "since"
       WHERE "state" = ANY($1::text[]) AND "since" < $2 AND "long_stop_alerted_since" IS DISTINCT FROM "since"
       RETURNING ${COLUMNS}`,
      [states, stoppedBefore],
    );
    return rows.map(toRow);
  }

  /** The rows an UPDATE … RETURNING gave back (TypeORM otherwise pairs them with the row count). */
  private async returning(sql: string, parameters: unknown[]): Promise<RawRow[]> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const result = await runner.query(sql, parameters, true);
      return result.records as RawRow[];
    } finally {
      await runner.release();
    }
  }

  async list(): Promise<LiveStatusRow[]> {
    const rows: RawRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM "analytics"."machine_live_status" ORDER BY "machine_id"`);
    return rows.map(toRow);
  }
}

function toRow(r: RawRow): LiveStatusRow {
  return {
    machineId: r.machine_id,
    state: r.state,
    previousState: r.previous_state,
    since: r.since,
    reasonCode: r.reason_code,
    currentJobId: r.current_job_id,
    partCount: r.part_count,
    lastEventAt: r.last_event_at,
    lastDataAt: r.last_data_at,
    updatedAt: r.updated_at,
  };
}
