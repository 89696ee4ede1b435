import { ZoneClock } from '@shopfloor/time';

const SQL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?)?$/;

/**
 * A source DATETIME ('YYYY-MM-DD HH:MM:SS[.fff]', or a DATE as its midnight; wall time of the source's zone) as a UTC ISO instant. A wall time
 * that does not exist (skipped by a spring-forward change) is read with the offset before the change, i.e. moved
 * forward by the gap; a repeated one (autumn) is read as its first occurrence — MySQL DATETIME cannot tell the two
 * apart, and the answer must not depend on the day the row is synced. Null for an unparseable or impossible value.
 */
export function sourceTimeToUtc(value: string, zone: string): string | null {
  const wall = plainDateTimeMs(value) ?? parsedWallTimeMs(value.trim());
  if (wall === null) return null;
  // The clock remembers the constant-offset stretch of the last row: rows in time order cost two comparisons.
  const instant = clockOf(zone)?.instantOf(wall);
  return instant === undefined || Number.isNaN(instant) ? null : new Date(instant).toISOString();
}

/** Any form the pattern accepts, fractions included; null if it does not match or names an impossible date or time. */
function parsedWallTimeMs(value: string): number | null {
  const m = SQL_DATETIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0));
  const millis = Math.round(Number(`0.${m[7] ?? '0'}`) * 1000);
  if (!possible(year, month, day, hour, minute, second)) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

/**
 * The common cases without a regular expression or allocations: exactly 'YYYY-MM-DD HH:MM:SS' or
 * 'YYYY-MM-DD HH:MM:SS.fff', as MySQL returns DATETIME and DATETIME(3). Undefined for anything else (the general
 * parser decides), null for an impossible value.
 */
function plainDateTimeMs(v: string): number | null | undefined {
  if (v.length !== 19 && (v.length !== 23 || v.charCodeAt(19) !== 46)) return undefined;
  if (v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(10) !== 32 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58) return undefined;
  const year = digits(v, 0, 4);
  const month = digits(v, 5, 2);
  const day = digits(v, 8, 2);
  const hour = digits(v, 11, 2);
  const minute = digits(v, 14, 2);
  const second = digits(v, 17, 2);
  const millis = v.length === 23 ? digits(v, 20, 3) : 0;
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || millis < 0) return undefined;
  if (!possible(year, month, day, hour, minute, second)) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

/** The decimal number in `count` characters from `from`, or -1 if one of them is not a digit. */
function digits(v: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i += 1) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A real calendar date and time of day. Years before 100 are refused (Date.UTC would read them as 19xx). */
function possible(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Consecutive rows are mostly in one zone: its clock is kept aside from the clocks' own memo.
let last: { zone: string; clock: ZoneClock | null } | undefined;

/** The zone's clock, or null for a name Intl does not know. */
function clockOf(zone: string): ZoneClock | null {
  if (last !== undefined && last.zone === zone) return last.clock;
  last = { zone, clock: ZoneClock.isValidZone(zone) ? ZoneClock.forZone(zone) : null };
  return last.clock;
}
