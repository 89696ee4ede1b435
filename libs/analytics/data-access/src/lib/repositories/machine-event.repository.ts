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

  /** Tombstones events gone from the source (ids as decimal strings). Returns how many changed. */
  async markDeleted(eventIds: string[], deletedAt: Date): Promise<number> {
    if (eventIds.length === 0) return 0;
    return tombstoneAppendOnly(this.dataSource, 'machine_events', 'event_id', eventIds, deletedAt);
  }
}
