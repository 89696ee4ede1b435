/**
 * One machine's shop-floor history as the feature pipeline reads it: the fields it uses of the canonical records
 * (`@shopfloor/contracts`, records/shopfloor-schema.ts), with times as UTC epoch milliseconds. The service maps:
 *
 * - `JobRecord` → `JobInput`: start_time → start, end_time → end (null while running), ideal_cycle_time →
 *   idealCycleTimeS, cycle_time → cycleTimeS, parts_produced → partsProduced, parts_scrapped → partsScrapped.
 * - `DowntimeRecord` → `StopInput`: start_time → start, duration → durationS, downtime_type → type (as the source
 *   has it; categorised case-insensitively here).
 * - `MachineReadingRecord` → `ReadingInput`: reading_time → time, metric → metric, value → value.
 *
 * Machine events are not used: stops and jobs carry the same information with durations attached.
 */
export interface MachineHistory {
  readonly jobs: readonly JobInput[];
  readonly stops: readonly StopInput[];
  /** Sensor readings; absent or empty for a machine without sensors. */
  readonly readings?: readonly ReadingInput[];
  /**
   * First instant the records are complete from (default: the earliest record). Windows are clipped to it, so time
   * before the data starts is not mistaken for run time.
   */
  readonly since?: number;
  /**
   * Instant the records are complete up to (default: the latest start or end of any record). Training examples
   * whose label horizon runs past it are dropped.
   */
  readonly until?: number;
}

export interface JobInput {
  readonly start: number;
  /** Null while the job runs. */
  readonly end: number | null;
  readonly idealCycleTimeS: number | null;
  /** Actual mean seconds per part. */
  readonly cycleTimeS: number | null;
  readonly partsProduced: number | null;
  readonly partsScrapped: number | null;
}

export interface StopInput {
  readonly start: number;
  readonly durationS: number;
  /** downtime_type as recorded (BREAK, SETUP, BREAKDOWN, ...). */
  readonly type: string;
}

export interface ReadingInput {
  readonly time: number;
  readonly metric: string;
  readonly value: number;
}
