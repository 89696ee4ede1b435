import { normaliseDowntimeType } from '@shopfloor/contracts';

// ISO 22400-2 AUST (actual unit setup time) is the setup part of the planned stops (categories: @shopfloor/contracts).
const SETUP = new Set(['SETUP', 'CHANGEOVER']);

/** Whether a downtime type is setup or changeover (the ISO 22400-2 AUST part of the planned stops). */
export function isSetupDowntime(downtimeType: string): boolean {
  return SETUP.has(normaliseDowntimeType(downtimeType));
}
