import { ZoneClock } from '@shopfloor/time';
import { assertValidCalendar } from './assert-valid-calendar';
import { CalendarError } from './calendar.error';
import type { Bucket, Granularity, ShiftCalendar } from './oee.types';
import { shiftOccurrences } from './shift-occurrences';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const pad = (n: number): string => String(n).padStart(2, '0');

/** `+01:00` for an offset in ms. */
function offsetText(offset: number): string {
  const minutes = Math.abs(offset) / MINUTE;
  return `${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** `YYYY-MM-DD` of a wall time. */
function dateText(wall: number): string {
  return new Date(wall).toISOString().slice(0, 10);
}

/** ISO 8601 week `YYYY-Www` of a Monday (wall midnight): the week belongs to the year holding its Thursday. */
function isoWeekText(monday: number): string {
  const thursday = new Date(monday + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${pad(week)}`;
}

/**
 * Hours of the wall clock. The next boundary is the next whole wall hour at the current offset, or an offset change
 * if that comes first — so the autumn day has 25 hour buckets (the repeated hour twice, told apart by the offset in
 * the label) and the spring day 23.
 */
function hourBuckets(from: number, to: number, clock: ZoneClock): Bucket[] {
  const out: Bucket[] = [];
  let t = from;
  while (t < to) {
    const offset = clock.offsetAt(t);
    const hourStart = Math.floor((t + offset) / HOUR) * HOUR;
    let next = hourStart + HOUR - offset;
    const transition = clock.nextTransitionAfter(t);
    if (transition !== null && transition < next) next = transition;
    const label = `${new Date(hourStart).toISOString().slice(0, 16)}${offsetText(offset)}`;
    out.push({ from: t, to: Math.min(next, to), label });
    t = next;
  }
  return out;
}

/**
 * Calendar days or ISO weeks (Monday 00:00) of the wall clock: boundaries are wall midnights turned into instants,
 * so a day across a clock change lasts 23 or 25 hours.
 */
function dayBuckets(from: number, to: number, clock: ZoneClock, days: 1 | 7): Bucket[] {
  const out: Bucket[] = [];
  let wall = Math.floor(clock.wallOf(from) / DAY) * DAY;
  if (days === 7) wall -= ((new Date(wall).getUTCDay() + 6) % 7) * DAY;
  let start = from;
  while (start < to) {
    const end = clock.instantOf(wall + days * DAY);
    if (end > start) {
      out.push({ from: start, to: Math.min(end, to), label: days === 7 ? isoWeekText(wall) : dateText(wall) });
      start = end;
    }
    wall += days * DAY;
  }
  return out;
}

/**
 * Buckets of [from, to) for a series, aligned to the wall clock of the calendar's zone (UTC without a calendar).
 * Hour, day and week buckets partition [from, to) exactly, the first and last clipped. Shift buckets are the shift
 * occurrences that intersect [from, to), clipped, labelled with the shift name and its start date; the gaps between
 * shifts are not buckets (they hold no calendar time).
 *
 * @throws CalendarError for shift buckets without a calendar, or an invalid calendar.
 */
export function buckets(from: number, to: number, granularity: Exclude<Granularity, 'none'>, calendar: ShiftCalendar | null): Bucket[] {
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError('from and to must be finite epoch milliseconds');
  if (calendar !== null) assertValidCalendar(calendar);
  if (granularity === 'shift' && calendar === null) {
    throw new CalendarError('Shift buckets need a shift calendar; without one the machine is planned 24/7 and has no shifts');
  }
  if (!(from < to)) return [];
  const clock = calendar === null ? ZoneClock.utc() : ZoneClock.forZone(calendar.timezone);
  switch (granularity) {
    case 'hour':
      return hourBuckets(from, to, clock);
    case 'day':
      return dayBuckets(from, to, clock, 1);
    case 'week':
      return dayBuckets(from, to, clock, 7);
    case 'shift':
      return shiftOccurrences(calendar as ShiftCalendar, from, to, clock).map((o) => ({
        from: Math.max(o.start, from),
        to: Math.min(o.end, to),
        label: `${o.name} ${o.date}`,
      }));
  }
}
