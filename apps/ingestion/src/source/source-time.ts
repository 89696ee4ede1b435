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
  const m = SQL_DATETIME.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part ?? 0));
  const millis = Math.round(Number(`0.${m[7] ?? '0'}`) * 1000);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  const offset = offsetForWallTime(zone, wall);
  return offset === null ? null : new Date(wall - offset * 60_000).toISOString();
}

const QUARTER_HOUR_MS = 900_000;
const offsetCache = new Map<string, number | null>();

/**
 * The UTC offset (minutes) that applies to a wall time of `zone`. Zones change offset only on quarter-hour
 * boundaries, so the answer is cached per zone and quarter hour: syncing a million rows asks the time-zone database
 * a few thousand times, not a million.
 */
function offsetForWallTime(zone: string, wall: number): number | null {
  const key = `${zone}|${Math.floor(wall / QUARTER_HOUR_MS)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
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
  return result;
}
