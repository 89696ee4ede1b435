/**
 * Downtime categories of API.md "OEE conventions", written once for everything that sorts stops (the OEE engine,
 * the ml features, the ml copy's SQL): a stop's `downtime_type`, compared trimmed and case-insensitively, is
 * no_production (removed from planned production time), planned_stop, or — anything else, unknown types included —
 * unplanned_stop. An unplanned stop shorter than the micro-stop threshold is a small_stop and stays in run time.
 */
export type DowntimeCategory = 'no_production' | 'planned_stop' | 'unplanned_stop';

/** A downtime category with the short unplanned stops told apart. */
export type StopCategory = DowntimeCategory | 'small_stop';

/** Removed from planned production time (normalised: upper case). */
export const NO_PRODUCTION_DOWNTIME_TYPES: readonly string[] = Object.freeze(['BREAK', 'NO_DEMAND', 'SHUTDOWN', 'PLANNED']);

/** Planned stops inside planned production time (normalised: upper case). */
export const PLANNED_STOP_DOWNTIME_TYPES: readonly string[] = Object.freeze(['SETUP', 'CHANGEOVER', 'PLANNED_MAINTENANCE']);

/** Every type that is not an unplanned stop, e.g. for a SQL `<> ALL(...)` filter on the normalised type. */
export const NOT_UNPLANNED_DOWNTIME_TYPES: readonly string[] = Object.freeze([...NO_PRODUCTION_DOWNTIME_TYPES, ...PLANNED_STOP_DOWNTIME_TYPES]);

/** Unplanned stops shorter than this many seconds are small stops unless configured otherwise. */
export const DEFAULT_MICRO_STOP_THRESHOLD_S = 120;

const NO_PRODUCTION = new Set(NO_PRODUCTION_DOWNTIME_TYPES);
const PLANNED_STOP = new Set(PLANNED_STOP_DOWNTIME_TYPES);

/** A downtime type as the categories compare it: without surrounding blanks, upper case. */
export function normaliseDowntimeType(downtimeType: string): string {
  return downtimeType.trim().toUpperCase();
}

/** The OEE category of a downtime type; unknown types are unplanned stops. */
export function downtimeCategory(downtimeType: string): DowntimeCategory {
  const type = normaliseDowntimeType(downtimeType);
  if (NO_PRODUCTION.has(type)) return 'no_production';
  if (PLANNED_STOP.has(type)) return 'planned_stop';
  return 'unplanned_stop';
}

/** The category of one stop record: the micro-stop test uses the record's own duration (seconds). */
export function stopCategory(downtimeType: string, durationS: number, microStopThresholdS = DEFAULT_MICRO_STOP_THRESHOLD_S): StopCategory {
  const category = downtimeCategory(downtimeType);
  return category === 'unplanned_stop' && durationS < microStopThresholdS ? 'small_stop' : category;
}
