/**
 * Inputs and outputs of the OEE engine. Times are epoch milliseconds in, seconds out (API.md: "durations are
 * seconds"); the public figures use the API's snake_case names so that the service can pass them through unchanged.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * One shift of the weekly pattern, on the wall clock of the calendar's zone. `days` are the days the shift STARTS;
 * `end <= start` means the shift crosses midnight, and `end: '24:00'` ends it at the midnight after the start day
 * (so `00:00`–`24:00` is a whole day).
 */
export interface ShiftDefinition {
  name: string;
  days: Weekday[];
  /** `HH:MM`, 00:00–23:59. */
  start: string;
  /** `HH:MM`, 00:00–23:59, or `24:00`. */
  end: string;
}

/** A weekly shift pattern in an IANA time zone (API.md "Shop floor"). */
export interface ShiftCalendar {
  timezone: string;
  shifts: ShiftDefinition[];
}

/** A problem found by `calendarProblems`; `field` is a path into the calendar body, e.g. `shifts[1].start`. */
export interface CalendarProblem {
  field: string;
  message: string;
}

export type Granularity = 'none' | 'hour' | 'shift' | 'day' | 'week';

/** A downtime record as the source has it. */
export interface StopInput {
  /** Epoch ms. */
  start: number;
  /** The record's own length in seconds (the micro-stop test uses this, not the clipped part). */
  durationSeconds: number;
  downtimeType: string;
  reasonCode: string | null;
}

/** A job as the source has it. */
export interface JobInput {
  /** Epoch ms. */
  start: number;
  /** Epoch ms; null while the job runs (it then runs until `OeeInput.now`). */
  end: number | null;
  /** Standard seconds per part. */
  idealCycleTime: number | null;
  /** Total count, good + scrap. */
  partsProduced: number | null;
  partsScrapped: number | null;
}

/** One machine's records for the period [from, to). */
export interface OeeInput {
  from: number;
  to: number;
  /** Null: planned 24/7 (API.md "default_24x7"). */
  calendar: ShiftCalendar | null;
  stops: StopInput[];
  jobs: JobInput[];
  /** Epoch ms of "now": running jobs run until then, and time after it has not happened yet. */
  now: number;
  /** Unplanned stops shorter than this are small stops; default 120 s. */
  microStopThresholdSeconds?: number;
}

/**
 * Additive sums for one machine over one period. Sums of several machines or buckets (`sumTotals`) derive exactly
 * the aggregate's figures, because every ratio is taken only at the end (never an average of ratios).
 * Times are integer milliseconds; part counts and ideal times are raw (pro-rata attribution makes them fractional).
 */
export interface OeeTotals {
  /** Shift time inside the period (all of it when planned 24/7). */
  calendarMs: number;
  /** no_production stops (breaks, no demand, ...) inside shift time. */
  noProductionMs: number;
  /** calendarMs − noProductionMs. */
  plannedProductionMs: number;
  /** planned_stop time not covered by no_production. */
  plannedStopMs: number;
  /** The SETUP/CHANGEOVER part of plannedStopMs (ISO 22400-2 AUST). */
  setupMs: number;
  /** Unplanned stops of at least the micro-stop threshold, not covered by the categories above. */
  unplannedStopMs: number;
  /** Unplanned stops shorter than the threshold, not covered by any other stop; part of run time. */
  smallStopMs: number;
  /** plannedProductionMs − plannedStopMs − unplannedStopMs (small stops stay in run time). */
  runMs: number;
  /** Unplanned, non-small stop records with visible time here; each is counted in one bucket only (its first). */
  failures: number;
  /** Parts attributed to the period (good + scrap). */
  partsProduced: number;
  partsScrapped: number;
  /** Σ ideal cycle time × parts produced, seconds, over parts whose job has a known ideal cycle time. */
  idealProducedSeconds: number;
  /** Σ ideal cycle time × parts scrapped, seconds, over parts whose job has a known ideal cycle time. */
  idealScrappedSeconds: number;
  /** Parts produced by jobs without a usable ideal cycle time: counted in quality, absent from performance. */
  partsWithoutIdealTime: number;
}

/** The public numbers of API.md "Analytics" (OEEMetrics without machine, period and series), plus ISO 22400-2 KPIs. */
export interface OeeFigures {
  availability: number | null;
  performance: number | null;
  quality: number | null;
  overall_oee: number | null;
  benchmark_comparison: number | null;
  /** Seconds. */
  time_model: {
    planned_production_time: number;
    run_time: number;
    planned_stop_time: number;
    unplanned_stop_time: number;
    small_stop_time: number;
  };
  counts: { total: number; good: number; scrap: number };
  /** The six big losses as time, seconds. */
  losses: {
    unplanned_stops: number;
    planned_stops: number;
    small_stops: number;
    slow_cycles: number;
    production_rejects: number;
  };
  kpis: {
    technical_efficiency: number | null;
    setup_rate: number | null;
    scrap_ratio: number | null;
    nee: number | null;
    /** Seconds. */
    mtbf: number | null;
    /** Seconds. */
    mttr: number | null;
    failures: number;
  };
}

/** A time bucket [from, to) of a series; `label` is e.g. an ISO date, an ISO week, or a shift name and date. */
export interface Bucket {
  from: number;
  to: number;
  label: string;
}
