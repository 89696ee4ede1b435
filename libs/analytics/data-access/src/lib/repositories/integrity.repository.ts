import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface IntegrityCheckOptions {
  /** Consecutive events of one machine further apart than this are a gap (unless the earlier one is OFFLINE). */
  eventGapSeconds: number;
  /** Most items returned per finding; totals are always complete. */
  listLimit: number;
}

/** A capped list of findings and how many there are in all. */
export interface Findings<T> {
  items: T[];
  total: number;
}

export interface OrphanJob {
  jobId: string;
  machineId: string;
}

export interface OrphanDowntimeRecord {
  recordId: string;
  machineId: string;
  jobId: string | null;
  missing: 'machine' | 'job';
}

export interface OverlappingJobs {
  machineId: string;
  /** The job that started first. */
  jobId: string;
  otherJobId: string;
  overlapSeconds: number;
}

export interface EventGap {
  machineId: string;
  from: Date;
  to: Date;
  gapSeconds: number;
}

export interface IntegrityFindings {
  orphanJobs: Findings<OrphanJob>;
  orphanDowntimeRecords: Findings<OrphanDowntimeRecord>;
  overlappingJobs: Findings<OverlappingJobs>;
  eventGaps: Findings<EventGap>;
  /** Live (not deleted) rows per table, plus jobs that end before they start. */
  counts: Record<'machines' | 'jobs' | 'downtime_records' | 'machine_events' | 'machine_readings' | 'jobs_ending_before_start', number>;
}

type Counted = { total: string };

const ORPHAN_JOBS = `
  SELECT j.job_id, j.machine_id, count(*) OVER () AS total
  FROM "analytics"."jobs" j
  WHERE j.deleted_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM "analytics"."machines" m WHERE m.machine_id = j.machine_id AND m.deleted_at IS NULL)
  ORDER BY j.machine_id, j.job_id
  LIMIT $1`;

/** A record whose machine is unknown is reported for the machine, even if its job is unknown too. */
const ORPHAN_DOWNTIME_RECORDS = `
  SELECT d.record_id, d.machine_id, d.job_id, CASE WHEN m.machine_id IS NULL THEN 'machine' ELSE 'job' END AS missing,
         count(*) OVER () AS total
  FROM "analytics"."downtime_records" d
  LEFT JOIN "analytics"."machines" m ON m.machine_id = d.machine_id AND m.deleted_at IS NULL
  LEFT JOIN "analytics"."jobs" j ON j.job_id = d.job_id AND j.deleted_at IS NULL
  WHERE d.deleted_at IS NULL AND (m.machine_id IS NULL OR (d.job_id IS NOT NULL AND j.job_id IS NULL))
  ORDER BY d.machine_id, d.record_id
  LIMIT $1`;

/**
 * Pairs of jobs on one machine that run at the same time. A running job (no end yet) lasts until now. One pass with
 * a window finds the jobs that start before an earlier job has ended (the running maximum of earlier ends); only
 * those few are joined back, through the (machine_id, start_time) index, to name every job they overlap.
 */
const OVERLAPPING_JOBS = `
  WITH live AS (
    SELECT job_id, machine_id, start_time, COALESCE(end_time, GREATEST(now(), start_time)) AS end_at
    FROM "analytics"."jobs" WHERE deleted_at IS NULL
  ), late AS (
    SELECT * FROM (
      SELECT live.*, max(end_at) OVER (PARTITION BY machine_id ORDER BY start_time, job_id
                                       ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_end
      FROM live
    ) w
    WHERE earlier_end > start_time AND end_at > start_time
  )
  SELECT l.machine_id, e.job_id, l.job_id AS other_job_id,
         EXTRACT(EPOCH FROM LEAST(COALESCE(e.end_time, GREATEST(now(), e.start_time)), l.end_at) - l.start_time)::float8 AS overlap_seconds,
         count(*) OVER () AS total
  FROM late l
  JOIN "analytics"."jobs" e
    ON e.machine_id = l.machine_id AND e.deleted_at IS NULL AND e.start_time <= l.start_time
   AND (e.start_time, e.job_id) < (l.start_time, l.job_id)
   AND COALESCE(e.end_time, GREATEST(now(), e.start_time)) > l.start_time
  ORDER BY l.machine_id, l.start_time, l.job_id, e.start_time, e.job_id
  LIMIT $1`;

/** Consecutive events of one machine more than $1 seconds apart, unless the machine was OFFLINE in between. */
const EVENT_GAPS = `
  SELECT machine_id, event_time AS gap_from, next_time AS gap_to, EXTRACT(EPOCH FROM next_time - event_time)::float8 AS gap_seconds,
         count(*) OVER () AS total
  FROM (
    SELECT machine_id, event_time, state, lead(event_time) OVER (PARTITION BY machine_id ORDER BY event_time, event_id) AS next_time
    FROM "analytics"."machine_events" WHERE deleted_at IS NULL
  ) e
  WHERE next_time - event_time > $1 * interval '1 second' AND upper(state) <> 'OFFLINE'
  ORDER BY machine_id, event_time
  LIMIT $2`;

const COUNTS = `
  SELECT (SELECT count(*) FROM "analytics"."machines" WHERE deleted_at IS NULL) AS machines,
         (SELECT count(*) FROM "analytics"."jobs" WHERE deleted_at IS NULL) AS jobs,
         (SELECT count(*) FROM "analytics"."downtime_records" WHERE deleted_at IS NULL) AS downtime_records,
         (SELECT count(*) FROM "analytics"."machine_events" WHERE deleted_at IS NULL) AS machine_events,
         (SELECT count(*) FROM "analytics"."machine_readings" WHERE deleted_at IS NULL) AS machine_readings,
         (SELECT count(*) FROM "analytics"."jobs" WHERE deleted_at IS NULL AND end_time < start_time) AS jobs_ending_before_start`;

/** Problems in the synced data that no single row shows. The database does the work; only capped lists come back. */
@Injectable()
export class IntegrityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every finding from one snapshot, so the lists and counts agree with each other. */
  async check(options: IntegrityCheckOptions): Promise<IntegrityFindings> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => ({
      orphanJobs: await this.orphanJobs(manager, options.listLimit),
      orphanDowntimeRecords: await this.orphanDowntimeRecords(manager, options.listLimit),
      overlappingJobs: await this.overlappingJobs(manager, options.listLimit),
      eventGaps: await this.eventGaps(manager, options.eventGapSeconds, options.listLimit),
      counts: await this.counts(manager),
    }));
  }

  private async orphanJobs(manager: EntityManager, limit: number): Promise<Findings<OrphanJob>> {
    const rows: (Counted & { job_id: string; machine_id: string })[] = await manager.query(ORPHAN_JOBS, [limit]);
    return findings(rows, (r) => ({ jobId: r.job_id, machineId: r.machine_id }));
  }

  private async orphanDowntimeRecords(manager: EntityManager, limit: number): Promise<Findings<OrphanDowntimeRecord>> {
    const rows: (Counted & { record_id: string; machine_id: string; job_id: string | null; missing: 'machine' | 'job' })[] = await manager.query(
      ORPHAN_DOWNTIME_RECORDS,
      [limit],
    );
    return findings(rows, (r) => ({ recordId: r.record_id, machineId: r.machine_id, jobId: r.job_id, missing: r.missing }));
  }

  private async overlappingJobs(manager: EntityManager, limit: number): Promise<Findings<OverlappingJobs>> {
    const rows: (Counted & { machine_id: string; job_id: string; other_job_id: string; overlap_seconds: number })[] = await manager.query(OVERLAPPING_JOBS, [
      limit,
    ]);
    return findings(rows, (r) => ({ machineId: r.machine_id, jobId: r.job_id, otherJobId: r.other_job_id, overlapSeconds: r.overlap_seconds }));
  }

  private async eventGaps(manager: EntityManager, gapSeconds: number, limit: number): Promise<Findings<EventGap>> {
    const rows: (Counted & { machine_id: string; gap_from: Date; gap_to: Date; gap_seconds: number })[] = await manager.query(EVENT_GAPS, [gapSeconds, limit]);
    return findings(rows, (r) => ({ machineId: r.machine_id, from: r.gap_from, to: r.gap_to, gapSeconds: r.gap_seconds }));
  }

  private async counts(manager: EntityManager): Promise<IntegrityFindings['counts']> {
    const [row]: Record<keyof IntegrityFindings['counts'], string>[] = await manager.query(COUNTS);
    return {
      machines: Number(row.machines),
      jobs: Number(row.jobs),
      downtime_records: Number(row.downtime_records),
      machine_events: Number(row.machine_events),
      machine_readings: Number(row.machine_readings),
      jobs_ending_before_start: Number(row.jobs_ending_before_start),
    };
  }
}

/** count(*) is a bigint, which the driver returns as a string; every row carries the same total. */
function findings<R extends Counted, T>(rows: R[], map: (row: R) => T): Findings<T> {
  return { items: rows.map(map), total: rows.length > 0 ? Number(rows[0].total) : 0 };
}
