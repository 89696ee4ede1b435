import { CalendarError } from './calendar.error';
import { calendarProblems } from './calendar-problems';
import type { ShiftCalendar } from './oee.types';

/**
 * Refuses a calendar with problems before any time is computed with it: overlapping shifts would silently count
 * hours twice in shift buckets, an unknown zone would fail deep inside the date maths.
 */
export function assertValidCalendar(calendar: ShiftCalendar): void {
  const problems = calendarProblems(calendar);
  if (problems.length > 0) {
    throw new CalendarError(`Invalid shift calendar: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  }
}
