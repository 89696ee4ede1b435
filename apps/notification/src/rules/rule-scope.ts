import type { RuleView } from '@shopfloor/contracts';

export type ScopeView = RuleView['scope'];

/** What a scope needs to know of a machine besides its id (from analytics' machine list). */
export interface MachineProfile {
  type: string;
  location: string | null;
}

/** Whether a machine's type or location has to be known to tell if it is in the scope. */
export function scopeNeedsProfile(scope: ScopeView): boolean {
  return scope.machine_types.length > 0 || scope.locations.length > 0;
}

/**
 * Whether the machine is in the scope: every list that is not empty must contain it (ids, types, locations). The
 * profile is null for a machine analytics does not know (no type or location to match) and undefined when it could
 * not be asked; the answer is then null, unknown, whenever the scope depends on it.
 */
export function inScope(scope: ScopeView, machineId: string, profile: MachineProfile | null | undefined): boolean | null {
  if (scope.machine_ids.length > 0 && !scope.machine_ids.includes(machineId)) return false;
  if (!scopeNeedsProfile(scope)) return true;
  if (profile === undefined) return null;
  if (profile === null) return false;
  if (scope.machine_types.length > 0 && !scope.machine_types.includes(profile.type)) return false;
  if (scope.locations.length > 0 && (profile.location === null || !scope.locations.includes(profile.location))) return false;
  return true;
}
