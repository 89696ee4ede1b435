import { DEFAULT_MICRO_STOP_THRESHOLD_S, downtimeCategory, type DowntimeCategory } from '@shopfloor/contracts';
import { ZoneClock } from '@shopfloor/time';
import { lowerBound, upperBound } from '@shopfloor/util';
import { assertValidCalendar } from './assert-valid-calendar';
import { ascending, IntervalSet } from './interval-set';
import type { JobInput, OeeInput, OeeTotals } from './oee.types';
import { isSetupDowntime } from './setup-downtime';
import { shiftOccurrences } from './shift-occurrences';
import { zeroTotals } from './sum-totals';

/** A job reduced to what attribution needs; `end === start` for a zero-length job. */
interface PreparedJob {
  start: number;
  end: number;
  produced: number;
  scrapped: number;
  /** Seconds per part; null when unknown or unusable. */
  ideal: number | null;
}

/** The category of a stop, with setup told apart inside the planned stops (ISO 22400-2 AUST). */
type StopKind = DowntimeCategory | 'setup';

function stopKind(downtimeType: string): StopKind {
  const category = downtimeCategory(downtimeType);
  return category === 'planned_stop' && isSetupDowntime(downtimeType) ? 'setup' : category;
}

/** Stop records of one kind as parallel start and end arrays. */
class Bounds {
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  add(start: number, end: number): void {
    this.starts.push(start);
    this.ends.push(end);
  }

  toSet(): IntervalSet {
    return IntervalSet.fromBounds(this.starts, this.ends);
  }
}

/** A range already clipped to the period, with where its totals go. */
interface Slot {
  from: number;
  to: number;
  totals: OeeTotals;
}

function finiteOrZero(value: number | null): number {
  return value !== null && Number.isFinite(value) ? value : 0;
}

/**
 * Orders jobs completely, so that sums of fractional parts are added in the same order whatever order the records
 * came in (floating-point addition is not associative; the result must not depend on the database's row order).
 */
function compareJobs(a: PreparedJob, b: PreparedJob): number {
  return a.start - b.start || a.end - b.end || a.produced - b.produced || a.scrapped - b.scrapped || (a.ideal ?? -1) - (b.ideal ?? -1);
}

function prepareJob(job: JobInput, now: number): PreparedJob | null {
  const start = job.start;
  // API.md / brief: a running job (end null) runs until now; an end before the start is read as a zero-length job.
  const end = job.end === null ? now : job.end;
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  const produced = finiteOrZero(job.partsProduced);
  const scrapped = finiteOrZero(job.partsScrapped);
  if (produced === 0 && scrapped === 0) return null;
  // A zero or negative standard time is no standard: such parts count in quality but not in performance.
  const ideal = job.idealCycleTime !== null && Number.isFinite(job.idealCycleTime) && job.idealCycleTime > 0 ? job.idealCycleTime : null;
  return { start, end: Math.max(start, end), produced, scrapped, ideal };
}

/** Adds a job's parts to a slot: the share of its duration inside the slot (brief: pro-rata, not clipped to shifts). */
function attribute(job: PreparedJob, slot: Slot): void {
  let share: number;
  if (job.end === job.start) {
    share = job.start >= slot.from && job.start < slot.to ? 1 : 0;
  } else {
    const overlap = Math.min(job.end, slot.to) - Math.max(job.start, slot.from);
    share = overlap <= 0 ? 0 : overlap === job.end - job.start ? 1 : overlap / (job.end - job.start);
  }
  if (share === 0) return;
  const produced = job.produced * share;
  const scrapped = job.scrapped * share;
  const t = slot.totals;
  t.partsProduced += produced;
  t.partsScrapped += scrapped;
  if (job.ideal === null) {
    t.partsWithoutIdealTime += produced;
  } else {
    t.idealProducedSeconds += job.ideal * produced;
    t.idealScrappedSeconds += job.ideal * scrapped;
  }
}

/**
 * One machine's time model over the effective period, built once (records sorted, interval sets formed) and then
 * measured for any sub-range in O(log n) — the whole period, or every bucket of a series without rescanning records.
 *
 * The effective period is [from, min(to, now)): time that has not happened yet holds neither production nor stops,
 * and counting it as planned production would show a shift that is still ahead as run time.
 */
export class OeeTimeline {
  private constructor(
    readonly from: number,
    readonly to: number,
    private readonly calendar: IntervalSet,
    private readonly noProduction: IntervalSet,
    private readonly plannedStop: IntervalSet,
    private readonly setup: IntervalSet,
    private readonly unplannedStop: IntervalSet,
    private readonly smallStop: IntervalSet,
    /** The first visible instant of each failure, ascending: a failure is counted where it first shows. */
    private readonly failureStarts: Float64Array,
    private readonly jobs: readonly PreparedJob[],
  ) {}

  static build(input: OeeInput): OeeTimeline {
    const threshold = input.microStopThresholdSeconds ?? DEFAULT_MICRO_STOP_THRESHOLD_S;
    if (![input.from, input.to, input.now, threshold].every(Number.isFinite) || threshold < 0) {
      throw new RangeError('from, to and now must be finite epoch milliseconds, the micro-stop threshold a finite number ≥ 0');
    }
    const from = Math.round(input.from);
    const to = Math.max(from, Math.round(Math.min(input.to, input.now)));
    let calendar = IntervalSet.of(from, to);
    if (input.calendar !== null) {
      assertValidCalendar(input.calendar);
      const clock = ZoneClock.forZone(input.calendar.timezone);
      calendar = IntervalSet.fromIntervals(shiftOccurrences(input.calendar, from, to, clock)).clip(from, to);
    }

    // Parallel start/end arrays per category; a type's category is looked up once per distinct type string.
    const bounds = { noProduction: new Bounds(), plannedStop: new Bounds(), setup: new Bounds(), unplanned: new Bounds(), small: new Bounds() };
    const kinds = new Map<string, StopKind>();
    for (const stop of input.stops) {
      if (!Number.isFinite(stop.start) || !Number.isFinite(stop.durationSeconds) || stop.durationSeconds <= 0) continue;
      const start = Math.round(stop.start);
      const end = Math.round(stop.start + stop.durationSeconds * 1000);
      if (end <= from || start >= to) continue;
      let kind = kinds.get(stop.downtimeType);
      if (kind === undefined) {
        kind = stopKind(stop.downtimeType);
        kinds.set(stop.downtimeType, kind);
      }
      switch (kind) {
        case 'no_production':
          bounds.noProduction.add(start, end);
          break;
        case 'setup':
          bounds.setup.add(start, end);
          bounds.plannedStop.add(start, end);
          break;
        case 'planned_stop':
          bounds.plannedStop.add(start, end);
          break;
        case 'unplanned_stop':
          // API.md: the micro-stop test uses the record's own duration, not the part inside the period or shift.
          (stop.durationSeconds < threshold ? bounds.small : bounds.unplanned).add(start, end);
          break;
      }
    }

    // Stops count only inside shift time, and where they overlap the higher category wins (API.md).
    const noProduction = bounds.noProduction.toSet().intersect(calendar);
    const plannedStop = bounds.plannedStop.toSet().intersect(calendar).subtract(noProduction);
    const setup = bounds.setup.toSet().intersect(plannedStop);
    const overriding = noProduction.union(plannedStop);
    const unplannedStop = bounds.unplanned.toSet().intersect(calendar).subtract(overriding);
    // A small stop inside a longer unplanned stop is already lost time; it must not count twice.
    const smallStop = bounds.small.toSet().intersect(calendar).subtract(overriding.union(unplannedStop));

    // Failures: unplanned, non-small records with time left in the shifts after the higher categories.
    const open = calendar.subtract(overriding);
    const failures = bounds.unplanned;
    const firstInstants = new Float64Array(failures.starts.length);
    let failureCount = 0;
    for (let k = 0; k < failures.starts.length; k += 1) {
      const first = open.firstPointAtOrAfter(failures.starts[k]);
      if (first !== null && first < failures.ends[k]) firstInstants[failureCount++] = first;
    }
    const failureStarts = ascending(firstInstants.subarray(0, failureCount));

    const jobs: PreparedJob[] = [];
    for (const job of input.jobs) {
      const prepared = prepareJob(job, input.now);
      if (prepared === null) continue;
      const inside = prepared.end > prepared.start ? prepared.end > from && prepared.start < to : prepared.start >= from && prepared.start < to;
      if (inside) jobs.push(prepared);
    }
    jobs.sort(compareJobs);

    return new OeeTimeline(from, to, calendar, noProduction, plannedStop, setup, unplannedStop, smallStop, failureStarts, jobs);
  }

  /** Totals of [from, to) ∩ the effective period. */
  totalsWithin(from: number, to: number): OeeTotals {
    return this.totalsFor([{ from, to }])[0];
  }

  /**
   * Totals of each range ∩ the effective period, in the order given. Ranges that partition the period sum exactly to
   * its totals: times are exact integers, each failure sits in one range, parts are split by time.
   */
  totalsFor(ranges: readonly { from: number; to: number }[]): OeeTotals[] {
    const slots: Slot[] = ranges.map((r) => {
      const from = Math.max(r.from, this.from);
      const to = Math.min(r.to, this.to);
      const totals = zeroTotals();
      if (from < to) this.measureTimes(from, to, totals);
      return { from, to, totals };
    });
    this.attributeParts(slots.filter((s) => s.from < s.to));
    return slots.map((s) => s.totals);
  }

  private measureTimes(from: number, to: number, totals: OeeTotals): void {
    totals.calendarMs = this.calendar.measureWithin(from, to);
    totals.noProductionMs = this.noProduction.measureWithin(from, to);
    totals.plannedProductionMs = totals.calendarMs - totals.noProductionMs;
    totals.plannedStopMs = this.plannedStop.measureWithin(from, to);
    totals.setupMs = this.setup.measureWithin(from, to);
    totals.unplannedStopMs = this.unplannedStop.measureWithin(from, to);
    totals.smallStopMs = this.smallStop.measureWithin(from, to);
    totals.runMs = totals.plannedProductionMs - totals.plannedStopMs - totals.unplannedStopMs;
    totals.failures = lowerBound(this.failureStarts, to) - lowerBound(this.failureStarts, from);
  }

  /** Spreads every job over the slots it touches; disjoint slots are found by binary search, not by a full scan. */
  private attributeParts(slots: Slot[]): void {
    if (slots.length === 0 || this.jobs.length === 0) return;
    const sorted = [...slots].sort((a, b) => a.from - b.from);
    const disjoint = sorted.every((s, i) => i === 0 || sorted[i - 1].to <= s.from);
    if (!disjoint) {
      for (const job of this.jobs) for (const slot of slots) attribute(job, slot);
      return;
    }
    const ends = sorted.map((s) => s.to);
    for (const job of this.jobs) {
      // The first slot ending after the job's start; a zero-length job lands in at most that one.
      for (let i = upperBound(ends, job.start); i < sorted.length && sorted[i].from <= job.end; i += 1) {
        attribute(job, sorted[i]);
        if (job.end === job.start) break;
      }
    }
  }
}
