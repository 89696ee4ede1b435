import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { executeCounting, tombstoneAppendOnly } from './batch-statement';
import { instantArray, numberArray, textArray } from './pg-array';

export interface MachineEventInsert {
  eventId: number;
  machineId: string;
  /** A Date or an ISO 8601 instant with its offset. */
  eventTime: Date | string;
  state: string;
  reasonCode: string | null;
  jobId: string | null;
  partCount: number | null;
}

/**
 * Append-only: an id already stored is left as it is (the source never changes an event), so redeliveries and
 * replays write nothing and a tombstoned event stays deleted. Within the batch the first occurrence of an id wins.
 */
const INSERT_MACHINE_EVENTS = `
  INSERT INTO "analytics"."machine_events" ("event_id", "machine_id", "event_time", "state", "reason_code", "job_id", "part_count")
  SELECT DISTINCT ON (r.event_id) r.event_id, r.machine_id, r.event_time, r.state, r.reason_code, r.job_id, r.part_count
  FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::int[]) WITH ORDINALITY
    AS r(event_id, machine_id, event_time, state, reason_code, job_id, part_count, ord)
  ORDER BY r.event_id, r.ord
  ON CONFLICT ("event_id") DO NOTHING`;

/** A change of a machine's state, reason or job, as its events recorded it. */
export interface StateChange {
  time: Date;
  state: string;
  reasonCode: string | null;
  jobId: string | null;
}

/**
 * The event in effect at `from` (the last at or before it), then the events in (from, to) that change the state,
 * reason or job of the one before — counter messages repeat the state and would only split a stretch.
 */
const STATE_CHANGES = `
  (SELECT "event_time", "state", "reason_code", "job_id", 0 AS part
   FROM "analytics"."machine_events"
   WHERE "machine_id" = $1 AND "deleted_at" IS NULL AND "event_time" <= $2
   ORDER BY "event_time" DESC, "event_id" DESC LIMIT 1)
  UNION ALL
  (SELECT "event_time", "state", "reason_code", "job_id", 1 AS part
   FROM (
     SELECT "event_id", "event_time", "state", "reason_code", "job_id",
       lag("state") OVER w AS prev_state, lag("reason_code") OVER w AS prev_reason, lag("job_id") OVER w AS prev_job,
       row_number() OVER w AS n
     FROM "analytics"."machine_events"
     WHERE "machine_id" = $1 AND "deleted_at" IS NULL AND "event_time" > $2 AND "event_time" < $3
     WINDOW w AS (ORDER BY "event_time", "event_id")
   ) e
   WHERE n = 1 OR prev_state IS DISTINCT FROM "state" OR prev_reason IS DISTINCT FROM "reason_code" OR prev_job IS DISTINCT FROM "job_id"
   ORDER BY "event_time", "event_id" LIMIT $4)
  ORDER BY part, "event_time"`;

@Injectable()
export class MachineEventRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the events not stored yet. Returns how many were new. */
  async insertBatch(rows: MachineEventInsert[]): Promise<number> {
    if (rows.length === 0) return 0;
    return executeCounting(this.dataSource, INSERT_MACHINE_EVENTS, [
      numberArray(rows.map((e) => e.eventId)),
      textArray(rows.map((e) => e.machineId)),
      instantArray(rows.map((e) => e.eventTime)),
      textArray(rows.map((e) => e.state)),
      textArray(rows.map((e) => e.reasonCode)),
      textArray(rows.map((e) => e.jobId)),
      numberArray(rows.map((e) => e.partCount)),
    ]);
  }

  /** The state in effect at `from` and up to `limit` changes after it, before `to`, oldest first. */
  async stateChanges(machineId: string, from: Date, to: Date, limit: number): Promise<StateChange[]> {
    const rows: { event_time: Date; state: string; reason_code: string | null; job_id: string | null }[] = await this.dataSource.query(STATE_CHANGES, [
      machineId,
      from,
      to,
      limit,
    ]);
    return rows.map((r) => ({ time: r.event_time, state: r.state, reasonCode: r.reason_code, jobId: r.job_id }));
  }

  /** Tombstones events gone from the source (ids as decimal strings). Returns how many changed. */
  async markDeleted(eventIds: string[], deletedAt: Date): Promise<number> {
    if (eventIds.length === 0) return 0;
    return tombstoneAppendOnly(this.dataSource, 'machine_events', 'event_id', eventIds, deletedAt);
  }
}
