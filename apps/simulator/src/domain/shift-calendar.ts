import { hashUniform } from '@shopfloor/util';
import { type ZoneClock, localDateOf } from './zone-clock';

export type ShiftPatternName = 'THREE_SHIFT' | 'TWO_SHIFT';

type ClockTime = readonly [hour: number, minute: number];

export interface BreakDef {
  readonly at: ClockTime;
  readonly minutes: number;
  readonly reasonCode: string;
  readonly description: string;
}

export interface ShiftDef {
  readonly name: 'EARLY' | 'LATE' | 'NIGHT';
  readonly start: ClockTime;
  /** Ends the next day when not after `start`. */
  readonly end: ClockTime;
  readonly breaks: readonly BreakDef[];
}

export interface ShiftPattern {
  readonly shifts: readonly ShiftDef[];
  /**
   * Weekdays (0 = Sunday) a shift runs, keyed by shift name; a night shift belongs to the day it starts, so the
   * Sunday-night shift opens the week.
   */
  readonly weekdays: Readonly<Record<ShiftDef['name'], readonly number[]>>;
  /** Probability that a Saturday gets an extra early shift (overtime when orders pile up). */
  readonly saturdayOvertime: number;
}

const meal = (h: number, m: number): BreakDef => ({ at: [h, m], minutes: 30, reasonCode: 'B01', description: 'Meal break' });
const short = (h: number, m: number): BreakDef => ({ at: [h, m], minutes: 15, reasonCode: 'B02', description: 'Short break' });

export const SHIFTS: Readonly<Record<ShiftDef['name'], ShiftDef>> = {
  EARLY: { name: 'EARLY', start: [6, 0], end: [14, 0], breaks: [short(9, 0), meal(11, 30)] },
  LATE: { name: 'LATE', start: [14, 0], end: [22, 0], breaks: [short(17, 0), meal(19, 0)] },
  // 02:00 falls into the spring-forward gap in central Europe; fromWall moves it to 03:00.
  NIGHT: { name: 'NIGHT', start: [22, 0], end: [6, 0], breaks: [meal(2, 0), short(4, 0)] },
};

const MON_FRI = [1, 2, 3, 4, 5];

export const SHIFT_PATTERNS: Readonly<Record<ShiftPatternName, ShiftPattern>> = {
  THREE_SHIFT: {
    shifts: [SHIFTS.EARLY, SHIFTS.LATE, SHIFTS.NIGHT],
    weekdays: { EARLY: MON_FRI, LATE: MON_FRI, NIGHT: [0, 1, 2, 3, 4] },
    saturdayOvertime: 0.35,
  },
  TWO_SHIFT: {
    shifts: [SHIFTS.EARLY, SHIFTS.LATE],
    weekdays: { EARLY: MON_FRI, LATE: MON_FRI, NIGHT: [] },
    saturdayOvertime: 0.15,
  },
};

/** Public holidays on fixed dates (MM-DD) common to most of Europe; moving feasts are left out. */
export const FIXED_HOLIDAYS: readonly string[] = ['01-01', '05-01', '12-24', '12-25', '12-26', '12-31'];

export type PlanKind = 'WORK' | 'BREAK' | 'OFF';

export interface PlanPiece {
  readonly kind: PlanKind;
  readonly start: number;
  readonly end: number;
  /** Shift name for WORK and BREAK. */
  readonly shift: ShiftDef['name'] | null;
  readonly reasonCode: string | null;
  readonly description: string | null;
}

/** How far ahead an OFF period is searched for the next shift (longer idle spans are split, which is harmless). */
const LOOKAHEAD_DAYS = 14;

/**
 * The planned time of one hall: shifts with their breaks on working days, everything else OFF. Wall times are
 * turned into instants per day through the zone, so shifts keep their local clock times across DST (a night shift
 * over a change lasts 7 or 9 hours).
 */
export class ShiftCalendar {
  private readonly days = new Map<number, PlanPiece[]>();
  /** The piece answered last: consecutive questions mostly fall into it. */
  private last: PlanPiece | null = null;

  constructor(
    private readonly pattern: ShiftPattern,
    private readonly clock: ZoneClock,
    private readonly hallKey: string,
    private readonly seed: number,
    private readonly holidays: readonly string[] = FIXED_HOLIDAYS,
  ) {}

  /** The planned piece containing `t`; for OFF, `start` is the time asked for (only its end matters). */
  at(t: number): PlanPiece {
    const last = this.last;
    if (last !== null && last.start <= t && t < last.end) return last;
    const piece = this.find(t);
    this.last = piece;
    return piece;
  }

  private find(t: number): PlanPiece {
    const today = this.clock.localTime(t).dayNumber;
    for (const day of [today - 1, today]) {
      for (const piece of this.piecesOf(day)) if (piece.start <= t && t < piece.end) return piece;
    }
    for (let day = today; day <= today + LOOKAHEAD_DAYS; day++) {
      const next = this.piecesOf(day).find((piece) => piece.start > t);
      if (next) return { kind: 'OFF', start: t, end: next.start, shift: null, reasonCode: null, description: null };
    }
    return { kind: 'OFF', start: t, end: t + LOOKAHEAD_DAYS * 86_400_000, shift: null, reasonCode: null, description: null };
  }

  /** WORK and BREAK pieces of the shifts starting on a local day, in time order. */
  piecesOf(dayNumber: number): readonly PlanPiece[] {
    let pieces = this.days.get(dayNumber);
    if (!pieces) {
      pieces = this.buildDay(dayNumber);
      this.days.set(dayNumber, pieces);
      if (this.days.size > 64) this.days.delete(this.days.keys().next().value as number);
    }
    return pieces;
  }

  isHoliday(dayNumber: number): boolean {
    const { month, day } = localDateOf(dayNumber);
    const key = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return this.holidays.includes(key);
  }

  private shiftRuns(shift: ShiftDef, dayNumber: number): boolean {
    const { weekday } = localDateOf(dayNumber);
    // A night shift counts for the day it ends on, so the night before a holiday is off too.
    const workday = shift.name === 'NIGHT' ? dayNumber + 1 : dayNumber;
    if (this.isHoliday(workday)) return false;
    if (this.pattern.weekdays[shift.name].includes(weekday)) return true;
    return weekday === 6 && shift.name === 'EARLY' && hashUniform(this.seed, this.hallKey, 'saturday', dayNumber) < this.pattern.saturdayOvertime;
  }

  private buildDay(dayNumber: number): PlanPiece[] {
    const pieces: PlanPiece[] = [];
    for (const shift of this.pattern.shifts) {
      if (!this.shiftRuns(shift, dayNumber)) continue;
      const overnight = shift.end[0] * 60 + shift.end[1] <= shift.start[0] * 60 + shift.start[1];
      const start = this.clock.fromWall(dayNumber, shift.start[0], shift.start[1]);
      const end = this.clock.fromWall(dayNumber + (overnight ? 1 : 0), shift.end[0], shift.end[1]);
      let cursor = start;
      for (const brk of shift.breaks) {
        const breakDay = overnight && brk.at[0] * 60 + brk.at[1] < shift.start[0] * 60 + shift.start[1] ? dayNumber + 1 : dayNumber;
        const breakStart = this.clock.fromWall(breakDay, brk.at[0], brk.at[1]);
        const breakEnd = Math.min(end, breakStart + brk.minutes * 60_000);
        if (breakStart <= cursor || breakStart >= end) continue;
        pieces.push({ kind: 'WORK', start: cursor, end: breakStart, shift: shift.name, reasonCode: null, description: null });
        pieces.push({ kind: 'BREAK', start: breakStart, end: breakEnd, shift: shift.name, reasonCode: brk.reasonCode, description: brk.description });
        cursor = breakEnd;
      }
      if (cursor < end) pieces.push({ kind: 'WORK', start: cursor, end, shift: shift.name, reasonCode: null, description: null });
    }
    return pieces;
  }
}
