import { IANAZone } from 'luxon';

const SQL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?)?$/;
const HOUR_MS = 3_600_000;

/**
 * A source DATETIME ('YYYY-MM-DD HH:MM:SS[.fff]', or a DATE as its midnight; wall time of the source's zone) as a UTC ISO instant. A wall time
 * that does not exist (skipped by a spring-forward change) is read with the offset before the change, i.e. moved
 * forward by the gap; a repeated one (autumn) is read as its first occurrence — MySQL DATETIME cannot tell the two
 * apart, and the answer must not depend on the day the row is synced. Null for an unparseable or impossible value.
 */
export function sourceTimeToUtc(value: string, zone: string): string | null {
  const wall = plainDateTimeMs(value) ?? parsedWallTimeMs(value.trim());
  if (wall === null) return null;
  const offset = offsetForWallTime(zone, wall);
  return offset === null ? null : new Date(wall - offset * 60_000).toISOString();
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

const QUARTER_HOUR_MS = 900_000;
const offsetCache = new Map<string, number | null>();
// Consecutive rows are mostly in the same quarter hour: the last answer is kept aside from the map.
let last: { zone: string; quarter: number; offset: number | null } | undefined;

/**
 * The UTC offset (minutes) that applies to a wall time of `zone`. Zones change offset only on quarter-hour
 * boundaries, so the answer is cached per zone and quarter hour: syncing a million rows asks the time-zone database
 * a few thousand times, not a million.
 */
function offsetForWallTime(zone: string, wall: number): number | null {
  const quarter = Math.floor(wall / QUARTER_HOUR_MS);
  if (last !== undefined && last.quarter === quarter && last.zone === zone) return last.offset;
  const key = `${zone}|${quarter}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) {
    last = { zone, quarter, offset: cached };
    return cached;
  }
  const tz = IANAZone.create(zone);
  let result: number | null = null;
  if (tz.isValid) {
    // The offsets in force half a day either side bound every offset the wall time can have.
    const before = tz.offset(wall - 12 * HOUR_MS);
    const after = tz.offset(wall + 12 * HOUR_MS);
    const fitting = [...new Set([before, after])].filter((offset) => tz.offset(wall - offset * 60_000) === offset);
    // Ambiguous (autumn): the larger offset is the earlier instant, the first occurrence. None fits (spring gap):
    // the offset before the change moves the time forward by the gap.
    result = fitting.length > 0 ? Math.max(...fitting) : before;
  }
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(key, result);
  last = { zone, quarter, offset: result };
  return result;
}
