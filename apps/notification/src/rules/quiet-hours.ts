import { WEEKDAYS, type AlertSeverity, type WeekdayName } from '@shopfloor/contracts';
import { parseWallTime, shiftSpan, ZoneClock } from '@shopfloor/time';

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

/**
 * The end of the quiet period `at` falls in, or null when it falls in none. A period starts at `start` wall time on
 * each of `days` and ends at `end` — on the next day when `end` is at or before `start` — so across a clock change it
 * lasts its real length (22:00–06:00 over the autumn change is 9 hours).
 */
export function quietPeriodEnd(quiet: QuietHoursSpec, at: Date): Date | null {
  if (!ZoneClock.isValidZone(quiet.timezone)) return null;
  const clock = ZoneClock.forZone(quiet.timezone);
  const startMinute = parseWallTime(quiet.start);
  const endMinute = parseWallTime(quiet.end);
  if (startMinute === null || endMinute === null) return null;
  // The platform's DST rule (@shopfloor/time): a wall time in a spring gap moves forward by the gap, a repeated one is
  // its first occurrence.
  const span = shiftSpan(startMinute, endMinute);
  const instant = at.getTime();
  const today = Math.floor(clock.wallOf(instant) / DAY) * DAY;
  // A period lasts at most a day, so one containing `at` started on the local day of `at` or the day before.
  for (const day of [today - DAY, today]) {
    const weekday: WeekdayName = WEEKDAYS[(new Date(day).getUTCDay() + 6) % 7];
    if (!quiet.days.includes(weekday)) continue;
    const from = clock.instantOf(day + span.start * MINUTE);
    const to = clock.instantOf(day + span.end * MINUTE);
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
