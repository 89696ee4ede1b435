/** Minutes in a day: the value of the end time `24:00`. */
export const MINUTES_PER_DAY = 1_440;

/** A strict `HH:MM` wall time, 00:00–23:59 (two digits each, 24-hour clock). */
export const WALL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A wall time that may end a day: `HH:MM` or `24:00`, the midnight ending it (ISO 8601). */
export const END_WALL_TIME_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * Minutes after midnight of a strict `HH:MM` wall time (00:00–23:59), or null. With `endOfDay`, `24:00` is accepted
 * as the midnight that ends the day (ISO 8601 allows 24:00 for the end of a day), so a whole-day shift can be
 * written `00:00`–`24:00`.
 */
export function parseWallTime(text: unknown, endOfDay = false): number | null {
  if (typeof text !== 'string') return null;
  if (endOfDay && text === '24:00') return MINUTES_PER_DAY;
  const match = WALL_TIME_PATTERN.exec(text);
  return match === null ? null : Number(match[1]) * 60 + Number(match[2]);
}

/**
 * A shift's span in minutes after midnight of its start day (API.md: a shift may cross midnight): an end at or
 * before the start crosses midnight, so equal times are a 24-hour shift, and `24:00` (1440) ends at the next
 * midnight. The end is at most 2 × 1440.
 */
export function shiftSpan(startMinute: number, endMinute: number): { start: number; end: number } {
  return { start: startMinute, end: endMinute <= startMinute ? endMinute + MINUTES_PER_DAY : endMinute };
}
