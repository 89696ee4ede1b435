import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { Omittable } from './omittable';
import type { SourceComparison } from './integrity-comparison.payload';

/** `GET /api/v1/machines/{machine_id}/jobs?from&to` and `.../downtime?from&to` (query part). */
export class MachineHistoryQuery {
  /** Inclusive lower bound (ISO 8601 with offset); records overlapping [from, to) are returned. */
  @Omittable()
  @IsISO8601({ strict: true })
  from?: string;

  @Omittable()
  @IsISO8601({ strict: true })
  to?: string;

  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;
}

/** `analytics.machines.jobs` / `analytics.machines.downtime` request. */
export class MachineHistoryRequest extends MachineHistoryQuery {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_id!: string;
}

export interface JobView {
  job_id: string;
  machine_id: string;
  part_number: string | null;
  start_time: string;
  end_time: string | null;
  state: string;
  operator_id: string | null;
  setup_time: number | null;
  cycle_time: number | null;
  ideal_cycle_time: number | null;
  parts_produced: number | null;
  parts_scrapped: number | null;
  source_updated_at: string;
}

export interface DowntimeView {
  record_id: string;
  job_id: string | null;
  machine_id: string;
  downtime_type: string;
  start_time: string;
  end_time: string;
  duration: number;
  reason_code: string | null;
  description: string | null;
  source_updated_at: string;
}

export interface HistoryPage<T> {
  machine_id: string;
  from: string | null;
  to: string | null;
  items: T[];
}

/** `GET /api/v1/machines/{machine_id}/states?from&to` (query part): a period of at most 31 days. */
export class MachineStatesQuery {
  /** ISO 8601 with offset; the state in effect at `from` is included, clipped to it. */
  @IsISO8601({ strict: true })
  from!: string;

  @IsISO8601({ strict: true })
  to!: string;
}

/** `analytics.machines.states` request. */
export class MachineStatesRequest extends MachineStatesQuery {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_id!: string;
}

/** One stretch of a machine's recorded state: from one state event to the next (or the end of the period). */
export interface StateIntervalView {
  state: string;
  reason_code: string | null;
  job_id: string | null;
  start: string;
  end: string;
  /** Seconds. */
  duration: number;
}

export interface StateTimelineView {
  machine_id: string;
  from: string;
  to: string;
  /** Up to where the timeline is known: `to`, or now when the period reaches into the future. */
  known_until: string;
  items: StateIntervalView[];
  /** More state events than one answer holds: the items end early (at `known_until`). */
  truncated: boolean;
}

/** `GET /api/v1/machines/{machine_id}/readings?from&to&metric&buckets` (query part): a period of at most 31 days. */
export class MachineReadingsQuery {
  @IsISO8601({ strict: true })
  from!: string;

  @IsISO8601({ strict: true })
  to!: string;

  /** One metric (sensor) only; all of the machine's otherwise. */
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  metric?: string;

  /** Equal time buckets the period is cut into (default 200). */
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  buckets?: number;
}

/** `analytics.machines.readings` request. */
export class MachineReadingsRequest extends MachineReadingsQuery {
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_id!: string;
}

/** One bucket of one metric: the readings in [start, start + bucket_seconds). */
export interface ReadingBucketView {
  start: string;
  mean: number;
  min: number;
  max: number;
  count: number;
}

export interface ReadingSeriesView {
  metric: string;
  unit: string | null;
  /** Buckets with at least one reading, oldest first. */
  points: ReadingBucketView[];
}

export interface ReadingsView {
  machine_id: string;
  from: string;
  to: string;
  bucket_seconds: number;
  series: ReadingSeriesView[];
}

/** `GET /api/v1/data/integrity`: problems in the synced data that validation of single rows cannot see. */
export interface IntegrityReport {
  generated_at: string;
  orphan_jobs: { job_id: string; machine_id: string }[];
  orphan_downtime_records: { record_id: string; machine_id: string; job_id: string | null; missing: 'machine' | 'job' }[];
  overlapping_jobs: { machine_id: string; job_id: string; other_job_id: string; overlap_seconds: number }[];
  event_gaps: { machine_id: string; from: string; to: string; gap_seconds: number }[];
  counts: Record<string, number>;
  /** Per entity, the read model's rows against the CIMCO source's (added by the gateway); null when the source could not be counted. */
  source_comparison?: SourceComparison | null;
  /** Why the source could not be counted, or null. */
  source_comparison_error?: string | null;
}
