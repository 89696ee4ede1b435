import { IsIn, IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Omittable } from './omittable';

export const OEE_GRANULARITIES = ['none', 'hour', 'shift', 'day', 'week'] as const;
export type OeeGranularity = (typeof OEE_GRANULARITIES)[number];

/** `GET /api/v1/analytics/oee` query and `analytics.oee.get` request. */
export class OeeQuery {
  /** One machine; omitted = all machines, aggregated by summing their time models and counts. */
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_id?: string;

  /** Start of the period (inclusive), ISO 8601 with offset; default `to` minus 24 hours. */
  @Omittable()
  @IsISO8601({ strict: true })
  from?: string;

  /** End of the period (exclusive); default now. */
  @Omittable()
  @IsISO8601({ strict: true })
  to?: string;

  @Omittable()
  @IsIn(OEE_GRANULARITIES)
  granularity?: OeeGranularity;
}

export interface OeeTimeModel {
  planned_production_time: number;
  run_time: number;
  planned_stop_time: number;
  unplanned_stop_time: number;
  small_stop_time: number;
}

/** The numbers of one period (API.md "OEE conventions"); times in seconds, ratios null for a zero denominator. */
export interface OeeFiguresView {
  availability: number | null;
  performance: number | null;
  quality: number | null;
  overall_oee: number | null;
  benchmark_comparison: number | null;
  time_model: OeeTimeModel;
  counts: { total: number; good: number; scrap: number };
  losses: { unplanned_stops: number; planned_stops: number; small_stops: number; slow_cycles: number; production_rejects: number };
  /** ISO 22400-2 KPIs from the same data. */
  kpis: {
    technical_efficiency: number | null;
    setup_rate: number | null;
    scrap_ratio: number | null;
    nee: number | null;
    mtbf: number | null;
    mttr: number | null;
    failures: number;
  };
}

export interface OeeBucketView extends OeeFiguresView {
  period: { from: string; to: string };
  label: string;
}

/** `GET /api/v1/analytics/oee` → OEEMetrics. */
export interface OeeMetricsView extends OeeFiguresView {
  /** null when all machines are aggregated. */
  machine_id: string | null;
  machine_count: number;
  period: { from: string; to: string };
  granularity: OeeGranularity;
  /** Which calendar applied: 'machine', 'default', 'default_24x7' (none: planned 24/7) or 'mixed' across machines. */
  calendar: 'machine' | 'default' | 'default_24x7' | 'mixed';
  /** Zone of the buckets' wall clock. */
  timezone: string;
  micro_stop_threshold_seconds: number;
  series: OeeBucketView[];
}

/** `GET /api/v1/analytics/downtime-patterns` query and `analytics.downtime-patterns.get` request. */
export class DowntimePatternsQuery {
  /** One machine; omitted = all machines. */
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_id?: string;

  /** Default: `to` minus 24 hours. */
  @Omittable()
  @IsISO8601({ strict: true })
  from?: string;

  /** Default: now. */
  @Omittable()
  @IsISO8601({ strict: true })
  to?: string;
}

export interface ParetoEntryView {
  reason_code: string;
  category: 'planned_stop' | 'unplanned_stop' | 'small_stop';
  /** Seconds lost inside planned production time. */
  duration: number;
  count: number;
  share: number | null;
  cumulative_share: number | null;
}

export interface HeatmapCellView {
  weekday: 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
  hour: number;
  duration: number;
  count: number;
}

export interface MachineLossView {
  machine_id: string;
  unplanned_stop_time: number;
  small_stop_time: number;
  planned_stop_time: number;
  failures: number;
  availability: number | null;
  mtbf: number | null;
  mttr: number | null;
}

export interface DowntimePatternsView {
  machine_id: string | null;
  machine_count: number;
  period: { from: string; to: string };
  calendar: 'machine' | 'default' | 'default_24x7' | 'mixed';
  /** Zone of the heat map's wall clock. */
  timezone: string;
  micro_stop_threshold_seconds: number;
  /** Seconds of planned time lost to any stop (overlaps once). */
  lost_time: number;
  pareto: ParetoEntryView[];
  /** 168 cells, Monday 00:00 first. */
  heatmap: HeatmapCellView[];
  mtbf: number | null;
  mttr: number | null;
  failures: number;
  /** Machines with the most unplanned stop time, at most 10. */
  top_losers: MachineLossView[];
}

/** `GET /api/v1/analytics/efficiency` query and `analytics.efficiency.get` request. */
export class EfficiencyQuery {
  @Omittable()
  @IsISO8601({ strict: true })
  from?: string;

  @Omittable()
  @IsISO8601({ strict: true })
  to?: string;

  /** Comma-separated machine ids. */
  @Omittable()
  @IsString()
  @MaxLength(5000)
  machine_ids?: string;

  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_type?: string;

  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  location?: string;
}

export interface MachineEfficiencyView extends OeeFiguresView {
  machine_id: string;
  name: string;
  type: string;
  location: string | null;
  calendar: 'machine' | 'default' | 'default_24x7';
}

export interface EfficiencyView {
  period: { from: string; to: string };
  filters: { machine_ids: string[] | null; machine_type: string | null; location: string | null };
  machine_count: number;
  micro_stop_threshold_seconds: number;
  /** All selected machines together (summed time models and counts). */
  totals: OeeFiguresView;
  machines: MachineEfficiencyView[];
}

/** `GET /api/v1/analytics/current-shift` query and `analytics.oee.current-shift` request. */
export class CurrentShiftQuery {
  /** Comma-separated machine ids. */
  @Omittable()
  @IsString()
  @MaxLength(5000)
  machine_ids?: string;

  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  machine_type?: string;

  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  location?: string;
}

/** The shift a machine's figures are of: the one in progress, else the last one that ended (within a day). */
export interface ShiftPeriodView {
  name: string;
  /** The shift's start and end (ISO 8601), whole, as its calendar defines it. */
  start: string;
  end: string;
  in_progress: boolean;
}

export interface MachineShiftOeeView extends OeeFiguresView {
  machine_id: string;
  calendar: 'machine' | 'default' | 'default_24x7';
  /** Null without a shift calendar (planned 24/7): the figures are then of the current day in UTC. */
  shift: ShiftPeriodView | null;
  /** [from, to) the figures cover: the shift (or day) up to now. */
  period: { from: string; to: string };
}

export interface CurrentShiftView {
  generated_at: string;
  micro_stop_threshold_seconds: number;
  machines: MachineShiftOeeView[];
}

/**
 * `analytics.answers.changed`: which answers about a period (OEE, downtime patterns, efficiency) new data made stale.
 * `all`: every answer (the default calendar or the set of machines changed). Otherwise each range names a machine and
 * the period its data changed in, [from, to) in epoch ms, null for unbounded; it stales that machine's answers and
 * every all-machine answer overlapping it.
 */
export interface AnswersChanged {
  all: boolean;
  ranges: { machine_id: string; from: number | null; to: number | null }[];
}
