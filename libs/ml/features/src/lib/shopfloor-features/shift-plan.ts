import { MINUTES_PER_DAY, parseWallTime } from '@shopfloor/time';

/** A shift as wall-clock times in the calendar's zone; it crosses midnight when `end` is not after `start`. */
export interface ShiftDefinition {
  readonly start: string;
  readonly end: string;
}

/** Minutes after midnight; an end of `24:00` is the midnight the shift ends at, 0 like any other midnight here. */
function minutesOf(wall: string, allowMidnightEnd: boolean): number {
  const minutes = parseWallTime(wall, allowMidnightEnd);
  if (minutes === null) throw new RangeError(`Shift time must be HH:MM from 00:00 to 23:59 (24:00 as an end): ${wall}`);
  return minutes % MINUTES_PER_DAY;
}

/**
 * Which shift of a daily plan a wall-clock time falls in. Wall time, not elapsed time, decides, so on a
 * daylight-saving day a 22:00–06:00 shift simply lasts its real 7 or 9 hours.
 */
export class ShiftPlan {
  private readonly bounds: readonly (readonly [start: number, end: number])[];

  constructor(shifts: readonly ShiftDefinition[]) {
    this.bounds = shifts.map((s) => [minutesOf(s.start, false), minutesOf(s.end, true)] as const);
  }

  get size(): number {
    return this.bounds.length;
  }

  /** Index in the plan of the first shift containing the time (start inclusive, end exclusive); −1 outside all. */
  indexAt(minuteOfDay: number): number {
    return this.bounds.findIndex(([start, end]) =>
      // Equal start and end is a 24-hour shift.
      start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end,
    );
  }
}
