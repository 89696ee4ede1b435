import { lowerBound } from '@shopfloor/util';
import type { EventTimeline } from './event-timeline';
import { type FeatureLayout, type WindowColumns, featureLayout } from './feature-layout';
import { type FeatureOptions, type ResolvedFeatureOptions, resolveFeatureOptions } from './feature-options';
import type { MachineHistory } from './machine-history';
import { MachineHistoryIndex } from './machine-history-index';
import { ShiftPlan } from './shift-plan';
import { WallClock } from './wall-clock';

const HOUR_MS = 3_600_000;
const TAU = 2 * Math.PI;

/** A model's input row: the fixed column names and their values (NaN where a value does not exist). */
export interface FeatureVector {
  readonly names: readonly string[];
  readonly values: Float64Array;
}

/** x / y, or NaN when y is 0 (API.md: a ratio with a zero denominator has no value, it is not 0). */
const ratio = (x: number, y: number): number => (y > 0 ? x / y : Number.NaN);

/**
 * Features of one machine at any instant from its history strictly before that instant. The history is indexed
 * once at construction; each instant then costs O(log n) plus the readings of the short window, so training
 * (thousands of instants) and serving (one) run the same code.
 *
 * Definitions (windows are [at − w, at), clipped to the history's `since`):
 * - `*_count_w`: stops of the category starting in the window. Categories per API.md: planned_stop (setup,
 *   changeover, planned maintenance), unplanned_stop (unplanned, at least the micro-stop threshold), small_stop
 *   (unplanned, shorter), breakdown (downtime_type BREAKDOWN, whatever its length).
 * - `*_hours_w`: time the category covers inside the window, a stop running over `at` counted up to `at`;
 *   overlapping records count once, no_production winning over planned over unplanned over small.
 * - `run_hours_w` = window − no_production − planned_stop − unplanned_stop time (small stops stay in run time).
 * - `unplanned_stops_per_run_hour_w` = unplanned_stop count / run hours.
 * - `mtbf_hours_long` = run hours / unplanned_stop count and `mttr_hours_long` = unplanned_stop hours / count, over
 *   the long window (ISO 22400-2 MTBF and MTTR, failures being unplanned stops from the micro-stop threshold up).
 * - `hours_since_*`: from the end of the latest such stop started before `at` (0 while it runs), capped;
 *   `run_hours_since_renewal`: run time since the end of the latest maintenance or breakdown (the machine's wear
 *   clock), capped. NaN when there is none in the history.
 * - `cycle_time_ratio_w`: mean actual / ideal cycle time of jobs finished before `at` that overlap the window,
 *   weighted by parts × the share of the job's duration inside the window; `scrap_rate_w` = scrapped / produced
 *   with the same weights. Running jobs are left out: their counts would change after `at`.
 * - sensors over the short window: mean, sample standard deviation, least-squares slope per hour, latest value.
 * - calendar: hour of day and ISO weekday of `at` in the zone as sin/cos pairs; `shift_index`: index of the plan's
 *   shift containing `at`'s wall time, −1 outside all shifts.
 */
export class MachineFeatureExtractor {
  readonly names: readonly string[];
  readonly options: ResolvedFeatureOptions;
  private readonly layout: FeatureLayout;
  private readonly index: MachineHistoryIndex;
  private readonly clock: WallClock;
  private readonly shiftPlan: ShiftPlan | null;

  constructor(history: MachineHistory, options?: FeatureOptions) {
    this.options = resolveFeatureOptions(options);
    this.layout = featureLayout(this.options);
    this.names = this.layout.names;
    this.clock = new WallClock(this.options.timezone);
    this.shiftPlan = this.options.shifts ? new ShiftPlan(this.options.shifts) : null;
    this.index = new MachineHistoryIndex(history, this.options.microStopThresholdS, this.options.metrics);
  }

  get history(): MachineHistoryIndex {
    return this.index;
  }

  vector(at: number): FeatureVector {
    return { names: this.names, values: this.values(at) };
  }

  /** The values at `at` in column order, into `out` when given (length ≥ names.length). */
  values(at: number, out: Float64Array = new Float64Array(this.names.length)): Float64Array {
    if (!Number.isFinite(at)) throw new RangeError(`at must be an epoch-ms instant, got ${at}`);
    const L = this.layout;
    for (const w of L.windows) this.windowFeatures(at, w, out);
    const [, long] = L.windows;
    const failures = out[long.unplannedStopCount];
    out[L.mtbfHours] = ratio(out[long.runHours], failures);
    out[L.mttrHours] = ratio(out[long.unplannedStopHours], failures);
    this.sinceFeatures(at, out);
    this.sensorFeatures(at, out);
    this.calendarFeatures(at, out);
    return out;
  }

  private windowStart(at: number, hours: number): number {
    return Math.min(at, Math.max(at - hours * HOUR_MS, this.index.since));
  }

  private windowFeatures(at: number, w: WindowColumns, out: Float64Array): void {
    const h = this.index;
    const a = this.windowStart(at, w.hours);
    const hours = (coverage: { covered(a: number, b: number): number }): number => coverage.covered(a, at) / HOUR_MS;
    out[w.plannedStopCount] = h.plannedStops.countStarting(a, at);
    out[w.plannedStopHours] = hours(h.plannedStop);
    out[w.unplannedStopCount] = h.unplannedStops.countStarting(a, at);
    out[w.unplannedStopHours] = hours(h.unplannedStop);
    out[w.smallStopCount] = h.smallStops.countStarting(a, at);
    out[w.smallStopHours] = hours(h.smallStop);
    out[w.breakdownCount] = h.breakdowns.countStarting(a, at);
    out[w.breakdownHours] = hours(h.breakdown);
    out[w.noProductionHours] = hours(h.noProduction);
    out[w.runHours] = h.runHours(a, at);
    out[w.unplannedStopRate] = ratio(out[w.unplannedStopCount], out[w.runHours]);
    this.jobFeatures(a, at, w, out);
  }

  private jobFeatures(a: number, at: number, w: WindowColumns, out: Float64Array): void {
    const jobs = this.index.finishedJobs;
    let cycleSum = 0;
    let cycleWeight = 0;
    let produced = 0;
    let scrapped = 0;
    // Sorted by end: the jobs ending in [a, at) are contiguous; longer jobs reaching back before a share pro rata.
    for (let i = lowerBound(this.index.finishedJobEnds, a); i < jobs.length && jobs[i].end < at; i++) {
      const job = jobs[i];
      const length = job.end - job.start;
      const share = length > 0 ? (job.end - Math.max(job.start, a)) / length : 1;
      if (!(share > 0)) continue;
      const parts = job.partsProduced * share;
      produced += parts;
      scrapped += job.partsScrapped * share;
      const { cycleTimeS, idealCycleTimeS } = job;
      if (cycleTimeS !== null && idealCycleTimeS !== null && cycleTimeS > 0 && idealCycleTimeS > 0 && parts > 0) {
        cycleSum += parts * (cycleTimeS / idealCycleTimeS);
        cycleWeight += parts;
      }
    }
    out[w.cycleTimeRatio] = ratio(cycleSum, cycleWeight);
    out[w.scrapRate] = ratio(scrapped, produced);
  }

  private sinceFeatures(at: number, out: Float64Array): void {
    const h = this.index;
    const cap = this.options.sinceCapHours;
    const hoursSince = (timeline: EventTimeline): number => Math.min(cap, (at - timeline.lastEndBefore(at)) / HOUR_MS);
    out[this.layout.hoursSinceUnplannedStop] = hoursSince(h.unplannedStops);
    out[this.layout.hoursSinceBreakdown] = hoursSince(h.breakdowns);
    out[this.layout.hoursSinceMaintenance] = hoursSince(h.maintenance);
    const renewals = [h.maintenance.lastEndBefore(at), h.breakdowns.lastEndBefore(at)].filter((t) => !Number.isNaN(t));
    out[this.layout.runHoursSinceRenewal] = renewals.length > 0 ? Math.min(cap, h.runHours(Math.max(...renewals), at)) : Number.NaN;
  }

  private sensorFeatures(at: number, out: Float64Array): void {
    const a = this.windowStart(at, this.options.shortWindowHours);
    for (const columns of this.layout.sensors) {
      const series = this.index.sensors.get(columns.metric);
      const agg = series ? series.aggregate(a, at) : null;
      out[columns.mean] = agg ? agg.mean : Number.NaN;
      out[columns.std] = agg ? agg.std : Number.NaN;
      out[columns.slopePerHour] = agg ? agg.slopePerHour : Number.NaN;
      out[columns.last] = agg ? agg.last : Number.NaN;
    }
  }

  private calendarFeatures(at: number, out: Float64Array): void {
    const L = this.layout;
    const wall = this.clock.at(at);
    const hour = wall.minuteOfDay / 60;
    out[L.hourSin] = Math.sin((TAU * hour) / 24);
    out[L.hourCos] = Math.cos((TAU * hour) / 24);
    out[L.weekdaySin] = Math.sin((TAU * wall.weekday) / 7);
    out[L.weekdayCos] = Math.cos((TAU * wall.weekday) / 7);
    if (L.shiftIndex !== null && this.shiftPlan) out[L.shiftIndex] = this.shiftPlan.indexAt(wall.minuteOfDay);
  }
}
