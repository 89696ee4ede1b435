import { DEFAULT_MICRO_STOP_THRESHOLD_S, stopCategory, type StopCategory } from '@shopfloor/contracts';
import { ZoneClock } from '@shopfloor/time';
import { assertValidCalendar } from './assert-valid-calendar';
import { IntervalSet } from './interval-set';
import { WEEKDAYS } from './oee.constants';
import type { ShiftCalendar, StopInput, Weekday } from './oee.types';
import { shiftOccurrences } from './shift-occurrences';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** The loss categories a Pareto shows; no_production (breaks, no demand) is not a loss and is left out. */
export type LossCategory = Exclude<StopCategory, 'no_production'>;

/** One machine's stops for the period [from, to). */
export interface DowntimePatternInput {
  from: number;
  to: number;
  /** Time after now has not happened yet. */
  now: number;
  calendar: ShiftCalendar | null;
  stops: StopInput[];
  microStopThresholdSeconds?: number;
  /** Zone of the heat map's wall clock (the same for every machine of an aggregate); UTC when omitted. */
  heatmapZone?: string;
}

/** Additive sums of one or more machines: times in integer ms. */
export interface DowntimePatternTotals {
  /** By `category|reason`. */
  reasons: Map<string, { category: LossCategory; reason: string; ms: number; count: number }>;
  /** 7 × 24 cells, Monday 00:00 first: lost ms and stops starting in the cell. */
  heatMs: number[];
  heatCount: number[];
  lossMs: number;
}

export interface ParetoEntry {
  reason_code: string;
  category: LossCategory;
  /** Seconds inside the planned time of the period. */
  duration: number;
  count: number;
  /** Of all lost time in the Pareto; null when there is none. */
  share: number | null;
  cumulative_share: number | null;
}

export interface HeatmapCell {
  weekday: Weekday;
  hour: number;
  /** Seconds of lost time in this hour of the week. */
  duration: number;
  /** Stops that began in it. */
  count: number;
}

/** Records without a reason code are grouped by what the source says they are. */
export const UNSPECIFIED_REASON = 'UNSPECIFIED';

/**
 * Downtime patterns of one machine: lost time per reason and per hour of the week, counted like OEE counts it —
 * clipped to [from, min(to, now)) and to the calendar's shifts, with breaks and other no-production time taken out
 * (API.md "OEE conventions"), small stops told apart by their own duration. Within one reason overlapping records
 * count once; the heat map is built from the union of all lost time, so it never counts a minute twice. Two
 * different reasons overlapping each keep their time in the Pareto (the source says both were happening).
 */
export function downtimePatternTotals(input: DowntimePatternInput): DowntimePatternTotals {
  const threshold = input.microStopThresholdSeconds ?? DEFAULT_MICRO_STOP_THRESHOLD_S;
  const from = Math.round(input.from);
  const to = Math.max(from, Math.round(Math.min(input.to, input.now)));
  let planned = IntervalSet.of(from, to);
  if (input.calendar !== null) {
    assertValidCalendar(input.calendar);
    planned = IntervalSet.fromIntervals(shiftOccurrences(input.calendar, from, to, ZoneClock.forZone(input.calendar.timezone))).clip(from, to);
  }

  const noProduction: { start: number; end: number }[] = [];
  const groups = new Map<string, { category: LossCategory; reason: string; starts: number[]; ends: number[] }>();
  for (const stop of input.stops) {
    if (!Number.isFinite(stop.start) || !Number.isFinite(stop.durationSeconds) || stop.durationSeconds <= 0) continue;
    const start = Math.round(stop.start);
    const end = Math.round(stop.start + stop.durationSeconds * 1000);
    if (end <= from || start >= to) continue;
    const category = stopCategory(stop.downtimeType, stop.durationSeconds, threshold);
    if (category === 'no_production') {
      noProduction.push({ start, end });
      continue;
    }
    const reason = stop.reasonCode?.trim() || UNSPECIFIED_REASON;
    const key = `${category}|${reason}`;
    let group = groups.get(key);
    if (!group) {
      group = { category, reason, starts: [], ends: [] };
      groups.set(key, group);
    }
    group.starts.push(start);
    group.ends.push(end);
  }
  const productive = planned.subtract(IntervalSet.fromIntervals(noProduction));

  const totals = emptyPatternTotals();
  const clock = input.heatmapZone ? ZoneClock.forZone(input.heatmapZone) : ZoneClock.utc();
  const allStarts: number[] = [];
  const allEnds: number[] = [];
  for (const [key, group] of groups) {
    const lost = IntervalSet.fromBounds(group.starts, group.ends).intersect(productive);
    let count = 0;
    for (let k = 0; k < group.starts.length; k += 1) {
      const first = lost.firstPointAtOrAfter(group.starts[k]);
      if (first === null || first >= group.ends[k]) continue;
      count += 1;
      totals.heatCount[cellOf(clock.wallOf(first))] += 1;
    }
    if (count === 0) continue;
    totals.reasons.set(key, { category: group.category, reason: group.reason, ms: lost.measure(), count });
    for (const interval of lost.intervals()) {
      allStarts.push(interval.start);
      allEnds.push(interval.end);
    }
  }
  const union = IntervalSet.fromBounds(allStarts, allEnds);
  totals.lossMs = union.measure();
  for (const interval of union.intervals()) addToHeat(totals.heatMs, clock, interval.start, interval.end);
  return totals;
}

export function emptyPatternTotals(): DowntimePatternTotals {
  return { reasons: new Map(), heatMs: new Array<number>(7 * 24).fill(0), heatCount: new Array<number>(7 * 24).fill(0), lossMs: 0 };
}

/** The sums of several machines (each computed with its own calendar, all with the same heat-map zone). */
export function sumPatternTotals(parts: readonly DowntimePatternTotals[]): DowntimePatternTotals {
  const sum = emptyPatternTotals();
  for (const part of parts) {
    for (const [key, entry] of part.reasons) {
      const into = sum.reasons.get(key);
      if (into) {
        into.ms += entry.ms;
        into.count += entry.count;
      } else {
        sum.reasons.set(key, { ...entry });
      }
    }
    for (let i = 0; i < 7 * 24; i += 1) {
      sum.heatMs[i] += part.heatMs[i];
      sum.heatCount[i] += part.heatCount[i];
    }
    sum.lossMs += part.lossMs;
  }
  return sum;
}

/** Reasons by lost time, largest first (ties: more stops first, then by name), with shares of the Pareto's total. */
export function paretoOf(totals: DowntimePatternTotals): ParetoEntry[] {
  const entries = [...totals.reasons.values()].sort(
    (a, b) => b.ms - a.ms || b.count - a.count || a.reason.localeCompare(b.reason) || a.category.localeCompare(b.category),
  );
  const whole = entries.reduce((acc, e) => acc + e.ms, 0);
  let running = 0;
  return entries.map((e) => {
    running += e.ms;
    return {
      reason_code: e.reason,
      category: e.category,
      duration: e.ms / 1000,
      count: e.count,
      share: whole > 0 ? e.ms / whole : null,
      cumulative_share: whole > 0 ? running / whole : null,
    };
  });
}

/** Every hour of the week, Monday 00:00 first. */
export function heatmapOf(totals: DowntimePatternTotals): HeatmapCell[] {
  return totals.heatMs.map((ms, i) => ({ weekday: WEEKDAYS[Math.floor(i / 24)], hour: i % 24, duration: ms / 1000, count: totals.heatCount[i] }));
}

/** Cell index (weekday × 24 + hour) of a wall time. */
function cellOf(wall: number): number {
  const weekday = (new Date(Math.floor(wall / DAY) * DAY).getUTCDay() + 6) % 7;
  const hour = Math.floor((((wall % DAY) + DAY) % DAY) / HOUR);
  return weekday * 24 + hour;
}

/** Spreads [start, end) over the wall-clock hours it covers, exactly, across offset changes. */
function addToHeat(heat: number[], clock: ZoneClock, start: number, end: number): void {
  let t = start;
  while (t < end) {
    const offset = clock.offsetAt(t);
    const wall = t + offset;
    let next = Math.floor(wall / HOUR) * HOUR + HOUR - offset;
    const transition = clock.nextTransitionAfter(t);
    if (transition !== null && transition < next) next = transition;
    const segmentEnd = Math.min(end, next);
    heat[cellOf(wall)] += segmentEnd - t;
    t = segmentEnd;
  }
}
