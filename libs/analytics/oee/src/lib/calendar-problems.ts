import { MINUTES_PER_DAY, parseWallTime, shiftSpan, ZoneClock } from '@shopfloor/time';
import { MAX_SHIFT_NAME_LENGTH, MAX_SHIFTS, WEEKDAYS } from './oee.constants';
import type { CalendarProblem, Weekday } from './oee.types';

/** A shift that passed its own checks, ready for the overlap check. */
interface CheckedShift {
  index: number;
  name: string;
  days: Weekday[];
  start: number;
  end: number;
}

// An unknown name costs a fresh Intl look-up each time (a fraction of a millisecond); the answer cannot change while the process runs.
const zoneValidity = new Map<string, boolean>();
const MAX_REMEMBERED_ZONES = 1_000;

function isValidZone(name: string): boolean {
  let valid = zoneValidity.get(name);
  if (valid === undefined) {
    valid = ZoneClock.isValidZone(name);
    if (zoneValidity.size >= MAX_REMEMBERED_ZONES) zoneValidity.clear();
    zoneValidity.set(name, valid);
  }
  return valid;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'string' && (WEEKDAYS as readonly string[]).includes(value);
}

function checkShift(shift: unknown, index: number, problems: CalendarProblem[]): CheckedShift | null {
  const at = `shifts[${index}]`;
  if (!isRecord(shift)) {
    problems.push({ field: at, message: 'must be an object with name, days, start and end' });
    return null;
  }
  const before = problems.length;
  const { name, days, start, end } = shift;
  if (typeof name !== 'string' || name.trim() === '') {
    problems.push({ field: `${at}.name`, message: 'must be a non-empty string' });
  } else if (name.length > MAX_SHIFT_NAME_LENGTH) {
    problems.push({ field: `${at}.name`, message: `must be at most ${MAX_SHIFT_NAME_LENGTH} characters` });
  }
  if (!Array.isArray(days) || days.length === 0) {
    problems.push({ field: `${at}.days`, message: `must be a non-empty list of ${WEEKDAYS.join(', ')}` });
  } else {
    days.forEach((day: unknown, k) => {
      if (!isWeekday(day)) problems.push({ field: `${at}.days[${k}]`, message: `must be one of ${WEEKDAYS.join(', ')}` });
    });
    if (new Set(days).size !== days.length) problems.push({ field: `${at}.days`, message: 'must not repeat a day' });
  }
  const startMinute = parseWallTime(start);
  const endMinute = parseWallTime(end, true);
  if (startMinute === null) problems.push({ field: `${at}.start`, message: 'must be a time HH:MM from 00:00 to 23:59' });
  if (endMinute === null) {
    problems.push({ field: `${at}.end`, message: 'must be a time HH:MM from 00:00 to 23:59, or 24:00 for the midnight ending the day' });
  } else if (startMinute !== null && start === end) {
    // Equal times would make the shift either empty or a whole day; a whole day is written 00:00–24:00.
    problems.push({ field: `${at}.end`, message: 'must differ from start (write a 24-hour shift as 00:00–24:00)' });
  }
  if (problems.length > before || startMinute === null || endMinute === null) return null;
  const span = shiftSpan(startMinute, endMinute);
  return { index, name: (name as string).trim(), days: days as Weekday[], start: span.start, end: span.end };
}

/**
 * Overlaps on the wall clock over a sample fortnight (Monday first), so that a Sunday night shift is also checked
 * against Monday morning. Wall-clock disjointness is enough: the map from wall time to instant is monotone (a
 * skipped time moves forward, a repeated one takes its first occurrence), so disjoint wall spans stay disjoint.
 */
function overlapProblems(shifts: CheckedShift[]): CalendarProblem[] {
  const spans: { shift: CheckedShift; day: number; start: number; end: number }[] = [];
  for (let day = 0; day < 14; day += 1) {
    for (const shift of shifts) {
      if (!shift.days.includes(WEEKDAYS[day % 7])) continue;
      const midnight = day * MINUTES_PER_DAY;
      spans.push({ shift, day, start: midnight + shift.start, end: midnight + shift.end });
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const reported = new Set<string>();
  const problems: CalendarProblem[] = [];
  for (let i = 0; i < spans.length; i += 1) {
    for (let j = i + 1; j < spans.length && spans[j].start < spans[i].end; j += 1) {
      const [a, b] = [spans[i].shift, spans[j].shift].sort((x, y) => x.index - y.index);
      const key = `${a.index}/${b.index}`;
      if (a.index === b.index || reported.has(key)) continue;
      reported.add(key);
      problems.push({
        field: `shifts[${b.index}]`,
        message: `overlaps shift "${a.name}" (on ${WEEKDAYS[spans[j].day % 7]})`,
      });
    }
  }
  return problems;
}

/**
 * Everything wrong with a calendar body, or [] when it is valid: an object with a valid IANA `timezone` (Intl) and
 * 1–50 `shifts`, each with a unique non-empty name of at most 50 characters (compared trimmed and case-insensitively,
 * since names label the shift buckets), a non-empty list of distinct weekdays, `HH:MM` start and end (end may be
 * `24:00`), start ≠ end; and no two shifts overlapping in time.
 */
export function calendarProblems(calendar: unknown): CalendarProblem[] {
  if (!isRecord(calendar)) return [{ field: 'calendar', message: 'must be an object with timezone and shifts' }];
  const problems: CalendarProblem[] = [];
  const { timezone, shifts } = calendar;
  if (typeof timezone !== 'string' || !isValidZone(timezone)) {
    problems.push({ field: 'timezone', message: 'must be an IANA time zone name, e.g. Europe/Berlin' });
  }
  if (!Array.isArray(shifts) || shifts.length === 0) {
    problems.push({ field: 'shifts', message: 'must be a non-empty list of shifts' });
    return problems;
  }
  if (shifts.length > MAX_SHIFTS) problems.push({ field: 'shifts', message: `must hold at most ${MAX_SHIFTS} shifts` });
  const checked: CheckedShift[] = [];
  const names = new Map<string, number>();
  shifts.forEach((shift: unknown, index) => {
    const ok = checkShift(shift, index, problems);
    const name = isRecord(shift) && typeof shift['name'] === 'string' ? shift['name'].trim().toLowerCase() : '';
    if (name !== '') {
      const first = names.get(name);
      if (first === undefined) names.set(name, index);
      else problems.push({ field: `shifts[${index}].name`, message: `repeats the name of shifts[${first}]` });
    }
    if (ok !== null) checked.push(ok);
  });
  return [...problems, ...overlapProblems(checked)];
}
