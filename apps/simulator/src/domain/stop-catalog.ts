import { AZURE_PDM } from './azure-pdm-calibration';

/** Downtime types as the source records them (see cimco-source.sql). */
export type PlannedDowntimeType = 'BREAK' | 'NO_DEMAND' | 'SETUP' | 'CHANGEOVER' | 'PLANNED_MAINTENANCE';
export type UnplannedDowntimeType = 'MATERIAL' | 'TOOLING' | 'QUALITY' | 'OPERATOR' | 'BREAKDOWN';
export type DowntimeType = PlannedDowntimeType | UnplannedDowntimeType;

export interface StopReason {
  readonly downtimeType: DowntimeType;
  readonly reasonCode: string;
  readonly description: string;
}

interface WeightedReason {
  readonly weight: number;
  readonly value: StopReason;
}

const reason = (weight: number, downtimeType: UnplannedDowntimeType, reasonCode: string, description: string): WeightedReason => ({
  weight,
  value: { downtimeType, reasonCode, description },
});

/** Duration law of a stop class: lognormal by median and log-sd, redrawn into [minS, maxS]. */
export interface DurationLaw {
  readonly medianS: number;
  readonly sigma: number;
  readonly minS: number;
  readonly maxS: number;
}

export interface RandomStopClass {
  readonly name: 'MICRO' | 'MINOR' | 'MAJOR';
  /** Stops per hour of cutting time (before the machine type's factor for micro-stops). */
  readonly ratePerRunHour: number;
  readonly duration: DurationLaw;
  readonly reasons: readonly WeightedReason[];
}

/**
 * Random stops while cutting, by class. Micro-stops (30–119 s) are the common, uncoded interruptions an MDC still
 * registers; minor stops last minutes; major ones tens of minutes. Rates are typical of MDC data from job shops
 * (about one micro-stop per run hour) and are the defaults, not fitted data.
 */
export const RANDOM_STOP_CLASSES: readonly RandomStopClass[] = [
  {
    name: 'MICRO',
    ratePerRunHour: 1,
    duration: { medianS: 55, sigma: 0.35, minS: 30, maxS: 119 },
    reasons: [
      reason(35, 'OPERATOR', 'U01', 'Micro-stop: chip clearing'),
      reason(20, 'OPERATOR', 'U02', 'Micro-stop: door opened, feed hold'),
      reason(20, 'MATERIAL', 'U03', 'Micro-stop: loader or bar feeder fault'),
      reason(15, 'TOOLING', 'U04', 'Micro-stop: tool offset correction'),
      reason(10, 'QUALITY', 'U05', 'Micro-stop: in-process measurement'),
    ],
  },
  {
    name: 'MINOR',
    ratePerRunHour: 0.2,
    duration: { medianS: 6 * 60, sigma: 0.6, minS: 120, maxS: 30 * 60 },
    reasons: [
      reason(35, 'MATERIAL', 'U11', 'Waiting for material at the machine'),
      reason(25, 'QUALITY', 'U12', 'Waiting for inspection'),
      reason(25, 'OPERATOR', 'U13', 'Operator attending another machine'),
      reason(15, 'QUALITY', 'U14', 'Program correction'),
    ],
  },
  {
    name: 'MAJOR',
    ratePerRunHour: 0.012,
    duration: { medianS: 45 * 60, sigma: 0.5, minS: 30 * 60, maxS: 3 * 3600 },
    reasons: [
      reason(35, 'MATERIAL', 'U21', 'Material shortage'),
      reason(30, 'QUALITY', 'U22', 'Quality hold: out of tolerance'),
      reason(20, 'OPERATOR', 'U23', 'No operator available'),
      reason(15, 'TOOLING', 'U24', 'Tool not available'),
    ],
  },
];

/** Breakdowns by failed component, in the shares of the Azure PdM failures (comp1..comp4). */
export const BREAKDOWN_REASONS: readonly WeightedReason[] = [
  reason(AZURE_PDM.componentFailureShares[0], 'BREAKDOWN', 'F01', 'Breakdown: spindle'),
  reason(AZURE_PDM.componentFailureShares[1], 'BREAKDOWN', 'F02', 'Breakdown: axis drive / ball screw'),
  reason(AZURE_PDM.componentFailureShares[2], 'BREAKDOWN', 'F03', 'Breakdown: hydraulics / lubrication'),
  reason(AZURE_PDM.componentFailureShares[3], 'BREAKDOWN', 'F04', 'Breakdown: control / electrical'),
];

/** Repair time after a breakdown (Azure PdM records no durations: typical CNC repair times, hours). */
export const BREAKDOWN_DURATION: DurationLaw = { medianS: 2.5 * 3600, sigma: 0.6, minS: 3600, maxS: 16 * 3600 };

export const PLANNED_MAINTENANCE: StopReason = { downtimeType: 'PLANNED_MAINTENANCE', reasonCode: 'P01', description: 'Planned maintenance' };
export const PLANNED_MAINTENANCE_DURATION: DurationLaw = { medianS: 3 * 3600, sigma: 0.3, minS: 1.5 * 3600, maxS: 6 * 3600 };

export const TOOL_CHANGE: StopReason = { downtimeType: 'TOOLING', reasonCode: 'T01', description: 'Tool change at end of tool life' };
export const TOOL_CHANGE_DURATION: DurationLaw = { medianS: 4 * 60, sigma: 0.4, minS: 90, maxS: 12 * 60 };
export const TOOL_BREAKAGE: StopReason = { downtimeType: 'TOOLING', reasonCode: 'T02', description: 'Tool breakage' };
export const TOOL_BREAKAGE_DURATION: DurationLaw = { medianS: 18 * 60, sigma: 0.5, minS: 8 * 60, maxS: 60 * 60 };

export const SETUP: StopReason = { downtimeType: 'SETUP', reasonCode: 'S01', description: 'Setup for a new part' };
export const CHANGEOVER: StopReason = { downtimeType: 'CHANGEOVER', reasonCode: 'S02', description: 'Changeover within the part family' };
export const NO_SHIFT: StopReason = { downtimeType: 'NO_DEMAND', reasonCode: 'N01', description: 'No shift scheduled' };
export const NO_ORDER: StopReason = { downtimeType: 'NO_DEMAND', reasonCode: 'N02', description: 'No order released' };
export const NO_ORDER_DURATION: DurationLaw = { medianS: 40 * 60, sigma: 0.6, minS: 10 * 60, maxS: 4 * 3600 };
/** Probability that no order is waiting when a job ends. */
export const NO_ORDER_PROBABILITY = 0.08;
/** Probability that a job is aborted before its quantity is reached. */
export const ABORT_PROBABILITY = 0.03;

export function isUnplanned(type: DowntimeType): type is UnplannedDowntimeType {
  return type === 'MATERIAL' || type === 'TOOLING' || type === 'QUALITY' || type === 'OPERATOR' || type === 'BREAKDOWN';
}
