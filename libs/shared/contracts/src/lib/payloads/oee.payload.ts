import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export const OEE_GRANULARITIES = ['none', 'hour', 'shift', 'day', 'week'] as const;
export type OeeGranularity = (typeof OEE_GRANULARITIES)[number];

/** `GET /api/v1/analytics/oee` query and `analytics.oee.get` request. */
export class OeeQuery {
  /** One machine; omitted = all machines, aggregated by summing their time models and counts. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(50)
  machine_id?: string;

  /** Start of the period (inclusive), ISO 8601 with offset; default `to` minus 24 hours. */
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  /** End of the period (exclusive); default now. */
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;

  @IsOptional() @IsIn(OEE_GRANULARITIES)
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
  kpis: { technical_efficiency: number | null; setup_rate: number | null; scrap_ratio: number | null; nee: number | null; mtbf: number | null; mttr: number | null; failures: number };
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
