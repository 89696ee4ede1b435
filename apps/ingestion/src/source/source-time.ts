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
  const tz = IANAZone.create(zone);
  if (!tz.isValid) return null;
  // The offsets in force half a day either side bound every offset the wall time can have.
  const before = tz.offset(wall - 12 * HOUR_MS);
  const after = tz.offset(wall + 12 * HOUR_MS);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => wall - tz.offset(instant) * 60_000 === instant)
    .sort((a, b) => a - b);
  const instant = candidates.length > 0 ? candidates[0] : wall - before * 60_000;
  return new Date(instant).toISOString();
}
