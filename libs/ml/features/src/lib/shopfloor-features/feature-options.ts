import { DEFAULT_MICRO_STOP_THRESHOLD_S } from '@shopfloor/contracts';
import type { ShiftDefinition } from './shift-plan';

/**
 * Metrics the simulator writes to machine_readings (apps/simulator, READING_METRICS): the default sensor columns,
 * so the column list is the same whether or not a machine has readings.
 */
export const DEFAULT_SENSOR_METRICS: readonly string[] = ['spindle_load', 'spindle_temp', 'coolant_temp', 'vibration', 'tool_wear', 'power'];

export interface FeatureOptions {
  /** Window of the recent stop counts, job figures and sensor aggregates (hours, default 24). */
  readonly shortWindowHours?: number;
  /** Window of the longer stop counts, job figures, MTBF and MTTR (hours, default 168). */
  readonly longWindowHours?: number;
  /** An unplanned stop shorter than this is a small stop (seconds, default 120, API.md OEE conventions). */
  readonly microStopThresholdS?: number;
  /** Upper bound of the time-since features (hours, default 2,160 = 90 days): beyond it the age no longer tells. */
  readonly sinceCapHours?: number;
  /** Sensor metrics with columns, in column order (default DEFAULT_SENSOR_METRICS); others are ignored. */
  readonly metrics?: readonly string[];
  /** IANA zone of the calendar features (default UTC). */
  readonly timezone?: string;
  /** Daily shift plan in `timezone`; adds a shift_index column when given. */
  readonly shifts?: readonly ShiftDefinition[];
}

export interface ResolvedFeatureOptions {
  readonly shortWindowHours: number;
  readonly longWindowHours: number;
  readonly microStopThresholdS: number;
  readonly sinceCapHours: number;
  readonly metrics: readonly string[];
  readonly timezone: string;
  readonly shifts: readonly ShiftDefinition[] | null;
}

const positive = (name: string, value: number): number => {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a positive number, got ${value}`);
  return value;
};

/** Options with their defaults filled in; throws RangeError for values that cannot make a column list. */
export function resolveFeatureOptions(options: FeatureOptions = {}): ResolvedFeatureOptions {
  const metrics = options.metrics ?? DEFAULT_SENSOR_METRICS;
  if (new Set(metrics).size !== metrics.length || metrics.some((m) => m.trim() === '')) {
    throw new RangeError('metrics must be distinct, non-empty names');
  }
  const microStopThresholdS = options.microStopThresholdS ?? DEFAULT_MICRO_STOP_THRESHOLD_S;
  if (!(Number.isFinite(microStopThresholdS) && microStopThresholdS >= 0)) throw new RangeError('microStopThresholdS must be ≥ 0');
  return {
    shortWindowHours: positive('shortWindowHours', options.shortWindowHours ?? 24),
    longWindowHours: positive('longWindowHours', options.longWindowHours ?? 168),
    microStopThresholdS,
    sinceCapHours: positive('sinceCapHours', options.sinceCapHours ?? 2160),
    metrics: [...metrics],
    timezone: options.timezone ?? 'UTC',
    shifts: options.shifts && options.shifts.length > 0 ? [...options.shifts] : null,
  };
}
