import { WEEKDAYS, type AlertSeverity, type WeekdayName } from '@shopfloor/contracts';
import { IANAZone } from 'luxon';

/** Quiet hours as a rule keeps them, with their defaults filled in. */
export interface QuietHoursSpec {
  timezone: string;
  start: string;
  end: string;
  days: WeekdayName[];
  except_critical: boolean;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Quiet periods that follow each other without a gap (a weekend of 24-hour periods) are followed this far. */
const MAX_CHAINED_PERIODS = 8;

function minutesOf(wallTime: string): number {
  const [hours, minutes] = wallTime.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * The instant of a wall time in `zone` (the local date and time written as UTC epoch milliseconds). A wall time
 * skipped by a spring change moves forward by the gap (02:30 → 03:30 in Europe/Berlin); one repeated in autumn is its
 * first occurrence — the convention the platform's calendars follow (RFC 9557 / Temporal "compatible").
 */
export function instantOfWallTime(zone: IANAZone, wall: number): number {
  const offsetAt = (instant: number): number => zone.offset(instant) * MINUTE;
  const before = offsetAt(wall - DAY);
  const after = offsetAt(wall + DAY);
  const early = wall - before;
  const late = wall - after;
  const earlyValid = offsetAt(early) === before;
  const lateValid = offsetAt(late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid && !earlyValid) return late;
  return early;
}

/**
 * The end of the quiet period `at` falls in, or null when it falls in none. A period starts at `start` wall time on
 * each of `days` and ends at `end` — on the next day when `end` is at or before `start` — so across a clock change it
 * lasts its real length (22:00–06:00 over the autumn change is 9 hours).
 */
export function quietPeriodEnd(quiet: QuietHoursSpec, at: Date): Date | null {
  if (!IANAZone.isValidZone(quiet.timezone)) return null;
  const zone = IANAZone.create(quiet.timezone);
  const startMinute = minutesOf(quiet.start);
  const endMinute = minutesOf(quiet.end);
  const endDay = endMinute <= startMinute ? 1 : 0;
  const instant = at.getTime();
  const today = Math.floor((instant + zone.offset(instant) * MINUTE) / DAY) * DAY;
  // A period lasts at most a day, so one containing `at` started on the local day of `at` or the day before.
  for (const day of [today - DAY, today]) {
    const weekday: WeekdayName = WEEKDAYS[(new Date(day).getUTCDay() + 6) % 7];
    if (!quiet.days.includes(weekday)) continue;
    const from = instantOfWallTime(zone, day + startMinute * MINUTE);
    const to = instantOfWallTime(zone, day + endDay * DAY + endMinute * MINUTE);
    if (from <= instant && instant < to) return new Date(to);
  }
  return null;
}

/**
 * When the e-mails and webhooks of a notice may go out: null for at once, else the end of the quiet hours (of the
 * last of several periods in a row). Critical alerts pass unless the rule says they wait too.
 */
export function noticeNotBefore(quiet: QuietHoursSpec | null, severity: AlertSeverity, at: Date): Date | null {
  if (quiet === null || (severity === 'critical' && quiet.except_critical)) return null;
  let end = quietPeriodEnd(quiet, at);
  for (let period = 1; end !== null && period < MAX_CHAINED_PERIODS; period += 1) {
    const next = quietPeriodEnd(quiet, end);
    if (next === null) break;
    end = next;
  }
  return end;
}

/** Quiet hours that leave no moment free: every day, and each period a whole day long. */
export function coversWholeWeek(quiet: { start: string; end: string; days: readonly WeekdayName[] }): boolean {
  return quiet.start === quiet.end && WEEKDAYS.every((day) => quiet.days.includes(day));
}
