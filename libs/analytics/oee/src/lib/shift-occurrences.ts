import { parseWallTime, shiftSpan, type ZoneClock } from '@shopfloor/time';
import { WEEKDAYS } from './oee.constants';
import type { ShiftCalendar } from './oee.types';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** One occurrence of a shift: real instants [start, end), and the wall date (YYYY-MM-DD) on which it starts. */
export interface ShiftOccurrence {
  name: string;
  start: number;
  end: number;
  date: string;
}

/** The ISO weekday index (0 = Monday) of a wall-time midnight. */
function weekdayIndex(wallMidnight: number): number {
  return (new Date(wallMidnight).getUTCDay() + 6) % 7;
}

/**
 * Every occurrence of the calendar's shifts that intersects [from, to), ordered by start; the calendar must be valid
 * (`calendarProblems` is empty). Start and end are wall times of the zone turned into instants one by one, so a
 * shift lasts its real length on a daylight-saving day (API.md: 22:00–06:00 across the autumn change is 9 hours).
 * A start or end in the spring gap moves forward by the gap (see `ZoneClock.instantOf`); a shift whose start is thus
 * moved to or past its end (e.g. 02:30–03:15 on that day) does not occur.
 */
export function shiftOccurrences(calendar: ShiftCalendar, from: number, to: number, clock: ZoneClock): ShiftOccurrence[] {
  if (!(from < to)) return [];
  const shifts = calendar.shifts.map((s) => ({
    name: s.name,
    days: new Set(s.days),
    span: shiftSpan(parseWallTime(s.start) ?? 0, parseWallTime(s.end, true) ?? 0),
  }));
  // A shift is at most a day long (in wall time), so only one starting the day before `from` can still reach into it.
  const firstDay = Math.floor(clock.wallOf(from) / DAY) * DAY - DAY;
  const lastDay = Math.floor(clock.wallOf(to - 1) / DAY) * DAY;
  const out: ShiftOccurrence[] = [];
  for (let day = firstDay; day <= lastDay; day += DAY) {
    const weekday = WEEKDAYS[weekdayIndex(day)];
    for (const shift of shifts) {
      if (!shift.days.has(weekday)) continue;
      const start = clock.instantOf(day + shift.span.start * MINUTE);
      const end = clock.instantOf(day + shift.span.end * MINUTE);
      if (end > start && end > from && start < to) {
        out.push({ name: shift.name, start, end, date: new Date(day).toISOString().slice(0, 10) });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
