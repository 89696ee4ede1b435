import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { Omittable } from './omittable';
import type { SourceComparison } from './integrity-comparison.payload';

/** `GET /api/v1/machines/{machine_id}/jobs?from&to` and `.../downtime?from&to` (query part). */
export class MachineHistoryQuery {
  /** Inclusive lower bound (ISO 8601 with offset); records overlapping [from, to) are returned. */
  @Omittable() @IsISO8601({ strict: true })
  from?: string;

  @Omittable() @IsISO8601({ strict: true })
  to?: string;

  @Omittable() @Type(() => Number) @IsInt() @Min(1) @Max(5000)
  limit?: number;
}

/** `analytics.machines.jobs` / `analytics.machines.downtime` request. */
export class MachineHistoryRequest extends MachineHistoryQuery {
  @IsString() @IsNotEmpty() @MaxLength(50)
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
