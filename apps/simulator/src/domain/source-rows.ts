import type { JOB_STATES, MACHINE_STATES } from '@shopfloor/contracts';
import type { DowntimeType } from './stop-catalog';

/** Job and machine states as ingestion validates them. */
export type JobState = (typeof JOB_STATES)[number];
export type MachineState = (typeof MACHINE_STATES)[number];

/**
 * Rows of the CIMCO source tables as the simulator produces them. Times are UTC epoch milliseconds; the writer
 * turns them into wall time of the source zone. `updatedAt` is the simulated moment of the row's last change.
 */
export interface JobRow {
  jobId: string;
  machineId: string;
  partNumber: string;
  startTime: number;
  endTime: number | null;
  state: JobState;
  operatorId: string;
  /** Seconds. */
  setupTime: number;
  /** Actual mean seconds per part; null before the first part. */
  cycleTime: number | null;
  idealCycleTime: number;
  partsProduced: number;
  partsScrapped: number;
  updatedAt: number;
}

export interface DowntimeRow {
  recordId: string;
  jobId: string | null;
  machineId: string;
  downtimeType: DowntimeType;
  startTime: number;
  /** Seconds. */
  duration: number;
  reasonCode: string;
  description: string;
  updatedAt: number;
}

export interface EventRow {
  machineId: string;
  eventTime: number;
  state: MachineState;
  reasonCode: string | null;
  jobId: string | null;
  partCount: number | null;
}

/** One sample of all analog channels; the writer stores one machine_readings row per metric. */
export interface ReadingSample {
  machineId: string;
  readingTime: number;
  spindleLoad: number;
  spindleTemp: number;
  coolantTemp: number;
  vibration: number;
  toolWear: number;
  power: number;
}

export const READING_METRICS = [
  { key: 'spindleLoad', metric: 'spindle_load', unit: '%' },
  { key: 'spindleTemp', metric: 'spindle_temp', unit: '°C' },
  { key: 'coolantTemp', metric: 'coolant_temp', unit: '°C' },
  { key: 'vibration', metric: 'vibration', unit: 'mm/s' },
  { key: 'toolWear', metric: 'tool_wear', unit: 'min' },
  { key: 'power', metric: 'power', unit: 'kW' },
] as const satisfies readonly { key: keyof ReadingSample; metric: string; unit: string }[];

/** Everything that happened in one stretch of simulated time. */
export interface SimulationBatch {
  /** Jobs inserted or changed (latest version of each). */
  jobs: JobRow[];
  downtime: DowntimeRow[];
  events: EventRow[];
  readings: ReadingSample[];
}

export function emptyBatch(): SimulationBatch {
  return { jobs: [], downtime: [], events: [], readings: [] };
}
