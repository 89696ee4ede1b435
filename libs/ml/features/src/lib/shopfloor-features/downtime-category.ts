/**
 * OEE category of a stop (API.md "OEE conventions"): no_production is removed from planned production time,
 * planned_stop and unplanned_stop from run time; a small_stop (unplanned, shorter than the micro-stop threshold)
 * stays in run time.
 */
export type DowntimeCategory = 'no_production' | 'planned_stop' | 'unplanned_stop' | 'small_stop';

/** Micro-stop threshold of the OEE conventions (seconds). */
export const DEFAULT_MICRO_STOP_THRESHOLD_S = 120;

const NO_PRODUCTION = new Set(['BREAK', 'NO_DEMAND', 'SHUTDOWN', 'PLANNED']);
const PLANNED_STOP = new Set(['SETUP', 'CHANGEOVER', 'PLANNED_MAINTENANCE']);

const normalise = (type: string): string => type.trim().toUpperCase();

/** Category of a stop from its downtime_type (case-insensitive; unknown types are unplanned) and own duration. */
export function downtimeCategory(type: string, durationS: number, microStopThresholdS = DEFAULT_MICRO_STOP_THRESHOLD_S): DowntimeCategory {
  const t = normalise(type);
  if (NO_PRODUCTION.has(t)) return 'no_production';
  if (PLANNED_STOP.has(t)) return 'planned_stop';
  return durationS < microStopThresholdS ? 'small_stop' : 'unplanned_stop';
}

/** A machine failure as the simulator and the CIMCO source record it. */
export function isBreakdown(type: string): boolean {
  return normalise(type) === 'BREAKDOWN';
}

export function isPlannedMaintenance(type: string): boolean {
  return normalise(type) === 'PLANNED_MAINTENANCE';
}
