import type { FeatureOptions, ResolvedFeatureOptions } from './feature-options';
import { resolveFeatureOptions } from './feature-options';

/** Column indices of the figures computed per lookback window. */
export interface WindowColumns {
  readonly hours: number;
  readonly plannedStopCount: number;
  readonly plannedStopHours: number;
  readonly unplannedStopCount: number;
  readonly unplannedStopHours: number;
  readonly smallStopCount: number;
  readonly smallStopHours: number;
  readonly breakdownCount: number;
  readonly breakdownHours: number;
  readonly noProductionHours: number;
  readonly runHours: number;
  readonly unplannedStopRate: number;
  readonly cycleTimeRatio: number;
  readonly scrapRate: number;
}

export interface SensorColumns {
  readonly metric: string;
  readonly mean: number;
  readonly std: number;
  readonly slopePerHour: number;
  readonly last: number;
}

/** The model's columns for given options: names in order, and where each computed figure goes. */
export interface FeatureLayout {
  readonly names: readonly string[];
  /** Short window first, then the long one. */
  readonly windows: readonly [WindowColumns, WindowColumns];
  readonly mtbfHours: number;
  readonly mttrHours: number;
  readonly hoursSinceUnplannedStop: number;
  readonly hoursSinceBreakdown: number;
  readonly hoursSinceMaintenance: number;
  readonly runHoursSinceRenewal: number;
  readonly sensors: readonly SensorColumns[];
  readonly hourSin: number;
  readonly hourCos: number;
  readonly weekdaySin: number;
  readonly weekdayCos: number;
  /** Null without a shift plan. */
  readonly shiftIndex: number | null;
}

/** `24h`, `7d`, `36h`, `0.5h`: whole days from two days up, hours below. */
export function windowLabel(hours: number): string {
  return hours >= 48 && hours % 24 === 0 ? `${hours / 24}d` : `${hours}h`;
}

/** Names and column indices, built in one place so they cannot drift apart. */
export function featureLayout(options: ResolvedFeatureOptions): FeatureLayout {
  const names: string[] = [];
  const add = (name: string): number => names.push(name) - 1;
  const windowColumns = (hours: number): WindowColumns => {
    const w = windowLabel(hours);
    return {
      hours,
      plannedStopCount: add(`planned_stop_count_${w}`),
      plannedStopHours: add(`planned_stop_hours_${w}`),
      unplannedStopCount: add(`unplanned_stop_count_${w}`),
      unplannedStopHours: add(`unplanned_stop_hours_${w}`),
      smallStopCount: add(`small_stop_count_${w}`),
      smallStopHours: add(`small_stop_hours_${w}`),
      breakdownCount: add(`breakdown_count_${w}`),
      breakdownHours: add(`breakdown_hours_${w}`),
      noProductionHours: add(`no_production_hours_${w}`),
      runHours: add(`run_hours_${w}`),
      unplannedStopRate: add(`unplanned_stops_per_run_hour_${w}`),
      cycleTimeRatio: add(`cycle_time_ratio_${w}`),
      scrapRate: add(`scrap_rate_${w}`),
    };
  };
  if (windowLabel(options.shortWindowHours) === windowLabel(options.longWindowHours)) {
    throw new RangeError('shortWindowHours and longWindowHours must differ');
  }
  const windows = [windowColumns(options.shortWindowHours), windowColumns(options.longWindowHours)] as const;
  const long = windowLabel(options.longWindowHours);
  const short = windowLabel(options.shortWindowHours);
  return {
    windows,
    mtbfHours: add(`mtbf_hours_${long}`),
    mttrHours: add(`mttr_hours_${long}`),
    hoursSinceUnplannedStop: add('hours_since_unplanned_stop'),
    hoursSinceBreakdown: add('hours_since_breakdown'),
    hoursSinceMaintenance: add('hours_since_maintenance'),
    runHoursSinceRenewal: add('run_hours_since_renewal'),
    sensors: options.metrics.map((metric) => ({
      metric,
      mean: add(`${metric}_mean_${short}`),
      std: add(`${metric}_std_${short}`),
      slopePerHour: add(`${metric}_slope_per_hour_${short}`),
      last: add(`${metric}_last_${short}`),
    })),
    hourSin: add('hour_of_day_sin'),
    hourCos: add('hour_of_day_cos'),
    weekdaySin: add('weekday_sin'),
    weekdayCos: add('weekday_cos'),
    shiftIndex: options.shifts ? add('shift_index') : null,
    names,
  };
}

/** The fixed column list of `machineFeatures` for these options. */
export function featureNames(options?: FeatureOptions): readonly string[] {
  return featureLayout(resolveFeatureOptions(options)).names;
}

/**
 * Where a machine's wear inputs sit in the columns: run hours since the last renewal, and run hours over the long
 * window (its length in hours) from which the run hours expected ahead are estimated.
 */
export function wearColumns(options?: FeatureOptions): { age: number; runHours: number; windowHours: number } {
  const resolved = resolveFeatureOptions(options);
  const layout = featureLayout(resolved);
  return { age: layout.runHoursSinceRenewal, runHours: layout.windows[1].runHours, windowHours: resolved.longWindowHours };
}
