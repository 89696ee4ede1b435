import type { DowntimeCategory } from './oee.types';

// API.md "OEE conventions": these types are no production at all (removed from planned production time) ...
const NO_PRODUCTION = new Set(['BREAK', 'NO_DEMAND', 'SHUTDOWN', 'PLANNED']);
// ... and these are planned stops inside planned production time.
const PLANNED_STOP = new Set(['SETUP', 'CHANGEOVER', 'PLANNED_MAINTENANCE']);
// ISO 22400-2 AUST (actual unit setup time) is the setup part of the planned stops.
const SETUP = new Set(['SETUP', 'CHANGEOVER']);

function normalise(downtimeType: string): string {
  return downtimeType.trim().toUpperCase();
}

/** The OEE category of a downtime type, case-insensitive; unknown types are unplanned stops (API.md). */
export function downtimeCategory(downtimeType: string): DowntimeCategory {
  const type = normalise(downtimeType);
  if (NO_PRODUCTION.has(type)) return 'no_production';
  if (PLANNED_STOP.has(type)) return 'planned_stop';
  return 'unplanned_stop';
}

/** Whether a downtime type is setup or changeover (the ISO 22400-2 AUST part of the planned stops). */
export function isSetupDowntime(downtimeType: string): boolean {
  return SETUP.has(normalise(downtimeType));
}
