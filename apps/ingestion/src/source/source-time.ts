import { DateTime } from 'luxon';

/**
 * A source DATETIME ('YYYY-MM-DD HH:MM:SS[.fff]', wall time of the source's zone) as a UTC ISO instant. A wall time
 * that does not exist (skipped by a spring-forward change) is moved forward by the gap; a repeated one (autumn)
 * is read as its first occurrence — MySQL DATETIME cannot tell the two apart. Null for an unparseable value.
 */
export function sourceTimeToUtc(value: string, zone: string): string | null {
  const parsed = DateTime.fromSQL(value, { zone });
  if (!parsed.isValid) return null;
  return parsed.toUTC().toISO({ suppressMilliseconds: false });
}
