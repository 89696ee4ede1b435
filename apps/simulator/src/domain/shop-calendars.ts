import { buildShop } from './machine-catalog';
import { SHIFT_PATTERNS, type ShiftDef } from './shift-calendar';

/** A machine's shift calendar in the platform's API shape (`PUT /api/v1/calendars/{machine_id}`). */
export interface CalendarDefinition {
  timezone: string;
  shifts: { name: string; days: string[]; start: string; end: string }[];
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const wall = ([hour, minute]: readonly [number, number]): string => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/**
 * The weekly shift plan each simulated machine works to, as a shop would enter it: the pattern's shifts on their
 * weekdays. Breaks are not part of it (the machines record them as planned stops), nor are holidays and overtime
 * Saturdays (exceptions, not the plan).
 */
export function shopCalendars(machines: number, timezone: string, machinePrefix?: string): Record<string, CalendarDefinition> {
  const calendars: Record<string, CalendarDefinition> = {};
  for (const machine of buildShop(machines, 1, Date.now(), machinePrefix)) {
    const pattern = SHIFT_PATTERNS[machine.profile.shiftPattern];
    calendars[machine.machineId] = {
      timezone,
      shifts: pattern.shifts.map((shift: ShiftDef) => ({
        name: shift.name.toLowerCase(),
        days: [...pattern.weekdays[shift.name]].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => DAY_NAMES[d]),
        start: wall(shift.start),
        end: wall(shift.end),
      })),
    };
  }
  return calendars;
}
