/** Calendar days in a named IANA zone, for periods that start at the shop's midnight whatever the browser's zone. */

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall-clock time in the zone. A time skipped by a spring change is read with the offset before
 * it (so it lands after the gap); a repeated autumn hour is its first occurrence.
 */
export function zonedInstant(ymd: string, timeZone: string, hour = 0, minute = 0): number {
  const [y, m, d] = ymd.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  const before = zoneOffsetMs(wall - 86_400_000, timeZone);
  const after = zoneOffsetMs(wall + 86_400_000, timeZone);
  // Valid readings keep the offset they were read with; in a repeated hour both do, and the earlier is the first.
  if (zoneOffsetMs(wall - before, timeZone) === before) return wall - before;
  if (zoneOffsetMs(wall - after, timeZone) === after) return wall - after;
  // In a spring gap neither does: the offset before the change moves the time forward past the gap.
  return wall - before;
}

/** Today's date (YYYY-MM-DD) in the zone. */
export function todayIn(timeZone: string, now = Date.now()): string {
  return new Date(now + zoneOffsetMs(now, timeZone)).toISOString().slice(0, 10);
}

/** The date `days` after (or before) a YYYY-MM-DD date. */
export function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whether a string is a real calendar date in YYYY-MM-DD form. */
export function isDate(value: string | null): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** [from, to) of `days` whole days from a date's midnight in the zone, as ISO instants. */
export function daysPeriod(ymd: string, days: number, timeZone: string): { from: string; to: string } {
  return { from: new Date(zonedInstant(ymd, timeZone)).toISOString(), to: new Date(zonedInstant(addDays(ymd, days), timeZone)).toISOString() };
}
