import { normaliseDowntimeType } from '@shopfloor/contracts';

// The OEE categories of the stop types are in @shopfloor/contracts (downtime-categories.ts); these two name the
// events the failure models learn from.

/** A machine failure as the simulator and the CIMCO source record it. */
export function isBreakdown(type: string): boolean {
  return normaliseDowntimeType(type) === 'BREAKDOWN';
}

export function isPlannedMaintenance(type: string): boolean {
  return normaliseDowntimeType(type) === 'PLANNED_MAINTENANCE';
}
